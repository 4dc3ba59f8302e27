/**
 * The message catalogue's English texts, and its keys: fi.ts and sv.ts must give every key
 * (the compiler says which is missing). ICU MessageFormat: `{n, plural, one {…} other {…}}`,
 * `{name}` for a value. A list of names is one value, formatted by `listOf` in the caller's
 * language. Keys are grouped by the feature that shows them: `<feature>.<what>`.
 */
export const EN = {
  'match.fit': 'Fit {percent} %.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Closes {skills} for # vacancy you nearly match as {occupation}.} other {Closes {skills} for # vacancies you nearly match as {occupation}.}}',
  'training.reason':
    '{n, plural, one {Closes {skills} for # vacancy you nearly match.} other {Closes {skills} for # vacancies you nearly match.}}',
  'training.withinReach':
    '{n, plural, one {It brings # vacancy to a fit of {threshold, number} or more.} other {It brings # vacancies to a fit of {threshold, number} or more.}}',
  'training.relatedSkills': 'skills close to those asked for',
} as const;

export type MessageKey = keyof typeof EN;
