import 'reflect-metadata';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { Pseudonyms } from '../../src/jobseekers/pseudonyms';
import { MatchResolver } from '../../src/matches/matches.resolver';
import { MatchType } from '../../src/matches/matches.types';
import { RequestContext } from '../../src/api/context';
import { Actor } from '../../src/auth/actor';
import { StatementCounter } from '../support/statement-counter';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

type People = {
  jobseekers: {
    edges: { node: { id: string | null; pseudonym: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type Matches = {
  matchesForVacancy: { edges: { node: { jobseeker: { id: string | null; pseudonym: string } } }[] };
};

const PEOPLE = `query ($first: Int, $after: String) { jobseekers(first: $first, after: $after) {
  edges { node { id pseudonym } } pageInfo { hasNextPage endCursor } } }`;
const MATCHES = `query ($id: ID!, $first: Int) { matchesForVacancy(vacancyId: $id, first: $first, filter: { includeNearMisses: true }) {
  edges { node { jobseeker { id pseudonym } } } } }`;
const RECORD = `mutation ($input: MatchOutcomeInput!) { recordMatchOutcome(input: $input) { status } }`;

/** Pseudonyms per employer (issue 12, finding 2). */
describe('pseudonyms: one per employer, stable within it, resolved by lookup', () => {
  let t: TestApp;
  let counsellor: string;
  let admin: string;
  let employer1: string;
  let employer2: string;
  let vacancies1: string[];
  let employerActor: Actor;

  /** Every jobseeker's pseudonym as this actor sees it, by id (the list is ordered by id). */
  const pseudonymsOf = async (token: string): Promise<Map<string, string>> => {
    const ids: string[] = (
      await t.app.database.dataSource.query(`SELECT id FROM jobseeker ORDER BY id`)
    ).map((r: { id: string }) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await t.graphql<People>(PEOPLE, { first: 100, after }, { token });
      expect(response.body.errors).toBeUndefined();
      const page: People['jobseekers'] = response.body.data!.jobseekers;
      seen.push(...page.edges.map((e) => e.node.pseudonym));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(ids.length);
    return new Map(ids.map((id, i) => [id, seen[i]!]));
  };
  const ranking = async (token: string, vacancyId: string, first = 20) => {
    const { body } = await t.graphql<Matches>(MATCHES, { id: vacancyId, first }, { token });
    expect(body.errors).toBeUndefined();
    return body.data!.matchesForVacancy.edges.map((e) => e.node.jobseeker);
  };
  const record = (token: string, vacancyId: string, jobseeker: string) =>
    t.graphql<{ recordMatchOutcome: { status: string } }>(
      RECORD,
      { input: { vacancyId, jobseeker, status: 'APPLIED' } },
      { token },
    );

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    admin = await t.token({ id: 'yllapito', role: 'admin' });
    const [one, two] = ['tyonantaja-1', 'tyonantaja-2'].map((user) =>
      users.find((u) => u.user === user)!,
    );
    employerActor = { id: one!.user, role: 'employer', employerId: one!.employerId };
    employer1 = await t.token(employerActor);
    employer2 = await t.token({ id: two!.user, role: 'employer', employerId: two!.employerId });
    vacancies1 = (
      await t.app.database.dataSource.query(
        `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id LIMIT 2`,
        [one!.employerId],
      )
    ).map((r: { id: string }) => r.id);
    expect(vacancies1).toHaveLength(2);
  });
  afterAll(() => t.stop());

  it('gives two employers different pseudonyms for every jobseeker, and neither the service-wide one', async () => {
    const first = await pseudonymsOf(employer1);
    const second = await pseudonymsOf(employer2);
    const general = await t.graphql<People>(PEOPLE, { first: 100 }, { token: counsellor });
    const shared = [...first.values()].filter((p) => new Set(second.values()).has(p));
    expect(shared).toEqual([]);
    for (const { node } of general.body.data!.jobseekers.edges) {
      expect(first.get(node.id!)).not.toBe(node.pseudonym);
      expect(second.get(node.id!)).not.toBe(node.pseudonym);
    }
    expect(new Set(first.values()).size).toBe(first.size);
    for (const p of first.values()) expect(p).toMatch(/^[\w-]{12}$/);
  });

  it('gives each employer ids of its own for assessments, so no shared id links a person across employers', async () => {
    const ASSESSMENTS = `{ jobseekers(first: 100) { edges { node { activeAssessment { id } } } } }`;
    const idsOf = async (token: string, purpose?: string) => {
      const { body } = await t.graphql<{
        jobseekers: { edges: { node: { activeAssessment: { id: string } | null } }[] };
      }>(ASSESSMENTS, {}, { token, purpose });
      expect(body.errors).toBeUndefined();
      return body.data!.jobseekers.edges.map((e) => e.node.activeAssessment?.id ?? null);
    };
    const [first, second] = [await idsOf(employer1), await idsOf(employer2)];
    const shown = first.filter((id): id is string => id !== null);
    expect(shown.length).toBeGreaterThan(50);
    const theOther = new Set(second);
    expect(shown.filter((id) => theOther.has(id))).toEqual([]);
    // Stable for one employer; a counsellor sees the real ids, which no employer gets.
    expect(await idsOf(employer1)).toEqual(first);
    const real: string[] = (
      await t.app.database.dataSource.query(`SELECT id FROM competence_assessment`)
    ).map((r: { id: string }) => r.id);
    expect(shown.filter((id) => real.includes(id))).toEqual([]);
  });

  it('gives an employer the same pseudonym for a person across its vacancies and requests', async () => {
    const listed = await pseudonymsOf(employer1);
    expect(await pseudonymsOf(employer1)).toEqual(listed);
    for (const vacancyId of vacancies1) {
      // The administrator's ranking is the same ranking, with ids: pair them up.
      const ids = (await ranking(admin, vacancyId)).map((j) => j.id!);
      const shown = (await ranking(employer1, vacancyId)).map((j) => j.pseudonym);
      expect(shown).toHaveLength(ids.length);
      expect(shown).toEqual(ids.map((id) => listed.get(id)));
    }
  });

  it("refuses an outcome naming a person by another employer's pseudonym, or by the service-wide one, as an unknown pseudonym", async () => {
    const vacancyId = vacancies1[0]!;
    const [top, next] = (await ranking(admin, vacancyId, 2)).map((j) => j.id!) as [string, string];
    const theirs = (await pseudonymsOf(employer2)).get(top)!;
    const general = (await ranking(counsellor, vacancyId, 1))[0]!.pseudonym;
    for (const pseudonym of [theirs, general, 'x'.repeat(12), 'not a pseudonym']) {
      const { body } = await record(employer1, vacancyId, pseudonym);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.jobseeker',
      });
    }
    const [{ n: none }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM match_outcome WHERE vacancy_id = $1`,
      [vacancyId],
    );
    expect(none).toBe(0);
    // Its own pseudonym, from the ranking or from the list, names the person.
    const [ownTop, ownNext] = (await ranking(employer1, vacancyId, 2)).map((j) => j.pseudonym) as [
      string,
      string,
    ];
    expect((await record(employer1, vacancyId, ownTop)).body.data).toEqual({
      recordMatchOutcome: { status: 'APPLIED' },
    });
    expect((await record(employer1, vacancyId, ownNext)).body.errors).toBeUndefined();
    const recorded: { jobseekerId: string }[] = await t.app.database.dataSource.query(
      `SELECT jobseeker_id AS "jobseekerId" FROM match_outcome WHERE vacancy_id = $1 ORDER BY recorded_at`,
      [vacancyId],
    );
    expect(recorded.map((r) => r.jobseekerId)).toEqual([top, next]);
  });

  it('hands out a page of pseudonyms in as many statements for 50 candidates as for 5', async () => {
    const ds = t.app.database.dataSource;
    // A fresh employer, so that every pseudonym it sees is handed out for the first time.
    const [{ id: employerId }] = await ds.query(
      `INSERT INTO employer (business_id, name, municipality_code) VALUES ('0000000-0', 'Testi Oy', '297') RETURNING id`,
    );
    await ds.query(`UPDATE vacancy SET employer_id = $1 WHERE id = $2`, [
      employerId,
      vacancies1[1],
    ]);
    const fresh = await t.token({ id: 'tyonantaja-uusi', role: 'employer', employerId });
    await t.app.services.matches.index.catchUp();
    const counter = new StatementCounter().attach(ds);
    // The counter leaves the jobs' statements out; the jobs also pause meanwhile, since a
    // request that joined the feed poll's replay would not send its own read of the feed.
    await t.app.jobs.stop();
    const statementsFor = async (query: () => Promise<unknown[]>, size: number) => {
      counter.statements = 0;
      expect(await query()).toHaveLength(size);
      return counter.statements;
    };
    try {
      const matches = (first: number) => () => ranking(fresh, vacancies1[1]!, first);
      expect(await statementsFor(matches(50), 50)).toBe(await statementsFor(matches(5), 5));
      const people = (first: number) => async () =>
        (await t.graphql<People>(PEOPLE, { first }, { token: fresh })).body.data!.jobseekers.edges;
      expect(await statementsFor(people(50), 50)).toBe(await statementsFor(people(5), 5));
    } finally {
      counter.detach(ds);
      t.app.jobs.start();
    }
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM employer_pseudonym WHERE employer_id = $1`,
      [employerId],
    );
    expect(n).toBeGreaterThanOrEqual(50);
  });

  it("erases a jobseeker's pseudonyms with them; the old pseudonym then names nobody", async () => {
    const vacancyId = vacancies1[0]!;
    const { id } = (await ranking(admin, vacancyId, 5)).at(-1)!;
    const mine = (await pseudonymsOf(employer1)).get(id!)!;
    await pseudonymsOf(employer2);
    const rows = async () =>
      (
        await t.app.database.dataSource.query(
          `SELECT count(*)::int AS n FROM employer_pseudonym WHERE jobseeker_id = $1`,
          [id],
        )
      )[0].n as number;
    // Both employers' (and any other that was shown them).
    expect(await rows()).toBeGreaterThanOrEqual(2);
    const erased = await t.graphql(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id },
      { token: admin },
    );
    expect(erased.body.errors).toBeUndefined();
    expect(await rows()).toBe(0);
    const { body } = await record(employer1, vacancyId, mine);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.jobseeker',
    });
  });

  it('records the new pseudonym when the secret changed, and the old one then names nobody', async () => {
    const manager = t.app.database.dataSource.manager;
    const [{ id }] = await manager.query(`SELECT id FROM jobseeker ORDER BY id DESC LIMIT 1`);
    const before = new Pseudonyms(t.app.services.pseudonymSecret);
    const after = new Pseudonyms('a-new-pseudonym-secret-of-at-least-32-bytes');
    const old = (await before.handOut(manager, employerActor, [id]))[0]!;
    expect(await before.resolve(manager, employerActor.employerId!, old)).toBe(id);
    const renewed = (await after.handOut(manager, employerActor, [id, id]))[0]!;
    expect(renewed).not.toBe(old);
    expect(await after.resolve(manager, employerActor.employerId!, renewed)).toBe(id);
    expect(await after.resolve(manager, employerActor.employerId!, old)).toBeNull();
  });

  it("never names a candidate's id in an error an employer may see", async () => {
    const match = { candidateId: '3f1c2a9e-5b7d-4e21-9c3a-0d8e6f4b2a17' } as MatchType;
    const ctx = {
      actor: employerActor,
      services: t.app.services,
      loaders: { jobseekerRowById: { load: async () => null } },
    } as unknown as RequestContext;
    const error = (await new MatchResolver().jobseeker(match, ctx).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(error.message).not.toContain(match.candidateId);
  });
});
