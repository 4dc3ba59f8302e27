import { claimFactor, levelFactor } from './credit';
import { commuteKm, MatchParams, occupationWeight } from './params';
import { SkillGraph } from './skill-graph';
import {
  CandidateProfile,
  GeoPoint,
  Importance,
  SkillClaim,
  SkillRequirement,
  VacancyProfile,
} from './types';

export const COMPONENTS = [
  'skills',
  'occupation',
  'languages',
  'education',
  'experience',
  'location',
  'conditions',
] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ComponentScore {
  /**
   * How well this part fits, in [0, 1]; null when it cannot be judged (then it carries no
   * weight). The occupation's is its fit × the skills value when the skills are judged: it
   * counts as far as competence backs it (MatchParams.occupationMaxLift).
   */
  value: number | null;
  /** Its share of the total after normalising over the judged components. */
  weight: number;
  /** value × weight: the contributions add up to the total. */
  contribution: number;
}

/**
 * Codes of what could not be judged: the vacancy lists no required skills, the jobseeker has no
 * competence profile, the jobseeker's education level or experience is not known, a location
 * (the jobseeker's or the vacancy's) is not known.
 */
export const MISSING_DATA = [
  'vacancy-skills',
  'jobseeker-skills',
  'education',
  'experience',
  'location',
] as const;
export type MissingDataCode = (typeof MISSING_DATA)[number];

export interface MatchedSkill {
  skillUri: string;
  importance: Importance;
  requiredLevel: number;
  candidateLevel: number;
  credit: number;
}

export interface SkillMetThroughRelated {
  skillUri: string;
  importance: Importance;
  requiredLevel: number;
  /** The candidate's skill that partly stands in for it. */
  viaSkillUri: string;
  relation: string;
  similarity: number;
  candidateLevel: number;
  credit: number;
}

export interface MissingSkill {
  skillUri: string;
  importance: Importance;
  requiredLevel: number;
}

export interface MatchScore {
  candidateId: string;
  vacancyId: string;
  /** In [0, 1]. */
  total: number;
  components: Record<Component, ComponentScore>;
  matchedSkills: MatchedSkill[];
  relatedSkills: SkillMetThroughRelated[];
  missingSkills: MissingSkill[];
  /** Hard requirements the pair fails (licence:x, language:x, location); empty when it passes. */
  hardFailures: string[];
  /**
   * What could not be judged for lack of data, as codes (MISSING_DATA) that the summary puts in
   * words in the reader's language.
   */
  missingData: MissingDataCode[];
  /**
   * Km between the jobseeker's and the vacancy's locations, as the location component measures
   * it; null when either is not known.
   */
  distanceKm: number | null;
}

/**
 * Scores one (jobseeker, vacancy) pair with a breakdown whose contributions add up to the
 * total. Missing data is unknown, never agreement: a profile without skills gets no skill
 * credit; a part neither side describes carries no weight, and the explanation says so.
 */
export function scoreMatch(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  graph: SkillGraph,
  params: MatchParams,
): MatchScore {
  const missingData: MissingDataCode[] = [];
  const hardFailures: string[] = [];
  const skills = scoreSkills(candidate, vacancy.skills, graph, params, missingData);
  const values = componentValues(
    skills.value,
    candidate,
    vacancy,
    params,
    hardFailures,
    missingData,
  );
  const components = {} as Record<Component, ComponentScore>;
  const total = weightedTotal(values, params, components);
  return {
    candidateId: candidate.id,
    vacancyId: vacancy.id,
    total,
    components,
    matchedSkills: skills.matched,
    relatedSkills: skills.related,
    missingSkills: skills.missing,
    hardFailures,
    missingData,
    distanceKm: pairDistanceKm(candidate, vacancy),
  };
}

/** The distance the location component judges (null when either location is not known). */
function pairDistanceKm(candidate: CandidateProfile, vacancy: VacancyProfile): number | null {
  return candidate.location && vacancy.location
    ? distanceKm(candidate.location, vacancy.location)
    : null;
}

/**
 * The total of a pair whose skills component is already known (the index accumulates it
 * from its posting lists), through the same functions as scoreMatch, without the breakdown;
 * -1 as soon as more than `maxHardFailures` hard requirements fail (checked first: most pairs
 * an index looks at fail on location, and need nothing more). `hardFailures` and
 * `missingData` are scratch arrays the caller reuses; they hold the pair's after the call.
 */
export function totalWithSkillsValue(
  skillsValue: number | null,
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  hardFailures: string[],
  missingData: MissingDataCode[],
  maxHardFailures = Infinity,
): number {
  hardFailures.length = 0;
  missingData.length = 0;
  scoreLanguages(candidate, vacancy, params, hardFailures);
  scoreLocation(candidate, vacancy, params, hardFailures, missingData);
  checkLicences(candidate, vacancy, hardFailures);
  if (hardFailures.length > maxHardFailures) return -1;
  hardFailures.length = 0;
  missingData.length = 0;
  return weightedTotal(
    componentValues(skillsValue, candidate, vacancy, params, hardFailures, missingData),
    params,
  );
}

/**
 * Every component's value but skills (null there) and the failed hard requirements, for a
 * caller that tries many skills values of one pair: with `values.skills` set, `totalOfValues`
 * gives bit for bit the total scoreMatch gives (the same arithmetic in the same order, so a
 * total equal to a threshold is on the same side of it in both). `hardFailures` and
 * `missingData` are scratch arrays that hold the pair's after the call.
 */
export function nonSkillValues(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  hardFailures: string[],
  missingData: MissingDataCode[],
): Record<Component, number | null> {
  hardFailures.length = 0;
  missingData.length = 0;
  return componentValues(null, candidate, vacancy, params, hardFailures, missingData);
}

/** The total of every component's value: scoreMatch's weighted mean over the judged ones. */
export function totalOfValues(
  values: Record<Component, number | null>,
  params: MatchParams,
): number {
  return weightedTotal(values, params);
}

/** Each component's weight, by name. */
export function componentWeights(params: MatchParams): Record<Component, number> {
  return {
    skills: params.skillsWeight,
    occupation: occupationWeight(params),
    languages: params.languagesWeight,
    education: params.educationWeight,
    experience: params.experienceWeight,
    location: params.locationWeight,
    conditions: params.conditionsWeight,
  };
}

/** Every component's value (null when it cannot be judged) and the failed hard requirements. */
function componentValues(
  skillsValue: number | null,
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  hardFailures: string[],
  missingData: MissingDataCode[],
): Record<Component, number | null> {
  const values: Record<Component, number | null> = {
    skills: skillsValue,
    occupation: occupationFit(candidate, vacancy, params),
    languages: scoreLanguages(candidate, vacancy, params, hardFailures),
    education: scoreAtLeast(
      candidate.educationLevel,
      vacancy.minEducationLevel,
      'education',
      missingData,
      (have, need) => Math.max(0, 1 - params.educationShortfallPerLevel * (need - have)),
    ),
    experience: scoreAtLeast(
      candidate.experienceMonths,
      vacancy.minExperienceMonths,
      'experience',
      missingData,
      (have, need) => Math.max(0, have / need),
    ),
    location: scoreLocation(candidate, vacancy, params, hardFailures, missingData),
    conditions: scoreConditions(candidate, vacancy, params),
  };
  checkLicences(candidate, vacancy, hardFailures);
  return values;
}

function checkLicences(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  hardFailures: string[],
): void {
  for (const licence of vacancy.licences) {
    if (!candidate.licences.has(licence)) hardFailures.push(`licence:${licence}`);
  }
}

/**
 * The weighted mean over the judged components, clamped to [0, 1]; fills `breakdown` with each
 * component's weight and contribution when given (the contributions add up to the total).
 * The occupation's fit counts times the skills value when the skills are judged (competence
 * before title, MatchParams.occupationMaxLift).
 */
function weightedTotal(
  values: Record<Component, number | null>,
  params: MatchParams,
  breakdown?: Record<Component, ComponentScore>,
): number {
  const weights = componentWeights(params);
  let weightSum = 0;
  for (const c of COMPONENTS) if (values[c] !== null) weightSum += weights[c];
  let total = 0;
  for (const c of COMPONENTS) {
    const value =
      c === 'occupation' && values.occupation !== null && values.skills !== null
        ? values.occupation * values.skills
        : values[c];
    const weight = value === null || weightSum === 0 ? 0 : weights[c] / weightSum;
    const contribution = value === null ? 0 : value * weight;
    if (breakdown) breakdown[c] = { value, weight, contribution };
    total += contribution;
  }
  return Math.min(1, Math.max(0, total));
}

/** What a pair's skill lists say: each requirement matched, met through a related skill, or missing. */
export interface SkillOutcome {
  matchedSkills: MatchedSkill[];
  relatedSkills: SkillMetThroughRelated[];
  missingSkills: MissingSkill[];
}

/**
 * The skill lists scoreMatch gives a candidate against these requirements (a vacancy's, or an
 * occupation's as guidance reads them), for a caller that needs no total.
 */
export function skillOutcome(
  candidate: CandidateProfile,
  requirements: SkillRequirement[],
  graph: SkillGraph,
  params: MatchParams,
): SkillOutcome {
  const skills = scoreSkills(candidate, requirements, graph, params, []);
  return {
    matchedSkills: skills.matched,
    relatedSkills: skills.related,
    missingSkills: skills.missing,
  };
}

function scoreSkills(
  candidate: CandidateProfile,
  requirements: SkillRequirement[],
  graph: SkillGraph,
  params: MatchParams,
  missingData: MissingDataCode[],
) {
  const matched: MatchedSkill[] = [];
  const related: SkillMetThroughRelated[] = [];
  const missing: MissingSkill[] = [];
  if (requirements.length === 0) {
    missingData.push('vacancy-skills');
    return { value: null, matched, related, missing };
  }
  if (candidate.skills.length === 0) missingData.push('jobseeker-skills');
  const claims = new Map(candidate.skills.map((c) => [c.skillUri, c]));
  let weighted = 0;
  let weightTotal = 0;
  for (const requirement of requirements) {
    const weight = params.importance[requirement.importance];
    weightTotal += weight;
    const direct = claims.get(requirement.skillUri);
    let credit = direct ? claimCredit(direct, requirement, params) : 0;
    let best: SkillMetThroughRelated | undefined;
    if (credit < 1) {
      for (const neighbour of graph.neighbours(requirement.skillUri)) {
        const claim = claims.get(neighbour.skillUri);
        if (!claim) continue;
        const viaCredit =
          Math.min(neighbour.similarity, params.relatedSkillCap) *
          claimCredit(claim, requirement, params);
        if (viaCredit > credit && viaCredit > (best?.credit ?? 0)) {
          best = {
            skillUri: requirement.skillUri,
            importance: requirement.importance,
            requiredLevel: requirement.minProficiency,
            viaSkillUri: claim.skillUri,
            relation: neighbour.relation,
            similarity: neighbour.similarity,
            candidateLevel: claim.proficiency,
            credit: viaCredit,
          };
        }
      }
    }
    if (best) {
      credit = best.credit;
      related.push(best);
    } else if (direct) {
      matched.push({
        skillUri: requirement.skillUri,
        importance: requirement.importance,
        requiredLevel: requirement.minProficiency,
        candidateLevel: direct.proficiency,
        credit,
      });
    } else {
      missing.push({
        skillUri: requirement.skillUri,
        importance: requirement.importance,
        requiredLevel: requirement.minProficiency,
      });
    }
    weighted += weight * credit;
  }
  return { value: weighted / weightTotal, matched, related, missing };
}

/** Credit of a claim for a requirement: level, then evidence (verified or experienced), then recency. */
function claimCredit(
  claim: SkillClaim,
  requirement: SkillRequirement,
  params: MatchParams,
): number {
  return (
    levelFactor(requirement.minProficiency, claim.proficiency, params) *
    claimFactor(claim.verified, claim.experienceMonths, claim.lastUsedYear, params)
  );
}

/**
 * How far a vacancy's occupation is one the person is heading for: 1 a desired occupation,
 * `sameIscoGroupCredit` one of the same ISCO unit group, 0 another; null when either side names none.
 */
export function occupationFit(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
): number | null {
  if (!vacancy.occupationUri || candidate.desiredOccupationUris.length === 0) return null;
  if (candidate.desiredOccupationUris.includes(vacancy.occupationUri)) return 1;
  if (vacancy.iscoGroup && candidate.desiredIscoGroups.includes(vacancy.iscoGroup))
    return params.sameIscoGroupCredit;
  return 0;
}

function scoreLanguages(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  hardFailures: string[],
): number | null {
  if (vacancy.languages.length === 0) return null;
  let sum = 0;
  for (const requirement of vacancy.languages) {
    const level = candidate.languages.get(requirement.language) ?? 0;
    if (level >= requirement.minLevel) sum += 1;
    else {
      sum += (level / requirement.minLevel) * params.languageShortfallShare;
      if (requirement.essential) hardFailures.push(`language:${requirement.language}`);
    }
  }
  return sum / vacancy.languages.length;
}

function scoreAtLeast(
  have: number | null,
  need: number | null,
  what: MissingDataCode,
  missingData: MissingDataCode[],
  shortfall: (have: number, need: number) => number,
): number | null {
  if (need === null || need <= 0) return null;
  if (have === null) {
    missingData.push(what);
    return 0;
  }
  return have >= need ? 1 : shortfall(have, need);
}

function scoreLocation(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  hardFailures: string[],
  missingData: MissingDataCode[],
): number | null {
  if (vacancy.remote === 'full')
    return candidate.remotePreference === 'none' ? params.remoteForOnSiteOnly : 1;
  if (candidate.remotePreference === 'full') {
    if (vacancy.remote === 'none') hardFailures.push('location');
    return vacancy.remote === 'hybrid' ? params.hybridForRemoteOnly : 0;
  }
  const distance = pairDistanceKm(candidate, vacancy);
  if (distance === null) {
    missingData.push('location');
    return null;
  }
  const reach = commuteKm(candidate.maxCommuteKm, params);
  // Hybrid work means fewer commuting days, so a longer distance is still reasonable.
  const effective =
    vacancy.remote === 'hybrid' ? distance / params.hybridDistanceDivisor : distance;
  if (effective <= reach) return 1;
  if (candidate.willingToRelocate) return params.relocationCredit;
  if (vacancy.remote === 'none') hardFailures.push('location');
  return Math.max(0, 1 - (effective - reach) / reach);
}

function scoreConditions(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
): number | null {
  const parts: number[] = [];
  if (candidate.workingTimes.length)
    parts.push(candidate.workingTimes.includes(vacancy.workingTime) ? 1 : 0);
  if (candidate.contractTypes.length)
    parts.push(
      candidate.contractTypes.includes(vacancy.contractType) ? 1 : params.contractMismatchCredit,
    );
  if (candidate.earliestStart && vacancy.startDate)
    parts.push(vacancy.startDate >= candidate.earliestStart ? 1 : params.earlyStartCredit);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

/** Great-circle distance (haversine), km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
