import { claimFactor, levelFactor } from '../credit';
import { DEFAULT_MATCH_PARAMS, MatchParams } from '../params';
import { scoreMatch, totalWithSkillsValue } from '../score';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, VacancyProfile } from '../types';
import { restWeight, upperBound } from './bounds';
import { growFloat64, growUint32, growUint8 } from './growable';
import { OccupationPostings } from './occupation-postings';
import { PostingLists } from './posting-lists';
import { QueryScratch } from './scratch';
import { BoundedSelection, RankQuery, RankResult } from './select';
import { SkillNumbers } from './skill-numbers';
import { compactEntries, SlotTable } from './slot-table';

/** The required skills a held skill meets (itself and those it partly stands in for) and how much. */
interface ReverseExpansion {
  version: number;
  skills: number[];
  factors: number[];
}

/**
 * Vacancies indexed for the jobseeker → vacancies direction. Requirements are packed into
 * typed columns; posting lists name the requirements of each skill. A query walks, from each
 * of the person's skills, the requirements it meets directly or partly, keeps the best credit
 * per requirement, and from the exact skills component bounds each vacancy's total.
 */
export class VacancyIndex {
  private readonly skillNumbers = new SkillNumbers();
  private readonly slots = new SlotTable<VacancyProfile>();
  private readonly postings = new PostingLists();
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
  private readonly occupations = new OccupationPostings();
  private readonly expansions = new Map<string, ReverseExpansion>();
  private readonly scratch = new QueryScratch();
  private readonly selection = new BoundedSelection();

  constructor(
    private readonly graph: SkillGraph,
    private readonly params: MatchParams = DEFAULT_MATCH_PARAMS,
  ) {}

  static build(
    graph: SkillGraph,
    vacancies: Iterable<{ profile: VacancyProfile; tag: string }>,
    params: MatchParams = DEFAULT_MATCH_PARAMS,
  ): VacancyIndex {
    const index = new VacancyIndex(graph, params);
    for (const { profile, tag } of vacancies) index.append(profile, tag, false);
    index.compact();
    return index;
  }

  get size(): number {
    return this.slots.liveCount;
  }

  has(id: string): boolean {
    return this.slots.slotOf(id) !== undefined;
  }

  profile(id: string): VacancyProfile | undefined {
    const slot = this.slots.slotOf(id);
    return slot === undefined ? undefined : this.slots.items[slot];
  }

  /** Adds or replaces a vacancy; the old version is never served again. */
  upsert(profile: VacancyProfile, tag: string): void {
    this.append(profile, tag, true);
  }

  /** Removes a vacancy (closed, filled, deleted); false if it was not indexed. */
  remove(id: string): boolean {
    return this.slots.remove(id);
  }

  get needsCompaction(): boolean {
    return (
      this.slots.dead > 1000 + this.slots.count / 5 ||
      this.postings.deltaSize > 20000 + this.postings.baseSize / 5
    );
  }

  compact(): void {
    const newSlotOf = this.slots.compact();
    this.occupations.renumber(newSlotOf);
    const count = this.slots.count;
    const judged = new Uint8Array(Math.max(16, count));
    const hasOccupation = new Uint8Array(Math.max(16, count));
    const rest = new Float64Array(Math.max(16, count));
    for (let old = 0; old < newSlotOf.length; old++) {
      const slot = newSlotOf[old];
      if (slot < 0) continue;
      judged[slot] = this.skillsJudged.data[old];
      hasOccupation[slot] = this.hasOccupation.data[old];
      rest[slot] = this.restWeight.data[old];
    }
    this.skillsJudged.replace(judged, count);
    this.hasOccupation.replace(hasOccupation, count);
    this.restWeight.replace(rest, count);
    this.maxUntouchedBound = 0;
    for (let slot = 0; slot < count; slot++) this.noteUntouchedBound(slot);
    const kept = compactEntries(
      this.requirementSlot,
      [this.requirementSkill, this.requirementLevel, this.requirementWeight],
      newSlotOf,
    );
    this.postings.rebuild(this.requirementSkill.data, kept, this.skillNumbers.size);
  }

  postingLengths(): number[] {
    return this.postings.lengths(this.skillNumbers.size);
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
    for (const claim of candidate.skills) {
      const evidence = claimFactor(
        claim.verified,
        claim.experienceMonths,
        claim.lastUsedYear,
        params,
      );
      const expansion = this.expansion(claim.skillUri);
      for (let j = 0; j < expansion.skills.length; j++) {
        const skill = expansion.skills[j];
        const factor = expansion.factors[j] * evidence;
        const delta = this.postings.deltaOf(skill);
        const baseEnd = this.postings.baseEnd(skill);
        const end = baseEnd + (delta ? delta.length : 0);
        for (let p = this.postings.baseStart(skill); p < end; p++) {
          const requirement = p < baseEnd ? entries[p] : delta![p - baseEnd];
          if (!alive[requirementSlot[requirement]]) continue;
          const credit =
            factor * levelFactor(requirementLevel[requirement], claim.proficiency, params);
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
      if (!alive[slot] || occupationMark[slot] === epoch) return;
      occupationMark[slot] = epoch;
      occupation[slot] = value;
      if (seenMark[slot] !== epoch) {
        seenMark[slot] = epoch;
        skillValue[slot] = 0;
        touched[touchedCount++] = slot;
      }
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
        return this.estimate(skills, candidate, vacancy, query.includeNearMisses ?? false);
      },
      (slot) => scoreMatch(candidate, this.slots.items[slot], this.graph, params),
      (score) => score.vacancyId,
      this.slots.liveCount,
    );
  }

  private readonly failures: string[] = [];
  private readonly missing: string[] = [];

  /** The pair's total from its known skills component, or -1 when its hard requirements rule it out. */
  private estimate(
    skillsValue: number | null,
    candidate: CandidateProfile,
    vacancy: VacancyProfile,
    nearMissesToo: boolean,
  ): number {
    const total = totalWithSkillsValue(
      skillsValue,
      candidate,
      vacancy,
      this.params,
      this.failures,
      this.missing,
    );
    return this.failures.length > (nearMissesToo ? 1 : 0) ? -1 : total;
  }

  private append(profile: VacancyProfile, tag: string, addPostings: boolean): void {
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

  /** The required skills (by number) that holding `uri` meets, cached until new skills are numbered. */
  private expansion(uri: string): ReverseExpansion {
    const cached = this.expansions.get(uri);
    if (cached && cached.version === this.skillNumbers.version) return cached;
    const skills: number[] = [];
    const factors: number[] = [];
    const self = this.skillNumbers.of(uri);
    if (self !== undefined) {
      skills.push(self);
      factors.push(1);
    }
    for (const edge of this.graph.requirementsPartlyMetBy(uri)) {
      const n = this.skillNumbers.of(edge.skillUri);
      if (n === undefined) continue;
      skills.push(n);
      factors.push(Math.min(edge.similarity, this.params.relatedSkillCap));
    }
    const expansion = { version: this.skillNumbers.version, skills, factors };
    this.expansions.set(uri, expansion);
    return expansion;
  }
}
