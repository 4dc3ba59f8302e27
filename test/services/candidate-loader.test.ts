import { CandidateIndex, CandidateProfile, DEFAULT_MATCH_PARAMS } from '../../matching';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import {
  loadCandidateMunicipalities,
  loadCandidates,
  loadSkillGraph,
  loadVacancies,
  Queryable,
} from '../../src/matches/profile-loader';
import { loadCandidatesRowByRow } from '../../bench/support/row-by-row-loader';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The match index loads jobseekers a row per person (claims aggregated in SQL) instead of a
 * row per claim (issue 17, start-up). It must read exactly what the old loader read: the same
 * profiles, record by record, and the same index built from them.
 */
describe('the candidate loader, a row per person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    // Edge cases the fixtures lack: only a draft (no active assessment), no languages.
    const [{ id: drafted }, { id: speechless }] = await ds.query(
      `SELECT id FROM jobseeker ORDER BY id LIMIT 2`,
    );
    await ds.query(
      `UPDATE competence_assessment SET state = 'draft', origin = 'own_words' WHERE jobseeker_id = $1`,
      [drafted],
    );
    await ds.query(`DELETE FROM jobseeker_language WHERE jobseeker_id = $1`, [speechless]);
  });
  afterAll(() => t.stop());

  /** Both loaders in one snapshot, as the index build reads. */
  const inSnapshot = async <T>(work: (db: Queryable) => Promise<T>): Promise<T> => {
    const runner = t.app.database.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } finally {
      await runner.release();
    }
  };

  it('returns every jobseeker exactly as the row-per-claim loader did', async () => {
    const [before, now, paged] = await inSnapshot(async (db) => [
      await loadCandidatesRowByRow(db),
      await loadCandidates(db),
      await loadCandidates(db, undefined, 7), // several pages
    ]);
    expect(before.length).toBeGreaterThan(10);
    // The fixtures cover what the aggregation could get wrong.
    expect(before.some((p) => p.skills.length === 0)).toBe(true);
    expect(before.some((p) => p.languages.size === 0)).toBe(true);
    expect(before.some((p) => p.skills.some((s) => s.verified))).toBe(true);
    expect(before.some((p) => p.skills.some((s) => s.experienceMonths === null))).toBe(true);
    expect(now.map((p) => p.id)).toEqual(before.map((p) => p.id));
    for (let i = 0; i < before.length; i++) expect(now[i]).toEqual(before[i]);
    expect(paged).toEqual(before);
  });

  it('returns the same jobseekers by id, skills named by URI', async () => {
    const ds = t.app.database.dataSource;
    const ids: string[] = (await ds.query(`SELECT id FROM jobseeker ORDER BY id DESC LIMIT 7`)).map(
      (r: { id: string }) => r.id,
    );
    expect(await loadCandidates(ds, ids)).toEqual(await loadCandidatesRowByRow(ds, ids));
  });

  it('builds the same index, record by record and ranking by ranking', async () => {
    const ds = t.app.database.dataSource;
    const graph = await loadSkillGraph(ds, DEFAULT_MATCH_PARAMS.skillGraph);
    const build = (people: CandidateProfile[], homes: Map<string, string>) =>
      CandidateIndex.build(
        graph,
        people.map((profile) => ({ profile, tag: homes.get(profile.id) ?? '' })),
        DEFAULT_MATCH_PARAMS,
      );
    const [before, now] = await inSnapshot(async (db) => {
      const homes = await loadCandidateMunicipalities(db);
      return [
        build(await loadCandidatesRowByRow(db), homes),
        build(await loadCandidates(db), homes),
      ];
    });
    const ids: string[] = (await ds.query(`SELECT id FROM jobseeker ORDER BY id`)).map(
      (r: { id: string }) => r.id,
    );
    expect(now.size).toBe(before.size);
    for (const id of ids) expect(now.profile(id)).toEqual(before.profile(id));
    const vacancies = await loadVacancies(ds);
    expect(vacancies.length).toBeGreaterThan(0);
    for (const vacancy of vacancies)
      expect(now.rank(vacancy, { k: 20 })).toEqual(before.rank(vacancy, { k: 20 }));
  });
});
