import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RunningApp, startAppOn } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { ErasureRegister } from '../../src/erasure/erasure-register';
import { exportRegister, reapplyRegister } from '../../src/erasure/register-file';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { withDatabase } from '../support/global-setup';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';
import { reportFigure } from '../support/figures';

/**
 * The documented restore (README, Operations): pg_dump -Fc of a database, pg_restore into a new
 * one, the erasure register re-applied, the match index rebuilt, and the same answers come back.
 * pg_dump and pg_restore work on PostgreSQL only: the embedded run skips it (its backup is a
 * copy of the stopped data folder, see the README).
 */
const adminUrl = process.env.DATABASE_URL;
const describeOnPostgres = (name: string, body: () => void) =>
  describeIf(NEEDS_POSTGRES, name, body);

const RANKED_FOR_VACANCY = `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 20, filter: { includeNearMisses: true }) {
  edges { node { score nearMiss jobseeker { id pseudonym } } } } }`;
const RANKED_FOR_JOBSEEKER = `query ($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 10, includeExternal: false) {
  edges { node { score vacancyId summary(language: EN) } } } }`;

type Post = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] }>;

function poster(url: string, token: string): Post {
  return async (query, variables) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-osaamo-purpose': 'restore test',
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describeOnPostgres('backup and restore', () => {
  let source: TestApp;
  let restored: RunningApp | undefined;
  const restoredName = `osaamo_restore_${randomBytes(6).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-restore-'));

  beforeAll(async () => {
    source = await startTestApp();
    await loadSamplePeopleIfEmpty(source.app.database.dataSource);
    await source.app.services.matches.index.catchUp();
  });
  afterAll(async () => {
    await restored?.stop();
    await source.stop();
    await admin(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup from before an erasure, re-applies the register, rebuilds the index and gives the same answers', async () => {
    const ds = source.app.database.dataSource;
    const counsellor = await source.token({
      id: 'neuvoja',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const before = poster(source.url, counsellor);
    const vacancies: string[] = (
      await ds.query(
        `SELECT v.id FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
         WHERE v.status = 'open' ORDER BY v.external_id LIMIT 3`,
      )
    ).map((r: { id: string }) => r.id);
    const jobseekers: string[] = (
      await ds.query(
        `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
         WHERE m.employment_area = 'kuopio' ORDER BY j.customer_id LIMIT 4`,
      )
    ).map((r: { id: string }) => r.id);
    expect(vacancies).toHaveLength(3);
    // The person to erase is one the first vacancy ranks, so their absence shows.
    const ranked = await before(RANKED_FOR_VACANCY, { id: vacancies[0] });
    const edges = (
      ranked.data!.matchesForVacancy as { edges: { node: { jobseeker: { id: string } } }[] }
    ).edges;
    expect(edges.length).toBeGreaterThan(3);
    const erased = edges[0]!.node.jobseeker.id;

    // 1. The backup, taken before the erasure.
    const backup = path.join(dir, 'osaamo.dump');
    const dumpStarted = Date.now();
    execFileSync('pg_dump', ['-Fc', '--no-owner', '-f', backup, source.db.url]);
    const dumpMs = Date.now() - dumpStarted;

    // 2. The erasure, and the register exported as after every erasure batch.
    const erasedAnswer = await before(`mutation ($id: ID!) { eraseJobseeker(id: $id) }`, {
      id: erased,
    });
    expect(erasedAnswer.errors).toBeUndefined();
    const register = new ErasureRegister(source.app.services.pseudonymSecret);
    const registerFile = path.join(dir, 'erasure-register.jsonl');
    expect(await exportRegister(ds, register, registerFile)).toBe(1);

    // The answers the restore must give back.
    const answersOf = async (post: Post) => ({
      vacancies: await Promise.all(vacancies.map((id) => post(RANKED_FOR_VACANCY, { id }))),
      jobseekers: await Promise.all(jobseekers.map((id) => post(RANKED_FOR_JOBSEEKER, { id }))),
      erased: await post(RANKED_FOR_JOBSEEKER, { id: erased }),
    });
    const expected = await answersOf(before);
    expect(expected.erased.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    for (const answer of expected.vacancies) {
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer)).not.toContain(erased);
    }

    // 3. Restore into a new database: the erased person is back.
    await admin(`CREATE DATABASE ${restoredName}`);
    const restoredUrl = withDatabase(adminUrl!, restoredName);
    const restoreStarted = Date.now();
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', restoredUrl, backup]);
    const restoreMs = Date.now() - restoreStarted;
    const config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: restoredUrl,
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      loadFixturesOnStart: false,
    };
    const database = await Database.open(config);
    const present = async () =>
      (
        await database.dataSource.query(`SELECT count(*)::int AS n FROM jobseeker WHERE id = $1`, [
          erased,
        ])
      )[0].n;
    expect(await present()).toBe(1);

    // 4. Before the service takes traffic: the register re-applied erases them again.
    expect(await reapplyRegister(database.dataSource, register, registerFile)).toEqual({
      entries: 1,
      erased: 1,
    });
    expect(await present()).toBe(0);

    // 5. The service starts on it and builds its match index from the restored data.
    restored = await startAppOn(database, config);
    await restored.services.matches.index.whenReady();
    const url = `http://127.0.0.1:${(restored.http.server.address() as AddressInfo).port}`;
    const after = await answersOf(poster(url, counsellor));
    expect(after).toEqual(expected);
    reportFigure(
      `backup and restore of the fixtures: pg_dump ${dumpMs} ms (${fs.statSync(backup).size} bytes), pg_restore ${restoreMs} ms`,
    );
  });
});
