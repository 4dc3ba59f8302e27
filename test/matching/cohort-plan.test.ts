import {
  DEFAULT_MATCH_PARAMS,
  planCohort,
  SkillGraph,
  type CohortRanking,
  type RankedMatch,
} from '../../matching';
import { plainCandidate } from './arbitraries';

const graph = SkillGraph.build({
  broader: [],
  related: [],
  essentialSkillsByOccupation: new Map(),
});
const context = {
  positionsOf: () => 1,
  profileOf: () => undefined,
  trainingsFor: () => [],
  nearby: [],
  nearbyPositionsOf: () => 1,
  graph,
  params: DEFAULT_MATCH_PARAMS,
  floor: { minScore: 0.35, requireEssentialSkill: true },
  maxTrainings: 5,
};

describe('a cohort’s assignment proposal', () => {
  it('returns as many people placed as can be, then the best fit, where greedy places fewer', () => {
    // A fits V1 best, but B fits only V1: placing both means A takes V2.
    const members = [plainCandidate('A', []), plainCandidate('B', [])];
    const ranking: CohortRanking = {
      above: new Map([
        [
          'A',
          [
            { vacancyId: 'V1', score: 0.9 },
            { vacancyId: 'V2', score: 0.4 },
          ],
        ],
        ['B', [{ vacancyId: 'V1', score: 0.5 }]],
      ]),
      nearest: new Map<string, RankedMatch[]>(),
      bestKept: 100,
    };
    const plan = planCohort(members, ranking, context);
    expect(plan.assignment.pairs.map((p) => [p.personId, p.vacancyId, p.fit])).toEqual([
      ['A', 'V2', 0.4],
      ['B', 'V1', 0.5],
    ]);
    expect(plan.assignment.totalFit).toBeCloseTo(0.9, 12);
    expect(plan.greedy).toMatchObject({ assignedCount: 1, totalFit: 0.9 });
    expect(plan.matchedIds).toEqual(['A', 'B']);
  });
});
