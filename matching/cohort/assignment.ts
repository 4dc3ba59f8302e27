/**
 * One-to-one assignment proposals for a structural change cohort: which laid-off jobseeker to
 * propose for which open position so that the cohort's total fit is as high as it can be, and
 * the greedy "best pair first" baseline to compare it with.
 */
import { solveAssignment } from './min-cost-flow';

/**
 * Fits are in (0, 1] and a cohort's total at most a few thousand, so totals carry rounding near
 * 1e-12: compare totals (exact against greedy, two runs) within this. The solver itself needs no
 * tolerance: it clamps reduced costs that rounding makes slightly negative to 0.
 */
export const ASSIGNMENT_EPSILON = 1e-9;

/** A vacancy of the cohort's area: its id and how many people it can take. */
export interface CohortVacancy {
  id: string;
  /** Open positions: an integer ≥ 1. */
  positions: number;
}

/**
 * An allowed pair: indices into the people and vacancy arrays and the pair's fit (its match
 * score, > 0). The caller gives only pairs above the match floor and within the person's reach;
 * a pair not given is not allowed. Of two edges for the same pair the higher fit counts.
 */
export interface CohortEdge {
  person: number;
  vacancy: number;
  fit: number;
}

export interface CohortAssignmentInput {
  /** Person ids; each person takes at most one position. */
  people: string[];
  vacancies: CohortVacancy[];
  edges: CohortEdge[];
}

/** One proposed placement. */
export interface AssignedPair {
  person: number;
  vacancy: number;
  personId: string;
  vacancyId: string;
  fit: number;
}

export interface CohortAssignment {
  /** The placements, by person index. */
  pairs: AssignedPair[];
  /** Σ fit over `pairs`, added in person order. */
  totalFit: number;
  assignedCount: number;
}

/**
 * The assignment with the greatest total fit: each person placed at most once, each vacancy
 * given at most its `positions` people, only through the given edges. Not the most placements:
 * a placement is made only if it raises the total (every fit is > 0, so among optimal
 * assignments none leaves an improving placement undone).
 *
 * Exact, by min-cost flow (see min-cost-flow.ts); 500 people × 20,000 vacancies with 100
 * edges each take tens of milliseconds on a 2-core machine. Ties: the result depends only on
 * the input's content, not on the order of `edges` (deduplicated and sorted by person index,
 * then vacancy index, before solving). Among assignments of equal total, the one returned is
 * the one the solver reaches: people are added in index order, each by the cheapest path that
 * places them (moving others along), and Dijkstra settles equal distances by lower node index
 * (people, then vacancies), a node keeping the first path found at its distance. Deterministic,
 * not a lexicographic rule over people or vacancies; totals are optimal up to rounding (see
 * `ASSIGNMENT_EPSILON`).
 *
 * @throws RangeError on a position count that is not an integer ≥ 1, an index out of range
 *   or a fit that is not a finite number > 0.
 */
export function assignCohort(input: CohortAssignmentInput): CohortAssignment {
  const edges = canonicalEdges(input);
  // Only vacancies with an edge enter the flow graph (in index order, for the tie rule above):
  // in an area most have none for a cohort.
  const compact = new Int32Array(input.vacancies.length).fill(-1);
  for (let e = 0; e < edges.count; e++) compact[edges.vacancy[e]!] = 0;
  const original: number[] = [];
  compact.forEach((used, v) => {
    if (used === 0) compact[v] = original.push(v) - 1;
  });
  const taken = solveAssignment({
    people: input.people.length,
    positions: Int32Array.from(original, (v) => input.vacancies[v]!.positions),
    edgePerson: edges.person,
    edgeVacancy: edges.vacancy.map((v) => compact[v]!),
    edgeFit: edges.fit,
  });
  const chosen: number[] = [];
  taken.forEach((t, e) => t && chosen.push(e));
  return resultOf(input, edges, chosen);
}

/**
 * The baseline: edges by fit (highest first), then person id, then vacancy id (string order,
 * then index), each taken while the person is unplaced and the vacancy has a position left.
 * Never better than `assignCohort`; often worse when a person's best vacancy is another's only one.
 */
export function greedyAssignment(input: CohortAssignmentInput): CohortAssignment {
  const edges = canonicalEdges(input);
  const vacancyIds = input.vacancies.map((v) => v.id);
  const { person, vacancy, fit } = edges;
  const order = Uint32Array.from({ length: edges.count }, (_, i) => i).sort(
    (a, b) =>
      fit[b]! - fit[a]! ||
      compareIds(input.people, person[a]!, person[b]!) ||
      compareIds(vacancyIds, vacancy[a]!, vacancy[b]!),
  );
  const placed = new Uint8Array(input.people.length);
  const left = Int32Array.from(input.vacancies, (v) => v.positions);
  const chosen: number[] = [];
  for (const e of order) {
    if (placed[person[e]!] || left[vacancy[e]!]! <= 0) continue;
    placed[person[e]!] = 1;
    left[vacancy[e]!]!--;
    chosen.push(e);
  }
  return resultOf(input, edges, chosen);
}

/** Edges packed in typed arrays. */
interface PackedEdges {
  count: number;
  person: Int32Array;
  vacancy: Int32Array;
  fit: Float64Array;
}

/** Validated, one edge per pair (the higher fit), sorted by person then vacancy index. */
function canonicalEdges(input: CohortAssignmentInput): PackedEdges {
  const { people, vacancies, edges } = input;
  for (const v of vacancies)
    if (!Number.isInteger(v.positions) || v.positions < 1)
      throw new RangeError(`vacancy ${v.id}: positions must be an integer ≥ 1, not ${v.positions}`);
  // Bucketed by person (counting sort), each bucket sorted by vacancy, best fit first.
  const start = new Int32Array(people.length + 1);
  for (const e of edges) {
    if (!Number.isInteger(e.person) || e.person < 0 || e.person >= people.length)
      throw new RangeError(`edge person index ${e.person} is out of range`);
    if (!Number.isInteger(e.vacancy) || e.vacancy < 0 || e.vacancy >= vacancies.length)
      throw new RangeError(`edge vacancy index ${e.vacancy} is out of range`);
    if (!Number.isFinite(e.fit) || e.fit <= 0)
      throw new RangeError(`edge fit must be a finite number > 0, not ${e.fit}`);
    start[e.person + 1]!++;
  }
  for (let p = 0; p < people.length; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, people.length);
  const order = new Uint32Array(edges.length);
  edges.forEach((e, i) => (order[fill[e.person]!++] = i));
  const packed: PackedEdges = {
    count: 0,
    person: new Int32Array(edges.length),
    vacancy: new Int32Array(edges.length),
    fit: new Float64Array(edges.length),
  };
  for (let p = 0; p < people.length; p++) {
    const bucket = order
      .subarray(start[p]!, start[p + 1]!)
      .sort((a, b) => edges[a]!.vacancy - edges[b]!.vacancy || edges[b]!.fit - edges[a]!.fit);
    let last = -1;
    for (const i of bucket) {
      const e = edges[i]!;
      if (e.vacancy === last) continue;
      last = e.vacancy;
      packed.person[packed.count] = p;
      packed.vacancy[packed.count] = e.vacancy;
      packed.fit[packed.count++] = e.fit;
    }
  }
  return {
    count: packed.count,
    person: packed.person.subarray(0, packed.count),
    vacancy: packed.vacancy.subarray(0, packed.count),
    fit: packed.fit.subarray(0, packed.count),
  };
}

function compareIds(ids: string[], a: number, b: number): number {
  const x = ids[a]!;
  const y = ids[b]!;
  return x < y ? -1 : x > y ? 1 : a - b;
}

function resultOf(
  input: CohortAssignmentInput,
  edges: PackedEdges,
  chosen: number[],
): CohortAssignment {
  const pairs = chosen
    .map((e) => ({
      person: edges.person[e]!,
      vacancy: edges.vacancy[e]!,
      personId: input.people[edges.person[e]!]!,
      vacancyId: input.vacancies[edges.vacancy[e]!]!.id,
      fit: edges.fit[e]!,
    }))
    .sort((a, b) => a.person - b.person);
  const totalFit = pairs.reduce((sum, p) => sum + p.fit, 0);
  return { pairs, totalFit, assignedCount: pairs.length };
}
