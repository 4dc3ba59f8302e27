import { claimFactor, levelFactor } from '../credit';
import { commuteKm, MatchParams } from '../params';
import { VacancyScorer } from '../score';
import { PoolCounter } from '../insights';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, SkillClaim, VacancyProfile } from '../types';
import { restWeight, upperBound } from './bounds';
import { growFloat64, growInt32, growUint16, growUint32, growUint8 } from './growable';
import { PLACE_ANY, PLACE_REMOTE_ONLY } from './place';
import { RankQuery, RankResult } from './select';
import { byValue, SEED_WALK_SHARE, valueOfTop } from './stages';
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
  private basePlace = new Uint16Array(0);
  /** Per slot: the place code (see place.ts). */
  private readonly placeCode = growUint16();
  /**
   * Per skill number and claim level (skill × 8 + level): the highest evidence × recency
   * factor of a claim of that skill at that level (0: none). It bounds what a list can add
   * below its similarity factor (unverified or stale claims, levels under the requirement's);
   * it only grows (a removed claim leaves it as high, which still bounds), rebuilt at compaction.
   */
  private maxFactor = new Float64Array(1024 * 8);
  /** Per slot: 1 when the person names desired occupations (then occupation fit is judged). */
  private readonly hasDesired = growUint8();

  constructor(
    private readonly graph: SkillGraph,
    params: MatchParams,
  ) {
    super(params, (uri) => graph.neighbours(uri));
  }

  /** Builds the index from every record at once (packed postings, no delta). */
  static build(
    graph: SkillGraph,
    profiles: Iterable<{ profile: CandidateProfile; tag: string }>,
    params: MatchParams,
  ): CandidateIndex {
    return new CandidateIndex(graph, params).fill(profiles);
  }

  /** Packs the live slots and rebuilds the posting lists without the delta and tombstones. */
  compact(): void {
    const newSlotOf = this.slots.compact([this.hasDesired, this.placeCode]);
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
    this.maxFactor.fill(0);
    for (let e = 0; e < kept; e++)
      this.noteFactor(
        this.claimSkill.data[e]!,
        this.claimLevel.data[e]!,
        this.claimFactor.data[e]!,
      );
    // What a query reads of each base posting, in posting order: sequential reads in the hot
    // loop instead of a jump into the claim columns per posting.
    const entries = this.postings.entries;
    this.baseSlot = new Uint32Array(entries.length);
    this.baseLevel = new Uint8Array(entries.length);
    this.baseFactor = new Float64Array(entries.length);
    this.basePlace = new Uint16Array(entries.length);
    for (let p = 0; p < entries.length; p++) {
      this.baseSlot[p] = this.claimSlot.data[entries[p]!]!;
      this.basePlace[p] = this.placeCode.data[this.baseSlot[p]!]!;
      this.baseLevel[p] = this.claimLevel.data[entries[p]!]!;
      this.baseFactor[p] = this.claimFactor.data[entries[p]!]!;
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
    scratch.ensureSkills(this.skillNumbers.size, this.places.count + 2);
    const first = scratch.beginQuery();
    const table = scratch.nextEpoch();
    const { best, bestMark, touchedNow, skillValue, seenMark, touched, bounds } = scratch;
    const { exact, exactMark, skillHead, skillMark, allowedPlaces } = scratch;
    const alive = this.slots.alive.data;
    const claimSlot = this.claimSlot.data;
    const claimLevel = this.claimLevel.data;
    const claimFactors = this.claimFactor.data;
    const claimSkill = this.claimSkill.data;
    const placeCode = this.placeCode.data;
    const { entryStart, entryEnd } = this.slots;
    const { baseSlot, basePlace } = this;
    const postings = this.postings;

    // The requirements' weights and level tables, and their terms: each skill that meets a
    // requirement (itself or a related one) with its credit factor and its value (weight ×
    // the most one of its postings adds, see termMax below).
    const requirements = vacancy.skills;
    const n = requirements.length;
    let weightTotal = 0;
    for (const r of requirements) weightTotal += params.importance[r.importance];
    const weights = new Float64Array(n);
    const levels = new Float64Array(n * 8);
    const terms = { requirement: [] as number[], skill: [] as number[], factor: [] as number[] };
    for (let r = 0; r < n; r++) {
      const requirement = requirements[r]!;
      weights[r] = params.importance[requirement.importance] / weightTotal;
      levels.set(
        levelTable(requirement.minProficiency, (m, l) => levelFactor(m, l, params)),
        r * 8,
      );
      const expansion = this.expansions.of(requirement.skillUri);
      for (let j = 0; j < expansion.skills.length; j++) {
        terms.requirement.push(r);
        terms.skill.push(expansion.skills[j]!);
        terms.factor.push(expansion.factors[j]!);
      }
    }
    const termCount = terms.skill.length;
    const values = new Float64Array(termCount);
    // Credit by claim level per term, and per skill the terms it appears in (a linked list
    // through `nextTerm`), so that a record's exact skills component is read from its claims.
    const termCredit = new Float64Array(termCount * 8);
    const nextTerm = new Int32Array(termCount);
    let walkable = 0;
    // The most one of a term's postings adds: its credit at each level times the highest
    // claim factor there (as the walk computes a posting's credit, so never below one).
    const termMax = new Float64Array(termCount);
    const maxFactor = this.maxFactor;
    for (let t = 0; t < termCount; t++) {
      const r = terms.requirement[t]!;
      const skill = terms.skill[t]!;
      let most = 0;
      for (let l = 0; l < 8; l++) {
        termCredit[t * 8 + l] = terms.factor[t]! * levels[r * 8 + l]!;
        const credit = termCredit[t * 8 + l]! * (maxFactor[skill * 8 + l] ?? 0);
        if (credit > most) most = credit;
      }
      termMax[t] = most;
      values[t] = weights[r]! * most;
      nextTerm[t] = skillMark[skill]! === table ? skillHead[skill]! : -1;
      skillMark[skill] = table;
      skillHead[skill] = t;
      walkable += postings.baseEnd(skill) - postings.baseStart(skill);
      walkable += postings.deltaOf(skill)?.length ?? 0;
    }
    const order = byValue(values, termCount);
    // remaining[b]: the most the terms after the first b can add to a record's skills (per
    // requirement the best unwalked factor, its terms being in descending order).
    const remaining = new Float64Array(termCount + 1);
    const rho = new Float64Array(n);
    for (let b = termCount - 1; b >= 0; b--) {
      const t = order[b]!;
      rho[terms.requirement[t]!] = termMax[t]!;
      let sum = 0;
      for (let r = 0; r < n; r++) sum += weights[r]! * rho[r]!;
      remaining[b] = sum;
    }
    const reqBest = new Float64Array(n);
    const exactSkills = (slot: number): number => {
      if (exactMark[slot] === first) return exact[slot]!;
      reqBest.fill(0);
      for (let e = entryStart.data[slot]!, end = entryEnd.data[slot]!; e < end; e++) {
        const skill = claimSkill[e]!;
        if (skillMark[skill] !== table) continue;
        for (let t = skillHead[skill]!; t >= 0; t = nextTerm[t]!) {
          const credit = termCredit[t * 8 + claimLevel[e]!]! * claimFactors[e]!;
          const r = terms.requirement[t]!;
          if (credit > reqBest[r]!) reqBest[r] = credit;
        }
      }
      let value = 0;
      for (let r = 0; r < n; r++) value += weights[r]! * reqBest[r]!;
      exactMark[slot] = first;
      exact[slot] = value;
      return value;
    };

    // On-site only and no near misses: records refused on place are never walked.
    const placeFilter =
      this.pruning && vacancy.remote === 'none' && !(query.includeNearMisses ?? false);
    if (placeFilter) {
      allowedPlaces[PLACE_ANY] = 1;
      allowedPlaces[PLACE_REMOTE_ONLY] = 0;
      if (vacancy.location) this.places.allow(allowedPlaces, vacancy.location, null);
      else allowedPlaces.fill(1, 2, this.places.count + 2);
    }
    const passes = (slot: number) => !placeFilter || allowedPlaces[placeCode[slot]!] === 1;

    const { occupation, occupationMark } = scratch;
    const hasDesired = this.hasDesired.data;
    const occupationJudged = vacancy.occupationUri !== null;
    const occupationOf = (slot: number): number | null =>
      occupationMark[slot]! >= first
        ? occupation[slot]!
        : occupationJudged && hasDesired[slot]
          ? 0
          : null;
    const skillsJudged = n > 0;
    const rest = restWeight(vacancy, params);
    const untouchedBound = (skills: number) =>
      Math.max(
        upperBound(skillsJudged ? skills : null, null, params, rest),
        occupationJudged ? upperBound(skillsJudged ? skills : null, 0, params, rest) : -Infinity,
      );

    // The default floor's skill rule, as skillsMet counts: some credit for an essential
    // requirement from one of the person's claims (the skill itself or a related one).
    const essential = new Uint8Array(n);
    let essentials = false;
    for (let r = 0; r < n; r++) {
      if (requirements[r]!.importance !== 'essential') continue;
      essential[r] = 1;
      essentials = true;
    }
    const meetsAnEssential = (slot: number): boolean => {
      for (let e = entryStart.data[slot]!, end = entryEnd.data[slot]!; e < end; e++) {
        const skill = claimSkill[e]!;
        if (skillMark[skill] !== table) continue;
        for (let t = skillHead[skill]!; t >= 0; t = nextTerm[t]!)
          if (
            essential[terms.requirement[t]!] &&
            termCredit[t * 8 + claimLevel[e]!]! * claimFactors[e]! > 0
          )
            return true;
      }
      return false;
    };

    const accept = query.accept;
    const includeNearMisses = query.includeNearMisses ?? false;
    const requireEssential = (query.requireEssentialSkill ?? false) && essentials;
    const estimateOf = (slot: number) => {
      const candidate = this.slots.items[slot]!;
      if (accept && !accept(candidate, this.slots.tags[slot]!)) return -1;
      if (requireEssential && !meetsAnEssential(slot)) return -1;
      const skills = skillsJudged ? exactSkills(slot) : null;
      return this.cheapTotal.of(skills, candidate, vacancy, includeNearMisses);
    };
    // Seeds and the selection may ask for the same slot: its total is computed once.
    const estimate = (slot: number) => scratch.estimateOnce(slot, first, estimateOf);

    let scorer: VacancyScorer | undefined;

    // Occupation fit from the occupation postings; the people they name join the reached.
    const epoch = scratch.nextEpoch();
    let touchedCount = 0;
    if (vacancy.occupationUri) {
      const mark = (slot: number, value: number) => {
        if (passes(slot))
          touchedCount = scratch.reachByOccupation(slot, value, epoch, alive, touchedCount);
      };
      for (const slot of this.occupations.slotsOfOccupation(vacancy.occupationUri)) mark(slot, 1);
      if (vacancy.iscoGroup)
        for (const slot of this.occupations.slotsOfGroup(vacancy.iscoGroup))
          mark(slot, params.sameIscoGroupCredit);
    }
    return this.loop.run(
      query,
      {
        reached: touchedCount,
        termCount,
        remaining,
        walkable,
        slotCount,
        live: this.slots.liveCount,
        touched,
        bounds,
        // Seeds: the people the most valuable terms reach for the most value, then people with
        // the occupation, then anyone on the most valuable lists.
        seed: (reached, minScore) => {
          const seeds = this.seeds;
          const seed = (slot: number) => {
            if (alive[slot] && exactMark[slot] !== first && passes(slot))
              seeds.offer(estimate(slot), minScore);
          };
          const mark = scratch.nextEpoch();
          let walkedTo = 0;
          let volume = 0;
          for (let b = 0; b < termCount && volume * SEED_WALK_SHARE < walkable; b++) {
            const t = order[b]!;
            const skill = terms.skill[t]!;
            const end = postings.baseEnd(skill);
            const start = postings.baseStart(skill);
            volume += end - start;
            for (let p = start; p < end; p++) {
              const slot = baseSlot[p]!;
              if (!alive[slot] || (placeFilter && !allowedPlaces[basePlace[p]!])) continue;
              if (bestMark[slot] !== mark) {
                bestMark[slot] = mark;
                best[slot] = values[t]!;
                touchedNow[walkedTo++] = slot;
              } else best[slot]! += values[t]!;
            }
          }
          const least = valueOfTop(best, touchedNow, walkedTo, seeds.left);
          for (let i = 0; i < walkedTo && seeds.open; i++)
            if (best[touchedNow[i]!]! >= least) seed(touchedNow[i]!);
          for (let i = 0; i < reached && seeds.open; i++) seed(touched[i]!);
          for (let b = 0; b < termCount && seeds.open; b++) {
            const skill = terms.skill[order[b]!]!;
            const end = postings.baseEnd(skill);
            for (let p = postings.baseStart(skill); p < end && seeds.open; p++) seed(baseSlot[p]!);
          }
        },
        walkBound: untouchedBound,
        walk: (end, left, touchedCount, tally) => {
          // The hot loop's arrays as the walk's own locals (not slots of the enclosing scope).
          const { baseSlot, baseLevel, baseFactor, basePlace } = this;
          const { best, bestMark, touchedNow, allowedPlaces } = scratch;
          const alive = this.slots.alive.data;
          // Per requirement, the best factor among the unwalked terms.
          rho.fill(0);
          for (let b = termCount - 1; b >= end; b--)
            rho[terms.requirement[order[b]!]!] = termMax[order[b]!]!;
          let walked = 0;
          const credits = new Float64Array(8);
          for (let r = 0; r < n; r++) {
            // Best credit of each person for this requirement from the walked terms.
            const mark = scratch.nextEpoch();
            let reached = 0;
            for (let b = 0; b < end; b++) {
              const t = order[b]!;
              if (terms.requirement[t] !== r) continue;
              const skill = terms.skill[t]!;
              for (let l = 0; l < 8; l++) credits[l] = termCredit[t * 8 + l]!;
              const baseEnd = postings.baseEnd(skill);
              let p = postings.baseStart(skill);
              walked += baseEnd - p;
              for (; p < baseEnd; p++) {
                const slot = baseSlot[p]!;
                if (!alive[slot]) continue;
                if (placeFilter && !allowedPlaces[basePlace[p]!]) continue;
                const credit = credits[baseLevel[p]!]! * baseFactor[p]!;
                if (bestMark[slot] !== mark) {
                  bestMark[slot] = mark;
                  best[slot] = credit;
                  touchedNow[reached++] = slot;
                } else if (credit > best[slot]!) best[slot] = credit;
              }
              const delta = postings.deltaOf(skill);
              if (!delta) continue;
              walked += delta.length;
              for (const claim of delta) {
                const slot = claimSlot[claim]!;
                if (!alive[slot] || !passes(slot)) continue;
                const credit = credits[claimLevel[claim]!]! * claimFactors[claim]!;
                if (bestMark[slot] !== mark) {
                  bestMark[slot] = mark;
                  best[slot] = credit;
                  touchedNow[reached++] = slot;
                } else if (credit > best[slot]!) best[slot] = credit;
              }
            }
            // What the walk adds above what the unwalked terms could give anyway: with nothing
            // left unwalked, the exact skills component.
            const weight = weights[r]!;
            const unwalked = rho[r]!;
            for (let i = 0; i < reached; i++) {
              const slot = touchedNow[i]!;
              if (seenMark[slot] !== epoch) {
                seenMark[slot] = epoch;
                skillValue[slot] = 0;
                touched[touchedCount++] = slot;
              }
              const gain = best[slot]! - unwalked;
              if (gain > 0) skillValue[slot]! += weight * gain;
            }
          }
          for (let i = 0; i < touchedCount; i++) {
            const slot = touched[i]!;
            if (left === 0 && skillsJudged && exactMark[slot] !== first) {
              // Nothing left unwalked: the walk summed the exact component, as exactSkills would.
              exactMark[slot] = first;
              exact[slot] = skillValue[slot]!;
            }
            bounds[slot] =
              exactMark[slot]! === first
                ? upperBound(skillsJudged ? exact[slot]! : null, occupationOf(slot), params, rest)
                : upperBound(
                    skillsJudged ? left + skillValue[slot]! : null,
                    occupationOf(slot),
                    params,
                    rest,
                  );
          }
          tally.walked = walked;
          return touchedCount;
        },
        steps: {
          estimate,
          score: (slot) => {
            // The vacancy's requirements looked up once for all the finalists.
            scorer ??= new VacancyScorer(vacancy, this.graph, params);
            return scorer.score(this.materialise(slot));
          },
          idOf: (score) => score.candidateId,
          slotId: (slot) => this.slots.ids[slot]!,
          exactBound: (slot) =>
            upperBound(skillsJudged ? exactSkills(slot) : null, occupationOf(slot), params, rest),
        },
        untouchedMaxBound: untouchedBound,
        untouchedBound: (slot, left) =>
          upperBound(skillsJudged ? left : null, occupationOf(slot), params, rest),
        isUntouchedCandidate: (slot) =>
          alive[slot] === 1 && seenMark[slot] !== epoch && passes(slot),
      },
      this.pruning,
      this.postingsPerSeed,
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
      if (!alive.data[slot] || (accept && !accept(tags[slot]!))) continue;
      counter.beginCandidate();
      const end = entryEnd.data[slot]!;
      for (let e = entryStart.data[slot]!; e < end; e++) {
        if (mask[skill[e]!]) counter.addClaim(this.skillUriOf(skill[e]!), level[e]!, factor[e]!);
      }
      counter.endCandidate(items[slot]!);
    }
  }

  protected append(profile: CandidateProfile, tag: string, addPostings: boolean): void {
    const residual: CandidateProfile = { ...profile, skills: [] };
    const slot = this.slots.append(profile.id, residual, tag, this.claimSlot.length);
    this.hasDesired.push(profile.desiredOccupationUris.length > 0 ? 1 : 0);
    this.placeCode.push(this.placeOf(profile));
    this.occupations.add(slot, profile.desiredOccupationUris, profile.desiredIscoGroups);
    for (const claim of profile.skills) {
      const skill = this.skillNumbers.intern(claim.skillUri);
      const entry = this.claimSlot.push(slot);
      this.claimSkill.push(skill);
      this.claimLevel.push(claim.proficiency);
      this.claimVerified.push(claim.verified ? 1 : 0);
      this.claimExperience.push(claim.experienceMonths ?? NO_VALUE);
      this.claimLastUsed.push(claim.lastUsedYear ?? NO_VALUE);
      const factor = claimFactor(
        claim.verified,
        claim.experienceMonths,
        claim.lastUsedYear,
        this.params,
      );
      this.claimFactor.push(factor);
      this.noteFactor(skill, claim.proficiency, factor);
      if (addPostings) this.postings.add(skill, entry);
    }
    this.slots.entryEnd.data[slot] = this.claimSlot.length;
  }

  private noteFactor(skill: number, level: number, factor: number): void {
    if (this.maxFactor.length < (skill + 1) * 8) {
      const next = new Float64Array(Math.max((skill + 1) * 8, this.maxFactor.length * 2));
      next.set(this.maxFactor);
      this.maxFactor = next;
    }
    if (factor > this.maxFactor[skill * 8 + level]!) this.maxFactor[skill * 8 + level] = factor;
  }

  /** Where the person stands for an on-site vacancy's location requirement (see place.ts). */
  private placeOf(profile: CandidateProfile): number {
    if (profile.remotePreference === 'full') return PLACE_REMOTE_ONLY;
    if (!profile.location || profile.willingToRelocate) return PLACE_ANY;
    return this.places.codeOf(profile.location, commuteKm(profile.maxCommuteKm, this.params));
  }

  private materialise(slot: number): CandidateProfile {
    const skills: SkillClaim[] = [];
    const end = this.slots.entryEnd.data[slot]!;
    for (let e = this.slots.entryStart.data[slot]!; e < end; e++) {
      const experience = this.claimExperience.data[e]!;
      const lastUsed = this.claimLastUsed.data[e]!;
      skills.push({
        skillUri: this.skillUriOf(this.claimSkill.data[e]!),
        proficiency: this.claimLevel.data[e]!,
        verified: this.claimVerified.data[e] === 1,
        experienceMonths: experience === NO_VALUE ? null : experience,
        lastUsedYear: lastUsed === NO_VALUE ? null : lastUsed,
      });
    }
    return { ...this.slots.items[slot]!, skills };
  }

  private uris: string[] = [];

  private skillUriOf(skill: number): string {
    if (this.uris.length !== this.skillNumbers.size) this.uris = this.skillNumbers.uris();
    return this.uris[skill]!;
  }
}
