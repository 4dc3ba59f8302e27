import { ErasureRegister } from '../../src/erasure/erasure-register';
import { applyRetention } from '../../src/retention/retention';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

/** Erasure and retention (checklist 25, 26). */
describe('erasure and retention', () => {
  let t: TestApp;
  let counsellor: string;

  const countsOf = async (id: string) => {
    const [row] = await t.app.database.dataSource.query(
      `SELECT (SELECT count(*) FROM jobseeker WHERE id = $1)::int AS jobseeker,
              (SELECT count(*) FROM jobseeker_personal_data WHERE jobseeker_id = $1)::int AS personal,
              (SELECT count(*) FROM competence_assessment WHERE jobseeker_id = $1)::int AS assessments,
              (SELECT count(*) FROM jobseeker_language WHERE jobseeker_id = $1)::int AS languages,
              (SELECT count(*) FROM consent WHERE jobseeker_id = $1)::int AS consents,
              (SELECT count(*) FROM audit_log WHERE jobseeker_id = $1)::int AS audit`,
      [id],
    );
    return row as Record<string, number>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
  });
  afterAll(() => t.stop());

  it('erases a jobseeker: personal data and profiles go, the audit trail stays, matching forgets them', async () => {
    const [{ id }] = await t.app.database.dataSource.query(
      `SELECT j.id FROM jobseeker j WHERE EXISTS (SELECT 1 FROM consent c WHERE c.jobseeker_id = j.id) ORDER BY j.id LIMIT 1`,
    );
    await t.graphql(
      `query ($id: ID!) { jobseeker(id: $id) { personalData { firstName } } }`,
      { id },
      { token: counsellor, purpose: 'before erasure' },
    );
    const before = await countsOf(id);
    expect(before).toMatchObject({ jobseeker: 1, personal: 1 });
    expect(before.assessments).toBeGreaterThan(0);
    expect(before.audit).toBeGreaterThan(0);
    const other = await t.token({
      id: 'neuvoja-joensuu',
      role: 'counsellor',
      employmentArea: 'joensuu',
    });
    const refused = await t.graphql(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id },
      { token: other },
    );
    expect(refused.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const { body } = await t.graphql<{ eraseJobseeker: boolean }>(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id },
      { token: counsellor },
    );
    expect(body.data!.eraseJobseeker).toBe(true);
    expect(await countsOf(id)).toEqual({
      jobseeker: 0,
      personal: 0,
      assessments: 0,
      languages: 0,
      consents: 0,
      audit: before.audit,
    });
    // The mutation's response waited for this instance's index; matching has forgotten them.
    const index = await t.app.services.matches.index.current();
    expect(index.candidates.has(id)).toBe(false);
    const again = await t.graphql(
      `query ($id: ID!) { jobseeker(id: $id) { id } }`,
      { id },
      { token: counsellor },
    );
    expect(again.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('applies the retention rule: a dry run counts, a run erases what is due, a second run erases nothing', async () => {
    const ds = t.app.database.dataSource;
    const register = new ErasureRegister(t.app.services.pseudonymSecret);
    const [old, recent] = (await ds.query(`SELECT id FROM jobseeker ORDER BY id DESC LIMIT 2`)) as [
      { id: string },
      { id: string },
    ];
    await ds.query(
      `UPDATE jobseeker SET customer_relationship_ended_on = '2025-01-10' WHERE id = $1`,
      [old.id],
    );
    await ds.query(
      `UPDATE jobseeker SET customer_relationship_ended_on = '2025-11-01' WHERE id = $1`,
      [recent.id],
    );
    const asOf = '2026-02-01'; // one year after 2025-02-01: the first is due, the second not
    const dry = await applyRetention(ds, register, { asOf, dryRun: true });
    expect(dry).toMatchObject({ cutoff: '2025-02-01', due: 1, erased: 0, dryRun: true });
    expect((await countsOf(old.id)).jobseeker).toBe(1);
    const run = await applyRetention(ds, register, { asOf });
    expect(run).toMatchObject({ due: 1, erased: 1 });
    expect((await countsOf(old.id)).jobseeker).toBe(0);
    expect((await countsOf(recent.id)).jobseeker).toBe(1);
    expect(await applyRetention(ds, register, { asOf })).toMatchObject({ due: 0, erased: 0 });
    // A year later the second is due as well.
    expect(await applyRetention(ds, register, { asOf: '2026-11-02' })).toMatchObject({ erased: 1 });
  });
});
