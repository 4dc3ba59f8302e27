import fc from 'fast-check';
import {
  coverTrainings,
  DEFAULT_MATCH_PARAMS,
  PersonLifts,
  scoreMatch,
  SkillGraph,
  TRAINING_COVER_EPSILON,
  TrainingCoverParams,
  TrainingPick,
  trainingLifts,
  withTraining,
} from '../../matching';
import { seededRandom } from '../../matching/evaluation/generate';
import {
  candidateArb,
  graphArb,
  paramsArb,
  plainCandidate,
  plainVacancy,
  S,
  SKILLS,
  vacancyArb,
} from './arbitraries';

/** The same greedy written the plain way: every weight summed afresh each round. */
function naiveCover(
  people: PersonLifts[],
  maxTrainings: number,
  { demandCap }: TrainingCoverParams,
): TrainingPick[] {
  const weightOf = (person: PersonLifts, trainingId: string) =>
    Math.max(
      0,
      ...person.lifts
        .filter((l) => l.trainingId === trainingId)
        .map((l) => Math.min(l.demand, demandCap) / demandCap),
    );
  const ids = [...new Set(people.flatMap((p) => p.lifts.map((l) => l.trainingId)))].sort();
  const covered = new Set<string>();
  const picks: TrainingPick[] = [];
  while (picks.length < maxTrainings) {
    const gains = ids.map((id) =>
      people.reduce((sum, p) => (covered.has(p.personId) ? sum : sum + weightOf(p, id)), 0),
    );
    const best = Math.max(0, ...gains);
    if (best <= 0) break;
    const i = gains.findIndex((g) => g > 0 && g >= best - TRAINING_COVER_EPSILON);
    const lifted = people
      .filter((p) => !covered.has(p.personId) && weightOf(p, ids[i]!) > 0)
      .map((p) => p.personId);
    lifted.forEach((id) => covered.add(id));
    picks.push({
      trainingId: ids[i]!,
      peopleLifted: lifted,
      cumulativeLifted: covered.size,
      weight: gains[i]!,
    });
  }
  return picks;
}

function randomPeople(random: () => number): PersonLifts[] {
  const trainings = 1 + Math.floor(random() * 6);
  return Array.from({ length: Math.floor(random() * 9) }, (_, i) => ({
    personId: `p${i}`,
    lifts: Array.from({ length: Math.floor(random() * 4) }, () => ({
      trainingId: `t${Math.floor(random() * trainings)}`,
      demand: random() < 0.8 ? 1 + Math.floor(random() * 5) : 0.5 + random() * 5,
    })),
  }));
}

/** A floor of a score alone (no essential-skill rule). */
const at = (minScore: number) => ({ minScore, requireEssentialSkill: false });

describe('training cover', () => {
  it('returns the picks of a naive greedy, never counting a person twice, on 500 seeded inputs', () => {
    const random = seededRandom(20261201);
    for (let run = 0; run < 500; run++) {
      const people = randomPeople(random);
      const maxTrainings = Math.floor(random() * 5);
      const params = { demandCap: [1, 2, 3, 10][Math.floor(random() * 4)]! };
      const picks = coverTrainings(people, maxTrainings, params);
      expect(picks).toEqual(naiveCover(people, maxTrainings, params));

      const lifted = picks.flatMap((p) => p.peopleLifted);
      expect(new Set(lifted).size).toBe(lifted.length);
      let cumulative = 0;
      for (const pick of picks) {
        cumulative += pick.peopleLifted.length;
        expect(pick.cumulativeLifted).toBe(cumulative);
        expect(pick.peopleLifted.length).toBeGreaterThan(0);
        for (const id of pick.peopleLifted) {
          const person = people.find((p) => p.personId === id)!;
          expect(person.lifts.some((l) => l.trainingId === pick.trainingId)).toBe(true);
        }
      }
      expect(picks.length).toBeLessThanOrEqual(maxTrainings);
      if (picks.length < maxTrainings) {
        // Stopped early: nobody left whom any training lifts.
        const left = people.filter((p) => !lifted.includes(p.personId));
        expect(left.every((p) => p.lifts.length === 0)).toBe(true);
      }
    }
  });

  it('returns the training lifting the most weight first, ties by id, then what lifts the rest', () => {
    // demandCap 3: t1 lifts anna (3 positions, weight 1) and ben (1, weight 1/3); t2 lifts
    // anna (1/3) and cai (1); t3 lifts dan (1). t1 and t2 tie at 4/3: t1 first. Then t2 has
    // only cai left (1) and ties t3 (dan, 1): t2.
    const people: PersonLifts[] = [
      {
        personId: 'anna',
        lifts: [
          { trainingId: 't1', demand: 3 },
          { trainingId: 't2', demand: 1 },
        ],
      },
      { personId: 'ben', lifts: [{ trainingId: 't1', demand: 1 }] },
      { personId: 'cai', lifts: [{ trainingId: 't2', demand: 5 }] },
      { personId: 'dan', lifts: [{ trainingId: 't3', demand: 10 }] },
      { personId: 'eve', lifts: [] },
    ];
    const picks = coverTrainings(people, 5);
    expect(picks.map((p) => [p.trainingId, p.peopleLifted, p.cumulativeLifted])).toEqual([
      ['t1', ['anna', 'ben'], 2],
      ['t2', ['cai'], 3],
      ['t3', ['dan'], 4],
    ]);
    expect(picks[0]!.weight).toBeCloseTo(4 / 3, 12);
    expect(coverTrainings(people, 2).map((p) => p.trainingId)).toEqual(['t1', 't2']);
    expect(coverTrainings(people, 0)).toEqual([]);
    expect(coverTrainings([], 3)).toEqual([]);
  });

  it('refuses a demand ≤ 0, a duplicate person and a negative maxTrainings', () => {
    const lift = (demand: number) => [{ personId: 'p', lifts: [{ trainingId: 't', demand }] }];
    expect(() => coverTrainings(lift(0), 1)).toThrow(RangeError);
    expect(() => coverTrainings([...lift(1), ...lift(1)], 1)).toThrow(RangeError);
    expect(() => coverTrainings(lift(1), -1)).toThrow(RangeError);
  });
});

describe('training lifts of one person', () => {
  // A welder holds welding and blueprints; the vacancy also asks for safety. A safety course
  // gives the missing essential skill; a forklift course gives nothing the vacancy asks.
  const graph = SkillGraph.build({
    broader: [],
    related: [['safety', 'first-aid', 'essential']],
    essentialSkillsByOccupation: new Map(),
  });
  const welder = plainCandidate('welder', [
    ['welding', 3],
    ['blueprints', 3],
  ]);
  const essential = (skillUri: string) => ({
    skillUri,
    importance: 'essential' as const,
    minProficiency: 3,
  });
  const profile = plainVacancy('v1', [
    essential('welding'),
    essential('blueprints'),
    essential('safety'),
  ]);
  const before = scoreMatch(welder, profile, graph, DEFAULT_MATCH_PARAMS).total;
  const threshold = 0.9;
  const near = [{ profile, score: before, positions: 4 }];
  const course = (id: string, skillUri: string) => ({
    id,
    skills: [{ skillUri, levelReached: 3 }],
  });

  it('returns a training that provides the missing essential skill, with the vacancy’s positions', () => {
    const lifts = trainingLifts(
      welder,
      near,
      [course('safety-course', 'safety'), course('forklift-course', 'forklift')],
      graph,
      DEFAULT_MATCH_PARAMS,
      at(threshold),
    );
    expect(before).toBeLessThan(threshold);
    expect(lifts).toEqual([{ trainingId: 'safety-course', demand: 4 }]);
  });

  it('returns no lift when the training’s skill only partly meets the requirement and stays below', () => {
    // First aid stands in for safety through the graph: it raises the score, but not enough.
    const trained = withTraining(
      welder,
      [{ skillUri: 'first-aid', levelReached: 3 }],
      DEFAULT_MATCH_PARAMS.currentYear,
    );
    const after = scoreMatch(trained, profile, graph, DEFAULT_MATCH_PARAMS).total;
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThan(threshold);
    const lifts = trainingLifts(
      welder,
      near,
      [course('first-aid-course', 'first-aid')],
      graph,
      DEFAULT_MATCH_PARAMS,
      at(threshold),
    );
    expect(lifts).toEqual([]);
  });

  it('returns a lift over a floor that asks for an essential skill only when the training meets one', () => {
    // The list's default floor: a score, and at least one essential skill met. An office worker
    // scores over a low floor on everything else, but meets none of the essentials.
    const clerk = plainCandidate('clerk', [['bookkeeping', 4]]);
    const plain = plainVacancy('v2', [essential('welding'), essential('safety')]);
    const now = scoreMatch(clerk, plain, graph, DEFAULT_MATCH_PARAMS);
    const floor = { minScore: Math.min(0.2, now.total), requireEssentialSkill: true };
    expect(now.total).toBeGreaterThanOrEqual(floor.minScore);
    const nearPlain = [{ profile: plain, score: now.total, positions: 2 }];
    const lifts = (
      trainings: { id: string; skills: { skillUri: string; levelReached: number }[] }[],
    ) => trainingLifts(clerk, nearPlain, trainings, graph, DEFAULT_MATCH_PARAMS, floor);
    expect(lifts([course('safety-course', 'safety')])).toEqual([
      { trainingId: 'safety-course', demand: 2 },
    ]);
    // Without the rule the vacancy is over the floor already: nothing to lift.
    expect(
      trainingLifts(
        clerk,
        nearPlain,
        [course('safety-course', 'safety')],
        graph,
        DEFAULT_MATCH_PARAMS,
        {
          ...floor,
          requireEssentialSkill: false,
        },
      ),
    ).toEqual([]);
  });

  it('returns no lift for a vacancy already at the threshold, nor for a skill already held at that level', () => {
    const atThreshold = [{ profile, score: threshold, positions: 4 }];
    expect(
      trainingLifts(
        welder,
        atThreshold,
        [course('s', 'safety')],
        graph,
        DEFAULT_MATCH_PARAMS,
        at(threshold),
      ),
    ).toEqual([]);
    expect(
      trainingLifts(
        welder,
        near,
        [course('w', 'welding')],
        graph,
        DEFAULT_MATCH_PARAMS,
        at(threshold),
      ),
    ).toEqual([]);
  });
});

describe('training lifts against scoring every vacancy for every training', () => {
  const trainingsArb = fc.array(
    fc.uniqueArray(
      fc.record({ skill: fc.nat(SKILLS - 1), levelReached: fc.integer({ min: 1, max: 5 }) }),
      { selector: (s) => s.skill, minLength: 1, maxLength: 3 },
    ),
    { maxLength: 6 },
  );

  it('returns the same lifts as the unfiltered computation (the prefilter skips only what cannot change)', () => {
    let withLifts = 0;
    fc.assert(
      fc.property(
        graphArb,
        paramsArb,
        candidateArb('c'),
        fc.array(fc.tuple(vacancyArb('v'), fc.integer({ min: 1, max: 4 })), { maxLength: 8 }),
        trainingsArb,
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (graph, params, { profile: person }, drawn, drawnTrainings, above) => {
          const near = drawn.map(([{ profile }, positions], i) => {
            const vacancy = { ...profile, id: `v${i}` };
            return {
              profile: vacancy,
              positions,
              score: scoreMatch(person, vacancy, graph, params).total,
            };
          });
          // Just above the first vacancy's score, so that some trainings lift and some do not.
          const threshold = (near[0]?.score ?? 0.5) + above;
          const trainings = drawnTrainings.map((skills, i) => ({
            id: `t${i}`,
            skills: skills.map((s) => ({ skillUri: S(s.skill), levelReached: s.levelReached })),
          }));
          const expected = trainings.flatMap((training) => {
            const held = new Map(person.skills.map((c) => [c.skillUri, c.proficiency]));
            const raised = training.skills.filter(
              (s) => (held.get(s.skillUri) ?? 0) < s.levelReached,
            );
            const after = withTraining(person, raised, params.currentYear);
            const demand = near
              .filter(
                (v) =>
                  v.score < threshold &&
                  scoreMatch(after, v.profile, graph, params).total >= threshold,
              )
              .reduce((sum, v) => sum + v.positions, 0);
            return demand > 0 ? [{ trainingId: training.id, demand }] : [];
          });
          expect(trainingLifts(person, near, trainings, graph, params, at(threshold))).toEqual(
            expected,
          );
          if (expected.length) withLifts++;
        },
      ),
      { numRuns: 300 },
    );
    // The property is not vacuous: many draws (62 of 300 at the fixed seed) have a lift.
    expect(withLifts).toBeGreaterThan(15);
  });
});
