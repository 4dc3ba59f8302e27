/**
 * How each requirement of a vacancy shapes its candidate pool, in one pass over the candidates:
 * the pool (passing every hard requirement, scoring at least the threshold) and, per skill
 * requirement, the pool if it were dropped, made nice-to-have, or its level lowered by one; per
 * licence, the pool if it were dropped. Exact: the skills score decomposes per requirement
 * (a weighted mean of credits) and the rest of the total does not depend on the skills, so every
 * variant is a little arithmetic on the same credits, never a second scoring of the pair.
 */
import { claimFactor, levelFactor } from './credit';
import { MatchParams } from './params';
import { nonSkillParts } from './score';
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

interface Via {
  requirement: number;
  similarity: number;
}

export function requirementInsights(
  candidates: Iterable<CandidateProfile>,
  vacancy: VacancyProfile,
  graph: SkillGraph,
  params: MatchParams,
  threshold: number,
): PoolInsights {
  const requirements = vacancy.skills;
  const count = requirements.length;
  const weight = Float64Array.from(requirements, (r) => params.importance[r.importance]);
  const total = weight.reduce((a, b) => a + b, 0);
  const niceWeight = params.importance.nice_to_have;
  const direct = new Map<string, number[]>();
  const via = new Map<string, Via[]>();
  requirements.forEach((r, i) => {
    direct.set(r.skillUri, [...(direct.get(r.skillUri) ?? []), i]);
    for (const n of graph.neighbours(r.skillUri)) {
      const list = via.get(n.skillUri) ?? [];
      list.push({ requirement: i, similarity: Math.min(n.similarity, params.relatedSkillCap) });
      via.set(n.skillUri, list);
    }
  });
  const licences = vacancy.licences;
  const credit = new Float64Array(count);
  const lowered = new Float64Array(count);
  const poolIfDropped = new Int32Array(count);
  const poolIfOptional = new Int32Array(count);
  const poolIfLowered = new Int32Array(count);
  const poolIfLicenceDropped = new Int32Array(licences.length);
  const nonSkillWeightMax =
    params.occupationWeight +
    params.languagesWeight +
    params.educationWeight +
    params.experienceWeight +
    params.locationWeight +
    params.conditionsWeight;
  const ws = params.skillsWeight;
  const hardFailures: string[] = [];
  const missingData: string[] = [];
  let pool = 0;
  let scored = 0;

  for (const candidate of candidates) {
    credit.fill(0);
    lowered.fill(0);
    for (const claim of candidate.skills) {
      const direct_ = direct.get(claim.skillUri);
      const via_ = via.get(claim.skillUri);
      if (!direct_ && !via_) continue;
      const factor = claimFactor(
        claim.verified,
        claim.experienceMonths,
        claim.lastUsedYear,
        params,
      );
      for (const r of direct_ ?? []) {
        const level = requirements[r].minProficiency;
        credit[r] = Math.max(credit[r], levelFactor(level, claim.proficiency, params) * factor);
        lowered[r] = Math.max(
          lowered[r],
          levelFactor(level - 1, claim.proficiency, params) * factor,
        );
      }
      for (const v of via_ ?? []) {
        const level = requirements[v.requirement].minProficiency;
        const c = v.similarity * levelFactor(level, claim.proficiency, params) * factor;
        const l = v.similarity * levelFactor(level - 1, claim.proficiency, params) * factor;
        if (c > credit[v.requirement]) credit[v.requirement] = c;
        if (l > lowered[v.requirement]) lowered[v.requirement] = l;
      }
    }
    let sum = 0;
    for (let r = 0; r < count; r++) sum += weight[r] * credit[r];
    // The best skills value any variant could give; if even that cannot reach the threshold
    // with every other component perfect, the candidate is in no pool.
    let best = count ? sum / total : 1;
    for (let r = 0; r < count && best < 1; r++) {
      const rest = total - weight[r];
      best = Math.max(
        best,
        rest > 0 ? (sum - weight[r] * credit[r]) / rest : 1,
        (sum - weight[r] * credit[r] + niceWeight * credit[r]) / (rest + niceWeight),
        (sum - weight[r] * credit[r] + weight[r] * lowered[r]) / total,
      );
    }
    if ((nonSkillWeightMax + best * ws) / (nonSkillWeightMax + ws) < threshold - 1e-12) continue;
    scored++;
    const parts = nonSkillParts(candidate, vacancy, params, hardFailures, missingData);
    let failedLicence = -1;
    let otherFailures = 0;
    for (const failure of hardFailures) {
      if (failure.startsWith('licence:')) {
        if (failedLicence === -1) failedLicence = licences.indexOf(failure.slice(8));
        else otherFailures++;
      } else otherFailures++;
    }
    if (otherFailures > 0) continue;
    const totalWith = (skills: number | null) =>
      clamp(
        skills === null
          ? parts.weight > 0
            ? parts.numerator / parts.weight
            : 0
          : (parts.numerator + skills * ws) / (parts.weight + ws),
      );
    const current = totalWith(count ? sum / total : null) >= threshold;
    if (failedLicence >= 0) {
      if (current) poolIfLicenceDropped[failedLicence]++;
      continue;
    }
    if (current) {
      pool++;
      for (let l = 0; l < licences.length; l++) poolIfLicenceDropped[l]++;
    }
    for (let r = 0; r < count; r++) {
      const rest = total - weight[r];
      const without = sum - weight[r] * credit[r];
      if (totalWith(rest > 0 ? without / rest : null) >= threshold) poolIfDropped[r]++;
      if (totalWith((without + niceWeight * credit[r]) / (rest + niceWeight)) >= threshold)
        poolIfOptional[r]++;
      if (totalWith((without + weight[r] * lowered[r]) / total) >= threshold) poolIfLowered[r]++;
    }
  }

  return {
    pool,
    scored,
    skills: requirements.map((r, i) => ({
      skillUri: r.skillUri,
      ifDropped: poolIfDropped[i],
      ifOptional: r.importance === 'nice_to_have' ? null : poolIfOptional[i],
      ifLevelLowered: r.minProficiency > 1 ? poolIfLowered[i] : null,
    })),
    licences: licences.map((licence, i) => ({ licence, ifDropped: poolIfLicenceDropped[i] })),
  };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
