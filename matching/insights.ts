/**
 * How each requirement of a vacancy shapes its candidate pool, in one pass over the candidates:
 * the pool (passing every hard requirement, scoring at least the threshold) and, per skill
 * requirement, the pool if it were dropped, made nice-to-have, or its level lowered by one; per
 * licence, the pool if it were dropped. Exact: the skills score decomposes per requirement
 * (a weighted mean of credits) and the rest of the total does not depend on the skills, so every
 * variant is a little arithmetic on the same credits, never a second scoring of the pair. A total
 * within TIE of the threshold is worked out again with scoreMatch's own arithmetic, in its order
 * (sums taken afresh, never by subtracting one term): a total that equals the threshold, which
 * the weights' round numbers make common, must fall on the same side of it as in the list.
 */
import { claimFactor, levelFactor } from './credit';
import { addRecordKey } from './disclosure/cell-key';
import { MatchParams, occupationWeight } from './params';
import {
  COMPONENTS,
  Component,
  componentWeights,
  MissingDataCode,
  nonSkillValues,
  totalOfValues,
} from './score';
import { SkillGraph } from './skill-graph';
import { CandidateProfile, VacancyProfile } from './types';

export interface SkillRequirementEffect {
  skillUri: string;
  /** Pool size if the requirement were dropped. */
  ifDropped: number;
  /** If it were nice-to-have; null when it already is. */
  ifOptional: number | null;
  /** If its minimum level were one lower; null at level 1. */
  ifLevelLowered: number | null;
}

export interface LicenceEffect {
  licence: string;
  ifDropped: number;
}

export interface PoolInsights {
  /** Candidates in the pool with the profile as it is. */
  pool: number;
  skills: SkillRequirementEffect[];
  licences: LicenceEffect[];
  /** Candidates looked at in full (the rest could not reach the threshold in any variant). */
  scored: number;
}

/** Each candidate's record key (cell-key method), for counts shown perturbed. */
export interface RecordKeySource {
  keyOf(candidateId: string): number;
  /** Keys lie in 0..bigN−1. */
  bigN: number;
}

/** The cell key of every count of PoolInsights, in the same shape. */
export interface PoolCellKeys {
  pool: number;
  skills: { ifDropped: number; ifOptional: number; ifLevelLowered: number }[];
  licences: number[];
}

/**
 * Totals farther than this from the threshold are judged on the quick arithmetic (its rounding
 * errors are below 1e-13); nearer ones are worked out exactly as scoreMatch does.
 */
const TIE = 1e-9;

interface Via {
  requirement: number;
  similarity: number;
}

/**
 * Counts pools as candidates are fed to it one by one: their claims (skill, level, evidence
 * factor) first, then the rest of the profile. Feeding is up to the caller (a list of profiles,
 * or the candidate index's columns, which need not build a profile per person).
 */
export class PoolCounter {
  private readonly requirements: VacancyProfile['skills'];
  private readonly weight: Float64Array;
  private readonly total: number;
  private readonly niceWeight: number;
  private readonly direct = new Map<string, number[]>();
  private readonly via = new Map<string, Via[]>();
  private readonly credit: Float64Array;
  private readonly lowered: Float64Array;
  private readonly poolIfDropped: Int32Array;
  private readonly poolIfOptional: Int32Array;
  private readonly poolIfLowered: Int32Array;
  private readonly poolIfLicenceDropped: Int32Array;
  /** Cell keys alongside the counts, when record keys are given. */
  private poolKey = 0;
  private readonly keyIfDropped: Float64Array;
  private readonly keyIfOptional: Float64Array;
  private readonly keyIfLowered: Float64Array;
  private readonly keyIfLicenceDropped: Float64Array;
  private readonly nonSkillWeightMax: number;
  private readonly componentWeight: Record<Component, number>;
  private readonly hardFailures: string[] = [];
  private readonly missingData: MissingDataCode[] = [];
  private pool = 0;
  private scored = 0;

  constructor(
    private readonly vacancy: VacancyProfile,
    graph: SkillGraph,
    private readonly params: MatchParams,
    private readonly threshold: number,
    private readonly recordKeys?: RecordKeySource,
  ) {
    this.requirements = vacancy.skills;
    const count = this.requirements.length;
    this.weight = Float64Array.from(this.requirements, (r) => params.importance[r.importance]);
    this.total = this.weight.reduce((a, b) => a + b, 0);
    this.niceWeight = params.importance.nice_to_have;
    this.requirements.forEach((r, i) => {
      this.direct.set(r.skillUri, [...(this.direct.get(r.skillUri) ?? []), i]);
      for (const n of graph.neighbours(r.skillUri)) {
        const list = this.via.get(n.skillUri) ?? [];
        list.push({ requirement: i, similarity: Math.min(n.similarity, params.relatedSkillCap) });
        this.via.set(n.skillUri, list);
      }
    });
    this.credit = new Float64Array(count);
    this.lowered = new Float64Array(count);
    this.poolIfDropped = new Int32Array(count);
    this.poolIfOptional = new Int32Array(count);
    this.poolIfLowered = new Int32Array(count);
    this.poolIfLicenceDropped = new Int32Array(vacancy.licences.length);
    this.keyIfDropped = new Float64Array(count);
    this.keyIfOptional = new Float64Array(count);
    this.keyIfLowered = new Float64Array(count);
    this.keyIfLicenceDropped = new Float64Array(vacancy.licences.length);
    this.componentWeight = componentWeights(params);
    this.nonSkillWeightMax =
      occupationWeight(params) +
      params.languagesWeight +
      params.educationWeight +
      params.experienceWeight +
      params.locationWeight +
      params.conditionsWeight;
  }

  /** The skills whose claims can matter (required, or related to a requirement). */
  relevantSkills(): string[] {
    return [...new Set([...this.direct.keys(), ...this.via.keys()])];
  }

  beginCandidate(): void {
    this.credit.fill(0);
    this.lowered.fill(0);
  }

  /** One claim: its skill, level and evidence factor (claimFactor). */
  addClaim(skillUri: string, proficiency: number, factor: number): void {
    const { credit, lowered, requirements, params } = this;
    for (const r of this.direct.get(skillUri) ?? []) {
      const level = requirements[r]!.minProficiency;
      credit[r] = Math.max(credit[r]!, levelFactor(level, proficiency, params) * factor);
      lowered[r] = Math.max(lowered[r]!, levelFactor(level - 1, proficiency, params) * factor);
    }
    for (const v of this.via.get(skillUri) ?? []) {
      const level = requirements[v.requirement]!.minProficiency;
      // Grouped as scoreMatch groups them: similarity × (level × evidence).
      const c = v.similarity * (levelFactor(level, proficiency, params) * factor);
      const l = v.similarity * (levelFactor(level - 1, proficiency, params) * factor);
      if (c > credit[v.requirement]!) credit[v.requirement] = c;
      if (l > lowered[v.requirement]!) lowered[v.requirement] = l;
    }
  }

  /** The rest of the candidate (its claims need not be in `candidate.skills`). */
  endCandidate(candidate: CandidateProfile): void {
    const { credit, lowered, weight, total, niceWeight, threshold, params } = this;
    const count = this.requirements.length;
    const ws = params.skillsWeight;
    let sum = 0;
    for (let r = 0; r < count; r++) sum += weight[r]! * credit[r]!;
    // The best skills value any variant could give; if even that cannot reach the threshold
    // with every other component perfect, the candidate is in no pool.
    let best = count ? sum / total : 1;
    for (let r = 0; r < count && best < 1; r++) {
      const rest = total - weight[r]!;
      best = Math.max(
        best,
        rest > 0 ? (sum - weight[r]! * credit[r]!) / rest : 1,
        (sum - weight[r]! * credit[r]! + niceWeight * credit[r]!) / (rest + niceWeight),
        (sum - weight[r]! * credit[r]! + weight[r]! * lowered[r]!) / total,
      );
    }
    const maxOther = this.nonSkillWeightMax;
    if ((maxOther + best * ws) / (maxOther + ws) < threshold - 1e-12) return;
    this.scored++;
    const licences = this.vacancy.licences;
    const values = nonSkillValues(
      candidate,
      this.vacancy,
      params,
      this.hardFailures,
      this.missingData,
    );
    let failedLicence = -1;
    let otherFailures = 0;
    for (const failure of this.hardFailures) {
      if (failure.startsWith('licence:') && failedLicence === -1)
        failedLicence = licences.indexOf(failure.slice(8));
      else otherFailures++;
    }
    if (otherFailures > 0) return;
    // The non-skill part as one numerator and weight, for the quick total of every variant; the
    // occupation apart, since it counts times the skills value when the skills are judged
    // (MatchParams.occupationMaxLift), so the total stays linear in the skills value.
    let numerator = 0;
    let judged = 0;
    let occupation = 0;
    for (const c of COMPONENTS) {
      const value = values[c];
      if (c === 'skills' || value === null) continue;
      if (c === 'occupation') occupation = value * this.componentWeight[c];
      else numerator += value * this.componentWeight[c];
      judged += this.componentWeight[c];
    }
    // Quick arithmetic first; only a total within TIE of the threshold is worked out again as
    // scoreMatch does it (sums afresh in its order), so that it falls on the same side.
    const reaches = (quick: number | null, r: number, w: number, c: number) => {
      const quickTotal = clamp(
        quick === null
          ? judged > 0
            ? (numerator + occupation) / judged
            : 0
          : (numerator + quick * (ws + occupation)) / (judged + ws),
      );
      if (Math.abs(quickTotal - threshold) > TIE) return quickTotal >= threshold;
      values.skills = quick === null ? null : this.skillsValue(r, w, c);
      return totalOfValues(values, params) >= threshold;
    };
    const current = reaches(count ? sum / total : null, -1, 0, 0);
    const keys = this.recordKeys;
    const n = keys ? keys.bigN : 1;
    // Computed at most once, and only for a candidate some count takes in (a keyed hash each).
    let cached = -1;
    const recordKey = () => (cached >= 0 ? cached : (cached = keys ? keys.keyOf(candidate.id) : 0));
    if (failedLicence >= 0) {
      if (current) {
        this.poolIfLicenceDropped[failedLicence]!++;
        const k = this.keyIfLicenceDropped;
        k[failedLicence] = addRecordKey(k[failedLicence]!, recordKey(), n);
      }
      return;
    }
    if (current) {
      this.pool++;
      this.poolKey = addRecordKey(this.poolKey, recordKey(), n);
      for (let l = 0; l < licences.length; l++) {
        this.poolIfLicenceDropped[l]!++;
        this.keyIfLicenceDropped[l] = addRecordKey(this.keyIfLicenceDropped[l]!, recordKey(), n);
      }
    }
    for (let r = 0; r < count; r++) {
      const rest = total - weight[r]!;
      const without = sum - weight[r]! * credit[r]!;
      // Weight 0 leaves the exact sums as if the requirement were not there.
      if (reaches(rest > 0 ? without / rest : null, r, 0, 0)) {
        this.poolIfDropped[r]!++;
        this.keyIfDropped[r] = addRecordKey(this.keyIfDropped[r]!, recordKey(), n);
      }
      if (
        reaches(
          (without + niceWeight * credit[r]!) / (rest + niceWeight),
          r,
          niceWeight,
          credit[r]!,
        )
      ) {
        this.poolIfOptional[r]!++;
        this.keyIfOptional[r] = addRecordKey(this.keyIfOptional[r]!, recordKey(), n);
      }
      if (reaches((without + weight[r]! * lowered[r]!) / total, r, weight[r]!, lowered[r]!)) {
        this.poolIfLowered[r]!++;
        this.keyIfLowered[r] = addRecordKey(this.keyIfLowered[r]!, recordKey(), n);
      }
    }
  }

  /**
   * The skills value with requirement `r` weighing `w` and crediting `c` (r = -1: as it is),
   * summed in requirement order as scoreMatch sums it.
   */
  private skillsValue(r: number, w: number, c: number): number {
    const { weight, credit } = this;
    let weighted = 0;
    let weightTotal = 0;
    for (let j = 0; j < weight.length; j++) {
      const wj = j === r ? w : weight[j]!;
      weighted += wj * (j === r ? c : credit[j]!);
      weightTotal += wj;
    }
    return weighted / weightTotal;
  }

  /** The cell key of every count (all 0 without record keys). */
  cellKeys(): PoolCellKeys {
    return {
      pool: this.poolKey,
      skills: this.requirements.map((_, i) => ({
        ifDropped: this.keyIfDropped[i]!,
        ifOptional: this.keyIfOptional[i]!,
        ifLevelLowered: this.keyIfLowered[i]!,
      })),
      licences: [...this.keyIfLicenceDropped],
    };
  }

  result(): PoolInsights {
    return {
      pool: this.pool,
      scored: this.scored,
      skills: this.requirements.map((r, i) => ({
        skillUri: r.skillUri,
        ifDropped: this.poolIfDropped[i]!,
        ifOptional: r.importance === 'nice_to_have' ? null : this.poolIfOptional[i]!,
        ifLevelLowered: r.minProficiency > 1 ? this.poolIfLowered[i]! : null,
      })),
      licences: this.vacancy.licences.map((licence, i) => ({
        licence,
        ifDropped: this.poolIfLicenceDropped[i]!,
      })),
    };
  }
}

/** The insights over a list of profiles (the tests' and the evaluation's way in). */
export function requirementInsights(
  candidates: Iterable<CandidateProfile>,
  vacancy: VacancyProfile,
  graph: SkillGraph,
  params: MatchParams,
  threshold: number,
): PoolInsights {
  const counter = new PoolCounter(vacancy, graph, params, threshold);
  for (const candidate of candidates) {
    counter.beginCandidate();
    for (const claim of candidate.skills) {
      counter.addClaim(
        claim.skillUri,
        claim.proficiency,
        claimFactor(claim.verified, claim.experienceMonths, claim.lastUsedYear, params),
      );
    }
    counter.endCandidate(candidate);
  }
  return counter.result();
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
