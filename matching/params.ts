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
  /**
   * The least score a list of matches shows when the caller sets no `minScore` and asks for no
   * near misses (the default floor, with "meets at least one essential skill": see listFloor).
   * Range 0–1. Default 0.35, from the area fixtures (300 jobseekers × 99 open vacancies, the
   * pairs passing every hard requirement): pairs meeting none of the vacancy's essential skills
   * score median 0.315, 90th percentile 0.366 (16 % reach 0.35); pairs meeting one or more score
   * median 0.426, 10th percentile 0.324 (79 % reach 0.35).
   */
  defaultMinScore: number;
  /** Credit of the same ISCO unit group when the occupation differs. Range 0–1. Default 0.25 (tuned on the evaluation's seed 1 with occupationMaxLift). */
  sameIscoGroupCredit: number;
  /**
   * Months of experience with a skill that count as evidence, as a verification does (the claim
   * then gets full credit rather than `unverifiedCredit`). Range ≥ 0. Default 12.
   */
  experienceEvidenceMonths: number;
  /**
   * The level (1–5) a claimed skill is drafted at when its source states none: a Job Market
   * Finland profile never carries one (an ESCO URI only). The working level, as for own words
   * that say nothing of how well; the claim then scores as any self-assessed claim at that level
   * (`unverifiedCredit` unless a counsellor confirms it or its items' dates give at least
   * `experienceEvidenceMonths`). Range whole 1–5. Default 3.
   */
  unlevelledClaimLevel: number;
  /** The least share of credit staleness leaves a claim, however old. Range 0–1. Default 0.5. */
  stalenessFloor: number;
  /** Credit lost per education level below the minimum. Range 0–1. Default 0.3. */
  educationShortfallPerLevel: number;
  /**
   * A language below the required level counts this share of its level over the required level
   * (at most this, so never as much as a met requirement). Range 0–1. Default 0.5.
   */
  languageShortfallShare: number;
  /** Location value of a fully remote vacancy for someone who prefers on-site work only. Range 0–1. Default 0.8. */
  remoteForOnSiteOnly: number;
  /** Location value of a hybrid vacancy for someone who wants only remote work. Range 0–1. Default 0.5. */
  hybridForRemoteOnly: number;
  /**
   * The commute, km, assumed for a jobseeker who names none: the reach of the location score
   * and of the location hard requirement (and of whatever mirrors them: the index's place
   * filter, the outside search, guidance). Range > 0. Default 30.
   */
  defaultCommuteKm: number;
  /**
   * A hybrid vacancy's distance is divided by this before it is held against the commute (fewer
   * commuting days make a longer distance reasonable). Range ≥ 1. Default 2.
   */
  hybridDistanceDivisor: number;
  /** Location value beyond the commute for someone willing to relocate. Range 0–1. Default 0.7. */
  relocationCredit: number;
  /** Conditions part of a contract type the jobseeker did not ask for. Range 0–1. Default 0.3. */
  contractMismatchCredit: number;
  /** Conditions part of a vacancy starting before the jobseeker can. Range 0–1. Default 0.5. */
  earlyStartCredit: number;
  /**
   * How much each kind of taxonomy relation lets one skill stand in for another: the similarities
   * the skill graph is built with (SkillGraph.build); `relatedSkillCap` still caps what any
   * related skill gives. See SkillGraphWeights for each one's meaning, range and default.
   */
  skillGraph: SkillGraphWeights;
  /**
   * The year "now" for staleness. Scoring is deterministic given it: the server takes it from
   * the clock when it starts (matchParamsAt); tests and evaluations fix it.
   */
  currentYear: number;
}

/**
 * Similarities of each kind of skill relation (see SkillGraph.build). Every similarity must lie
 * in (0, 1): a related skill never counts as the skill itself, nor as nothing (the graph clamps
 * them to [0.01, 0.99]).
 */
export interface SkillGraphWeights {
  /** Having a narrower (more specific) skill counts for a broader requirement this much. Range (0, 1). Default 0.6. */
  narrowerForBroader: number;
  /** Having a broader skill counts for a narrower requirement this much (less: it may miss the specifics). Range (0, 1). Default 0.45. */
  broaderForNarrower: number;
  /** ESCO essential skill–skill relation. Range (0, 1). Default 0.6. */
  relatedEssential: number;
  /** ESCO optional skill–skill relation. Range (0, 1). Default 0.4. */
  relatedOptional: number;
  /** Skills essential to the same occupations: this times their Jaccard overlap. Range (0, 1). Default 0.5. */
  coEssential: number;
  /** Shared occupations needed before co-essential relatedness counts. Range whole ≥ 1. Default 2. */
  coEssentialMinShared: number;
  /** Co-essential relations below this similarity are dropped. Range 0–1. Default 0.1. */
  coEssentialMin: number;
}

/**
 * The default weights. Its `currentYear` is a fixed year, for tests and evaluations that must
 * not change with the calendar; a running service scores with matchParamsAt(its clock).
 */
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
  defaultMinScore: 0.35,
  experienceEvidenceMonths: 12,
  unlevelledClaimLevel: 3,
  stalenessFloor: 0.5,
  educationShortfallPerLevel: 0.3,
  languageShortfallShare: 0.5,
  remoteForOnSiteOnly: 0.8,
  hybridForRemoteOnly: 0.5,
  defaultCommuteKm: 30,
  hybridDistanceDivisor: 2,
  relocationCredit: 0.7,
  contractMismatchCredit: 0.3,
  earlyStartCredit: 0.5,
  skillGraph: {
    narrowerForBroader: 0.6,
    broaderForNarrower: 0.45,
    relatedEssential: 0.6,
    relatedOptional: 0.4,
    coEssential: 0.5,
    coEssentialMinShared: 2,
    coEssentialMin: 0.1,
  },
  currentYear: 2026,
};

/**
 * The parameters a running service scores with: `base` (the defaults unless configured) with
 * the current year taken from `now` (UTC), so that staleness follows the calendar.
 */
export function matchParamsAt(now: Date, base: MatchParams = DEFAULT_MATCH_PARAMS): MatchParams {
  return { ...base, currentYear: now.getUTCFullYear() };
}

/** The commute a jobseeker is held to: their own, or the default when they name none. */
export function commuteKm(maxCommuteKm: number | null, params: MatchParams): number {
  return maxCommuteKm ?? params.defaultCommuteKm;
}

/** The occupation component's weight: it can add at most `occupationMaxLift` of the skills' share. */
export function occupationWeight(params: MatchParams): number {
  return params.occupationMaxLift * params.skillsWeight;
}
