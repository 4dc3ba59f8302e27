import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

type Connection = {
  edges: { cursor: string; node: { id: string | null; pseudonym?: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const JOBSEEKERS = `query ($first: Int, $after: String, $filter: JobseekerFilter) {
  jobseekers(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id pseudonym } } pageInfo { hasNextPage endCursor } } }`;
const VACANCIES = `query ($first: Int, $after: String) {
  vacancies(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const EMPLOYERS = `query ($first: Int, $after: String) {
  employers(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const MATCHES = `query ($id: ID!, $first: Int, $after: String, $filter: MatchFilterInput) {
  matchesForVacancy(vacancyId: $id, first: $first, after: $after, filter: $filter) {
    edges { cursor node { score jobseeker { pseudonym } } } pageInfo { hasNextPage endCursor } } }`;
const AUDIT = `query ($a: String, $first: Int, $after: String) {
  auditLog(actorId: $a, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

const pseudonymOf = (edge: Connection['edges'][number]) =>
  (edge.node as unknown as { jobseeker: { pseudonym: string } }).jobseeker.pseudonym;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What a caller can read out of a cursor without the server's key: it and its bytes as text. */
const readable = (cursor: string) =>
  `${cursor}\n${Buffer.from(cursor, 'base64url').toString('latin1')}`;
const hexOf = (cursor: string) => Buffer.from(cursor, 'base64url').toString('hex');

describe('page cursors: opaque, tamper-evident, bound to the list, its arguments and the actor', () => {
  let t: TestApp;
  let counsellor: string;
  let otherCounsellor: string;
  let employer: string;
  let otherEmployer: string;
  let dpo: string;
  let vacancyId: string;
  let jobseekerIds: Set<string>;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    otherCounsellor = await t.token({
      id: 'neuvoja-2',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const own = users.find((u) => u.user === 'tyonantaja-1')!;
    const other = users.find((u) => u.user === 'tyonantaja-2')!;
    employer = await t.token({ id: own.user, role: 'employer', employerId: own.employerId });
    otherEmployer = await t.token({
      id: other.user,
      role: 'employer',
      employerId: other.employerId,
    });
    dpo = await t.token({ id: 'tietosuojavastaava', role: 'data_protection_officer' });
    [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id LIMIT 1`,
      [own.employerId],
    );
    const rows: { id: string }[] =
      await t.app.database.dataSource.query(`SELECT id FROM jobseeker`);
    jobseekerIds = new Set(rows.map((r) => r.id));
  });
  afterAll(() => t.stop());

  const jobseekers = (token: string, variables: Record<string, unknown>) =>
    t.graphql<{ jobseekers: Connection }>(JOBSEEKERS, variables, { token });
  const expectRefused = (body: { data?: unknown; errors?: { extensions?: unknown }[] }) => {
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(body.data).toBeNull();
  };

  it("gives an employer cursors that hold none of the jobseekers' ids", async () => {
    const { body } = await jobseekers(employer, { first: 20 });
    const { edges, pageInfo } = body.data!.jobseekers;
    expect(edges).toHaveLength(20);
    for (const { cursor, node } of edges) {
      expect(node.id).toBeNull();
      expect(readable(cursor)).not.toMatch(UUID);
      // Nor any jobseeker's id in part, as text or as bytes.
      for (const id of jobseekerIds) {
        expect(readable(cursor)).not.toContain(id.slice(0, 8));
        expect(hexOf(cursor)).not.toContain(id.replace(/-/g, '').slice(0, 12));
      }
    }
    expect(readable(pageInfo.endCursor!)).not.toMatch(UUID);
    // Two cursors of the same position differ: they carry no fixed value to compare across lists.
    const again = await jobseekers(employer, { first: 1 });
    expect(again.body.data!.jobseekers.edges[0]!.cursor).not.toBe(edges[0]!.cursor);
  });

  it('pages every list to its end with its own cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { body } = await jobseekers(counsellor, { first: 37, after });
      expect(body.errors).toBeUndefined();
      const page: Connection = body.data!.jobseekers;
      seen.push(...page.edges.map((e) => e.node.id!));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code WHERE m.employment_area = 'kuopio'`,
    );
    expect(seen.length).toBe(n);
    expect(new Set(seen).size).toBe(n);

    // A ranking pages by offset: three pages of 4 are the first 12 of one page of 12.
    const whole = await t.graphql<{ matchesForVacancy: Connection }>(
      MATCHES,
      { id: vacancyId, first: 12 },
      { token: employer },
    );
    const pseudonyms: string[] = [];
    after = null;
    for (let i = 0; i < 3; i++) {
      const { body } = await t.graphql<{ matchesForVacancy: Connection }>(
        MATCHES,
        { id: vacancyId, first: 4, after },
        { token: employer },
      );
      expect(body.errors).toBeUndefined();
      const page: Connection = body.data!.matchesForVacancy;
      pseudonyms.push(...page.edges.map(pseudonymOf));
      after = page.pageInfo.endCursor;
      // An edge's own cursor continues after that edge.
      if (i === 0) {
        const fromEdge = await t.graphql<{ matchesForVacancy: Connection }>(
          MATCHES,
          { id: vacancyId, first: 1, after: page.edges[1]!.cursor },
          { token: employer },
        );
        expect(pseudonymOf(fromEdge.body.data!.matchesForVacancy.edges[0]!)).toBe(
          pseudonymOf(page.edges[2]!),
        );
      }
    }
    expect(pseudonyms).toHaveLength(12);
    expect(pseudonyms).toEqual(whole.body.data!.matchesForVacancy.edges.map(pseudonymOf));
  });

  it('gives every page its start cursor, whether one came before, and the count the role may list', async () => {
    const PAGE = `query ($first: Int, $after: String, $search: JobseekerSearchInput) {
      jobseekers(first: $first, after: $after, search: $search) { totalCount edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    type Counted = {
      totalCount: number | null;
      edges: { cursor: string }[];
      pageInfo: Connection['pageInfo'] & { hasPreviousPage: boolean; startCursor: string | null };
    };
    const pageOf = async (token: string, variables: Record<string, unknown>, purpose?: string) =>
      (await t.graphql<{ jobseekers: Counted }>(PAGE, variables, { token, purpose })).body.data!
        .jobseekers;
    const first = await pageOf(counsellor, { first: 2 });
    expect(first.pageInfo).toMatchObject({
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[1]!.cursor,
    });
    const second = await pageOf(counsellor, { first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.pageInfo.startCursor).toBe(second.edges[0]!.cursor);
    // Counted as the role lists: the counsellor's area, and for an employer what it may page through.
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code WHERE m.employment_area = 'kuopio'`,
    );
    expect(first.totalCount).toBe(n);
    expect(second.totalCount).toBe(n);
    let listed = 0;
    let after: string | null = null;
    let counted: number | null = null;
    do {
      const page: Counted = await pageOf(employer, { first: 100, after });
      listed += page.edges.length;
      counted = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(counted).toBe(listed);
    // A search by name is not counted: the count would tell of people nobody was audited reading.
    const found = await pageOf(counsellor, { search: { name: 'virtanen' } }, 'guidance meeting');
    expect(found.totalCount).toBeNull();
    // A ranking is not counted: it keeps only the pairs a page needs.
    const ranking = await t.graphql(
      `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 2) { totalCount } }`,
      { id: vacancyId },
      { token: employer },
    );
    expect(ranking.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses every altered, cut, extended or forged cursor as bad input naming after', async () => {
    const { body } = await jobseekers(employer, { first: 2 });
    const cursor = body.data!.jobseekers.pageInfo.endCursor!;
    const bytes = Buffer.from(cursor, 'base64url');
    const flipped = (index: number) => {
      const copy = Buffer.from(bytes);
      copy[index]! ^= 0x01;
      return copy.toString('base64url');
    };
    const [{ id: realId }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker ORDER BY id LIMIT 1`,
    );
    const tampered = [
      // Each part: version, nonce, sealed position, authentication tag.
      ...[0, 1, 12, 13, bytes.length - 17, bytes.length - 16, bytes.length - 1].map(flipped),
      cursor.slice(0, -1),
      cursor.slice(0, -4),
      cursor.slice(0, cursor.length / 2),
      cursor + 'A',
      cursor + cursor,
      Buffer.concat([bytes, Buffer.of(0)]).toString('base64url'),
      `${cursor.slice(0, 10)}!${cursor.slice(11)}`,
      cursor.replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A')),
      // The old, readable forms, and garbage.
      Buffer.from('id:not-a-uuid').toString('base64url'),
      Buffer.from(`id:${realId}`).toString('base64url'),
      Buffer.from('o:5').toString('base64url'),
      'not a cursor',
      'A'.repeat(5000),
      Buffer.alloc(64).toString('base64url'),
    ];
    for (const after of tampered) {
      const result = await jobseekers(employer, { first: 2, after });
      expectRefused(result.body);
    }
    // The untouched cursor still works.
    expect((await jobseekers(employer, { first: 2, after: cursor })).body.errors).toBeUndefined();
  });

  it("refuses another list's, other arguments' or another actor's cursor", async () => {
    const cursorOf = async (
      token: string,
      query: string,
      variables: Record<string, unknown>,
      field: string,
    ) => {
      const { body } = await t.graphql<Record<string, Connection>>(query, variables, { token });
      expect(body.errors).toBeUndefined();
      return body.data![field]!.pageInfo.endCursor!;
    };
    // Another actor, same list and arguments.
    const employerCursor = await cursorOf(employer, JOBSEEKERS, { first: 1 }, 'jobseekers');
    expectRefused((await jobseekers(otherEmployer, { first: 1, after: employerCursor })).body);
    const counsellorCursor = await cursorOf(counsellor, JOBSEEKERS, { first: 1 }, 'jobseekers');
    expectRefused((await jobseekers(otherCounsellor, { first: 1, after: counsellorCursor })).body);
    expectRefused((await jobseekers(employer, { first: 1, after: counsellorCursor })).body);
    // Other filter arguments; page size may change.
    const filtered = await cursorOf(
      counsellor,
      JOBSEEKERS,
      { first: 1, filter: { municipalityCodes: ['297'] } },
      'jobseekers',
    );
    expectRefused(
      (
        await jobseekers(counsellor, {
          first: 1,
          after: filtered,
          filter: { municipalityCodes: ['749'] },
        })
      ).body,
    );
    expectRefused((await jobseekers(counsellor, { first: 1, after: filtered })).body);
    expect(
      (
        await jobseekers(counsellor, {
          first: 5,
          after: filtered,
          filter: { municipalityCodes: ['297'] },
        })
      ).body.errors,
    ).toBeUndefined();
    // Another list field, same actor.
    const vacancyCursor = await cursorOf(counsellor, VACANCIES, { first: 1 }, 'vacancies');
    expectRefused((await jobseekers(counsellor, { first: 1, after: vacancyCursor })).body);
    expectRefused(
      (await t.graphql(EMPLOYERS, { first: 1, after: vacancyCursor }, { token: counsellor })).body,
    );
    // A ranking: bound to its vacancy and filter.
    const matchCursor = await cursorOf(
      counsellor,
      MATCHES,
      { id: vacancyId, first: 2 },
      'matchesForVacancy',
    );
    const [{ id: otherVacancy }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE id <> $1 AND status = 'open' LIMIT 1`,
      [vacancyId],
    );
    for (const variables of [
      { id: otherVacancy, first: 2, after: matchCursor },
      { id: vacancyId, first: 2, after: matchCursor, filter: { minScore: 0.5 } },
    ])
      expectRefused((await t.graphql(MATCHES, variables, { token: counsellor })).body);
    expectRefused(
      (
        await t.graphql(
          MATCHES,
          { id: vacancyId, first: 2, after: matchCursor },
          { token: employer },
        )
      ).body,
    );
    expect(
      (
        await t.graphql(
          MATCHES,
          { id: vacancyId, first: 2, after: matchCursor },
          { token: counsellor },
        )
      ).body.errors,
    ).toBeUndefined();
  });

  it("seals the audit log's cursors too, bound to its filter", async () => {
    await t.graphql(
      `{ jobseekers(first: 3) { edges { node { personalData { firstName } } } } }`,
      {},
      { token: counsellor, purpose: 'guidance meeting' },
    );
    const { body } = await t.graphql<{ auditLog: Connection }>(AUDIT, { first: 1 }, { token: dpo });
    const cursor = body.data!.auditLog.pageInfo.endCursor!;
    expect(cursor).not.toMatch(/^\d+$/);
    expect(
      (await t.graphql(AUDIT, { first: 1, after: cursor }, { token: dpo })).body.errors,
    ).toBeUndefined();
    expectRefused(
      (await t.graphql(AUDIT, { first: 1, after: cursor, a: 'neuvoja' }, { token: dpo })).body,
    );
    expectRefused((await t.graphql(AUDIT, { first: 1, after: '1' }, { token: dpo })).body);
  });
});
