import { DataSource } from 'typeorm';
import { JsonlImporter } from '../../src/import/jsonl-importer';
import { SAMPLE_PEOPLE_FILE } from '../../src/import/load-sample-people';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const TABLES = [
  'employer',
  'vacancy',
  'requirement_profile',
  'requirement_skill',
  'requirement_language',
  'requirement_profile_revision',
  'jobseeker',
  'jobseeker_personal_data',
  'jobseeker_language',
  'competence_assessment',
  'assessed_skill',
  'consent',
  'training',
  'training_skill',
];

async function snapshot(ds: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    // Generated ids and timestamps aside, the content must not change on re-import.
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

const WELDING = 'http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc';

describe('JSON Lines import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('loads the area fixtures: 41 employers, 120 vacancies, 396 jobseekers (300 spread like the area, 96 laid off by one plant), 40 trainings', async () => {
    const report = await new JsonlImporter(db.database.dataSource).importFile(SAMPLE_PEOPLE_FILE);
    expect(report.rejected).toEqual([]);
    expect(report.loaded).toEqual({ employer: 41, vacancy: 120, jobseeker: 396, training: 40 });
    const ds = db.database.dataSource;
    // The area's spread holds for those outside the structural-change group, which lives
    // around its plant in Siilinjärvi.
    const [shares] = await ds.query(`SELECT
      count(*)::int AS n,
      avg((home_municipality_code = '297')::int)::float AS kuopio,
      avg((2026 - birth_year > 50)::int)::float AS over50,
      avg((2026 - birth_year < 30)::int)::float AS under30,
      count(DISTINCT home_municipality_code)::int AS municipalities
      FROM jobseeker WHERE last_employer_business_id IS NULL`);
    expect(shares.n).toBe(300);
    expect(shares.kuopio).toBeGreaterThan(0.65);
    expect(shares.kuopio).toBeLessThan(0.8);
    expect(shares.over50).toBeGreaterThan(0.25);
    expect(shares.under30).toBeGreaterThan(0.13);
    expect(shares.municipalities).toBeGreaterThanOrEqual(8);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT jobseeker_id FROM competence_assessment) a`,
    );
    expect(n).toBe(396);
    const cohort = await ds.query(`SELECT e.name, j.employment_status, j.laid_off_on::text AS day,
        count(*)::int AS n, avg((j.home_municipality_code = e.municipality_code)::int)::float AS local
      FROM jobseeker j JOIN employer e ON e.business_id = j.last_employer_business_id
      GROUP BY e.name, j.employment_status, j.laid_off_on`);
    expect(cohort).toEqual([
      {
        name: 'Siilin Kuvitteellinen Konepaja Oy',
        employment_status: 'laid_off',
        day: '2026-10-31',
        n: 96,
        local: expect.any(Number),
      },
    ]);
    expect(cohort[0].local).toBeGreaterThan(0.5);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(db.database.dataSource);
    await new JsonlImporter(db.database.dataSource).importFile(SAMPLE_PEOPLE_FILE);
    expect(await snapshot(db.database.dataSource)).toEqual(before);
  });

  it('reports every rejected line with its number and reason, and loads the rest', async () => {
    const lines = [
      JSON.stringify({
        type: 'employer',
        externalId: 'e-ok',
        businessId: '2617416-4',
        name: 'Rivi Oy',
        municipalityCode: '297',
      }),
      JSON.stringify({
        type: 'employer',
        externalId: 'e-bad',
        businessId: '2617416-5',
        name: 'Väärä Oy',
        municipalityCode: '297',
      }),
      '{ not json',
      JSON.stringify({
        type: 'vacancy',
        externalId: 'v-orphan',
        employerExternalId: 'nobody',
        title: 'X',
        municipalityCode: '297',
      }),
      JSON.stringify({
        type: 'vacancy',
        externalId: 'v-ok',
        employerExternalId: 'e-ok',
        title: 'Hitsaaja',
        municipalityCode: '297',
        status: 'open',
        requirements: {
          skills: [{ skillUri: WELDING, importance: 'essential', minProficiency: 3 }],
        },
      }),
      '',
      JSON.stringify({
        type: 'jobseeker',
        customerId: 'RIVI-1',
        homeMunicipalityCode: '297',
        employmentStatus: 'unemployed',
        personalData: { firstName: 'A', lastName: 'B' },
        assessments: [
          {
            source: 'self_assessment',
            assessedAt: '2026-01-01T00:00:00Z',
            skills: [{ skillUri: 'http://x/unknown', proficiency: 3 }],
          },
        ],
      }),
      JSON.stringify({
        type: 'jobseeker',
        customerId: 'RIVI-2',
        homeMunicipalityCode: '297',
        employmentStatus: 'unemployed',
        personalData: { firstName: 'C', lastName: 'D' },
      }),
      JSON.stringify({
        type: 'jobseeker',
        customerId: 'RIVI-2',
        homeMunicipalityCode: '749',
        employmentStatus: 'employed',
        personalData: { firstName: 'C', lastName: 'D' },
      }),
      JSON.stringify({ type: 'robot', externalId: 'r' }),
      JSON.stringify({
        type: 'jobseeker',
        customerId: 'RIVI-3',
        homeMunicipalitycode: '297',
        employmentStatus: 'unemployed',
        personalData: { firstName: 'E', lastName: 'F' },
      }),
    ];
    const report = await new JsonlImporter(db.database.dataSource).importLines(lines);
    expect(report.rejected).toEqual([
      {
        line: 2,
        field: 'businessId',
        reason: 'is not a valid Y-tunnus (NNNNNNN-C with its check digit)',
      },
      { line: 3, field: 'line', reason: 'is not valid JSON' },
      {
        line: 4,
        field: 'employerExternalId',
        reason: 'unknown employer (import it before its vacancies): nobody',
      },
      {
        line: 7,
        field: 'assessments[0].skills[0].skillUri',
        reason: 'unknown ESCO skill: http://x/unknown',
      },
      { line: 9, field: 'customerId', reason: 'appears on an earlier line' },
      { line: 10, field: 'type', reason: 'must be employer, vacancy, jobseeker or training' },
      {
        line: 11,
        field: 'homeMunicipalitycode',
        reason: 'unknown field (did you mean homeMunicipalityCode?)',
      },
    ]);
    expect(report.loaded).toEqual({ employer: 1, vacancy: 1, jobseeker: 1, training: 0 });
    const [row] = await db.database.dataSource.query(
      `SELECT v.title, e.name, rs.skill_uri FROM vacancy v JOIN employer e ON e.id = v.employer_id JOIN requirement_skill rs ON rs.vacancy_id = v.id WHERE v.external_id = 'v-ok'`,
    );
    expect(row).toEqual({ title: 'Hitsaaja', name: 'Rivi Oy', skill_uri: WELDING });
  });

  it('rejects a line holding a NUL or a lone surrogate with its number, and loads the rest', async () => {
    const jobseeker = (customerId: string, firstName: string) =>
      JSON.stringify({
        type: 'jobseeker',
        customerId,
        homeMunicipalityCode: '297',
        employmentStatus: 'unemployed',
        personalData: { firstName, lastName: 'Esimerkki' },
      });
    const lines = [
      jobseeker('NUL-1', 'A\u0000B'),
      jobseeker('NUL-2', 'Aino'),
      jobseeker('NUL-3', 'A\uD800B'),
      // As a file holds them: the escapes written out in the JSON text.
      '{"type":"jobseeker","customerId":"NUL-4","homeMunicipalityCode":"297","employmentStatus":"unemployed","personalData":{"firstName":"A\\u0000B","lastName":"E"}}',
      '{"type":"employer","externalId":"nul-e","businessId":"2617416-4","name":"X\\udc00 Oy","municipalityCode":"297"}',
      '{"type":"jobseeker","customerId":"NUL-5","homeMunicipalityCode":"297","employmentStatus":"unemployed","personalData":{"firstName":"B","lastName":"E","x\\u0000":1}}',
      jobseeker('NUL-6', '😀 Emoji'),
    ];
    const report = await new JsonlImporter(db.database.dataSource).importLines(lines);
    const nul = 'must not contain a NUL character (U+0000)';
    const lone = 'must not contain a lone surrogate (invalid UTF-16)';
    expect(report.rejected).toEqual([
      { line: 1, field: 'personalData.firstName', reason: nul },
      { line: 3, field: 'personalData.firstName', reason: lone },
      { line: 4, field: 'personalData.firstName', reason: nul },
      { line: 5, field: 'name', reason: lone },
      { line: 6, field: 'personalData.x\\u0000', reason: nul },
    ]);
    expect(report.loaded.jobseeker).toBe(2);
    const names = await db.database.dataSource.query(
      `SELECT p.first_name FROM jobseeker j JOIN jobseeker_personal_data p ON p.jobseeker_id = j.id
       WHERE j.customer_id LIKE 'NUL-%' ORDER BY j.customer_id`,
    );
    expect(names).toEqual([{ first_name: 'Aino' }, { first_name: '😀 Emoji' }]);
  });

  it('loads the lay-off facts of a jobseeker and rejects a bad business id or day naming the line and field', async () => {
    const jobseeker = (customerId: string, layOff: Record<string, unknown>) =>
      JSON.stringify({
        type: 'jobseeker',
        customerId,
        homeMunicipalityCode: '749',
        employmentStatus: 'laid_off',
        personalData: { firstName: 'Lomautettu', lastName: 'Esimerkki' },
        ...layOff,
      });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const report = await new JsonlImporter(db.database.dataSource).importLines([
      jobseeker('LAYOFF-1', { lastEmployerBusinessId: '2617416-4', laidOffOn: '2026-10-31' }),
      jobseeker('LAYOFF-2', { lastEmployerBusinessId: '2617416-5', laidOffOn: '2026-10-31' }),
      jobseeker('LAYOFF-3', { lastEmployerBusinessId: '2617416-4', laidOffOn: tomorrow }),
      jobseeker('LAYOFF-4', { lastEmployerBusinessId: '2617416-4', laidOffOn: '1989-12-31' }),
      jobseeker('LAYOFF-5', { lastEmployerBusinessId: null, laidOffOn: null }),
    ]);
    expect(report.rejected).toEqual([
      {
        line: 2,
        field: 'lastEmployerBusinessId',
        reason: 'must be a Finnish business ID such as 1234567-8',
      },
      { line: 3, field: 'laidOffOn', reason: 'must not be in the future' },
      { line: 4, field: 'laidOffOn', reason: 'must not be before 1990' },
    ]);
    const rows = await db.database.dataSource.query(
      `SELECT customer_id, last_employer_business_id AS business_id, laid_off_on::text AS day
       FROM jobseeker WHERE customer_id LIKE 'LAYOFF-%' ORDER BY customer_id`,
    );
    expect(rows).toEqual([
      { customer_id: 'LAYOFF-1', business_id: '2617416-4', day: '2026-10-31' },
      { customer_id: 'LAYOFF-5', business_id: null, day: null },
    ]);
  });
});
