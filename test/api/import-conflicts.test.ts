import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/auth/actor';
import { JsonlImporter, JsonlImportReport } from '../../src/import/jsonl-importer';
import { loadSamplePeopleIfEmpty, SAMPLE_PEOPLE_FILE } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

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

/** Every row of every imported table, timestamps included: "changes nothing" means nothing. */
async function snapshot(ds: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

const CONFLICT = /^changed through the API on \d{4}-\d{2}-\d{2}T[\d:.]+Z; the file's values differ/;

/** Re-importing never silently replaces what people changed through the API. */
describe('import conflicts with changes made through the API', () => {
  let t: TestApp;
  let ds: DataSource;
  const lines = fs.readFileSync(SAMPLE_PEOPLE_FILE, 'utf8').split('\n');
  const lineOf = (key: string) => lines.findIndex((l) => l.includes(`:"${key}"`)) + 1;
  const recordOf = (key: string) => JSON.parse(lines[lineOf(key) - 1]!);
  const importer = (overwrite = false) =>
    new JsonlImporter(ds, { erasureSecret: t.app.services.pseudonymSecret, overwrite });
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await t.graphql(query, variables, { token, purpose: 'test' });
    expect(body.errors).toBeUndefined();
  };
  let ids: Record<'employer' | 'vacancy' | 'training' | 'own' | 'other', string>;
  let keys: Record<'employer' | 'vacancy' | 'training' | 'own' | 'other' | 'third', string>;
  let expectedConflicts: { line: number; part: string; key: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    const [vacancy] = await ds.query(
      `SELECT v.id, v.external_id, e.id AS employer_id, e.external_id AS employer_key
       FROM vacancy v JOIN employer e ON e.id = v.employer_id WHERE v.external_id = 'vacancy-001'`,
    );
    const people: { id: string; customer_id: string }[] = await ds.query(
      `SELECT id, customer_id FROM jobseeker WHERE home_municipality_code = '297' ORDER BY customer_id LIMIT 3`,
    );
    const [training] = await ds.query(`SELECT id FROM training WHERE external_id = 'training-001'`);
    ids = {
      employer: vacancy.employer_id,
      vacancy: vacancy.id,
      training: training.id,
      own: people[0]!.id,
      other: people[1]!.id,
    };
    keys = {
      employer: vacancy.employer_key,
      vacancy: 'vacancy-001',
      training: 'training-001',
      own: people[0]!.customer_id,
      other: people[1]!.customer_id,
      third: people[2]!.customer_id,
    };
    expectedConflicts = [
      { line: lineOf(keys.employer), part: 'employer', key: keys.employer },
      { line: lineOf(keys.vacancy), part: 'vacancy', key: keys.vacancy },
      { line: lineOf(keys.vacancy), part: 'requirements', key: keys.vacancy },
      { line: lineOf(keys.own), part: 'personalData', key: keys.own },
      { line: lineOf(keys.other), part: 'jobseeker', key: keys.other },
      { line: lineOf(keys.training), part: 'training', key: keys.training },
    ].sort((a, b) => a.line - b.line);
  });
  afterAll(() => t.stop());

  const withoutReasons = (report: JsonlImportReport, list: 'conflicts' | 'overwritten') =>
    report[list].map(({ line, part, key }) => ({ line, part, key }));

  it('leaves every record changed through the API as it is and reports the line as a conflict', async () => {
    const self = await t.token({ id: 'self', role: 'jobseeker', jobseekerId: ids.own } as Actor);
    const counsellor = await t.token({ id: 'n', role: 'counsellor', employmentArea: 'kuopio' });
    const employer = await t.token({
      id: 'hr',
      role: 'employer',
      employerId: ids.employer,
    } as Actor);
    const admin = await t.token({ id: 'root', role: 'admin' });
    const own = recordOf(keys.own).personalData;
    // A jobseeker corrects their name; a counsellor changes another's commute.
    await ok(
      `mutation ($id: ID!, $input: PersonalDataInput!) { setJobseekerPersonalData(id: $id, input: $input) }`,
      { id: ids.own, input: { ...own, firstName: `${own.firstName}-Korjattu` } },
      self,
    );
    await ok(
      `mutation ($id: ID!) { updateJobseeker(id: $id, input: { maxCommuteKm: 77 }) { id } }`,
      { id: ids.other },
      counsellor,
    );
    // The employer revises the requirement profile and retitles the vacancy.
    const [{ revision }] = await ds.query(
      `SELECT revision FROM requirement_profile WHERE vacancy_id = $1`,
      [ids.vacancy],
    );
    await ok(
      `mutation ($id: ID!, $base: Int!) { updateRequirementProfile(vacancyId: $id, baseRevision: $base,
         input: { skills: [], languages: [], licences: ["hygiene_passport"],
           minEducationLevel: null, minExperienceMonths: null }) { revision } }`,
      { id: ids.vacancy, base: revision },
      employer,
    );
    await ok(
      `mutation ($id: ID!) { updateVacancy(id: $id, input: { title: "Uusi otsikko" }) { id } }`,
      { id: ids.vacancy },
      employer,
    );
    await ok(
      `mutation ($id: ID!) { updateEmployer(id: $id, input: { name: "Uusi Nimi Oy" }) { id } }`,
      { id: ids.employer },
      admin,
    );
    const training = recordOf(keys.training);
    await ok(
      `mutation ($id: ID!, $input: TrainingInput!) { updateTraining(id: $id, input: $input) { id } }`,
      {
        id: ids.training,
        input: {
          provider: training.provider,
          title: `${training.title} (uusittu)`,
          durationDays: training.durationDays,
          mode: training.mode.toUpperCase(),
          municipalityCode: training.municipalityCode,
          startDates: training.startDates,
          url: training.url,
          skills: training.skills.map((s: { skillUri: string; levelReached: number }) => ({
            skillUri: s.skillUri,
            level: s.levelReached,
          })),
        },
      },
      admin,
    );
    const before = await snapshot(ds);
    const report = await importer().importFile(SAMPLE_PEOPLE_FILE);
    expect(report.rejected).toEqual([]);
    expect(withoutReasons(report, 'conflicts')).toEqual(expectedConflicts);
    for (const c of report.conflicts) expect(c.reason).toMatch(CONFLICT);
    expect(report.overwritten).toEqual([]);
    expect(await snapshot(ds)).toEqual(before);
    // And again: the same file changes nothing and says the same.
    const again = await importer().importFile(SAMPLE_PEOPLE_FILE);
    expect(again.conflicts).toEqual(report.conflicts);
    expect(await snapshot(ds)).toEqual(before);
    const [name] = await ds.query(
      `SELECT first_name FROM jobseeker_personal_data WHERE jobseeker_id = $1`,
      [ids.own],
    );
    expect(name.first_name).toBe(`${own.firstName}-Korjattu`);
  });

  it('takes a line that agrees with the API change without a conflict, and a new value of an imported record', async () => {
    const own = recordOf(keys.own);
    const third = recordOf(keys.third);
    const report = await importer().importLines([
      JSON.stringify({
        ...own,
        personalData: { ...own.personalData, firstName: `${own.personalData.firstName}-Korjattu` },
      }),
      JSON.stringify({ ...third, maxCommuteKm: 123 }),
    ]);
    expect(report.conflicts).toEqual([]);
    const [row] = await ds.query(
      `SELECT max_commute_km, last_changed_by FROM jobseeker WHERE customer_id = $1`,
      [keys.third],
    );
    expect(row).toEqual({ max_commute_km: 123, last_changed_by: 'import' });
  });

  it('--overwrite replaces them, reports each, audits the jobseekers and names itself in the revision', async () => {
    const report = await importer(true).importFile(SAMPLE_PEOPLE_FILE);
    expect(report.conflicts).toEqual([]);
    expect(withoutReasons(report, 'overwritten')).toEqual(expectedConflicts);
    const [person] = await ds.query(
      `SELECT p.first_name, j.max_commute_km FROM jobseeker j, jobseeker_personal_data p
       WHERE j.customer_id = $1 AND p.jobseeker_id = $2`,
      [keys.other, ids.own],
    );
    expect(person).toEqual({
      first_name: recordOf(keys.own).personalData.firstName,
      max_commute_km: recordOf(keys.other).maxCommuteKm ?? null,
    });
    const [latest] = await ds.query(
      `SELECT author, snapshot FROM requirement_profile_revision WHERE vacancy_id = $1 ORDER BY revision DESC LIMIT 1`,
      [ids.vacancy],
    );
    expect(latest.author).toBe('import:jsonl --overwrite');
    expect(latest.snapshot.licences).toEqual(recordOf(keys.vacancy).requirements?.licences ?? []);
    const audit = await ds.query(
      `SELECT jobseeker_id, actor_id, actor_role, operation, purpose, outcome FROM audit_log
       WHERE actor_id = 'import:jsonl' ORDER BY jobseeker_id = $1 DESC`,
      [ids.own],
    );
    expect(audit).toEqual([
      {
        jobseeker_id: ids.own,
        actor_id: 'import:jsonl',
        actor_role: 'importer',
        operation: `import --overwrite: Jobseeker.personalData (line ${lineOf(keys.own)})`,
        purpose: 'bulk import with --overwrite',
        outcome: 'allowed',
      },
      {
        jobseeker_id: ids.other,
        actor_id: 'import:jsonl',
        actor_role: 'importer',
        operation: `import --overwrite: Jobseeker (line ${lineOf(keys.other)})`,
        purpose: 'bulk import with --overwrite',
        outcome: 'allowed',
      },
    ]);
    // The records are the file's again: a re-import changes nothing and finds no conflict.
    const before = await snapshot(ds);
    const again = await importer().importFile(SAMPLE_PEOPLE_FILE);
    expect(again.conflicts).toEqual([]);
    expect(await snapshot(ds)).toEqual(before);
  });
});
