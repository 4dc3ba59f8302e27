import { DEFAULT_MATCH_PARAMS, MatchParams } from '../../matching';
import { runLinkingSystems } from '../../src/guidance/linking-run';
import * as profileLoader from '../../src/matches/profile-loader';
import { openTestDatabase, TestDatabase } from '../support/test-database';

describe('the linking evaluation run', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('builds its skill graph with the weights of the params it is given, not the defaults', async () => {
    const params: MatchParams = {
      ...DEFAULT_MATCH_PARAMS,
      skillGraph: { ...DEFAULT_MATCH_PARAMS.skillGraph, narrowerForBroader: 0.3 },
    };
    // Observes the real loader (it still runs): which weights the run hands it.
    const load = jest.spyOn(profileLoader, 'loadSkillGraph');
    try {
      const { engine, baseline } = await runLinkingSystems(
        db.database,
        'en',
        [{ id: 's1', kind: 'cv', text: 'I wrote software in Python.', skills: [] }],
        params,
      );
      expect([engine.length, baseline.length]).toEqual([1, 1]);
      expect(load.mock.calls.map(([, weights]) => weights)).toEqual([params.skillGraph]);
    } finally {
      load.mockRestore();
    }
  });
});
