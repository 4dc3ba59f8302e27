import fc from 'fast-check';
import {
  CandidateIndex,
  PoolCounter,
  DEFAULT_MATCH_PARAMS,
  requirementInsights,
  scoreMatch,
  VacancyProfile,
  CandidateProfile,
  SkillGraph,
} from '../../matching';
import { candidateArb, graphArb, vacancyArb } from './arbitraries';

/** Counted the slow way: every variant of the vacancy scored against every candidate. */
function poolOf(
  candidates: CandidateProfile[],
  vacancy: VacancyProfile,
  graph: SkillGraph,
  threshold: number,
) {
  return candidates.filter((c) => {
    const s = scoreMatch(c, vacancy, graph);
    return s.hardFailures.length === 0 && s.total >= threshold;
  }).length;
}

describe('requirement insights', () => {
  it('counts the pool and every variant exactly as scoring each variant against everyone does', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc
          .array(fc.nat(), { minLength: 1, maxLength: 25 })
          .chain((ids) => fc.tuple(...ids.map((_, i) => candidateArb(`c${i}`)))),
        vacancyArb('v'),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (graph, people, { profile: vacancy }, threshold) => {
          const candidates = people.map((p) => p.profile);
          const insights = requirementInsights(
            candidates,
            vacancy,
            graph,
            DEFAULT_MATCH_PARAMS,
            threshold,
          );
          expect(insights.pool).toBe(poolOf(candidates, vacancy, graph, threshold));
          // The index feeds the same counter from its columns, to the same counts.
          const counter = new PoolCounter(vacancy, graph, DEFAULT_MATCH_PARAMS, threshold);
          CandidateIndex.build(graph, people).feedPool(counter);
          expect(counter.result()).toEqual(insights);
          vacancy.skills.forEach((r, i) => {
            const others = vacancy.skills.filter((_, j) => j !== i);
            const effect = insights.skills[i];
            expect(effect.ifDropped).toBe(
              poolOf(candidates, { ...vacancy, skills: others }, graph, threshold),
            );
            if (r.importance !== 'nice_to_have') {
              const optional = vacancy.skills.map((s, j) =>
                j === i ? { ...s, importance: 'nice_to_have' as const } : s,
              );
              expect(effect.ifOptional).toBe(
                poolOf(candidates, { ...vacancy, skills: optional }, graph, threshold),
              );
            } else expect(effect.ifOptional).toBeNull();
            if (r.minProficiency > 1) {
              const lowered = vacancy.skills.map((s, j) =>
                j === i ? { ...s, minProficiency: s.minProficiency - 1 } : s,
              );
              expect(effect.ifLevelLowered).toBe(
                poolOf(candidates, { ...vacancy, skills: lowered }, graph, threshold),
              );
            } else expect(effect.ifLevelLowered).toBeNull();
          });
          vacancy.licences.forEach((licence, i) => {
            const without = { ...vacancy, licences: vacancy.licences.filter((l) => l !== licence) };
            expect(insights.licences[i].ifDropped).toBe(
              poolOf(candidates, without, graph, threshold),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
