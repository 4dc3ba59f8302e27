import { DEFAULT_MATCH_PARAMS, matchParamsAt, matchParamsVersion } from '../../matching';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

interface TraceRow {
  jobseeker_id: string;
  operation: string;
  purpose: string | null;
  params_version: string;
  match_change_id: string;
  ranking: Record<string, unknown> & { position: number };
}

/** Each ranking served is traceable: parameters' version and index position in its audit rows. */
describe('traceable rankings', () => {
  let t: TestApp;
  let counsellor: string;
  let vacancyId: string;
  const jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;
  const as = (purpose: string) => ({ token: counsellor, purpose });

  // Each call states its own purpose, which finds its rows.
  const rowsOf = (purpose: string): Promise<TraceRow[]> =>
    t.app.database.dataSource.query(
      `SELECT jobseeker_id, operation, purpose, params_version, match_change_id::text, ranking
       FROM audit_log WHERE purpose = $1 ORDER BY id`,
      [purpose],
    );

  const forVacancy = (purpose: string, filter: unknown, first: number, after?: string) =>
    t.graphql<{
      matchesForVacancy: {
        edges: { node: { jobseeker: { id: string }; score: number } }[];
        pageInfo: { endCursor: string };
      };
    }>(
      `query ($id: ID!, $filter: MatchFilterInput, $first: Int, $after: String) {
         matchesForVacancy(vacancyId: $id, filter: $filter, first: $first, after: $after) {
           edges { node { jobseeker { id } score } } pageInfo { endCursor } } }`,
      { id: vacancyId, filter, first, after },
      as(purpose),
    );

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE status = 'open' ORDER BY external_id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());
  /** The service's parameters: the defaults, with the year from the clock it started with. */
  const servedVersion = () => matchParamsVersion(matchParamsAt(new Date()));

  it('versions a parameter set by its values, not by the order of its keys', () => {
    const version = matchParamsVersion(DEFAULT_MATCH_PARAMS);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    const reordered = Object.fromEntries(Object.entries(DEFAULT_MATCH_PARAMS).reverse());
    expect(matchParamsVersion(reordered as typeof DEFAULT_MATCH_PARAMS)).toBe(version);
    expect(matchParamsVersion({ ...DEFAULT_MATCH_PARAMS, skillsWeight: 0.56 })).not.toBe(version);
    expect(
      matchParamsVersion({
        ...DEFAULT_MATCH_PARAMS,
        importance: { ...DEFAULT_MATCH_PARAMS.importance, nice_to_have: 0.5 },
      }),
    ).not.toBe(version);
    expect(t.app.services.matches.paramsVersion).toBe(servedVersion());
  });

  it('records each person on a served page with its place, the parameters and the index position; the list can be computed again', async () => {
    const filter = { minScore: 0.1, includeNearMisses: true };
    const first = await forVacancy('shortlist', filter, 4);
    const page2 = await forVacancy(
      'shortlist',
      filter,
      3,
      first.body.data!.matchesForVacancy.pageInfo.endCursor,
    );
    const served = [
      ...first.body.data!.matchesForVacancy.edges,
      ...page2.body.data!.matchesForVacancy.edges,
    ].map((e) => e.node.jobseeker.id);
    expect(served).toHaveLength(7);
    const rows = await rowsOf('shortlist');
    expect(rows.map((r) => r.jobseeker_id)).toEqual(served);
    expect(rows.map((r) => r.ranking.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const index = t.app.services.matches.index;
    for (const row of rows) {
      expect(row.operation).toMatch(/: Query\.matchesForVacancy$/);
      expect(row.params_version).toBe(servedVersion());
      expect(Number(row.match_change_id)).toBe(index.appliedChangeId);
      expect(row.match_change_id).not.toBe('0');
      expect(row.ranking).toMatchObject({ field: 'matchesForVacancy', vacancyId, filter });
    }
    expect(rows[4]!.ranking).toMatchObject({ first: 3, offset: 4 });

    // Reproduce the list from the rows: same question, same parameters, same feed position.
    const question = rows[0]!.ranking;
    const again = await forVacancy('reproduce', question.filter, 7);
    expect(again.body.data!.matchesForVacancy.edges.map((e) => e.node.jobseeker.id)).toEqual(
      served,
    );
  });

  it('records a jobseeker’s list with the vacancies served, and an explanation, each with its trace', async () => {
    const list = await t.graphql<{
      matchesForJobseeker: { edges: { node: { vacancyId: string } }[] };
    }>(
      `query OwnList($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 3, includeExternal: false) { edges { node { vacancyId } } } }`,
      { id: jobseekerId },
      as('own list'),
    );
    const vacancyIds = list.body.data!.matchesForJobseeker.edges.map((e) => e.node.vacancyId);
    expect(vacancyIds.length).toBeGreaterThan(0);
    const row = (await rowsOf('own list'))[0]!;
    expect(row).toMatchObject({
      jobseeker_id: jobseekerId,
      params_version: servedVersion(),
      ranking: { field: 'matchesForJobseeker', jobseekerId, first: 3, offset: 0, position: 1 },
    });
    expect(row.ranking.vacancyIds).toEqual(vacancyIds);
    expect(Number(row.match_change_id)).toBe(t.app.services.matches.index.appliedChangeId);

    await t.graphql(
      `query Why($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score } }`,
      { j: jobseekerId, v: vacancyIds[0] },
      as('why'),
    );
    const [why] = await rowsOf('why');
    expect(why).toMatchObject({
      jobseeker_id: jobseekerId,
      params_version: servedVersion(),
      ranking: { field: 'explainMatch', jobseekerId, vacancyId: vacancyIds[0] },
    });
  });

  it('shows the trace to the data protection officer in auditLog', async () => {
    const dpo = await t.token({ id: 'tietosuoja', role: 'data_protection_officer' });
    const { body } = await t.graphql<{
      auditLog: {
        edges: {
          node: {
            operation: string;
            paramsVersion: string;
            matchChangeId: string;
            ranking: string;
          };
        }[];
      };
    }>(
      `query ($j: ID!) { auditLog(jobseekerId: $j, first: 10) { edges { node { operation paramsVersion matchChangeId ranking } } } }`,
      { j: jobseekerId },
      { token: dpo },
    );
    const why = body
      .data!.auditLog.edges.map((e) => e.node)
      .find((e) => e.operation.endsWith(': Query.explainMatch'))!;
    expect(why.paramsVersion).toBe(servedVersion());
    expect(Number(why.matchChangeId)).toBeGreaterThan(0);
    expect(JSON.parse(why.ranking)).toMatchObject({ field: 'explainMatch', jobseekerId });
  });
});
