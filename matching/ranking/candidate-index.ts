import { claimFactor, levelFactor } from '../credit';
import { DEFAULT_MATCH_PARAMS, MatchParams } from '../params';
import { scoreMatch } from '../score';
import { PoolCounter } from '../insights';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, SkillClaim, VacancyProfile } from '../types';
import { restWeight, upperBound } from './bounds';
import { growFloat64, growInt32, growUint32, growUint8 } from './growable';
import { RankQuery, RankResult } from './select';
import { levelTable } from './scratch';
import { compactEntries } from './slot-table';
import { RecordIndex } from './record-index';

const NO_VALUE = -1;

/**
 * Jobseekers indexed for the vacancy → candidates direction. Claims are packed into typed
 * columns (no object per claim); posting lists name the claims of each skill. A query walks
 * the postings of each required skill and of the skills that partly meet it, keeps the best
 * credit per requirement per person, and from the exact skills component bounds each total.
 */
export class CandidateIndex extends RecordIndex<CandidateProfile, VacancyProfile> {
  // One entry per claim, contiguous per slot.
  private readonly claimSlot = growUint32();
  private readonly claimSkill = growUint32();
  private readonly claimLevel = growUint8();
  private readonly claimVerified = growUint8();
  private readonly claimExperience = growInt32();
  private readonly claimLastUsed = growInt32();
  /** Evidence × recency, the part of a claim's credit that does not depend on the requirement. */
  private readonly claimFactor = growFloat64();
  // Base postings with their claim's slot, level and factor inlined (rebuilt at compaction).
  private baseSlot = new Uint32Array(0);
  private baseLevel = new Uint8Array(0);
  private baseFactor = new Float64Array(0);
  /** Per slot: 1 when the person names desired occupations (then occupation fit is judged). */
  private readonly hasDesired = growUint8();

  constructor(
    private readonly graph: SkillGraph,
    params: MatchParams = DEFAULT_MATCH_PARAMS,
  ) {
    super(params, (uri) => graph.neighbours(uri));
  }

  /** Builds the index from every record at once (packed postings, no delta). */
  static build(
    graph: SkillGraph,
    profiles: Iterable<{ profile: CandidateProfile; tag: string }>,
    params: MatchParams = DEFAULT_MATCH_PARAMS,
  ): CandidateIndex {
    return new CandidateIndex(graph, params).fill(profiles);
  }

  /** Packs the live slots and rebuilds the posting lists without the delta and tombstones. */
  compact(): void {
    const newSlotOf = this.slots.compact([this.hasDesired]);
    this.occupations.renumber(newSlotOf);
    const kept = compactEntries(
      this.claimSlot,
      [
        this.claimSkill,
        this.claimLevel,
        this.claimVerified,
        this.claimExperience,
        this.claimLastUsed,
        this.claimFactor,
      ],
      newSlotOf,
    );
    this.postings.rebuild(this.claimSkill.data, kept, this.skillNumbers.size);
    // What a query reads of each base posting, in posting order: sequential reads in the hot
    // loop instead of a jump into the claim columns per posting.
    const entries = this.postings.entries;
    this.baseSlot = new Uint32Array(entries.length);
    this.baseLevel = new Uint8Array(entries.length);
    this.baseFactor = new Float64Array(entries.length);
    for (let p = 0; p < entries.length; p++) {
      this.baseSlot[p] = this.claimSlot.data[entries[p]];
      this.baseLevel[p] = this.claimLevel.data[entries[p]];
      this.baseFactor[p] = this.claimFactor.data[entries[p]];
    }
  }

  /** The profile as stored, claims and all (what scoreMatch reads). */
  profile(id: string): CandidateProfile | undefined {
    const slot = this.slots.slotOf(id);
    return slot === undefined ? undefined : this.materialise(slot);
  }

  /** The best k candidates for a vacancy, exactly as scoring everyone would rank them. */
  rank(vacancy: VacancyProfile, query: RankQuery<CandidateProfile>): RankResult {
    const params = this.params;
    const slotCount = this.slots.count;
    const scratch = this.scratch;
    scratch.ensure(slotCount, slotCount);
    const { best, bestMark, touchedNow, skillValue, seenMark, touched, bounds } = scratch;
    const epoch = scratch.nextEpoch();
    const alive = this.slots.alive.data;
    const claimSlot = this.claimSlot.data;
    const claimLevel = this.claimLevel.data;
    const claimFactors = this.claimFactor.data;
    const { baseSlot, baseLevel, baseFactor } = this;
    let touchedCount = 0;
    const skillsJudged = vacancy.skills.length > 0;
    let weightTotal = 0;
    for (const r of vacancy.skills) weightTotal += params.importance[r.importance];
    for (const requirement of vacancy.skills) {
      // Best credit of each person for this requirement: itself or the best related skill.
      const mark = scratch.nextEpoch();
      let reached = 0;
      const level = levelTable(requirement.minProficiency, (r, l) => levelFactor(r, l, params));
      const expansion = this.expansions.of(requirement.skillUri);
      const credits = new Float64Array(8);
      for (let j = 0; j < expansion.skills.length; j++) {
        const skill = expansion.skills[j];
        for (let l = 0; l < 8; l++) credits[l] = expansion.factors[j] * level[l];
        for (
          let p = this.postings.baseStart(skill), end = this.postings.baseEnd(skill);
          p < end;
          p++
        ) {
          const slot = baseSlot[p];
          if (!alive[slot]) continue;
          const credit = credits[baseLevel[p]] * baseFactor[p];
          if (bestMark[slot] !== mark) {
            bestMark[slot] = mark;
            best[slot] = credit;
            touchedNow[reached++] = slot;
          } else if (credit > best[slot]) best[slot] = credit;
        }
        const delta = this.postings.deltaOf(skill);
        if (!delta) continue;
        for (const claim of delta) {
          const slot = claimSlot[claim];
          if (!alive[slot]) continue;
          const credit = credits[claimLevel[claim]] * claimFactors[claim];
          if (bestMark[slot] !== mark) {
            bestMark[slot] = mark;
            best[slot] = credit;
            touchedNow[reached++] = slot;
          } else if (credit > best[slot]) best[slot] = credit;
        }
      }
      const weight = params.importance[requirement.importance] / weightTotal;
      for (let i = 0; i < reached; i++) {
        const slot = touchedNow[i];
        if (seenMark[slot] !== epoch) {
          seenMark[slot] = epoch;
          skillValue[slot] = 0;
          touched[touchedCount++] = slot;
        }
        skillValue[slot] += weight * best[slot];
      }
    }
    // Occupation fit from the occupation postings; the people they name join the queue.
    const { occupation, occupationMark } = scratch;
    const markOccupation = (slot: number, value: number) => {
      touchedCount = scratch.reachByOccupation(slot, value, epoch, alive, touchedCount);
    };
    if (vacancy.occupationUri) {
      for (const slot of this.occupations.slotsOfOccupation(vacancy.occupationUri))
        markOccupation(slot, 1);
      if (vacancy.iscoGroup)
        for (const slot of this.occupations.slotsOfGroup(vacancy.iscoGroup))
          markOccupation(slot, params.sameIscoGroupCredit);
    }
    const hasDesired = this.hasDesired.data;
    const occupationJudged = vacancy.occupationUri !== null;
    const occupationOf = (slot: number): number | null =>
      occupationMark[slot] === epoch
        ? occupation[slot]
        : occupationJudged && hasDesired[slot]
          ? 0
          : null;
    const rest = restWeight(vacancy, params);
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      bounds[slot] = upperBound(
        skillsJudged ? skillValue[slot] : null,
        occupationOf(slot),
        params,
        rest,
      );
    }
    const untouchedSkills = skillsJudged ? 0 : null;
    const accept = query.accept;
    return this.selection.select(
      query,
      touched,
      touchedCount,
      bounds,
      {
        slotCount,
        maxBound: upperBound(untouchedSkills, null, params, rest),
        bound: (slot) => upperBound(untouchedSkills, occupationOf(slot), params, rest),
        isCandidate: (slot) => alive[slot] === 1 && seenMark[slot] !== epoch,
      },
      (slot) => {
        const candidate = this.slots.items[slot];
        if (accept && !accept(candidate, this.slots.tags[slot])) return -1;
        const skills = !skillsJudged ? null : seenMark[slot] === epoch ? skillValue[slot] : 0;
        return this.cheapTotal.of(skills, candidate, vacancy, query.includeNearMisses ?? false);
      },
      (slot) => scoreMatch(this.materialise(slot), vacancy, this.graph, params),
      (score) => score.candidateId,
      this.slots.liveCount,
    );
  }

  /**
   * Feeds every live candidate (whose tag `accept` takes) to a pool counter straight from the
   * claim columns: no profile is built, and claims of skills the counter cannot use are skipped
   * by a mask over skill numbers.
   */
  feedPool(counter: PoolCounter, accept?: (tag: string) => boolean): void {
    const mask = new Uint8Array(this.skillNumbers.size + 1);
    for (const uri of counter.relevantSkills()) {
      const n = this.skillNumbers.of(uri);
      if (n !== undefined) mask[n] = 1;
    }
    const { items, tags, alive, entryStart, entryEnd } = this.slots;
    const skill = this.claimSkill.data;
    const level = this.claimLevel.data;
    const factor = this.claimFactor.data;
    for (let slot = 0; slot < items.length; slot++) {
      if (!alive.data[slot] || (accept && !accept(tags[slot]))) continue;
      counter.beginCandidate();
      const end = entryEnd.data[slot];
      for (let e = entryStart.data[slot]; e < end; e++) {
        if (mask[skill[e]]) counter.addClaim(this.skillUriOf(skill[e]), level[e], factor[e]);
      }
      counter.endCandidate(items[slot]);
    }
  }

  protected append(profile: CandidateProfile, tag: string, addPostings: boolean): void {
    const residual: CandidateProfile = { ...profile, skills: [] };
    const slot = this.slots.append(profile.id, residual, tag, this.claimSlot.length);
    this.hasDesired.push(profile.desiredOccupationUris.length > 0 ? 1 : 0);
    this.occupations.add(slot, profile.desiredOccupationUris, profile.desiredIscoGroups);
    for (const claim of profile.skills) {
      const skill = this.skillNumbers.intern(claim.skillUri);
      const entry = this.claimSlot.push(slot);
      this.claimSkill.push(skill);
      this.claimLevel.push(claim.proficiency);
      this.claimVerified.push(claim.verified ? 1 : 0);
      this.claimExperience.push(claim.experienceMonths ?? NO_VALUE);
      this.claimLastUsed.push(claim.lastUsedYear ?? NO_VALUE);
      this.claimFactor.push(
        claimFactor(claim.verified, claim.experienceMonths, claim.lastUsedYear, this.params),
      );
      if (addPostings) this.postings.add(skill, entry);
    }
    this.slots.entryEnd.data[slot] = this.claimSlot.length;
  }

  private materialise(slot: number): CandidateProfile {
    const skills: SkillClaim[] = [];
    const end = this.slots.entryEnd.data[slot];
    for (let e = this.slots.entryStart.data[slot]; e < end; e++) {
      const experience = this.claimExperience.data[e];
      const lastUsed = this.claimLastUsed.data[e];
      skills.push({
        skillUri: this.skillUriOf(this.claimSkill.data[e]),
        proficiency: this.claimLevel.data[e],
        verified: this.claimVerified.data[e] === 1,
        experienceMonths: experience === NO_VALUE ? null : experience,
        lastUsedYear: lastUsed === NO_VALUE ? null : lastUsed,
      });
    }
    return { ...this.slots.items[slot], skills };
  }

  private uris: string[] = [];

  private skillUriOf(skill: number): string {
    if (this.uris.length !== this.skillNumbers.size) this.uris = this.skillNumbers.uris();
    return this.uris[skill];
  }
}
