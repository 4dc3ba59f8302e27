import { claimFactor, levelFactor } from './credit';
import { commuteKm, MatchParams, occupationWeight } from './params';
import { RelatedSkill, SkillGraph } from './skill-graph';
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
  const skills = scoreSkills(candidate, vacancy.skills, graph, params, missingData);
  return withSkills(skills, candidate, vacancy, params, missingData);
}

/** scoreMatch once the skills are scored (`missingData` holds what scoring them found). */
function withSkills(
  skills: SkillsScore,
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  missingData: MissingDataCode[],
): MatchScore {
  const hardFailures: string[] = [];
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

/** Where a requirement can be met from: its own skill (rank -1) or its rank-th neighbour. */
interface Reach {
  requirement: number;
  rank: number;
  neighbour: RelatedSkill | null;
}

/**
 * scoreMatch for many candidates against one vacancy (the index scores its finalists so):
 * the requirements and their neighbours are looked up once, by skill, so that a candidate
 * costs a lookup per claim instead of one per neighbour of every requirement. The same
 * MatchScore as scoreMatch (the same credits, and of equal ones the neighbour first in
 * SkillGraph.neighbours' order: the property test in score.test.ts holds them equal).
 */
export class VacancyScorer {
  private readonly reach = new Map<string, Reach[]>();
  private readonly direct: (SkillClaim | undefined)[];
  private readonly viaCredit: Float64Array;
  private readonly viaRank: Float64Array;
  private readonly viaClaim: (SkillClaim | undefined)[];
  private readonly viaNeighbour: (RelatedSkill | undefined)[];

  constructor(
    private readonly vacancy: VacancyProfile,
    graph: SkillGraph,
    private readonly params: MatchParams,
  ) {
    const requirements = vacancy.skills;
    const add = (uri: string, reach: Reach) => {
      const list = this.reach.get(uri);
      if (list) list.push(reach);
      else this.reach.set(uri, [reach]);
    };
    requirements.forEach((requirement, r) => {
      add(requirement.skillUri, { requirement: r, rank: -1, neighbour: null });
      graph
        .neighbours(requirement.skillUri)
        .forEach((neighbour, rank) => add(neighbour.skillUri, { requirement: r, rank, neighbour }));
    });
    const n = requirements.length;
    this.direct = new Array<SkillClaim | undefined>(n);
    this.viaCredit = new Float64Array(n);
    this.viaRank = new Float64Array(n);
    this.viaClaim = new Array<SkillClaim | undefined>(n);
    this.viaNeighbour = new Array<RelatedSkill | undefined>(n);
  }

  score(candidate: CandidateProfile): MatchScore {
    const missingData: MissingDataCode[] = [];
    return withSkills(
      this.skills(candidate, missingData),
      candidate,
      this.vacancy,
      this.params,
      missingData,
    );
  }

  /** scoreSkills' result for this vacancy's requirements. */
  private skills(candidate: CandidateProfile, missingData: MissingDataCode[]): SkillsScore {
    const requirements = this.vacancy.skills;
    const params = this.params;
    const unjudged = skillsNotJudged(candidate, requirements, missingData);
    if (unjudged) return unjudged;
    const n = requirements.length;
    const { direct, viaCredit, viaRank, viaClaim, viaNeighbour } = this;
    direct.fill(undefined);
    viaCredit.fill(-1);
    viaRank.fill(Infinity);
    // As scoreSkills' map: of claims of one skill, the last counts.
    const claims = new Map(candidate.skills.map((c) => [c.skillUri, c]));
    for (const claim of claims.values()) {
      const reaches = this.reach.get(claim.skillUri);
      if (!reaches) continue;
      for (const { requirement: r, rank, neighbour } of reaches) {
        if (neighbour === null) {
          direct[r] = claim;
          continue;
        }
        const credit =
          Math.min(neighbour.similarity, params.relatedSkillCap) *
          claimCredit(claim, requirements[r]!, params);
        // scoreSkills keeps the first neighbour (in order) with the highest credit.
        if (credit > viaCredit[r]! || (credit === viaCredit[r]! && rank < viaRank[r]!)) {
          viaCredit[r] = credit;
          viaRank[r] = rank;
          viaClaim[r] = claim;
          viaNeighbour[r] = neighbour;
        }
      }
    }
    const outcome = new SkillOutcomes();
    for (let r = 0; r < n; r++)
      outcome.add(requirements[r]!, direct[r], viaCredit[r]!, viaClaim[r], viaNeighbour[r], params);
    return outcome.result();
  }
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
  // The hard requirements first, each component computed once (as componentValues does, in
  // its order), and no record built: the index calls this for every pair it estimates.
  const languages = scoreLanguages(candidate, vacancy, params, hardFailures);
  const location = scoreLocation(candidate, vacancy, params, hardFailures, missingData);
  checkLicences(candidate, vacancy, hardFailures);
  if (hardFailures.length > maxHardFailures) return -1;
  return totalOfComponents(
    skillsValue,
    occupationFit(candidate, vacancy, params),
    languages,
    educationValue(candidate, vacancy, params, missingData),
    experienceValue(candidate, vacancy, missingData),
    location,
    scoreConditions(candidate, vacancy, params),
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
    education: educationValue(candidate, vacancy, params, missingData),
    experience: experienceValue(candidate, vacancy, missingData),
    location: scoreLocation(candidate, vacancy, params, hardFailures, missingData),
    conditions: scoreConditions(candidate, vacancy, params),
  };
  checkLicences(candidate, vacancy, hardFailures);
  return values;
}

function educationValue(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  params: MatchParams,
  missingData: MissingDataCode[],
): number | null {
  return scoreAtLeast(
    candidate.educationLevel,
    vacancy.minEducationLevel,
    'education',
    missingData,
    (have, need) => Math.max(0, 1 - params.educationShortfallPerLevel * (need - have)),
  );
}

function experienceValue(
  candidate: CandidateProfile,
  vacancy: VacancyProfile,
  missingData: MissingDataCode[],
): number | null {
  return scoreAtLeast(
    candidate.experienceMonths,
    vacancy.minExperienceMonths,
    'experience',
    missingData,
    (have, need) => Math.max(0, have / need),
  );
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
  if (!breakdown)
    return totalOfComponents(
      values.skills,
      values.occupation,
      values.languages,
      values.education,
      values.experience,
      values.location,
      values.conditions,
      params,
    );
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
    breakdown[c] = { value, weight, contribution };
    total += contribution;
  }
  return Math.min(1, Math.max(0, total));
}

/**
 * weightedTotal without a breakdown, on the components as arguments (no record, no weights
 * object): the same operations in the same order (COMPONENTS'), so the same total bit for bit.
 */
function totalOfComponents(
  skills: number | null,
  occupation: number | null,
  languages: number | null,
  education: number | null,
  experience: number | null,
  location: number | null,
  conditions: number | null,
  params: MatchParams,
): number {
  const occupationW = occupationWeight(params);
  let weightSum = 0;
  if (skills !== null) weightSum += params.skillsWeight;
  if (occupation !== null) weightSum += occupationW;
  if (languages !== null) weightSum += params.languagesWeight;
  if (education !== null) weightSum += params.educationWeight;
  if (experience !== null) weightSum += params.experienceWeight;
  if (location !== null) weightSum += params.locationWeight;
  if (conditions !== null) weightSum += params.conditionsWeight;
  const occupationValue = occupation !== null && skills !== null ? occupation * skills : occupation;
  let total = 0;
  total += part(skills, params.skillsWeight, weightSum);
  total += part(occupationValue, occupationW, weightSum);
  total += part(languages, params.languagesWeight, weightSum);
  total += part(education, params.educationWeight, weightSum);
  total += part(experience, params.experienceWeight, weightSum);
  total += part(location, params.locationWeight, weightSum);
  total += part(conditions, params.conditionsWeight, weightSum);
  return Math.min(1, Math.max(0, total));
}

/** One component's contribution, as weightedTotal computes it. */
function part(value: number | null, weight: number, weightSum: number): number {
  if (value === null) return 0;
  return value * (weightSum === 0 ? 0 : weight / weightSum);
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

/**
 * scoreMatch for one candidate against many vacancies (the vacancy index scores its finalists
 * so): the candidate's claims, and the requirements each meets through the graph's reverse
 * edges, are looked up once, so that a vacancy costs a lookup per requirement. The same
 * MatchScore as scoreMatch (of equal credits, the claim whose edge comes first in
 * SkillGraph.neighbours' order: most similar, then by URI; score.test.ts holds them equal).
 */
export class CandidateScorer {
  /** By required skill: the claim of that skill (edge null) and the claims meeting it partly. */
  private readonly reach = new Map<string, { claim: SkillClaim; edge: RelatedSkill | null }[]>();

  constructor(
    private readonly candidate: CandidateProfile,
    graph: SkillGraph,
    private readonly params: MatchParams,
  ) {
    const add = (uri: string, claim: SkillClaim, edge: RelatedSkill | null) => {
      const list = this.reach.get(uri);
      if (list) list.push({ claim, edge });
      else this.reach.set(uri, [{ claim, edge }]);
    };
    // As scoreSkills' map: of claims of one skill, the last counts.
    const claims = new Map(candidate.skills.map((c) => [c.skillUri, c]));
    for (const claim of claims.values()) {
      add(claim.skillUri, claim, null);
      for (const edge of graph.requirementsPartlyMetBy(claim.skillUri))
        add(edge.skillUri, claim, edge);
    }
  }

  score(vacancy: VacancyProfile): MatchScore {
    const missingData: MissingDataCode[] = [];
    const skills = this.skills(vacancy, missingData);
    return withSkills(skills, this.candidate, vacancy, this.params, missingData);
  }

  private skills(vacancy: VacancyProfile, missingData: MissingDataCode[]): SkillsScore {
    const requirements = vacancy.skills;
    const params = this.params;
    const unjudged = skillsNotJudged(this.candidate, requirements, missingData);
    if (unjudged) return unjudged;
    const outcome = new SkillOutcomes();
    for (const requirement of requirements) {
      let direct: SkillClaim | undefined;
      let via = -1;
      let viaClaim: SkillClaim | undefined;
      let viaEdge: RelatedSkill | undefined;
      for (const { claim, edge } of this.reach.get(requirement.skillUri) ?? NO_REACH) {
        if (edge === null) {
          direct = claim;
          continue;
        }
        const credit =
          Math.min(edge.similarity, params.relatedSkillCap) *
          claimCredit(claim, requirement, params);
        // scoreSkills keeps the first neighbour (in order) with the highest credit.
        if (
          credit > via ||
          (credit === via &&
            (edge.similarity > viaEdge!.similarity ||
              (edge.similarity === viaEdge!.similarity && claim.skillUri < viaClaim!.skillUri)))
        ) {
          via = credit;
          viaClaim = claim;
          viaEdge = edge;
        }
      }
      outcome.add(requirement, direct, via, viaClaim, viaEdge, params);
    }
    return outcome.result();
  }
}

const NO_REACH: { claim: SkillClaim; edge: RelatedSkill | null }[] = [];

/** A pair's skill lists and value, a requirement at a time, from its direct claim and best related one (scoreSkills and both scorers). */
class SkillOutcomes {
  private readonly matched: MatchedSkill[] = [];
  private readonly related: SkillMetThroughRelated[] = [];
  private readonly missing: MissingSkill[] = [];
  private weighted = 0;
  private weightTotal = 0;

  add(
    requirement: SkillRequirement,
    claim: SkillClaim | undefined,
    via: number,
    viaClaim: SkillClaim | undefined,
    viaEdge: RelatedSkill | undefined,
    params: MatchParams,
  ): void {
    const weight = params.importance[requirement.importance];
    this.weightTotal += weight;
    let credit = claim ? claimCredit(claim, requirement, params) : 0;
    if (credit < 1 && via > credit && via > 0) {
      credit = via;
      this.related.push(throughRelated(requirement, viaClaim!, viaEdge!, via));
    } else if (claim) {
      this.matched.push({
        skillUri: requirement.skillUri,
        importance: requirement.importance,
        requiredLevel: requirement.minProficiency,
        candidateLevel: claim.proficiency,
        credit,
      });
    } else {
      this.missing.push({
        skillUri: requirement.skillUri,
        importance: requirement.importance,
        requiredLevel: requirement.minProficiency,
      });
    }
    this.weighted += weight * credit;
  }

  result(): SkillsScore {
    return {
      value: this.weighted / this.weightTotal,
      matched: this.matched,
      related: this.related,
      missing: this.missing,
    };
  }
}

interface SkillsScore {
  value: number | null;
  matched: MatchedSkill[];
  related: SkillMetThroughRelated[];
  missing: MissingSkill[];
}

function scoreSkills(
  candidate: CandidateProfile,
  requirements: SkillRequirement[],
  graph: SkillGraph,
  params: MatchParams,
  missingData: MissingDataCode[],
): SkillsScore {
  const unjudged = skillsNotJudged(candidate, requirements, missingData);
  if (unjudged) return unjudged;
  const claims = new Map(candidate.skills.map((c) => [c.skillUri, c]));
  const outcome = new SkillOutcomes();
  for (const requirement of requirements) {
    const direct = claims.get(requirement.skillUri);
    // The first neighbour with the highest credit; not looked for when the claim is enough.
    let via = -1;
    let viaClaim: SkillClaim | undefined;
    let viaNeighbour: RelatedSkill | undefined;
    if (!direct || claimCredit(direct, requirement, params) < 1) {
      for (const neighbour of graph.neighbours(requirement.skillUri)) {
        const claim = claims.get(neighbour.skillUri);
        if (!claim) continue;
        const credit =
          Math.min(neighbour.similarity, params.relatedSkillCap) *
          claimCredit(claim, requirement, params);
        if (credit > via) {
          via = credit;
          viaClaim = claim;
          viaNeighbour = neighbour;
        }
      }
    }
    outcome.add(requirement, direct, via, viaClaim, viaNeighbour, params);
  }
  return outcome.result();
}

/**
 * The skills score when there is nothing to judge (no requirements), noting what is missing;
 * undefined when the skills are judged.
 */
function skillsNotJudged(
  candidate: CandidateProfile,
  requirements: SkillRequirement[],
  missingData: MissingDataCode[],
): SkillsScore | undefined {
  if (requirements.length === 0) {
    missingData.push('vacancy-skills');
    return { value: null, matched: [], related: [], missing: [] };
  }
  if (candidate.skills.length === 0) missingData.push('jobseeker-skills');
  return undefined;
}

function throughRelated(
  requirement: SkillRequirement,
  claim: SkillClaim,
  neighbour: RelatedSkill,
  credit: number,
): SkillMetThroughRelated {
  return {
    skillUri: requirement.skillUri,
    importance: requirement.importance,
    requiredLevel: requirement.minProficiency,
    viaSkillUri: claim.skillUri,
    relation: neighbour.relation,
    similarity: neighbour.similarity,
    candidateLevel: claim.proficiency,
    credit,
  };
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
