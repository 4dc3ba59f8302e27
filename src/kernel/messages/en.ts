/**
 * The message catalogue's English texts, and its keys: fi.ts and sv.ts must give every key
 * (the compiler says which is missing). ICU MessageFormat: `{n, plural, one {…} other {…}}`,
 * `{name}` for a value. A list of names is one value, formatted by `listOf` in the caller's
 * language. Keys are grouped by the feature that shows them: `<feature>.<what>`.
 *
 * What belongs here: texts a person reads (summaries, reasons, explanations, changes, pages).
 * What does not: errors for integrators (GraphQL error messages, a refused field's `reason`,
 * HTTP errors) stay English, since developers read them and code matches `extensions.code` and
 * the field; and codes (hardFailures, missingData, enum values) that the texts put in words.
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
  // Requirement insights and revision comparisons (requirementInsights, compareRequirementRevisions).
  'insights.pool':
    '{pool, plural, one {# jobseeker scores} other {# jobseekers score}} at least {threshold, number} and {pool, plural, one {meets} other {meet}} the hard requirements.',
  'insights.poolHidden':
    'Fewer than {hidden} jobseekers score at least {threshold, number} and meet the hard requirements (not shown for privacy).',
  'insights.effectsHidden':
    'How many each requirement keeps out is not shown where fewer than {hidden} would be counted.',
  'insights.noneExcludes': 'No single requirement keeps candidates out.',
  'insights.mostExcludes':
    '“{label}” keeps the most out: without it there would be {more, number} more.',
  'insights.mostExcludesFew': '“{label}” keeps the most out: without it there would be a few more.',
  'compare.poolsHidden':
    'Candidates scoring at least {threshold, number} against today’s jobseekers: fewer than {hidden} in one of the revisions, so the counts are not shown.',
  'compare.pools':
    'Against today’s jobseekers, revision {from} has {fromCount, plural, one {# candidate} other {# candidates}} scoring at least {threshold, number} and revision {to} has {toCount, number}.',
  'change.skillAdded': 'Added skill “{label}” ({importance}, level {level}).',
  'change.skillImportance': 'Skill “{label}”: importance {from} → {to}.',
  'change.skillLevel': 'Skill “{label}”: level {from} → {to}.',
  'change.skillRemoved': 'Removed skill “{label}”.',
  'change.languageAdded':
    'Added language {language} {level}{essential, select, yes { (essential)} other {}}.',
  'change.language':
    'Language {language}: {from}{fromEssential, select, yes { essential} other {}} → {to}{toEssential, select, yes { essential} other {}}.',
  'change.languageRemoved': 'Removed language {language}.',
  'change.licenceAdded': 'Added licence or card {licence}.',
  'change.licenceRemoved': 'Removed licence or card {licence}.',
  'change.education': 'Minimum education level {from} → {to}.',
  'change.experience': 'Minimum experience in months {from} → {to}.',
  'change.none': 'none',
  'importance.essential': 'essential',
  'importance.important': 'important',
  'importance.nice_to_have': 'nice to have',
  // Requirement suggestions and skills found in a text (suggestRequirements, extractSkills, linkSkills, levels).
  'suggest.essentialForOccupation': 'ESCO lists it as essential for the occupation.',
  'suggest.optionalForOccupation': 'ESCO lists it as optional for the occupation.',
  'suggest.alsoInText': 'The ad text asks for it too: {words}.',
  'suggest.alsoInTextNoWords': 'The ad text speaks of it too.',
  'extract.textSays': 'The text says {words}, which matches “{label}”.',
  'extract.textSaysNextTo':
    'The text says {words}, which matches “{label}”, next to the related skill “{related}”.',
  'extract.sentenceMeets':
    'The sentence’s words meet what ESCO says of “{label}” (its labels, description and occupations).',
  'level.default': 'Nothing in the text says how well: the working level {level} (the default).',
  'level.word': 'The text says “{cue}” (a level word): level {level}.',
  'level.experience': 'The text says “{cue}” (a stated experience of {duration}): level {level}.',
  'level.years': '{n, plural, one {# year} other {# years}}',
  'level.months': '{n, plural, one {# month} other {# months}}',
  // Skill gaps (skillGap).
  'gap.meets': 'Meets {met} of {required} skill requirements of “{target}”.',
  'gap.meetsRelated':
    'Meets {met} of {required} skill requirements of “{target}” ({related} through a related skill).',
  'gap.counts':
    '{missing, plural, one {# skill is not held} other {# skills are not held}}, {under, plural, one {# is below the level asked} other {# are below the level asked}}.',
  'gap.closeToHeld': 'Some missing skills are close to skills already held (see related).',
  // Profile transfer pages (where Job Market Finland sends the person back).
  'transfer.completed.title': 'Profile imported',
  'transfer.completed.body':
    'Your Job Market Finland profile is in Osaamo as a draft. It changes nothing until you or your counsellor confirm it. You can close this window.',
  'transfer.completedNoDraft.title': 'Profile read',
  'transfer.completedNoDraft.body':
    'Your Job Market Finland profile named no competence Osaamo recognises, so no draft was made. Your counsellor can see what the profile held. You can close this window.',
  'transfer.exported.title': 'Profile exported',
  'transfer.exported.body':
    'Your confirmed competences were sent to your Job Market Finland profile. You can close this window.',
  'transfer.refused.title': 'No permission given',
  'transfer.refused.body':
    'You did not give permission, so nothing was transferred. You can close this window.',
  'transfer.failed.title': 'The transfer did not succeed',
  'transfer.failed.body':
    'Job Market Finland did not answer as expected and nothing was saved. The transfer must be started again from Osaamo.',
  'transfer.expired.title': 'The request expired',
  'transfer.expired.body':
    'Permission must be given within 10 minutes. The transfer must be started again from Osaamo.',
  'transfer.used.title': 'The request was used already',
  'transfer.used.body':
    'This permission has been handled already. A new transfer is started from Osaamo.',
  'transfer.unknown.title': 'Unknown request',
  'transfer.unknown.body': 'Osaamo does not know this request. Transfers are started from Osaamo.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Closes {skills} for # vacancy you nearly match as {occupation}.} other {Closes {skills} for # vacancies you nearly match as {occupation}.}}',
  'training.reason':
    '{n, plural, one {Closes {skills} for # vacancy you nearly match.} other {Closes {skills} for # vacancies you nearly match.}}',
  'training.withinReach':
    '{n, plural, one {It brings # vacancy to a fit of {threshold, number} or more.} other {It brings # vacancies to a fit of {threshold, number} or more.}}',
  'training.relatedSkills': 'skills close to those asked for',
  // Cohort report (issue 18): the structural-change working group's one page.
  'cohort.report.title': 'Structural change: {name}',
  'cohort.report.lead':
    '{members, plural, one {# person} other {# people}}. {withMatch, plural, one {# has} other {# have}} at least one open vacancy with a fit of {floor, number} or more; {withoutMatch, plural, one {# has} other {# have}} none.',
  'cohort.report.leadHidden':
    'Counts of fewer than {hidden} people are not shown to your role; the others are perturbed.',
  'cohort.report.computed':
    'Computed with matching parameters {paramsVersion} at change {matchChangeId}, on {date}.',
  'cohort.report.whereTitle': 'Where the group can go',
  'cohort.report.byMunicipality': 'By municipality',
  'cohort.report.byOccupation': 'By occupation',
  'cohort.report.placed': 'placed by the proposal',
  'cohort.report.couldGo': 'could go',
  'cohort.report.positions': 'positions',
  'cohort.report.vacanciesTitle': 'Vacancies that could take the most',
  'cohort.report.vacancy': 'Vacancy',
  'cohort.report.municipality': 'Municipality',
  'cohort.report.members': 'Matching',
  'cohort.report.absorbable': 'Could take',
  'cohort.report.assignmentTitle': 'Proposal of people to positions',
  'cohort.report.assignment':
    'The proposal places {assigned, plural, one {# person} other {# people}} with a total fit of {total, number}; taking the best pair first would place {greedy, plural, one {#} other {#}} with {greedyTotal, number}.',
  'cohort.report.assignmentHidden':
    'The proposal’s pairs and totals are shown to the counsellors of the employment area only.',
  'cohort.report.trainingsTitle': 'Trainings that would move the most people',
  'cohort.report.training': 'Training',
  'cohort.report.lifted': 'Lifted over the floor',
  'cohort.report.withMatchAfter': 'With a match after',
  'cohort.report.noTrainings': 'No training would lift anyone over the floor.',
  'cohort.report.skillsTitle': 'What the group knows',
  'cohort.report.holders': 'Holders',
  'cohort.report.coverageTitle': 'Occupations in demand the group nearly covers',
  'cohort.report.coverage': '{percent} % of the essential skills; lacking: {skills}',
  'cohort.report.unmatchedTitle': 'People without a match',
  'cohort.report.unmatchedNearest': 'Nearest: {vacancy} ({score, number}); lacks {skills}',
  'cohort.report.nothingLacking': 'nothing named',
  'cohort.report.none': 'None.',
  'cohort.report.hidden': 'hidden',
  'cohort.report.personalData':
    'Contains personal data: for the counsellors of the employment area only.',
} as const;

export type MessageKey = keyof typeof EN;
