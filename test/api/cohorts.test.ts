import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { HIDDEN_BELOW } from '../../src/disclosure/disclosure-control';
import { startTestApp, TestApp } from '../support/test-app';

/** The plant of the fixtures that closes (fixtures/README.md: the structural-change group). */
const PLANT = '2946015-8';

const ANALYSIS = `query ($id: ID!) { cohortAnalysis(cohortId: $id) {
  cohort { id name members access source employerBusinessId }
  paramsVersion matchChangeId floor includesNational withMatch withoutMatch
  skills { skillUri holders byLevel skill { uri } }
  vacancies { vacancyId source title municipalityCode positions members absorbable bestScore occupation { uri } }
  byMunicipality { key vacancies positions members absorbable placed }
  byOccupation { key vacancies positions members absorbable placed }
  unmatched { jobseekerId nearest { vacancyId title score missingSkillUris nearMiss missingSkills { uri } } }
  trainings { trainingId title provider lifted withMatchAfter training { id } }
  assignment { assigned totalFit greedyAssigned greedyTotalFit pairs { jobseekerId vacancyId title fit } }
  nearlyCovered { occupationUri vacancies positions coverage missing { skillUri holders } }
} }`;

type Analysis = {
  cohort: { id: string; members: number | null; access: string };
  withMatch: number | null;
  withoutMatch: number | null;
  floor: number;
  vacancies: {
    vacancyId: string;
    positions: number;
    members: number | null;
    absorbable: number | null;
  }[];
  byMunicipality: {
    key: string;
    members: number | null;
    absorbable: number | null;
    placed: number | null;
  }[];
  unmatched:
    { jobseekerId: string; nearest: { score: number; missingSkillUris: string[] }[] }[] | null;
  trainings: { lifted: number | null; withMatchAfter: number | null }[];
  assignment: {
    assigned: number | null;
    totalFit: number | null;
    greedyAssigned: number | null;
    greedyTotalFit: number | null;
    pairs: { jobseekerId: string; vacancyId: string; fit: number }[] | null;
  };
};

const CREATE = `mutation ($input: CreateCohortInput!) { createCohort(input: $input) {
  cohort { id members access source } unknownLines { line customerId reason } laidOffElsewhere } }`;

describe('structural-change cohorts', () => {
  let t: TestApp;
  let counsellor: string;
  let laidOff: string[];
  let cohortId: string;
  const tokenOf = (actor: Parameters<TestApp['token']>[0]) => t.token(actor);

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    const rows: { id: string }[] = await t.app.database.dataSource.query(
      `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE j.last_employer_business_id = $1 AND m.employment_area = 'kuopio' ORDER BY j.id`,
      [PLANT],
    );
    laidOff = rows.map((r) => r.id);
  });
  afterAll(() => t.stop());

  const cohortCount = async () =>
    Number((await t.app.database.dataSource.query(`SELECT count(*) AS n FROM cohort`))[0].n);

  it('creates a cohort of everyone of the area the plant laid off, named by its business id', async () => {
    expect(laidOff.length).toBeGreaterThanOrEqual(60);
    const { body } = await t.graphql<{
      createCohort: { cohort: { id: string; members: number; access: string; source: string } };
    }>(
      CREATE,
      { input: { name: 'Konepaja 10/2026', employerBusinessId: PLANT } },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const { cohort } = body.data!.createCohort;
    expect(cohort).toMatchObject({ members: laidOff.length, access: 'FULL', source: 'EMPLOYER' });
    cohortId = cohort.id;
    const members: { jobseeker_id: string }[] = await t.app.database.dataSource.query(
      `SELECT jobseeker_id FROM cohort_member WHERE cohort_id = $1 ORDER BY jobseeker_id`,
      [cohortId],
    );
    expect(members.map((m) => m.jobseeker_id)).toEqual(laidOff);
  });

  it('returns the counsellor of the area the whole analysis, exact and consistent', async () => {
    const { body } = await t.graphql<{ cohortAnalysis: Analysis }>(
      ANALYSIS,
      { id: cohortId },
      { token: counsellor, purpose: 'structural change working group' },
    );
    expect(body.errors).toBeUndefined();
    const a = body.data!.cohortAnalysis;
    expect(a.cohort.access).toBe('FULL');
    expect(a.withMatch! + a.withoutMatch!).toBe(laidOff.length);
    expect(a.unmatched!.length).toBe(a.withoutMatch);
    for (const u of a.unmatched!) expect(laidOff).toContain(u.jobseekerId);
    // Ranked by how many each could take; each takes at most its positions and its members.
    for (const v of a.vacancies) expect(v.absorbable).toBe(Math.min(v.positions, v.members!));
    for (let i = 1; i < a.vacancies.length; i++)
      expect(a.vacancies[i - 1]!.absorbable!).toBeGreaterThanOrEqual(a.vacancies[i]!.absorbable!);
    // The proposal: each person once, each vacancy at most its positions, at least the greedy total.
    const pairs = a.assignment.pairs!;
    expect(new Set(pairs.map((p) => p.jobseekerId)).size).toBe(pairs.length);
    expect(pairs.length).toBe(a.assignment.assigned);
    const positions = await positionsOf(pairs.map((p) => p.vacancyId));
    const taken = new Map<string, number>();
    for (const p of pairs) taken.set(p.vacancyId, (taken.get(p.vacancyId) ?? 0) + 1);
    for (const [id, n] of taken) expect(n).toBeLessThanOrEqual(positions.get(id)!);
    for (const p of pairs) expect(p.fit).toBeGreaterThanOrEqual(a.floor);
    // As many placed as can be, then the best fit: never fewer than the greedy choice.
    expect(a.assignment.assigned!).toBeGreaterThanOrEqual(a.assignment.greedyAssigned!);
    if (a.assignment.assigned === a.assignment.greedyAssigned)
      expect(a.assignment.totalFit!).toBeGreaterThanOrEqual(a.assignment.greedyTotalFit! - 1e-9);
    expect(pairs.length).toBeGreaterThan(0);
    const placed = a.byMunicipality.reduce((sum, m) => sum + (m.placed ?? 0), 0);
    expect(placed).toBe(pairs.length);
    // Trainings only ever add people with a match.
    let before = a.withMatch!;
    for (const training of a.trainings) {
      expect(training.withMatchAfter).toBe(before + training.lifted!);
      before = training.withMatchAfter!;
    }
  });

  it('records an audit row for every member the analysis read, with its parameters and position', async () => {
    const rows: { n: string }[] = await t.app.database.dataSource.query(
      `SELECT count(DISTINCT jobseeker_id) AS n FROM audit_log
       WHERE operation LIKE '%Query.cohortAnalysis' AND actor_id = 'neuvoja'`,
    );
    expect(Number(rows[0]!.n)).toBe(laidOff.length);
  });

  it.each([
    ['an admin', { id: 'a', role: 'admin' as const }],
    ['an integrator', { id: 'i', role: 'integrator' as const }],
    [
      'a counsellor of another area',
      { id: 'n2', role: 'counsellor' as const, employmentArea: 'joensuu' },
    ],
  ])('returns %s no persons and only counts the disclosure rules allow', async (_who, actor) => {
    const { body } = await t.graphql<{ cohortAnalysis: Analysis }>(
      ANALYSIS,
      { id: cohortId },
      { token: await tokenOf(actor) },
    );
    expect(body.errors).toBeUndefined();
    const a = body.data!.cohortAnalysis;
    expect(a.cohort.access).toBe('AGGREGATE');
    expect(a.unmatched).toBeNull();
    expect(a.assignment.pairs).toBeNull();
    const text = JSON.stringify(a);
    for (const id of laidOff) expect(text).not.toContain(id);
    // Every count of people is hidden or at least the threshold (after perturbation).
    const counts = [
      a.cohort.members,
      a.withMatch,
      a.withoutMatch,
      a.assignment.assigned,
      ...a.vacancies.map((v) => v.members),
      ...a.byMunicipality.flatMap((m) => [m.members, m.placed]),
      ...a.trainings.flatMap((tr) => [tr.lifted, tr.withMatchAfter]),
    ];
    for (const n of counts)
      if (n !== null && n !== 0) expect(n).toBeGreaterThanOrEqual(HIDDEN_BELOW);
    // Rows whose count is hidden are left out (their presence would tell that someone matches),
    // and the rest are ranked by what is shown, so the order tells nothing more.
    for (const rows of [a.vacancies, a.byMunicipality]) {
      for (const row of rows) expect(row.absorbable).not.toBeNull();
      for (let i = 1; i < rows.length; i++)
        expect(rows[i - 1]!.absorbable!).toBeGreaterThanOrEqual(rows[i]!.absorbable!);
    }
    expect(a.vacancies.every((v) => (v as { bestScore?: number | null }).bestScore === null)).toBe(
      true,
    );
  });

  it.each([
    [
      'an employer',
      { id: 'e', role: 'employer' as const, employerId: '00000000-0000-4000-8000-000000000001' },
    ],
    [
      'a jobseeker',
      { id: 'j', role: 'jobseeker' as const, jobseekerId: '00000000-0000-4000-8000-000000000002' },
    ],
  ])('refuses %s', async (_who, actor) => {
    const { body } = await t.graphql(ANALYSIS, { id: cohortId }, { token: await tokenOf(actor) });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input naming the field, and creates nothing', async () => {
    const before = await cohortCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', employerBusinessId: PLANT, jobseekerIds: [laidOff[0]] }, 'input'],
      [{ name: 'x', employerBusinessId: '1234567-1' }, 'input.employerBusinessId'],
      [{ name: ' ', employerBusinessId: PLANT }, 'input.name'],
      [{ name: 'x', jobseekerIds: [laidOff[0], 'not-a-uuid'] }, 'input.jobseekerIds[1]'],
      [{ name: 'x', jobseekerIds: [laidOff[0], laidOff[0]] }, 'input.jobseekerIds[1]'],
      [{ name: 'x', customerIdsJsonl: '{"customerId":"NOBODY-1"}' }, 'input.customerIdsJsonl'],
    ];
    for (const [input, field] of cases) {
      const { body } = await t.graphql(CREATE, { input }, { token: counsellor });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A jobseeker of another area is refused as one who does not exist.
    const other = await t.token({ id: 'n3', role: 'counsellor', employmentArea: 'joensuu' });
    const { body } = await t.graphql(
      CREATE,
      { input: { name: 'x', jobseekerIds: [laidOff[0]] } },
      { token: other },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.jobseekerIds[0]',
    });
    expect(await cohortCount()).toBe(before);
  });

  it('creates a cohort from a customer-id file, reporting each line that names nobody', async () => {
    const customers: { customer_id: string }[] = await t.app.database.dataSource.query(
      `SELECT customer_id FROM jobseeker WHERE id = ANY($1::uuid[]) ORDER BY customer_id LIMIT 3`,
      [laidOff],
    );
    const file = [
      JSON.stringify({ customerId: customers[0]!.customer_id }),
      '// a comment',
      'not json',
      JSON.stringify({ customerId: 'KUO-999999' }),
      JSON.stringify({ customerId: customers[1]!.customer_id }),
      JSON.stringify({ customerId: customers[0]!.customer_id }),
      '{"name":"x"}',
    ].join('\n');
    const { body } = await t.graphql<{
      createCohort: { cohort: { members: number; source: string }; unknownLines: unknown[] };
    }>(CREATE, { input: { name: 'Tiedostosta', customerIdsJsonl: file } }, { token: counsellor });
    expect(body.errors).toBeUndefined();
    expect(body.data!.createCohort.cohort).toMatchObject({ members: 2, source: 'CUSTOMER_FILE' });
    expect(body.data!.createCohort.unknownLines).toEqual([
      { line: 3, customerId: null, reason: 'is not JSON' },
      {
        line: 4,
        customerId: 'KUO-999999',
        reason: 'no jobseeker of your area has this customer id',
      },
      { line: 6, customerId: customers[0]!.customer_id, reason: 'named on an earlier line' },
      { line: 7, customerId: null, reason: 'has no customerId (a text of at most 100 characters)' },
    ]);
  });

  it('writes a one-page report in the language asked for, with persons only for the area', async () => {
    const REPORT = `query ($id: ID!, $language: Language!) { cohortReport(cohortId: $id, language: $language) }`;
    const fi = await t.graphql<{ cohortReport: string }>(
      REPORT,
      { id: cohortId, language: 'FI' },
      { token: counsellor, purpose: 'structural change working group' },
    );
    expect(fi.body.errors).toBeUndefined();
    const html = fi.body.data!.cohortReport;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Rakennemuutos: Konepaja 10/2026');
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).toContain('Henkilöt ilman sopivaa työpaikkaa');
    const sv = await t.graphql<{ cohortReport: string }>(
      REPORT,
      { id: cohortId, language: 'SV' },
      { token: await t.token({ id: 'a', role: 'admin' }) },
    );
    const swedish = sv.body.data!.cohortReport;
    expect(swedish).toContain('Strukturomvandling: Konepaja 10/2026');
    expect(swedish).not.toContain('Personer utan matchning');
    for (const id of laidOff) expect(swedish).not.toContain(id.slice(0, 8));
  });

  it('lists the area’s cohorts to its counsellors, and a member erased leaves the cohort', async () => {
    const { body } = await t.graphql<{ cohorts: { id: string; members: number }[] }>(
      `{ cohorts(first: 10) { id members } }`,
      {},
      { token: counsellor },
    );
    expect(body.data!.cohorts.map((c) => c.id)).toContain(cohortId);
    const other = await t.token({ id: 'n4', role: 'counsellor', employmentArea: 'joensuu' });
    const theirs = await t.graphql<{ cohorts: unknown[] }>(
      `{ cohorts { id } }`,
      {},
      { token: other },
    );
    expect(theirs.body.data!.cohorts).toEqual([]);
    const erased = await t.graphql(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id: laidOff[0] },
      { token: counsellor },
    );
    expect(erased.body.errors).toBeUndefined();
    const after = await t.graphql<{ cohorts: { id: string; members: number }[] }>(
      `{ cohorts(first: 10) { id members } }`,
      {},
      { token: counsellor },
    );
    expect(after.body.data!.cohorts.find((c) => c.id === cohortId)!.members).toBe(
      laidOff.length - 1,
    );
  });

  it('returns readers in aggregate nothing of a cohort too small to show, nor its fits', async () => {
    const { body } = await t.graphql<{ createCohort: { cohort: { id: string } } }>(
      CREATE,
      { input: { name: 'Kaksi', jobseekerIds: laidOff.slice(1, 3) } },
      { token: counsellor },
    );
    const small = body.data!.createCohort.cohort.id;
    const read = await t.graphql<{
      cohortAnalysis: Analysis & { skills: unknown[]; nearlyCovered: unknown[] };
    }>(ANALYSIS, { id: small }, { token: await t.token({ id: 'i2', role: 'integrator' }) });
    expect(read.body.errors).toBeUndefined();
    const a = read.body.data!.cohortAnalysis;
    expect(a.cohort.members).toBeNull();
    expect(a.vacancies).toEqual([]);
    expect(a.skills).toEqual([]);
    expect(a.trainings).toEqual([]);
    expect(a.nearlyCovered).toEqual([]);
    expect(a.assignment).toMatchObject({ totalFit: null, greedyTotalFit: null, pairs: null });
  });

  it('leaves out of the analysis a member who moved out of the area', async () => {
    const { body } = await t.graphql<{ createCohort: { cohort: { id: string; members: number } } }>(
      CREATE,
      { input: { name: 'Kolme', jobseekerIds: laidOff.slice(3, 6) } },
      { token: counsellor },
    );
    const { id, members } = body.data!.createCohort.cohort;
    expect(members).toBe(3);
    const outside: { code: string }[] = await t.app.database.dataSource.query(
      `SELECT code FROM municipality WHERE employment_area IS DISTINCT FROM 'kuopio' LIMIT 1`,
    );
    await t.app.database.dataSource.query(
      `UPDATE jobseeker SET home_municipality_code = $1 WHERE id = $2`,
      [outside[0]!.code, laidOff[3]],
    );
    const read = await t.graphql<{ cohortAnalysis: Analysis }>(
      ANALYSIS,
      { id },
      { token: counsellor, purpose: 'structural change working group' },
    );
    expect(read.body.data!.cohortAnalysis.cohort.members).toBe(2);
    expect(JSON.stringify(read.body.data)).not.toContain(laidOff[3]);
  });

  async function positionsOf(ids: string[]): Promise<Map<string, number>> {
    const rows: { id: string; positions: number }[] = await t.app.database.dataSource.query(
      `SELECT id::text, positions FROM vacancy WHERE id::text = ANY($1::text[])`,
      [ids],
    );
    const map = new Map(rows.map((r) => [r.id, r.positions]));
    for (const id of ids) if (!map.has(id)) map.set(id, 1);
    return map;
  }
});
