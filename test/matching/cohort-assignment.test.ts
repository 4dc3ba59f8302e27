import {
  assignCohort,
  CohortAssignment,
  CohortAssignmentInput,
  CohortEdge,
  greedyAssignment,
} from '../../matching';
import { seededRandom } from '../../matching/evaluation/generate';

/** The greatest total fit over every feasible assignment, by enumeration. */
function bruteForceBest(input: CohortAssignmentInput): number {
  const byPerson = input.people.map((_, p) => input.edges.filter((e) => e.person === p));
  const left = input.vacancies.map((v) => v.positions);
  let best = 0;
  const visit = (p: number, total: number): void => {
    if (p === input.people.length) {
      best = Math.max(best, total);
      return;
    }
    visit(p + 1, total);
    for (const e of byPerson[p]!) {
      if (left[e.vacancy]! <= 0) continue;
      left[e.vacancy]!--;
      visit(p + 1, total + e.fit);
      left[e.vacancy]!++;
    }
  };
  visit(0, 0);
  return best;
}

function expectFeasible(input: CohortAssignmentInput, result: CohortAssignment): void {
  const allowed = new Map(input.edges.map((e) => [`${e.person}/${e.vacancy}`, e.fit]));
  const people = new Set<number>();
  const used = new Map<number, number>();
  let total = 0;
  for (const pair of result.pairs) {
    expect(people.has(pair.person)).toBe(false);
    people.add(pair.person);
    used.set(pair.vacancy, (used.get(pair.vacancy) ?? 0) + 1);
    expect(used.get(pair.vacancy)!).toBeLessThanOrEqual(input.vacancies[pair.vacancy]!.positions);
    expect(allowed.get(`${pair.person}/${pair.vacancy}`)).toBe(pair.fit);
    expect(pair.personId).toBe(input.people[pair.person]);
    expect(pair.vacancyId).toBe(input.vacancies[pair.vacancy]!.id);
    total += pair.fit;
  }
  expect(result.assignedCount).toBe(result.pairs.length);
  expect(result.totalFit).toBeCloseTo(total, 12);
}

/** A random cohort: fits drawn from a few values (ties) or uniformly, edges sparse, one per pair. */
function randomInput(
  random: () => number,
  maxPeople: number,
  maxVacancies: number,
): CohortAssignmentInput {
  const people = Array.from({ length: Math.floor(random() * (maxPeople + 1)) }, (_, i) => `p${i}`);
  const vacancies = Array.from({ length: Math.floor(random() * (maxVacancies + 1)) }, (_, i) => ({
    id: `v${i}`,
    positions: 1 + Math.floor(random() * 3),
  }));
  const density = random();
  const edges: CohortEdge[] = [];
  people.forEach((_, person) =>
    vacancies.forEach((_, vacancy) => {
      if (random() >= density) return;
      const fit = random() < 0.5 ? [0.25, 0.5, 0.75, 1][Math.floor(random() * 4)]! : random() || 1;
      edges.push({ person, vacancy, fit });
    }),
  );
  return { people, vacancies, edges };
}

describe('cohort assignment', () => {
  it('returns the greatest total fit of all feasible assignments when checked against enumeration (400 seeded cases)', () => {
    const random = seededRandom(20261201);
    let greedyWorse = 0;
    for (let run = 0; run < 400; run++) {
      const input = randomInput(random, 6, 4);
      const exact = assignCohort(input);
      const greedy = greedyAssignment(input);
      expectFeasible(input, exact);
      expectFeasible(input, greedy);
      expect(Math.abs(exact.totalFit - bruteForceBest(input))).toBeLessThan(1e-9);
      expect(greedy.totalFit).toBeLessThanOrEqual(exact.totalFit + 1e-9);
      if (greedy.totalFit < exact.totalFit - 1e-9) greedyWorse++;
      // Deterministic, and independent of the order of the edges.
      expect(assignCohort(input)).toEqual(exact);
      expect(assignCohort({ ...input, edges: [...input.edges].reverse() })).toEqual(exact);
      expect(greedyAssignment({ ...input, edges: [...input.edges].reverse() })).toEqual(greedy);
    }
    // The cases are not all easy: greedy loses on a good share of them.
    expect(greedyWorse).toBeGreaterThan(10);
  });

  it('returns a higher total than greedy when the best pair takes another person’s only vacancy', () => {
    // Anna fits both vacancies; Ben fits only the first. Greedy gives Anna the first (0.9) and
    // Ben nothing; the exact assignment gives Anna the second and Ben the first.
    const input: CohortAssignmentInput = {
      people: ['anna', 'ben'],
      vacancies: [
        { id: 'welder', positions: 1 },
        { id: 'fitter', positions: 1 },
      ],
      edges: [
        { person: 0, vacancy: 0, fit: 0.9 },
        { person: 0, vacancy: 1, fit: 0.8 },
        { person: 1, vacancy: 0, fit: 0.7 },
      ],
    };
    const greedy = greedyAssignment(input);
    expect(greedy.pairs.map((p) => [p.personId, p.vacancyId])).toEqual([['anna', 'welder']]);
    expect(greedy.totalFit).toBeCloseTo(0.9, 12);
    const exact = assignCohort(input);
    expect(exact.pairs.map((p) => [p.personId, p.vacancyId])).toEqual([
      ['anna', 'fitter'],
      ['ben', 'welder'],
    ]);
    expect(exact.totalFit).toBeCloseTo(1.5, 12);
    expect(exact.assignedCount).toBe(2);
  });

  it('returns a smaller assignment when placing one more person would lower the total', () => {
    // Placing Ben (0.1) would move Anna from 1.0 to 0.2: 0.3 < 1.0, so Ben stays unplaced.
    const input: CohortAssignmentInput = {
      people: ['anna', 'ben'],
      vacancies: [
        { id: 'a', positions: 1 },
        { id: 'b', positions: 1 },
      ],
      edges: [
        { person: 0, vacancy: 0, fit: 1 },
        { person: 0, vacancy: 1, fit: 0.2 },
        { person: 1, vacancy: 0, fit: 0.1 },
      ],
    };
    expect(assignCohort(input).pairs.map((p) => p.vacancyId)).toEqual(['a']);
  });

  it('returns the higher fit when an edge is given twice', () => {
    const input: CohortAssignmentInput = {
      people: ['p'],
      vacancies: [{ id: 'v', positions: 1 }],
      edges: [
        { person: 0, vacancy: 0, fit: 0.4 },
        { person: 0, vacancy: 0, fit: 0.6 },
      ],
    };
    expect(assignCohort(input).totalFit).toBe(0.6);
    expect(greedyAssignment(input).totalFit).toBe(0.6);
  });

  it('returns nothing when there are no people, no vacancies or no edges', () => {
    const empty = { pairs: [], totalFit: 0, assignedCount: 0 };
    expect(assignCohort({ people: [], vacancies: [], edges: [] })).toEqual(empty);
    expect(assignCohort({ people: ['p'], vacancies: [], edges: [] })).toEqual(empty);
    expect(assignCohort({ people: [], vacancies: [{ id: 'v', positions: 2 }], edges: [] })).toEqual(
      empty,
    );
    expect(
      greedyAssignment({ people: ['p'], vacancies: [{ id: 'v', positions: 1 }], edges: [] }),
    ).toEqual(empty);
  });

  it('leaves a person with no edges unassigned and fills a vacancy up to its positions', () => {
    const input: CohortAssignmentInput = {
      people: ['a', 'b', 'c', 'lonely'],
      vacancies: [{ id: 'v', positions: 2 }],
      edges: [
        { person: 0, vacancy: 0, fit: 0.5 },
        { person: 1, vacancy: 0, fit: 0.6 },
        { person: 2, vacancy: 0, fit: 0.7 },
      ],
    };
    expect(assignCohort(input).pairs.map((p) => p.personId)).toEqual(['b', 'c']);
  });

  it('refuses positions that are not an integer ≥ 1, an index out of range and a fit ≤ 0', () => {
    const ok = { people: ['p'], vacancies: [{ id: 'v', positions: 1 }] };
    expect(() =>
      assignCohort({ people: ['p'], vacancies: [{ id: 'v', positions: 0 }], edges: [] }),
    ).toThrow(RangeError);
    expect(() => assignCohort({ ...ok, edges: [{ person: 1, vacancy: 0, fit: 1 }] })).toThrow(
      RangeError,
    );
    expect(() => assignCohort({ ...ok, edges: [{ person: 0, vacancy: 0, fit: 0 }] })).toThrow(
      RangeError,
    );
  });

  it('returns a feasible assignment no worse than greedy for 500 people × 2,000 vacancies, 50 edges each', () => {
    const random = seededRandom(7);
    const vacancies = Array.from({ length: 2000 }, (_, i) => ({
      id: `v${i}`,
      positions: 1 + Math.floor(random() * 3),
    }));
    const people = Array.from({ length: 500 }, (_, i) => `p${i}`);
    const edges: CohortEdge[] = [];
    people.forEach((_, person) => {
      const seen = new Set<number>();
      while (seen.size < 50) seen.add(Math.floor(random() * vacancies.length));
      for (const vacancy of seen) edges.push({ person, vacancy, fit: 0.3 + 0.7 * random() });
    });
    const input = { people, vacancies, edges };
    const exact = assignCohort(input);
    expectFeasible(input, exact);
    expect(exact.totalFit).toBeGreaterThanOrEqual(greedyAssignment(input).totalFit - 1e-9);
  });
});
