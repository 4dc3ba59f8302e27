import fc from 'fast-check';
import { CandidateScorer, DEFAULT_MATCH_PARAMS, scoreMatch, VacancyScorer } from '../../matching';
import { candidateArb, graphArb, paramsArb, vacancyArb } from './arbitraries';

describe('VacancyScorer and CandidateScorer', () => {
  it('give every pair the MatchScore scoreMatch gives, breakdown and all', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(DEFAULT_MATCH_PARAMS), paramsArb),
        graphArb,
        vacancyArb('v'),
        fc.array(candidateArb('c'), { minLength: 1, maxLength: 5 }),
        fc.nat(3),
        (params, graph, { profile: vacancy }, candidates, duplicate) => {
          const scorer = new VacancyScorer(vacancy, graph, params);
          for (const { profile } of candidates) {
            // A skill claimed twice: the last claim counts, in both.
            const claim = profile.skills[duplicate];
            const candidate = claim
              ? {
                  ...profile,
                  skills: [
                    ...profile.skills,
                    { ...claim, proficiency: 5 - (claim.proficiency % 5) },
                  ],
                }
              : profile;
            const expected = scoreMatch(candidate, vacancy, graph, params);
            expect(scorer.score(candidate)).toEqual(expected);
            expect(new CandidateScorer(candidate, graph, params).score(vacancy)).toEqual(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
