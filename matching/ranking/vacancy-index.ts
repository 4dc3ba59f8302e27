import { claimFactor, levelFactor } from '../credit';
import { commuteKm, MatchParams } from '../params';
import { CandidateScorer } from '../score';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, VacancyProfile } from '../types';
import { restWeight, upperBound } from './bounds';
import { growFloat64, growUint16, growUint32, growUint8 } from './growable';
import { PLACE_ANY } from './place';
import { byValue, POSTINGS_PER_SEED } from './stages';
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
  /** 1 for an essential requirement (the default floor's skill rule). */
  private readonly requirementEssential = growUint8();
  /** Importance weight over the vacancy's total, so the weighted credits sum to the skills component. */
  private readonly requirementWeight = growFloat64();
  // Per slot: what bounds the components other than skills.
  private readonly skillsJudged = growUint8();
  private readonly hasOccupation = growUint8();
  private readonly restWeight = growFloat64();
  /** Per slot: the place code (see place.ts). */
  private readonly placeCode = growUint16();
  // Base postings with their requirement's slot, level, weight and place inlined (rebuilt at compaction).
  private baseSlot = new Uint32Array(0);
  private baseLevel = new Uint8Array(0);
  private baseWeight = new Float64Array(0);
  private basePlace = new Uint16Array(0);
  /** The largest rest weight of a vacancy with skills and of one without (-1: none). */
  private maxRestJudged = -1;
  private maxRestUnjudged = -1;

  constructor(
    private readonly graph: SkillGraph,
    params: MatchParams,
  ) {
    super(params, (uri) => graph.requirementsPartlyMetBy(uri));
    // A posting here costs one table lookup, and the lists are short (a person's skills reach
    // about 10,000 requirements): seeds rarely pay for themselves (measured: 0.6–0.9× with
    // the general cost), so a query takes them only when its lists are ten times longer.
    this.postingsPerSeed = 10 * POSTINGS_PER_SEED;
  }

  /** Builds the index from every record at once (packed postings, no delta). */
  static build(
    graph: SkillGraph,
    vacancies: Iterable<{ profile: VacancyProfile; tag: string }>,
    params: MatchParams,
  ): VacancyIndex {
    return new VacancyIndex(graph, params).fill(vacancies);
  }

  profile(id: string): VacancyProfile | undefined {
    const slot = this.slots.slotOf(id);
    return slot === undefined ? undefined : this.slots.items[slot];
  }

  compact(): void {
    const newSlotOf = this.slots.compact([
      this.skillsJudged,
      this.hasOccupation,
      this.restWeight,
      this.placeCode,
    ]);
    this.occupations.renumber(newSlotOf);
    const count = this.slots.count;
    this.maxRestJudged = -1;
    this.maxRestUnjudged = -1;
    for (let slot = 0; slot < count; slot++) this.noteRest(slot);
    const kept = compactEntries(
      this.requirementSlot,
      [
        this.requirementSkill,
        this.requirementLevel,
        this.requirementWeight,
        this.requirementEssential,
      ],
      newSlotOf,
    );
    this.postings.rebuild(this.requirementSkill.data, kept, this.skillNumbers.size);
    // What a query reads of each base posting, in posting order.
    const entries = this.postings.entries;
    this.baseSlot = new Uint32Array(entries.length);
    this.baseLevel = new Uint8Array(entries.length);
    this.baseWeight = new Float64Array(entries.length);
    this.basePlace = new Uint16Array(entries.length);
    for (let p = 0; p < entries.length; p++) {
      const requirement = entries[p]!;
      this.baseSlot[p] = this.requirementSlot.data[requirement]!;
      this.baseLevel[p] = this.requirementLevel.data[requirement]!;
      this.baseWeight[p] = this.requirementWeight.data[requirement]!;
      this.basePlace[p] = this.placeCode.data[this.baseSlot[p]!]!;
    }
  }

  /** The best k vacancies for a jobseeker, exactly as scoring every vacancy would rank them. */
  rank(candidate: CandidateProfile, query: RankQuery<VacancyProfile>): RankResult {
    const params = this.params;
    const slotCount = this.slots.count;
    const scratch = this.scratch;
    scratch.ensure(1, slotCount);
    scratch.ensureSkills(this.skillNumbers.size, this.places.count + 2);
    const first = scratch.beginQuery();
    const table = scratch.nextEpoch();
    const { seenMark, touched, bounds, skillCredit, skillMark } = scratch;
    const { allowedPlaces } = scratch;
    const alive = this.slots.alive.data;
    const requirementSlot = this.requirementSlot.data;
    const requirementLevel = this.requirementLevel.data;
    const requirementWeight = this.requirementWeight.data;
    const requirementSkill = this.requirementSkill.data;
    const requirementEssential = this.requirementEssential.data;
    const placeCode = this.placeCode.data;
    const { entryStart, entryEnd } = this.slots;
    const { baseSlot } = this;
    const postings = this.postings;

    // The person's best credit for each required skill and level, from any of their skills
    // (itself or a related one): the terms, each walked once, worth their best credit.
    const skills: number[] = [];
    for (const claim of candidate.skills) {
      const evidence = claimFactor(
        claim.verified,
        claim.experienceMonths,
        claim.lastUsedYear,
        params,
      );
      const expansion = this.expansions.of(claim.skillUri);
      // Credit by required level for this claim.
      const levels = levelTable(claim.proficiency, (proficiency, required) =>
        levelFactor(required, proficiency, params),
      );
      for (let j = 0; j < expansion.skills.length; j++) {
        const skill = expansion.skills[j]!;
        const factor = expansion.factors[j]! * evidence;
        if (skillMark[skill] !== table) {
          skillMark[skill] = table;
          skillCredit.fill(0, skill * 8, skill * 8 + 8);
          skills.push(skill);
        }
        for (let l = 0; l < 8; l++) {
          const credit = factor * levels[l]!;
          if (credit > skillCredit[skill * 8 + l]!) skillCredit[skill * 8 + l] = credit;
        }
      }
    }
    const termCount = skills.length;
    const values = new Float64Array(termCount);
    let walkable = 0;
    for (let t = 0; t < termCount; t++) {
      const skill = skills[t]!;
      for (let l = 0; l < 8; l++) values[t] = Math.max(values[t]!, skillCredit[skill * 8 + l]!);
      walkable += postings.baseEnd(skill) - postings.baseStart(skill);
      walkable += postings.deltaOf(skill)?.length ?? 0;
    }
    const order = byValue(values, termCount);
    // A vacancy's requirement weights add up to 1, so the unwalked terms add at most the
    // best credit among them.
    const remaining = new Float64Array(termCount + 1);
    for (let b = 0; b < termCount; b++) remaining[b] = values[order[b]!]!;
    const exactSkills = (slot: number): number => {
      let value = 0;
      for (let e = entryStart.data[slot]!, end = entryEnd.data[slot]!; e < end; e++) {
        const skill = requirementSkill[e]!;
        if (skillMark[skill] === table)
          value += requirementWeight[e]! * skillCredit[skill * 8 + requirementLevel[e]!]!;
      }
      return value;
    };

    // No near misses: an on-site vacancy the person cannot reach is never walked.
    const placeFilter = this.pruning && !(query.includeNearMisses ?? false);
    if (placeFilter) {
      allowedPlaces.fill(1, 0, this.places.count + 2);
      if (candidate.remotePreference === 'full') allowedPlaces.fill(0, 2, this.places.count + 2);
      else if (candidate.location && !candidate.willingToRelocate)
        this.places.allow(
          allowedPlaces,
          candidate.location,
          commuteKm(candidate.maxCommuteKm, params),
        );
    }
    const passes = (slot: number) => !placeFilter || allowedPlaces[placeCode[slot]!] === 1;

    const { occupation, occupationMark } = scratch;
    const judged = this.skillsJudged.data;
    const hasOccupation = this.hasOccupation.data;
    const rest = this.restWeight.data;
    const occupationJudged = candidate.desiredOccupationUris.length > 0;
    const occupationOf = (slot: number): number | null =>
      occupationMark[slot]! >= first
        ? occupation[slot]!
        : occupationJudged && hasOccupation[slot]
          ? 0
          : null;
    // The largest bound of a vacancy no walked term reached (the rest weight at its largest).
    const untouchedBound = (skills: number) => {
      let bound = -Infinity;
      for (const [value, rest] of [
        [skills, this.maxRestJudged],
        [null, this.maxRestUnjudged],
      ] as const) {
        if (rest < 0) continue;
        bound = Math.max(bound, upperBound(value, null, params, rest));
        if (occupationJudged) bound = Math.max(bound, upperBound(value, 0, params, rest));
      }
      return bound;
    };
    const untouchedJudgedBound = (skills: number) =>
      this.maxRestJudged < 0
        ? -Infinity
        : Math.max(
            upperBound(skills, null, params, this.maxRestJudged),
            occupationJudged ? upperBound(skills, 0, params, this.maxRestJudged) : -Infinity,
          );

    // The default floor's skill rule, as skillsMet counts: some credit for an essential
    // requirement (the person's skill or a related one), or no essential requirement at all.
    const meetsAnEssential = (slot: number): boolean => {
      let essentials = false;
      for (let e = entryStart.data[slot]!, end = entryEnd.data[slot]!; e < end; e++) {
        if (!requirementEssential[e]) continue;
        essentials = true;
        const skill = requirementSkill[e]!;
        if (skillMark[skill] === table && skillCredit[skill * 8 + requirementLevel[e]!]! > 0)
          return true;
      }
      return !essentials;
    };

    const accept = query.accept;
    const includeNearMisses = query.includeNearMisses ?? false;
    const requireEssential = query.requireEssentialSkill ?? false;
    const estimateOf = (slot: number) => {
      const vacancy = this.slots.items[slot]!;
      if (accept && !accept(vacancy, this.slots.tags[slot]!)) return -1;
      if (requireEssential && !meetsAnEssential(slot)) return -1;
      const skills = judged[slot] ? exactSkills(slot) : null;
      return this.cheapTotal.of(skills, candidate, vacancy, includeNearMisses);
    };
    // Seeds and the selection may ask for the same slot: its total is computed once.
    const estimate = (slot: number) => scratch.estimateOnce(slot, first, estimateOf);

    let scorer: CandidateScorer | undefined;

    // Occupation fit from the occupation postings; the vacancies they name join the reached.
    const epoch = scratch.nextEpoch();
    let touchedCount = 0;
    const mark = (slot: number, value: number) => {
      if (passes(slot))
        touchedCount = scratch.reachByOccupation(slot, value, epoch, alive, touchedCount);
    };
    for (const uri of candidate.desiredOccupationUris)
      for (const slot of this.occupations.slotsOfOccupation(uri)) mark(slot, 1);
    for (const group of candidate.desiredIscoGroups)
      for (const slot of this.occupations.slotsOfGroup(group))
        mark(slot, params.sameIscoGroupCredit);
    const { exactMark } = scratch;
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
        // Seeds: vacancies in the wanted occupations, then those needing the best-met skills.
        seed: (reached, minScore) => {
          const seeds = this.seeds;
          const seed = (slot: number) => {
            if (!alive[slot] || exactMark[slot] === first || !passes(slot)) return;
            exactMark[slot] = first;
            seeds.offer(estimate(slot), minScore);
          };
          for (let i = 0; i < reached && seeds.open; i++) seed(touched[i]!);
          for (let b = 0; b < termCount && seeds.open; b++) {
            const skill = skills[order[b]!]!;
            const end = postings.baseEnd(skill);
            for (let p = postings.baseStart(skill); p < end && seeds.open; p++) seed(baseSlot[p]!);
          }
        },
        walkBound: untouchedJudgedBound,
        walk: (end, left, touchedCount, tally) => {
          // The hot loop's arrays as the walk's own locals (not slots of the enclosing scope).
          const { baseSlot, baseLevel, baseWeight, basePlace } = this;
          const { skillValue, seenMark, touched, skillCredit, allowedPlaces } = scratch;
          const alive = this.slots.alive.data;
          let walked = 0;
          for (let b = 0; b < end; b++) {
            const skill = skills[order[b]!]!;
            const credits = skillCredit.subarray(skill * 8, skill * 8 + 8);
            const baseEnd = postings.baseEnd(skill);
            let p = postings.baseStart(skill);
            walked += baseEnd - p;
            for (; p < baseEnd; p++) {
              const slot = baseSlot[p]!;
              if (!alive[slot]) continue;
              if (placeFilter && !allowedPlaces[basePlace[p]!]) continue;
              if (seenMark[slot] !== epoch) {
                seenMark[slot] = epoch;
                skillValue[slot] = 0;
                touched[touchedCount++] = slot;
              }
              // What the walk adds above what the unwalked terms could give anyway.
              const gain = credits[baseLevel[p]!]! - left;
              if (gain > 0) skillValue[slot]! += baseWeight[p]! * gain;
            }
            const delta = postings.deltaOf(skill);
            if (!delta) continue;
            walked += delta.length;
            for (const requirement of delta) {
              const slot = requirementSlot[requirement]!;
              if (!alive[slot] || !passes(slot)) continue;
              if (seenMark[slot] !== epoch) {
                seenMark[slot] = epoch;
                skillValue[slot] = 0;
                touched[touchedCount++] = slot;
              }
              const gain = credits[requirementLevel[requirement]!]! - left;
              if (gain > 0) skillValue[slot]! += requirementWeight[requirement]! * gain;
            }
          }
          for (let i = 0; i < touchedCount; i++) {
            const slot = touched[i]!;
            bounds[slot] = upperBound(
              judged[slot] ? left + skillValue[slot]! : null,
              occupationOf(slot),
              params,
              rest[slot]!,
            );
          }
          tally.walked = walked;
          return touchedCount;
        },
        steps: {
          estimate,
          score: (slot) => {
            // The person's claims and what they meet looked up once for all the finalists.
            scorer ??= new CandidateScorer(candidate, this.graph, params);
            return scorer.score(this.slots.items[slot]!);
          },
          idOf: (score) => score.vacancyId,
          slotId: (slot) => this.slots.ids[slot]!,
          exactBound: (slot) =>
            upperBound(
              judged[slot] ? exactSkills(slot) : null,
              occupationOf(slot),
              params,
              rest[slot]!,
            ),
        },
        untouchedMaxBound: untouchedBound,
        untouchedBound: (slot, left) =>
          upperBound(judged[slot] ? left : null, occupationOf(slot), params, rest[slot]!),
        isUntouchedCandidate: (slot) =>
          alive[slot] === 1 && seenMark[slot] !== epoch && passes(slot),
      },
      this.pruning,
      this.postingsPerSeed,
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
      this.requirementEssential.push(requirement.importance === 'essential' ? 1 : 0);
      this.requirementWeight.push(this.params.importance[requirement.importance] / weightTotal);
      if (addPostings) this.postings.add(skill, entry);
    }
    this.slots.entryEnd.data[slot] = this.requirementSlot.length;
    this.skillsJudged.push(profile.skills.length > 0 ? 1 : 0);
    this.hasOccupation.push(profile.occupationUri ? 1 : 0);
    this.restWeight.push(restWeight(profile, this.params));
    this.placeCode.push(
      profile.remote === 'none' && profile.location
        ? this.places.codeOf(profile.location)
        : PLACE_ANY,
    );
    if (profile.occupationUri)
      this.occupations.add(
        slot,
        [profile.occupationUri],
        profile.iscoGroup ? [profile.iscoGroup] : [],
      );
    this.noteRest(slot);
  }

  /**
   * Keeps the largest rest weight of the vacancies with skills and of those without: a bound
   * only grows with the rest weight (components counted at 1), so these bound every untouched one.
   */
  private noteRest(slot: number): void {
    const rest = this.restWeight.data[slot]!;
    if (this.skillsJudged.data[slot]) this.maxRestJudged = Math.max(this.maxRestJudged, rest);
    else this.maxRestUnjudged = Math.max(this.maxRestUnjudged, rest);
  }
}
