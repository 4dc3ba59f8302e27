import { AddressInfo } from 'node:net';
import { startAppOn, RunningApp } from '../../src/composition-root';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { StatementCounter } from '../support/statement-counter';
import { testConfig } from '../support/test-app';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import users from '../../fixtures/people/users.json';

/**
 * A request's statements, counted (issue 17): at most three reads for a ranking or an
 * explanation, whatever the page size; the writes (the audit of the people served, an
 * employer's pseudonyms) counted apart. On PostgreSQL the change listener runs, as in
 * production, and a request reads no feed position of its own; without a listener (the
 * embedded database) each request reads the feed once more.
 */
const MAX_READS = 3;

describe('statements per request', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let url: string;
  let counter: StatementCounter;
  let vacancyId: string;
  let jobseekerId: string;
  let counsellor: string;
  let employer: string;
  let feedReads: number;

  beforeAll(async () => {
    db = await openTestDatabase();
    const postgres = db.database.kind === 'postgres';
    app = await startAppOn(db.database, testConfig(postgres ? { databaseUrl: db.url } : {}));
    url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
    const ds = app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    await app.services.matches.index.whenReady();
    await app.services.matches.index.catchUp();
    // The jobs pause: the count is of the request alone (background work is counted apart anyway).
    await app.jobs.stop();
    const recruiter = users.find((u) => u.user === 'tyonantaja-1')!;
    [{ id: vacancyId }] = await ds.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id LIMIT 1`,
      [recruiter.employerId],
    );
    jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;
    counsellor = await app.services.tokens.issue({
      id: 'neuvoja',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    employer = await app.services.tokens.issue({
      id: recruiter.user,
      role: 'employer',
      employerId: recruiter.employerId,
    });
    // The first query after the listener started catches up once; later ones rely on it.
    if (postgres) {
      for (let i = 0; i < 200 && !app.services.matches.index.followsNotifications; i++) {
        await ask(`{ __typename }`, {}, counsellor);
        await app.services.matches.index.current();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(app.services.matches.index.followsNotifications).toBe(true);
    }
    feedReads = postgres ? 0 : 1;
    counter = new StatementCounter().attach(ds);
  });
  afterAll(async () => {
    counter?.detach(app.database.dataSource);
    await app?.stop();
    await db?.close();
  });

  async function ask(query: string, variables: Record<string, unknown>, token: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data as Record<string, { edges?: unknown[] }>;
  }

  /** The reads and writes of one request, and its statements (shown when a count is off). */
  async function count(query: string, variables: Record<string, unknown>, token: string) {
    counter.reset();
    const data = await ask(query, variables, token);
    return {
      data,
      reads: counter.statements - counter.writes,
      writes: counter.writes,
      sql: [...counter.sql],
    };
  }

  const FOR_VACANCY = `query ($id: ID!, $first: Int) { matchesForVacancy(vacancyId: $id, first: $first, filter: { includeNearMisses: true }) {
    edges { node { score summary(language: FI) jobseeker { id pseudonym homeMunicipalityCode } } } } }`;

  it('ranks jobseekers for a vacancy in at most three reads, the audit one write, for 5 and for 50 of them', async () => {
    for (const first of [5, 50]) {
      const { data, reads, writes, sql } = await count(
        FOR_VACANCY,
        { id: vacancyId, first },
        counsellor,
      );
      expect(data.matchesForVacancy!.edges).toHaveLength(first);
      expect({ reads, writes, sql }).toEqual({ reads: MAX_READS + feedReads, writes: 1, sql });
    }
  });

  it("gives an employer its candidates' pseudonyms in the same reads, recording them in one write", async () => {
    const { data, reads, writes, sql } = await count(
      FOR_VACANCY,
      { id: vacancyId, first: 50 },
      employer,
    );
    expect(data.matchesForVacancy!.edges!.length).toBeGreaterThan(5);
    // The audit rows and the pseudonyms handed out.
    expect({ reads, writes, sql }).toEqual({ reads: MAX_READS + feedReads, writes: 2, sql });
  });

  it('shows each matched person as the jobseeker query shows them (read as rows, not entities)', async () => {
    const FIELDS = `id pseudonym homeMunicipalityCode maxCommuteKm willingToRelocate willingToWorkAbroad remotePreference
      workingTimePreferences contractPreferences earliestStartDate desiredOccupationUris desiredSkillUris
      educationLevel educationField licences employmentStatus`;
    const data = (await ask(
      `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 20, filter: { includeNearMisses: true }) { edges { node { jobseeker { ${FIELDS} } } } } }`,
      { id: vacancyId },
      counsellor,
    )) as unknown as { matchesForVacancy: { edges: { node: { jobseeker: { id: string } } }[] } };
    const people = data.matchesForVacancy.edges.map((e) => e.node.jobseeker);
    expect(people.some((p) => p.id === jobseekerId || p.id !== null)).toBe(true);
    for (const person of people.slice(0, 5)) {
      const one = (await ask(
        `query ($id: ID!) { jobseeker(id: $id) { ${FIELDS} } }`,
        { id: person.id },
        counsellor,
      )) as unknown as { jobseeker: unknown };
      expect(person).toEqual(one.jobseeker);
    }
  });

  it('ranks vacancies for a jobseeker in at most three reads', async () => {
    const { data, reads, writes, sql } = await count(
      `query ($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 50, includeExternal: false, filter: { includeNearMisses: true }) {
        edges { node { score summary(language: EN) vacancy { id title } } } } }`,
      { id: jobseekerId },
      counsellor,
    );
    expect(data.matchesForJobseeker!.edges!.length).toBeGreaterThan(5);
    expect({ reads, writes, sql }).toEqual({ reads: MAX_READS + feedReads, writes: 1, sql });
  });

  it('explains a pair in at most three reads, the person checked once', async () => {
    const { reads, writes, sql } = await count(
      `query ($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score summary(language: SV) components { name value } } }`,
      { j: jobseekerId, v: vacancyId },
      counsellor,
    );
    expect({ reads, writes, sql }).toEqual({ reads: MAX_READS + feedReads, writes: 1, sql });
  });

  it('reads the feed itself again after a replay failed, until a catch-up succeeds (PostgreSQL)', async () => {
    const index = app.services.matches.index;
    if (app.database.kind !== 'postgres') return; // no listener on the embedded database
    expect(index.followsNotifications).toBe(true);
    const replay = Reflect.get(index, 'replay') as () => Promise<void>;
    Reflect.set(index, 'replay', () => Promise.reject(new Error('replay failed')));
    try {
      await expect(index.catchUp()).rejects.toThrow('replay failed');
    } finally {
      Reflect.set(index, 'replay', replay);
    }
    // A notification's replay may have been lost: queries no longer trust notifications...
    expect(index.followsNotifications).toBe(false);
    // ...until a query's own catch-up succeeds while the listener is still connected.
    await index.current();
    expect(index.followsNotifications).toBe(true);
  });
});
