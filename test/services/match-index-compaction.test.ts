import { CandidateIndex } from '../../matching';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { JobRunner } from '../../src/jobs/job-runner';
import { matchIndexCompactionJob } from '../../src/jobs/service-jobs';
import { MatchIndex } from '../../src/matches/match-index';
import { loadSkillGraph, loadVacancies } from '../../src/matches/profile-loader';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Compaction after a full re-import (issue 17): never on a query's path (a query waits for the
 * feed's replay, so the replay must not compact), but from the jobs module's compaction job once
 * the changes stop, so the index ends as packed, and ranks the same, as a fresh build.
 */
describe('the match index compacting in the background', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
  });
  afterAll(() => t.stop());

  /** The service's compaction job, ticking fast, for an index of the test's own. */
  const compactingJobs = (index: MatchIndex): JobRunner => {
    const jobs = new JobRunner([matchIndexCompactionJob(index, 25)], t.app.database);
    jobs.start();
    return jobs;
  };

  it('compacts after a re-import of everyone once the changes stop, never while a query replays', async () => {
    const ds = t.app.database.dataSource;
    const graph = await loadSkillGraph(ds, t.app.services.matches.params.skillGraph);
    const index = new MatchIndex(ds, () => Promise.resolve(graph), t.app.services.matches.params, {
      quietMs: 300,
      maxWaitMs: 5_000,
      idleFraction: 0.01,
    });
    const { candidates } = await index.whenReady();
    const compactions = jest.spyOn(candidates, 'compact');
    const jobs = compactingJobs(index);
    // What a re-import replacing everyone leaves in the feed: every jobseeker.
    await ds.query(
      `INSERT INTO match_change (kind, entity_id) SELECT 'jobseeker', id FROM jobseeker ORDER BY id`,
    );
    await index.current(); // a query: replays the feed, compacts nothing
    expect(compactions).not.toHaveBeenCalled();
    expect(index.compactionDue).toBe(true);

    for (let waited = 0; waited < 5_000 && compactions.mock.calls.length === 0; waited += 50)
      await sleep(50);
    expect(compactions).toHaveBeenCalledTimes(1);
    expect(index.compactionDue).toBe(false);

    // As a fresh build: the same records and the same answers.
    const fresh = (
      await new MatchIndex(
        ds,
        () => Promise.resolve(graph),
        t.app.services.matches.params,
      ).whenReady()
    ).candidates;
    expect(candidates.size).toBe(fresh.size);
    expect(candidates.postingLengths()).toEqual(fresh.postingLengths());
    for (const vacancy of await loadVacancies(ds))
      expect(candidates.rank(vacancy, { k: 20 })).toEqual(fresh.rank(vacancy, { k: 20 }));
    await jobs.stop();
  });

  it('leaves a few changes to the next compaction', async () => {
    const ds = t.app.database.dataSource;
    const graph = await loadSkillGraph(ds, t.app.services.matches.params.skillGraph);
    const index = new MatchIndex(ds, () => Promise.resolve(graph), t.app.services.matches.params, {
      quietMs: 50,
      maxWaitMs: 1_000,
      idleFraction: 0.5,
    });
    const { candidates } = await index.whenReady();
    const compactions = jest.spyOn(candidates, 'compact');
    const jobs = compactingJobs(index);
    await ds.query(
      `INSERT INTO match_change (kind, entity_id) SELECT 'jobseeker', id FROM jobseeker ORDER BY id LIMIT 2`,
    );
    await index.current();
    await sleep(300);
    expect(compactions).not.toHaveBeenCalled();
    expect(candidates).toBeInstanceOf(CandidateIndex);
    await jobs.stop();
  });
});
