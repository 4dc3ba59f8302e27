/**
 * The message catalogue's English texts, and its keys: fi.ts and sv.ts must give every key
 * (the compiler says which is missing). ICU MessageFormat: `{n, plural, one {…} other {…}}`,
 * `{name}` for a value. A list of names is one value, formatted by `listOf` in the caller's
 * language. Keys are grouped by the feature that shows them: `<feature>.<what>`.
 */
export const EN = {
  'match.fit': 'Fit {percent} %.',
  // Match summaries (explainMatch, match lists: summary).
  'match.skillsMet':
    '{required, plural, one {Meets {met} of # required skill} other {Meets {met} of # required skills}}.',
  'match.skillsMetRelated':
    '{required, plural, one {Meets {met} of # required skill} other {Meets {met} of # required skills}} ({related} through a related skill).',
  'match.noSkills': 'The vacancy lists no required skills.',
  'match.essentialMissing':
    '{n, plural, one {# essential skill is missing} other {# essential skills are missing}}: {skills}.',
  'match.otherMissing':
    '{n, plural, one {# required skill is missing} other {# required skills are missing}}: {skills}.',
  'match.skillsMetNamed': 'Skills met: {skills}.',
  'match.moreSkills': '{n, plural, one {# other} other {# others}}',
  'match.fails.location': 'The work is on site and beyond the jobseeker’s reach.',
  'match.fails.language': 'Does not know the required language well enough: {language}.',
  'match.fails.licence': 'Lacks the required licence or card: {licence}.',
  'match.fails.other': 'Fails a hard requirement: {code}.',
  'match.unknown.jobseekerSkills': 'The jobseeker has no competence profile.',
  'match.unknown.education': 'The jobseeker’s education level is not known.',
  'match.unknown.experience': 'The jobseeker’s work experience is not known.',
  'match.unknown.location': 'The location of the jobseeker or the vacancy is not known.',
} as const;

export type MessageKey = keyof typeof EN;
