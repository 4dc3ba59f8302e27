import { claimFactor, levelFactor } from '../credit';
import { DEFAULT_MATCH_PARAMS, MatchParams } from '../params';
import { scoreMatch } from '../score';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, VacancyProfile } from '../types';
import { restWeight, upperBound } from './bounds';
import { growFloat64, growUint32, growUint8 } from './growable';
import { levelTable } from './scratch';
import { RankQuery, RankResult } from './select';
import { compactEntries } from './slot-table';
import { RecordIndex } from './record-index';

/**
 * Vacancies indexed for the jobseeker → vacancies direction. Requirements are packed into
 * typed columns; posting lists name the requirements of each skill. A query walks, from each
 * of the person's skills, the requirements it meets directly or partly, keeps the best credit
 * per requirement, and from the exact skills component bounds each vacancy's total.
 */
export class VacancyIndex extends RecordIndex<VacancyProfile, CandidateProfile> {
  // One entry per requirement, contiguous per slot.
  private readonly requirementSlot = growUint32();
  private readonly requirementSkill = growUint32();
  private readonly requirementLevel = growUint8();
  /** Importance weight over the vacancy's total, so the weighted credits sum to the skills component. */
  private readonly requirementWeight = growFloat64();
  // Per slot: what bounds the components other than skills.
  private readonly skillsJudged = growUint8();
  private readonly hasOccupation = growUint8();
  private readonly restWeight = growFloat64();
  private maxUntouchedBound = 0;

  constructor(
    private readonly graph: SkillGraph,
    params: MatchParams = DEFAULT_MATCH_PARAMS,
  ) {
    super(params, (uri) => graph.requirementsPartlyMetBy(uri));
  }

  /** Builds the index from every record at once (packed postings, no delta). */
  static build(
    graph: SkillGraph,
    vacancies: Iterable<{ profile: VacancyProfile; tag: string }>,
    params: MatchParams = DEFAULT_MATCH_PARAMS,
  ): VacancyIndex {
    return new VacancyIndex(graph, params).fill(vacancies);
  }

  profile(id: string): VacancyProfile | undefined {
    const slot = this.slots.slotOf(id);
    return slot === undefined ? undefined : this.slots.items[slot];
  }

  compact(): void {
    const newSlotOf = this.slots.compact([this.skillsJudged, this.hasOccupation, this.restWeight]);
    this.occupations.renumber(newSlotOf);
    const count = this.slots.count;
    this.maxUntouchedBound = 0;
    for (let slot = 0; slot < count; slot++) this.noteUntouchedBound(slot);
    const kept = compactEntries(
      this.requirementSlot,
      [this.requirementSkill, this.requirementLevel, this.requirementWeight],
      newSlotOf,
    );
    this.postings.rebuild(this.requirementSkill.data, kept, this.skillNumbers.size);
  }

  /** The best k vacancies for a jobseeker, exactly as scoring every vacancy would rank them. */
  rank(candidate: CandidateProfile, query: RankQuery<VacancyProfile>): RankResult {
    const params = this.params;
    const slotCount = this.slots.count;
    const scratch = this.scratch;
    scratch.ensure(this.requirementSlot.length, slotCount);
    const { best, bestMark, touchedNow, skillValue, seenMark, touched, bounds } = scratch;
    const alive = this.slots.alive.data;
    const requirementSlot = this.requirementSlot.data;
    const requirementLevel = this.requirementLevel.data;
    const requirementWeight = this.requirementWeight.data;
    const entries = this.postings.entries;
    // Best credit of each requirement from any of the person's skills.
    const mark = scratch.nextEpoch();
    let reached = 0;
    const credits = new Float64Array(8);
    for (const claim of candidate.skills) {
      const evidence = claimFactor(
        claim.verified,
        claim.experienceMonths,
        claim.lastUsedYear,
        params,
      );
      const expansion = this.expansions.of(claim.skillUri);
      // Credit by required level for this claim, so the loop below only looks it up.
      const levels = levelTable(claim.proficiency, (proficiency, required) =>
        levelFactor(required, proficiency, params),
      );
      for (let j = 0; j < expansion.skills.length; j++) {
        const skill = expansion.skills[j];
        for (let l = 0; l < 8; l++) credits[l] = expansion.factors[j] * evidence * levels[l];
        const delta = this.postings.deltaOf(skill);
        const baseEnd = this.postings.baseEnd(skill);
        const end = baseEnd + (delta ? delta.length : 0);
        for (let p = this.postings.baseStart(skill); p < end; p++) {
          const requirement = p < baseEnd ? entries[p] : delta![p - baseEnd];
          if (!alive[requirementSlot[requirement]]) continue;
          const credit = credits[requirementLevel[requirement]];
          if (bestMark[requirement] !== mark) {
            bestMark[requirement] = mark;
            best[requirement] = credit;
            touchedNow[reached++] = requirement;
          } else if (credit > best[requirement]) best[requirement] = credit;
        }
      }
    }
    const epoch = scratch.nextEpoch();
    let touchedCount = 0;
    for (let i = 0; i < reached; i++) {
      const requirement = touchedNow[i];
      const slot = requirementSlot[requirement];
      if (seenMark[slot] !== epoch) {
        seenMark[slot] = epoch;
        skillValue[slot] = 0;
        touched[touchedCount++] = slot;
      }
      skillValue[slot] += requirementWeight[requirement] * best[requirement];
    }
    // Occupation fit from the occupation postings; the vacancies they name join the queue.
    const { occupation, occupationMark } = scratch;
    const markOccupation = (slot: number, value: number) => {
      touchedCount = scratch.reachByOccupation(slot, value, epoch, alive, touchedCount);
    };
    for (const uri of candidate.desiredOccupationUris)
      for (const slot of this.occupations.slotsOfOccupation(uri)) markOccupation(slot, 1);
    for (const group of candidate.desiredIscoGroups)
      for (const slot of this.occupations.slotsOfGroup(group))
        markOccupation(slot, params.sameIscoGroupCredit);
    const judged = this.skillsJudged.data;
    const hasOccupation = this.hasOccupation.data;
    const rest = this.restWeight.data;
    const occupationJudged = candidate.desiredOccupationUris.length > 0;
    const occupationOf = (slot: number): number | null =>
      occupationMark[slot] === epoch
        ? occupation[slot]
        : occupationJudged && hasOccupation[slot]
          ? 0
          : null;
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      bounds[slot] = upperBound(
        judged[slot] ? skillValue[slot] : null,
        occupationOf(slot),
        params,
        rest[slot],
      );
    }
    const accept = query.accept;
    return this.selection.select(
      query,
      touched,
      touchedCount,
      bounds,
      {
        slotCount,
        maxBound: this.maxUntouchedBound,
        bound: (slot) =>
          upperBound(judged[slot] ? 0 : null, occupationOf(slot), params, rest[slot]),
        isCandidate: (slot) => alive[slot] === 1 && seenMark[slot] !== epoch,
      },
      (slot) => {
        const vacancy = this.slots.items[slot];
        if (accept && !accept(vacancy, this.slots.tags[slot])) return -1;
        const skills = !judged[slot] ? null : seenMark[slot] === epoch ? skillValue[slot] : 0;
        return this.cheapTotal.of(skills, candidate, vacancy, query.includeNearMisses ?? false);
      },
      (slot) => scoreMatch(candidate, this.slots.items[slot], this.graph, params),
      (score) => score.vacancyId,
      this.slots.liveCount,
    );
  }

  protected append(profile: VacancyProfile, tag: string, addPostings: boolean): void {
    const slot = this.slots.append(profile.id, profile, tag, this.requirementSlot.length);
    let weightTotal = 0;
    for (const r of profile.skills) weightTotal += this.params.importance[r.importance];
    for (const requirement of profile.skills) {
      const skill = this.skillNumbers.intern(requirement.skillUri);
      const entry = this.requirementSlot.push(slot);
      this.requirementSkill.push(skill);
      this.requirementLevel.push(requirement.minProficiency);
      this.requirementWeight.push(this.params.importance[requirement.importance] / weightTotal);
      if (addPostings) this.postings.add(skill, entry);
    }
    this.slots.entryEnd.data[slot] = this.requirementSlot.length;
    this.skillsJudged.push(profile.skills.length > 0 ? 1 : 0);
    this.hasOccupation.push(profile.occupationUri ? 1 : 0);
    this.restWeight.push(restWeight(profile, this.params));
    if (profile.occupationUri)
      this.occupations.add(
        slot,
        [profile.occupationUri],
        profile.iscoGroup ? [profile.iscoGroup] : [],
      );
    this.noteUntouchedBound(slot);
  }

  /** Keeps the largest bound any untouched vacancy can have (occupation unjudged is the larger case). */
  private noteUntouchedBound(slot: number): void {
    const skills = this.skillsJudged.data[slot] ? 0 : null;
    const bound = upperBound(skills, null, this.params, this.restWeight.data[slot]);
    if (bound > this.maxUntouchedBound) this.maxUntouchedBound = bound;
  }
}
