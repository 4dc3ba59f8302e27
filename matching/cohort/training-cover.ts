/**
 * Which trainings to buy for a structural change cohort: the few that lift the most people over
 * the match threshold for real open vacancies, chosen by greedy weighted set cover. Each person
 * counts once, for the first training picked that lifts them; a later training gains only from
 * people still not lifted.
 */
import { MatchParams } from '../params';
import { ListFloor, meetsFloor } from '../rank';
import { scoreMatch } from '../score';
import { SkillGraph } from '../skill-graph';
import { NearVacancy, skillsRaised, TrainingOffer, withTraining } from '../trainings';
import { CandidateProfile } from '../types';

/** A training that would lift a person over the threshold, and how far that reaches. */
export interface TrainingLift {
  trainingId: string;
  /** Open positions of the vacancies the training brings the person over the threshold for (> 0). */
  demand: number;
}

/** The trainings that would lift one person (see `trainingLifts`). */
export interface PersonLifts {
  /** Unique within the cohort. */
  personId: string;
  lifts: TrainingLift[];
}

/** How a lifted person counts (passed in; see DEFAULT_TRAINING_COVER_PARAMS). */
export interface TrainingCoverParams {
  /**
   * The open positions at which a lifted person counts fully: a person lifted to `demand`
   * positions weighs min(demand, demandCap) ÷ demandCap, so people count first and how many
   * positions they reach second. Range ≥ 1 (1: every lifted person weighs 1, only the number
   * of people counts); default 3: one open position is a thin chance (others apply too) and
   * counts a third, three or more are a real one.
   */
  demandCap: number;
}

export const DEFAULT_TRAINING_COVER_PARAMS: TrainingCoverParams = { demandCap: 3 };

/** One training of the cover, in pick order. */
export interface TrainingPick {
  trainingId: string;
  /** People this training lifts who no earlier pick lifted, in input order. */
  peopleLifted: string[];
  /** People lifted by this pick and all earlier ones. */
  cumulativeLifted: number;
  /** Σ over `peopleLifted` of min(demand, demandCap) ÷ demandCap. */
  weight: number;
}

/** Weights within this of the best count as tied (sums of fractions carry rounding). */
export const TRAINING_COVER_EPSILON = 1e-9;

/**
 * Greedy weighted set cover: repeatedly the training with the greatest weight over people not
 * yet lifted (see `TrainingCoverParams`), ties (within `TRAINING_COVER_EPSILON`) by the smaller
 * trainingId; stops after `maxTrainings` picks or when no training lifts anyone new. A person
 * counts with the weight of the pick that first lifts them (a later training that would lift
 * them to more positions gains nothing from them); of duplicate lifts for one training, the
 * larger demand counts.
 *
 * @throws RangeError on a duplicate personId, a demand that is not a finite number > 0, a
 *   `maxTrainings` that is not an integer ≥ 0 or a `demandCap` below 1.
 */
export function coverTrainings(
  people: PersonLifts[],
  maxTrainings: number,
  params: TrainingCoverParams = DEFAULT_TRAINING_COVER_PARAMS,
): TrainingPick[] {
  if (!Number.isInteger(maxTrainings) || maxTrainings < 0)
    throw new RangeError(`maxTrainings must be an integer ≥ 0, not ${maxTrainings}`);
  if (!(params.demandCap >= 1)) throw new RangeError(`demandCap must be ≥ 1`);
  // For each training, the people it lifts (ascending person index) with their weights.
  const lifted = new Map<string, Map<number, number>>();
  const seen = new Set<string>();
  people.forEach((person, p) => {
    if (seen.has(person.personId)) throw new RangeError(`duplicate person ${person.personId}`);
    seen.add(person.personId);
    for (const { trainingId, demand } of person.lifts) {
      if (!Number.isFinite(demand) || demand <= 0)
        throw new RangeError(`demand must be a finite number > 0, not ${demand}`);
      const weight = Math.min(demand, params.demandCap) / params.demandCap;
      let byPerson = lifted.get(trainingId);
      if (!byPerson) lifted.set(trainingId, (byPerson = new Map()));
      byPerson.set(p, Math.max(byPerson.get(p) ?? 0, weight));
    }
  });
  const trainingIds = [...lifted.keys()].sort();
  const members = trainingIds.map((id) => [...lifted.get(id)!].sort(([a], [b]) => a - b));
  const trainingsOf = people.map(() => [] as number[]);
  members.forEach((list, t) => list.forEach(([p]) => trainingsOf[p]!.push(t)));
  const covered = new Uint8Array(people.length);
  // Summed afresh in person order whenever a training loses people, never by subtraction,
  // so a weight is the same sum however the picks went before.
  const gainOf = (t: number) =>
    members[t]!.reduce((sum, [p, weight]) => (covered[p] ? sum : sum + weight), 0);
  const gain = trainingIds.map((_, t) => gainOf(t));

  const picks: TrainingPick[] = [];
  let cumulative = 0;
  while (picks.length < maxTrainings) {
    const best = gain.reduce((max, g) => Math.max(max, g), 0);
    if (best <= 0) break;
    const t = gain.findIndex((g) => g > 0 && g >= best - TRAINING_COVER_EPSILON);
    const newly = members[t]!.filter(([p]) => !covered[p]).map(([p]) => p);
    const weight = gain[t]!;
    const affected = new Set<number>();
    for (const p of newly) {
      covered[p] = 1;
      for (const other of trainingsOf[p]!) affected.add(other);
    }
    for (const other of affected) gain[other] = gainOf(other);
    cumulative += newly.length;
    picks.push({
      trainingId: trainingIds[t]!,
      peopleLifted: newly.map((p) => people[p]!.personId),
      cumulativeLifted: cumulative,
      weight,
    });
  }
  return picks;
}

/**
 * The trainings that would bring this person from below a list's `floor` (its score, and the
 * essential-skill rule when the floor has it: `meetsFloor`) to over it for one or more near
 * vacancies, each with the sum of those vacancies' positions; in the order of
 * `trainings`. The profile after a training is `withTraining`'s (trainings.ts owns that rule).
 *
 * Only what can matter is scored: a training counts only if a skill it raises is asked by a
 * near vacancy below the floor, or partly meets (through the skill graph) a skill one asks;
 * then only those vacancies are scored again. Other vacancies' scores cannot change: a
 * requirement's credit depends only on the person's claims of that skill and its neighbours.
 * `near[i].score` is taken as the person's current score.
 */
export function trainingLifts(
  candidate: CandidateProfile,
  near: NearVacancy[],
  trainings: TrainingOffer[],
  graph: SkillGraph,
  params: MatchParams,
  floor: ListFloor,
): TrainingLift[] {
  // Below the floor now: under its score, or (when it asks) meeting no essential skill.
  const below = near.filter(
    (v) =>
      v.score < floor.minScore ||
      (floor.requireEssentialSkill &&
        !meetsFloor(scoreMatch(candidate, v.profile, graph, params), floor)),
  );
  // Which vacancies below the floor ask each skill.
  const askedBy = new Map<string, Set<number>>();
  below.forEach((v, i) => {
    for (const s of v.profile.skills) {
      let set = askedBy.get(s.skillUri);
      if (!set) askedBy.set(s.skillUri, (set = new Set()));
      set.add(i);
    }
  });
  const held = new Map(candidate.skills.map((c) => [c.skillUri, c]));
  const lifts: TrainingLift[] = [];
  for (const training of trainings) {
    const raised = skillsRaised(held, training);
    const touched = new Set<number>();
    for (const s of raised) {
      for (const i of askedBy.get(s.skillUri) ?? []) touched.add(i);
      for (const r of graph.requirementsPartlyMetBy(s.skillUri))
        for (const i of askedBy.get(r.skillUri) ?? []) touched.add(i);
    }
    if (!touched.size) continue;
    const after = withTraining(candidate, raised, params.currentYear);
    let demand = 0;
    for (const i of [...touched].sort((a, b) => a - b)) {
      const v = below[i]!;
      if (meetsFloor(scoreMatch(after, v.profile, graph, params), floor)) demand += v.positions;
    }
    if (demand > 0) lifts.push({ trainingId: training.id, demand });
  }
  return lifts;
}
