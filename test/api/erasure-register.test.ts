import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { erasureRegisterCommand } from '../../src/cli/erasure-register';
import { ErasureRegister, todayUtc } from '../../src/erasure/erasure-register';
import { reapplyRegister } from '../../src/erasure/register-file';
import { JsonlImporter } from '../../src/import/jsonl-importer';
import { loadSamplePeopleIfEmpty, SAMPLE_PEOPLE_FILE } from '../../src/import/load-sample-people';
import { applyRetention } from '../../src/retention/retention';
import { startTestApp, TestApp } from '../support/test-app';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const CREATE = `mutation ($input: CreateJobseekerInput!) { createJobseeker(input: $input) { id customerId } }`;
const ERASE = `mutation ($id: ID!) { eraseJobseeker(id: $id) }`;
const REFUSED = /^belongs to a customer whose data was erased on \d{4}-\d{2}-\d{2}; /;

/** The erasure register: an erased customer stays erased through imports, registration and restores. */
describe('erasure register', () => {
  let t: TestApp;
  let counsellor: string;
  let register: ErasureRegister;
  const fixtureLines = fs.readFileSync(SAMPLE_PEOPLE_FILE, 'utf8').split('\n');
  /** The 1-based line of a customer in the fixture file. */
  const lineOf = (customerId: string) =>
    fixtureLines.findIndex((l) => l.includes(`"customerId":"${customerId}"`)) + 1;
  const importer = () =>
    new JsonlImporter(t.app.database.dataSource, {
      erasureSecret: t.app.services.pseudonymSecret,
    });
  const jobseekerByCustomer = async (customerId: string) =>
    (
      await t.app.database.dataSource.query(
        `SELECT j.id, to_char(j.customer_since, 'YYYY-MM-DD') AS customer_since, p.first_name
         FROM jobseeker j LEFT JOIN jobseeker_personal_data p ON p.jobseeker_id = j.id WHERE j.customer_id = $1`,
        [customerId],
      )
    )[0] as { id: string; customer_since: string | null; first_name: string } | undefined;
  /** Kuopio-area jobseekers of the fixtures, in a stable order. */
  let fixtureCustomers: { id: string; customer_id: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    register = new ErasureRegister(t.app.services.pseudonymSecret);
    fixtureCustomers = await t.app.database.dataSource.query(
      `SELECT id, customer_id FROM jobseeker WHERE home_municipality_code = '297' ORDER BY customer_id LIMIT 6`,
    );
  });
  afterAll(() => t.stop());

  it('keeps a keyed hash of the customer id and the day, and nothing else', async () => {
    const { id, customer_id } = fixtureCustomers[0]!;
    await t.graphql(ERASE, { id }, { token: counsellor });
    const rows = await t.app.database.dataSource.query(
      `SELECT customer_hash, to_char(erased_on, 'YYYY-MM-DD') AS erased_on FROM erasure_register`,
    );
    expect(rows).toEqual([{ customer_hash: register.hashOf(customer_id), erased_on: todayUtc() }]);
    expect(rows[0].customer_hash).not.toContain(customer_id);
    // Another secret gives another hash: the register cannot be matched without the key.
    expect(new ErasureRegister('another-secret').hashOf(customer_id)).not.toBe(
      rows[0].customer_hash,
    );
  });

  it('refuses to import an erased customer again: that line is reported with its number, the rest change nothing', async () => {
    const { customer_id } = fixtureCustomers[0]!;
    const report = await importer().importFile(SAMPLE_PEOPLE_FILE);
    expect(report.rejected).toEqual([
      { line: lineOf(customer_id), field: 'customerId', reason: expect.stringMatching(REFUSED) },
    ]);
    expect(report.loaded.jobseeker).toBe(395);
    expect(await jobseekerByCustomer(customer_id)).toBeUndefined();
  });

  it('refuses an import while the register holds entries and the importer has no key', async () => {
    await expect(
      new JsonlImporter(t.app.database.dataSource).importFile(SAMPLE_PEOPLE_FILE),
    ).rejects.toThrow(/erasure register holds 1 erased customers/);
    expect(await jobseekerByCustomer(fixtureCustomers[0]!.customer_id)).toBeUndefined();
  });

  it('createJobseeker refuses an erased customer with BAD_USER_INPUT naming input.customerId', async () => {
    const input = {
      customerId: fixtureCustomers[0]!.customer_id,
      homeMunicipalityCode: '297',
      employmentStatus: 'UNEMPLOYED',
      personalData: { firstName: 'Uusi', lastName: 'Esimerkki' },
    };
    for (const customerSince of [undefined, todayUtc(), '2020-01-01']) {
      const { body } = await t.graphql(
        CREATE,
        { input: { ...input, customerSince } },
        { token: counsellor },
      );
      expect(body.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.customerId',
        reason: expect.stringMatching(REFUSED),
      });
    }
    const future = await t.graphql(
      CREATE,
      { input: { ...input, customerSince: '2999-01-01' } },
      { token: counsellor },
    );
    expect(future.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.customerSince',
    });
    expect(await jobseekerByCustomer(input.customerId)).toBeUndefined();
    // The same customer written otherwise: lower case, full-width, a Unicode hyphen, spaces.
    const id = input.customerId;
    const fullWidth = [...id]
      .map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
      .join('');
    for (const variant of [id.toLowerCase(), fullWidth, id.replace('-', '\u2010'), ` ${id} `]) {
      const { body } = await t.graphql(
        CREATE,
        { input: { ...input, customerId: variant } },
        { token: counsellor },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.customerId',
      });
      expect(await jobseekerByCustomer(variant)).toBeUndefined();
    }
  });

  it('registers a customer again when the relationship began after the erasure, through the API and through an import', async () => {
    const first = fixtureCustomers[0]!;
    const second = fixtureCustomers[1]!;
    await t.graphql(ERASE, { id: second.id }, { token: counsellor });
    // Ten days pass after both erasures.
    await t.app.database.dataSource.query(`UPDATE erasure_register SET erased_on = erased_on - 10`);
    const since = todayUtc(new Date(Date.now() - 5 * 86_400_000));
    const { body } = await t.graphql<{ createJobseeker: { customerId: string } }>(
      CREATE,
      {
        input: {
          customerId: first.customer_id,
          customerSince: since,
          homeMunicipalityCode: '297',
          employmentStatus: 'UNEMPLOYED',
          personalData: { firstName: 'Uusi', lastName: 'Esimerkki' },
        },
      },
      // The answer names the customer id: personal data, read with a stated purpose.
      { token: counsellor, purpose: 'registration' },
    );
    expect(body.errors).toBeUndefined();
    expect(await jobseekerByCustomer(first.customer_id)).toMatchObject({
      customer_since: since,
      first_name: 'Uusi',
    });
    // The old file's line for the second customer, once as it was and once as a new customer.
    const old = fixtureLines[lineOf(second.customer_id) - 1]!;
    const again = JSON.stringify({ ...JSON.parse(old), customerSince: since });
    const future = JSON.stringify({ ...JSON.parse(old), customerSince: '2999-01-01' });
    const report = await importer().importLines([old, future, again]);
    expect(report.rejected).toEqual([
      { line: 1, field: 'customerId', reason: expect.stringMatching(REFUSED) },
      { line: 2, field: 'customerSince', reason: 'must not be after today' },
    ]);
    expect(report.loaded.jobseeker).toBe(1);
    expect(await jobseekerByCustomer(second.customer_id)).toMatchObject({ customer_since: since });
  });

  it('enters retention erasures in the register', async () => {
    const due = fixtureCustomers[2]!;
    const ds = t.app.database.dataSource;
    await ds.query(
      `UPDATE jobseeker SET customer_relationship_ended_on = '2020-01-01' WHERE id = $1`,
      [due.id],
    );
    expect(await applyRetention(ds, register, { asOf: '2026-01-01' })).toMatchObject({
      erased: 1,
    });
    expect(await register.erasedOn(ds.manager, due.customer_id)).toBe(todayUtc());
    const report = await importer().importLines([fixtureLines[lineOf(due.customer_id) - 1]!]);
    expect(report.rejected).toEqual([
      { line: 1, field: 'customerId', reason: expect.stringMatching(REFUSED) },
    ]);
  });

  describe('after a restore from a backup', () => {
    let backup: TestDatabase;
    let dir: string;
    beforeAll(async () => {
      // The backup: the database as it was before any erasure.
      backup = await openTestDatabase();
      await loadSamplePeopleIfEmpty(backup.database.dataSource);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-register-'));
    });
    afterAll(async () => {
      await backup.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('erasure:reapply erases everyone the exported register names, but a customer registered again after it', async () => {
      const file = path.join(dir, 'register.jsonl');
      const ds = backup.database.dataSource;
      // What npm run erasure:export -- <file> and erasure:reapply -- <file> run.
      const run = (...args: string[]) => erasureRegisterCommand(args, ds, register);
      expect(
        await erasureRegisterCommand(['export', file], t.app.database.dataSource, register),
      ).toBe(JSON.stringify({ exported: 3, file }));
      const [header, ...entries] = fs.readFileSync(file, 'utf8').trim().split('\n');
      expect(JSON.parse(header!)).toMatchObject({ format: 'osaamo-erasure-register', entries: 3 });
      // Hashes and days only: no customer id is in the file.
      for (const c of fixtureCustomers) expect(entries.join('\n')).not.toContain(c.customer_id);
      const erased = fixtureCustomers.slice(0, 3);
      const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM jobseeker`);
      expect(JSON.parse(await run('reapply', file))).toEqual({ entries: 3, erased: 3 });
      const left = await ds.query(
        `SELECT customer_id FROM jobseeker WHERE customer_id = ANY($1) ORDER BY customer_id`,
        [fixtureCustomers.map((c) => c.customer_id)],
      );
      expect(left.map((r: { customer_id: string }) => r.customer_id)).toEqual(
        fixtureCustomers.slice(3).map((c) => c.customer_id),
      );
      const [{ n: after }] = await ds.query(`SELECT count(*)::int AS n FROM jobseeker`);
      expect(after).toBe(before - 3);
      // Idempotent, and the restored database's register is whole again: imports refuse them.
      expect(await reapplyRegister(ds, register, file)).toEqual({ entries: 3, erased: 0 });
      const report = await new JsonlImporter(ds, {
        erasureSecret: t.app.services.pseudonymSecret,
      }).importFile(SAMPLE_PEOPLE_FILE);
      expect(report.rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual(
        erased.map((c) => lineOf(c.customer_id)).sort((a, b) => a - b),
      );
      // The customer registered again in the live database is not erased by the live export.
      expect(await reapplyRegister(t.app.database.dataSource, register, file)).toEqual({
        entries: 3,
        erased: 0,
      });
      expect(await jobseekerByCustomer(erased[0]!.customer_id)).toBeDefined();
    });

    it('refuses an export made under another key, or altered', async () => {
      const file = path.join(dir, 'register.jsonl');
      const ds = backup.database.dataSource;
      await expect(
        reapplyRegister(ds, new ErasureRegister('another-secret'), file),
      ).rejects.toThrow(/exported under another key/);
      const altered = path.join(dir, 'altered.jsonl');
      fs.writeFileSync(
        altered,
        fs.readFileSync(file, 'utf8').replace(/"erasedOn":"[^"]*"/, '"erasedOn":"x"'),
      );
      await expect(reapplyRegister(ds, register, altered)).rejects.toThrow(
        /line 2 is not an entry/,
      );
    });
  });
});
