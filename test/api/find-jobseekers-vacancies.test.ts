import { Actor } from '../../src/auth/actor';
import { StatementCounter } from '../support/statement-counter';
import { startTestApp, TestApp } from '../support/test-app';

const NO_JOBSEEKER = '00000000-0000-0000-0000-000000000000';
const PURPOSE = 'guidance meeting';

interface Edge<T> {
  cursor: string;
  node: T;
}
interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('finding jobseekers by customer id or name, and searching vacancies', () => {
  let t: TestApp;
  let admin: string;
  /** A municipality of the kuopio employment area, and one of another area (`otherArea`). */
  let ownCode: string;
  let otherCode: string;
  let otherArea: string;
  let ownCounsellor: string;
  let otherCounsellor: string;
  /** Jobseekers by customer id. */
  const ids: Record<string, string> = {};

  const counsellorToken = (id: string, employmentArea = 'kuopio') =>
    t.token({ id, role: 'counsellor', employmentArea });

  const auditOf = (actorId: string) =>
    t.app.database.dataSource.query(
      `SELECT jobseeker_id, purpose, outcome FROM audit_log WHERE actor_id = $1 ORDER BY id`,
      [actorId],
    );

  const FIND = `query ($search: JobseekerSearchInput, $first: Int, $after: String) {
    jobseekers(search: $search, first: $first, after: $after) {
      edges { cursor node { id personalData { firstName lastName } } }
      pageInfo { hasNextPage endCursor } } }`;
  const find = (token: string, search: Record<string, unknown>, first = 20, after?: string) =>
    t.graphql<{ jobseekers: Connection<{ id: string; personalData: { lastName: string } }> }>(
      FIND,
      { search, first, after },
      { token, purpose: PURPOSE },
    );
  const foundIds = (body: { data?: { jobseekers: Connection<{ id: string }> } }) =>
    body.data!.jobseekers.edges.map((e) => e.node.id);

  const createJobseeker = async (
    token: string,
    customerId: string,
    municipalityCode: string,
    firstName: string,
    lastName: string,
  ) => {
    const { body } = await t.graphql<{ createJobseeker: { id: string } }>(
      `mutation ($input: CreateJobseekerInput!) { createJobseeker(input: $input) { id } }`,
      {
        input: {
          customerId,
          homeMunicipalityCode: municipalityCode,
          employmentStatus: 'UNEMPLOYED',
          personalData: { firstName, lastName },
        },
      },
      { token },
    );
    expect(body).not.toHaveProperty('errors');
    ids[customerId] = body.data!.createJobseeker.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token({ id: 'admin-1', role: 'admin' });
    const ds = t.app.database.dataSource;
    [{ code: ownCode }] = await ds.query(
      `SELECT code FROM municipality WHERE employment_area = 'kuopio' ORDER BY code LIMIT 1`,
    );
    // The sample municipalities have one employment area: Iisalmi becomes another.
    [otherCode, otherArea] = ['140', 'iisalmi'];
    await ds.query(`UPDATE municipality SET employment_area = $1 WHERE code = $2`, [
      otherArea,
      otherCode,
    ]);
    ownCounsellor = await counsellorToken('c-setup');
    otherCounsellor = await counsellorToken('c-other-setup', otherArea);
    await createJobseeker(ownCounsellor, 'S-1', ownCode, 'Matti', 'Virtanen');
    await createJobseeker(ownCounsellor, 'S-2', ownCode, 'Liisa', 'Virtanen');
    await createJobseeker(ownCounsellor, 'S-3', ownCode, 'Pekka', 'Hämäläinen');
    await createJobseeker(ownCounsellor, 'S-4', ownCode, 'Anna-Liisa', 'Åberg');
    await createJobseeker(ownCounsellor, 'S-5', ownCode, 'MATTI', 'virtanen');
    await createJobseeker(ownCounsellor, 'S-6', ownCode, 'Jussi', 'Pro%sentti');
    await createJobseeker(otherCounsellor, 'S-9', otherCode, 'Matti', 'Virtanen');
  });
  afterAll(() => t.stop());

  describe('jobseekers(search:)', () => {
    it('finds by name case- and accent-insensitively, word prefixes in any order, by last name, first name, then id', async () => {
      const token = await counsellorToken('c-name');
      const mattis = [ids['S-1']!, ids['S-5']!].sort();
      expect(foundIds((await find(token, { name: 'virtanen' })).body)).toEqual([
        ids['S-2'],
        ...mattis,
      ]);
      expect(foundIds((await find(token, { name: 'Matti Virtanen' })).body)).toEqual(mattis);
      expect(foundIds((await find(token, { name: 'virtanen matti' })).body)).toEqual(mattis);
      expect(foundIds((await find(token, { name: 'VIRT' })).body)).toHaveLength(3);
      expect(foundIds((await find(token, { name: 'hamalainen' })).body)).toEqual([ids['S-3']]);
      expect(foundIds((await find(token, { name: 'Hämäl' })).body)).toEqual([ids['S-3']]);
      // Åberg folds to "aberg", before "virtanen"; "Liisa" begins a word of "Anna-Liisa".
      expect(foundIds((await find(token, { name: 'liisa' })).body)).toEqual([
        ids['S-4'],
        ids['S-2'],
      ]);
      // Not a word prefix, and LIKE wildcards in the search are literal.
      expect(foundIds((await find(token, { name: 'tanen' })).body)).toEqual([]);
      expect(foundIds((await find(token, { name: 'pro%' })).body)).toEqual([ids['S-6']]);
      expect(foundIds((await find(token, { name: 'v%' })).body)).toEqual([]);
      expect(foundIds((await find(token, { name: 'v_rtanen' })).body)).toEqual([]);
    });

    it('finds by exact customer id only', async () => {
      const token = await counsellorToken('c-customer');
      expect(foundIds((await find(token, { customerId: 'S-3' })).body)).toEqual([ids['S-3']]);
      expect(foundIds((await find(token, { customerId: 'S-' })).body)).toEqual([]);
      expect(foundIds((await find(token, { customerId: 's-3' })).body)).toEqual([]);
    });

    it("never reveals a jobseeker of another area, by name or customer id, and the other area's counsellor finds theirs only", async () => {
      const own = await counsellorToken('c-area');
      const found = foundIds((await find(own, { name: 'matti virtanen' })).body);
      expect(found).not.toContain(ids['S-9']);
      expect(found).toHaveLength(2);
      const byCustomerId = await find(own, { customerId: 'S-9' });
      expect(byCustomerId.body.data!.jobseekers).toEqual({
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
      const other = await counsellorToken('c-area-other', otherArea);
      expect(foundIds((await find(other, { name: 'virtanen' })).body)).toEqual([ids['S-9']]);
      // A counsellor without an area finds no one.
      const noArea = await t.token({ id: 'c-no-area', role: 'counsellor' });
      expect(foundIds((await find(noArea, { name: 'virtanen' })).body)).toEqual([]);
    });

    it('audit-logs every jobseeker found with the purpose, and a search that finds no one', async () => {
      const token = await counsellorToken('c-audit');
      // Ids only: a personalData read would add rows of its own.
      const { body } = await t.graphql(
        `{ jobseekers(search: { name: "virtanen" }) { edges { node { id } } } }`,
        undefined,
        { token, purpose: PURPOSE },
      );
      expect(body.errors).toBeUndefined();
      const rows = await auditOf('c-audit');
      expect(rows.map((r: { jobseeker_id: string }) => r.jobseeker_id).sort()).toEqual(
        [ids['S-1'], ids['S-2'], ids['S-5']].sort(),
      );
      for (const row of rows) expect(row).toMatchObject({ purpose: PURPOSE, outcome: 'allowed' });

      const nobody = await counsellorToken('c-audit-none');
      await t.graphql(
        `{ jobseekers(search: { customerId: "S-9" }) { edges { node { id } } } }`,
        undefined,
        {
          token: nobody,
          purpose: PURPOSE,
        },
      );
      expect(await auditOf('c-audit-none')).toEqual([
        { jobseeker_id: NO_JOBSEEKER, purpose: PURPOSE, outcome: 'allowed' },
      ]);
    });

    it('requires a purpose, refusing as other personal-data reads do and auditing the refusal', async () => {
      const token = await counsellorToken('c-no-purpose');
      const { body } = await t.graphql(FIND, { search: { name: 'virtanen' } }, { token });
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'X-Osaamo-Purpose',
      });
      expect(await auditOf('c-no-purpose')).toEqual([
        { jobseeker_id: NO_JOBSEEKER, purpose: null, outcome: 'denied' },
      ]);
    });

    it('is for counsellors only; the list without a search stays as it was', async () => {
      const employerToken = await t.token({
        id: 'hr-1',
        role: 'employer',
        employerId: '11111111-1111-1111-1111-111111111111',
      } as Actor);
      const self = await t.token({ id: 'js-1', role: 'jobseeker', jobseekerId: ids['S-1'] });
      for (const token of [admin, employerToken, self]) {
        const { body } = await find(token, { name: 'virtanen' });
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(body.data).toBeNull();
      }
      const listed = await t.graphql<{ jobseekers: Connection<{ id: string }> }>(
        `{ jobseekers(first: 100) { edges { node { id } } } }`,
        undefined,
        { token: admin },
      );
      expect(listed.body.data!.jobseekers.edges).toHaveLength(7);
    });

    it('refuses bad input naming the field', async () => {
      const token = await counsellorToken('c-bad');
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '' }, 'search.name'],
        [{ name: 'v' }, 'search.name'],
        [{ name: ' v - ' }, 'search.name'],
        [{ name: 'x'.repeat(101) }, 'search.name'],
        [{ customerId: '  ' }, 'search.customerId'],
        [{ customerId: 'S-1', name: 'virtanen' }, 'search'],
        [{}, 'search'],
      ];
      for (const [search, field] of cases) {
        const { body } = await find(token, search);
        expect([search, body.errors?.[0]?.extensions]).toMatchObject([
          search,
          { code: 'BAD_USER_INPUT', field },
        ]);
      }
      // Two characters are enough.
      expect((await find(token, { name: 'vi' })).body.errors).toBeUndefined();
    });

    it('pages in name order, each page one statement, and refuses a cursor of another list', async () => {
      const token = await counsellorToken('c-paging');
      const all = foundIds((await find(token, { name: 'virtanen' })).body);
      const paged: string[] = [];
      let after: string | undefined;
      for (;;) {
        const { body } = await find(token, { name: 'virtanen' }, 1, after);
        paged.push(...foundIds(body));
        const { hasNextPage, endCursor } = body.data!.jobseekers.pageInfo;
        if (!hasNextPage) break;
        after = endCursor!;
      }
      expect(paged).toEqual(all);
      expect(paged).toHaveLength(3);

      const first = await find(token, { name: 'virtanen' }, 1);
      const cursor = first.body.data!.jobseekers.pageInfo.endCursor!;
      const elsewhere = await find(token, { name: 'liisa' }, 1, cursor);
      expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });

      const ds = t.app.database.dataSource;
      const counter = new StatementCounter().attach(ds);
      try {
        const statementsFor = async (size: number) => {
          counter.statements = 0;
          const { body } = await find(token, { name: 'virtanen' }, size);
          expect(foundIds(body)).toHaveLength(size);
          return counter.statements;
        };
        expect(await statementsFor(3)).toBe(await statementsFor(1));
      } finally {
        counter.detach(ds);
      }
    });
  });

  describe('vacancies(filter: { text }, orderBy:)', () => {
    let employerId: string;
    const vacancy: Record<string, string> = {};

    const createVacancy = async (
      key: string,
      input: Record<string, unknown>,
      status?: 'OPEN' | 'CLOSED',
    ) => {
      const { body } = await t.graphql<{ createVacancy: { id: string } }>(
        `mutation ($input: CreateVacancyInput!) { createVacancy(input: $input) { id } }`,
        { input: { employerId, municipalityCode: ownCode, ...input } },
        { token: admin },
      );
      expect(body).not.toHaveProperty('errors');
      vacancy[key] = body.data!.createVacancy.id;
      if (status) {
        const set = await t.graphql(
          `mutation ($id: ID!, $status: VacancyStatus!) { setVacancyStatus(id: $id, status: $status) { id } }`,
          { id: vacancy[key], status },
          { token: admin },
        );
        expect(set.body).not.toHaveProperty('errors');
      }
    };

    const LIST = `query ($filter: VacancyFilter, $orderBy: VacancyOrder, $first: Int, $after: String) {
      vacancies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const list = async (
      token: string,
      filter: Record<string, unknown>,
      orderBy?: string,
      first = 100,
      after?: string,
    ) =>
      t.graphql<{ vacancies: Connection<{ id: string }> }>(
        LIST,
        { filter: { employerId, ...filter }, orderBy, first, after },
        { token },
      );
    const listed = async (token: string, filter: Record<string, unknown>, orderBy?: string) => {
      const { body } = await list(token, filter, orderBy);
      expect(body).not.toHaveProperty('errors');
      return body.data!.vacancies.edges.map((e) => e.node.id);
    };
    const keys = (idList: string[]) =>
      idList.map((id) => Object.keys(vacancy).find((k) => vacancy[k] === id));

    beforeAll(async () => {
      const { body } = await t.graphql<{ createEmployer: { id: string } }>(
        `mutation { createEmployer(input: { businessId: "0737546-2", name: "Savon Hitsaus Oy", municipalityCode: "${ownCode}" }) { id } }`,
        undefined,
        { token: admin },
      );
      employerId = body.data!.createEmployer.id;
      // Created one after another: NEWEST is the reverse of this order.
      await createVacancy(
        'pipe',
        { title: 'Putkihitsaaja', description: 'Putkistotyöt', applicationDeadline: '2099-03-01' },
        'OPEN',
      );
      await createVacancy('seller50', {
        title: 'Myyjä 50% työaika',
        description: 'Kaupan kassa',
        applicationDeadline: '2099-01-15',
      });
      await createVacancy(
        'seller500',
        { title: 'myyjä 500 tuntia', description: 'Kesätyö', applicationDeadline: '2099-01-15' },
        'OPEN',
      );
      await createVacancy('driver', {
        title: 'Trukinkuljettaja',
        description: 'Varasto, HITSAAJA taidoista etua',
      });
      await createVacancy(
        'welder',
        { title: 'Hitsaaja', description: '', applicationDeadline: '2099-02-01' },
        'CLOSED',
      );
    });

    it('searches title and description by every word, substrings, case and accents aside, wildcards literal', async () => {
      expect(keys(await listed(admin, { text: 'hitsaaja' })).sort()).toEqual([
        'driver',
        'pipe',
        'welder',
      ]);
      expect(keys(await listed(admin, { text: 'hitsaaja varasto' }))).toEqual(['driver']);
      expect(keys(await listed(admin, { text: 'MYYJA' })).sort()).toEqual([
        'seller50',
        'seller500',
      ]);
      expect(keys(await listed(admin, { text: '50%' }))).toEqual(['seller50']);
      expect(keys(await listed(admin, { text: 'kesätyö' }))).toEqual(['seller500']);
      expect(await listed(admin, { text: 'sähkö' })).toEqual([]);
    });

    it('combines the text with status and municipality filters', async () => {
      expect(keys(await listed(admin, { text: 'hitsaaja', statuses: ['OPEN'] }))).toEqual(['pipe']);
      expect(await listed(admin, { text: 'hitsaaja', municipalityCodes: [otherCode] })).toEqual([]);
    });

    it('keeps the role rules: a jobseeker finds open vacancies only', async () => {
      const jobseeker = await t.token({ id: 'js-1', role: 'jobseeker', jobseekerId: ids['S-1'] });
      expect(keys(await listed(jobseeker, { text: 'hitsaaja' }))).toEqual(['pipe']);
      expect(keys(await listed(jobseeker, { text: 'myyjä' }))).toEqual(['seller500']);
    });

    it('orders NEWEST by default, DEADLINE soonest first (none last, ties by id), TITLE A to Z', async () => {
      const newest = ['welder', 'driver', 'seller500', 'seller50', 'pipe'];
      expect(keys(await listed(admin, {}))).toEqual(newest);
      expect(keys(await listed(admin, {}, 'NEWEST'))).toEqual(newest);
      const sellers = [vacancy['seller50']!, vacancy['seller500']!].sort();
      expect(await listed(admin, {}, 'DEADLINE')).toEqual([
        ...sellers,
        vacancy['welder'],
        vacancy['pipe'],
        vacancy['driver'],
      ]);
      expect(keys(await listed(admin, {}, 'TITLE'))).toEqual([
        'welder',
        'seller50',
        'seller500',
        'pipe',
        'driver',
      ]);
    });

    it('pages every order across pages in that order, and refuses a cursor of another order', async () => {
      for (const orderBy of ['NEWEST', 'DEADLINE', 'TITLE']) {
        const all = await listed(admin, {}, orderBy);
        const paged: string[] = [];
        let after: string | undefined;
        for (;;) {
          const { body } = await list(admin, {}, orderBy, 2, after);
          expect(body).not.toHaveProperty('errors');
          paged.push(...body.data!.vacancies.edges.map((e) => e.node.id));
          const { hasNextPage, endCursor } = body.data!.vacancies.pageInfo;
          if (!hasNextPage) break;
          after = endCursor!;
        }
        expect([orderBy, paged]).toEqual([orderBy, all]);
      }
      const first = await list(admin, {}, 'TITLE', 2);
      const cursor = first.body.data!.vacancies.pageInfo.endCursor!;
      const other = await list(admin, {}, 'NEWEST', 2, cursor);
      expect(other.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });

    it('refuses a text longer than 200 characters naming the field', async () => {
      const { body } = await list(admin, { text: 'x'.repeat(201) });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.text',
      });
    });
  });
});
