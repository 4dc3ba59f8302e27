/**
 * The active competence assessment: the one definition every reader uses (the match index's
 * profile loader, the jobseeker list's skill filter, skill demand, the GraphQL fields).
 *
 * It is the database view `active_competence_assessment` (migration DraftAssessments): per
 * jobseeker, the newest *confirmed* assessment; when two share the newest time (an import may
 * write that), the counsellor-verified one, then the one with the smallest id. Drafts never
 * count. Readers join the view instead of repeating the rule.
 */
export const ACTIVE_ASSESSMENT_VIEW = 'active_competence_assessment';

/**
 * The order of a jobseeker's confirmed assessments that puts the active one first (the view's
 * order), for the history list; `a` is the assessment's alias.
 */
export const ASSESSMENT_HISTORY_ORDER: readonly [string, 'ASC' | 'DESC'][] = [
  ['a.assessed_at', 'DESC'],
  [`a.source = 'counsellor_verified'`, 'DESC'],
  ['a.id', 'ASC'],
];
