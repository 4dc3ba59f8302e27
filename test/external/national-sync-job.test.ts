import 'reflect-metadata';
import { AppConfig, loadConfig } from '../../src/config';
import { Actor } from '../../src/auth/actor';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { createNationalFake } from '../../scripts/fakes/national-fake';
import { startTestApp, TestApp } from '../support/test-app';

/** In Rautavaara, in the Kuopio area. */
const RAUTAVAARA_JOBSEEKER = '4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03';
/** The first national fixture ad: sheet metal work in Rautavaara, naming no skill URIs. */
const SHEET_METAL_AD = '6a1e0000-0000-4000-8000-000000100200';
const COUNSELLOR: Actor = { id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' };

const SOURCES = `query ($id: ID!) {
  matchesForJobseeker(jobseekerId: $id, includeExternal: false, first: 1) {
    sources { source status sync { running runningKind lastRunAt ageSeconds lastKind complete
      lastCompleteAt lastError recordsRead rowsWritten rowsDeleted } } } }`;
interface Sync {
  running: boolean;
  runningKind: string | null;
  lastRunAt: string | null;
  lastKind: string | null;
  complete: boolean | null;
  lastError: string | null;
  recordsRead: number | null;
  rowsWritten: number | null;
  rowsDeleted: number | null;
}
type Sources = { matchesForJobseeker: { sources: { source: string; sync: Sync | null }[] } };

/** Polls a condition the background job brings about (a loopback request, not a clock). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe('the scheduled national sync', () => {
  let national: FakeServer;

  /** Job Market Finland configured (base URL and key), pointing at the fake; the area given. */
  const withNational = (municipalityIn: string[] = []): Partial<AppConfig> => {
    const config = loadConfig({
      NODE_ENV: 'test',
      OSAAMO_NATIONAL_URL: national.url,
      OSAAMO_NATIONAL_SUBSCRIPTION_KEY: 'test-key',
    });
    return {
      external: config.external,
      nationalSync: { ...config.nationalSync, municipalityIn },
    };
  };
  const sourcesOf = async (t: TestApp) => {
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    const { body } = await t.graphql<Sources>(
      SOURCES,
      { id: RAUTAVAARA_JOBSEEKER },
      { token: await t.token(COUNSELLOR) },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.matchesForJobseeker.sources;
  };

  beforeAll(async () => {
    national = await createNationalFake().start();
  });
  afterAll(() => national.stop());
  beforeEach(() => national.clear());

  it('answers /readyz ready while the first full pull is still in progress, reports it running, and ends it on stop', async () => {
    // The service never finishes its answer.
    national.fail({ kind: 'slow', delayMs: 3_600_000 });
    const t = await startTestApp(withNational());
    try {
      await until(() => national.requests.length > 0, 'the first pull to start');
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      expect(JSON.parse(national.requests[0]!.body)).toEqual({ onlyStatus: 'PUBLISHED' });

      const sources = await sourcesOf(t);
      expect(sources.find((s) => s.source === 'NATIONAL')!.sync).toEqual({
        running: true,
        runningKind: 'FULL',
        lastRunAt: null,
        ageSeconds: null,
        lastKind: null,
        complete: null,
        lastCompleteAt: null,
        lastError: null,
        recordsRead: null,
        rowsWritten: null,
        rowsDeleted: null,
      });
      expect(sources.find((s) => s.source === 'EURES')!.sync).toBeNull();
    } finally {
      // Stopping aborts the pull instead of waiting for it.
      await t.stop();
    }
    expect(t.app.services.nationalSync!.snapshot()).toMatchObject({
      running: null,
      lastKind: 'full',
      lastError: expect.stringMatching(/Abort/),
    });
  });

  it('pulls the area in full first, then its changes and removals; extracts skills of ads naming none; reports the last run', async () => {
    const t = await startTestApp(withNational(['687']));
    try {
      // After the run that started with the app: the second is incremental.
      expect(await t.app.jobs.runNow('national-sync')).toBe('done');
      const bodies = national.requests.map((r) => JSON.parse(r.body));
      expect(bodies).toEqual([
        { onlyStatus: 'PUBLISHED', municipalityIn: ['687'] },
        {
          onlyStatus: 'PUBLISHED',
          modified: { from: expect.any(String) },
          municipalityIn: ['687'],
        },
        {
          onlyStatus: 'ARCHIVED',
          archived: { from: expect.any(String) },
          municipalityIn: ['687'],
        },
      ]);

      const rows: { id: string; location: string; skills: string[]; extracted?: string[] }[] =
        await t.app.database.dataSource.query(
          `SELECT external_id AS id, data->>'locationCode' AS location, data->'skillUris' AS skills,
                  data->'extractedSkillUris' AS extracted FROM national_vacancy`,
        );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.location === '687')).toBe(true);
      // The sheet metal ad names no skills; its text names arc welding.
      const [{ uri: arcWelding }] = await t.app.database.dataSource.query(
        `SELECT concept_uri AS uri FROM esco_label WHERE label = 'kaarihitsaus' AND language = 'fi'`,
      );
      const sheetMetal = rows.find((r) => r.id === SHEET_METAL_AD)!;
      expect(sheetMetal.skills).toEqual([]);
      expect(sheetMetal.extracted).toContain(arcWelding);
      // Ads that name their skills keep them, with nothing extracted.
      for (const r of rows.filter((r) => r.skills.length)) expect(r.extracted ?? null).toBeNull();

      const sync = (await sourcesOf(t)).find((s) => s.source === 'NATIONAL')!.sync!;
      expect(sync).toMatchObject({
        running: false,
        runningKind: null,
        lastKind: 'INCREMENTAL',
        complete: true,
        lastError: null,
        // Nothing changed since the full pull.
        rowsWritten: 0,
        rowsDeleted: 0,
      });
      expect(sync.recordsRead).toBeGreaterThan(0);
      expect(Date.parse(sync.lastRunAt!)).toBeLessThanOrEqual(Date.now());
    } finally {
      await t.stop();
    }
  });
});
