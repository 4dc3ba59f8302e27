import 'reflect-metadata';
import { AppConfig, loadConfig } from '../../src/config';
import { Actor } from '../../src/auth/actor';
import { createExternalMatches, ExternalConfig } from '../../src/external/create-external-matches';
import { SourceReport } from '../../src/external/external-vacancy';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { MatchService } from '../../src/matches/match.service';
import { loadCandidates } from '../../src/matches/profile-loader';
import { createEuresFake } from '../../scripts/fakes/eures-fake';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { createNationalFake } from '../../scripts/fakes/national-fake';
import { NationalSync } from '../../src/external/national-sync';
import { PlaceLocator } from '../../src/external/places';
import { NationalProvider } from '../../src/external/providers/national-provider';
import { startTestApp, TestApp } from '../support/test-app';

/** In Rautavaara (1,500 inhabitants), a sheet metal worker willing to work abroad. */
/** Every pair, as before the default floor (issue 15): these tests are about the sources, not the floor. */
const ALL = { minScore: 0 };
const RAUTAVAARA_JOBSEEKER = '4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03';
/** The first national fixture ad: sheet metal work in Rautavaara, naming no skill URIs. */
const SHEET_METAL_AD = '6a1e0000-0000-4000-8000-000000100200';
const COUNSELLOR: Actor = { id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' };

const QUERY = `query ($id: ID!, $include: Boolean, $filter: MatchFilterInput, $first: Int) {
  matchesForJobseeker(jobseekerId: $id, includeExternal: $include, filter: $filter, first: $first) {
    sources { source asked returned status fromCache }
    edges { node { score exactScore source vacancyId summary(language: EN) nearMiss
      components { exactContribution } matchedSkills { skillUri } missingData
      vacancy { id title } externalVacancy { source externalId title url country locationCode employerName description expiresAt } } } } }`;

interface Node {
  score: number;
  exactScore: number;
  source: 'LOCAL' | 'NATIONAL' | 'EURES';
  vacancyId: string;
  summary: string;
  components: { exactContribution: number }[];
  matchedSkills: unknown[];
  vacancy: { id: string; title: string } | null;
  externalVacancy: {
    source: string;
    externalId: string;
    title: string;
    url: string;
    country: string;
    locationCode: string | null;
    employerName: string | null;
    description: string;
  } | null;
}
type Answer = {
  matchesForJobseeker: { sources: (SourceReport & { source: string })[]; edges: { node: Node }[] };
};

describe('national and EURES fallback', () => {
  let t: TestApp;
  let eures: FakeServer;
  let national: FakeServer;
  let counsellor: string;

  const externalConfig = (changes: Partial<ExternalConfig> = {}): ExternalConfig => {
    const base = loadConfig({
      NODE_ENV: 'test',
      OSAAMO_EURES_URL: eures.url,
      OSAAMO_NATIONAL_URL: national.url,
      OSAAMO_NATIONAL_TOKEN: 'test-token',
      OSAAMO_NATIONAL_SUBSCRIPTION_KEY: 'test-key',
    }).external;
    return {
      ...base,
      ...changes,
      fallback: { ...base.fallback, ...changes.fallback },
      cache: { ...base.cache, ...changes.cache },
      guard: { ...base.guard, ...changes.guard },
    };
  };

  /** A service of its own (its own breakers and pauses) on the shared database. */
  const serviceWith = async (changes: Partial<ExternalConfig> = {}) => {
    const { matches } = await createExternalMatches(
      t.app.database.dataSource,
      externalConfig(changes),
      t.app.services.matches.params,
    );
    const service = new MatchService(
      t.app.database.dataSource,
      t.app.services.pseudonymSecret,
      t.app.services.matches.params,
      t.app.services.vacancies,
      t.app.services.jobseekers,
      matches,
    );
    await service.index.build();
    return service;
  };
  const statusOf = (sources: SourceReport[], source: string) =>
    sources.find((s) => s.source === source)!;
  const cachedRows = async () =>
    (
      await t.app.database.dataSource.query(
        `SELECT (SELECT count(*) FROM external_search)::int AS searches, (SELECT count(*) FROM external_vacancy)::int AS vacancies`,
      )
    )[0] as { searches: number; vacancies: number };

  beforeAll(async () => {
    eures = await createEuresFake().start();
    national = await createNationalFake().start();
    // The per-query fallback is tested here: no sync fills the national index behind its back
    // (test/external/national-index.test.ts covers national ads from the index).
    const overrides: Partial<AppConfig> = {
      external: externalConfig(),
      nationalSync: { ...loadConfig({ NODE_ENV: 'test' }).nationalSync, enabled: false },
    };
    t = await startTestApp(overrides);
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token(COUNSELLOR);
  });
  afterAll(async () => {
    await t.stop();
    await eures.stop();
    await national.stop();
  });
  beforeEach(async () => {
    eures.clear();
    national.clear();
    await t.app.database.dataSource.query(`DELETE FROM external_search`);
    await t.app.database.dataSource.query(`DELETE FROM external_vacancy`);
  });

  it('gives a jobseeker in a small municipality national and EURES matches, ranked with the local ones and explained', async () => {
    const { body } = await t.graphql<Answer>(
      QUERY,
      { id: RAUTAVAARA_JOBSEEKER, first: 30, filter: ALL },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const { sources, edges } = body.data!.matchesForJobseeker;
    expect(statusOf(sources, 'NATIONAL')).toMatchObject({ asked: true, status: 'OK' });
    expect(statusOf(sources, 'EURES')).toMatchObject({ asked: true, status: 'OK' });
    const nodes = edges.map((e) => e.node);
    const bySource = (s: Node['source']) => nodes.filter((n) => n.source === s);
    expect(bySource('LOCAL').length).toBeGreaterThan(0);
    expect(bySource('NATIONAL').length).toBeGreaterThan(0);
    expect(bySource('EURES').length).toBeGreaterThan(0);
    // One ranking: best first, whatever the source; every score explained the same way.
    for (let i = 1; i < nodes.length; i++)
      expect(nodes[i]!.exactScore).toBeLessThanOrEqual(nodes[i - 1]!.exactScore);
    for (const n of nodes) {
      const sum = n.components.reduce((s, c) => s + c.exactContribution, 0);
      expect(Math.abs(sum - n.exactScore)).toBeLessThan(1e-9);
      expect(n.summary).toMatch(/^Fit \d+ %/);
    }
    // The best match is the sheet metal work in Rautavaara itself, from Job Market Finland.
    expect(nodes[0]).toMatchObject({
      source: 'NATIONAL',
      vacancy: null,
      externalVacancy: {
        source: 'NATIONAL',
        externalId: SHEET_METAL_AD,
        country: 'FI',
        locationCode: '687',
        url: expect.stringMatching(/^https:\/\/tyomarkkinatori\.fi\//),
      },
    });
    expect(nodes[0]!.matchedSkills.length).toBeGreaterThan(3);
    for (const n of bySource('EURES')) {
      expect(n.externalVacancy!.url).toMatch(/^https:\/\/europa\.eu\/eures\//);
      expect(n.externalVacancy!.description).not.toMatch(/<[a-z]/);
      // The EURES copies of Finnish national ads are recognised and left out.
      expect(n.externalVacancy!.country).not.toBe('FI');
    }
    for (const n of bySource('LOCAL')) expect(n.vacancy).not.toBeNull();
    // The query came from the profile: occupation, languages, the commute area.
    const euresBody = JSON.parse(eures.requests[0]!.body);
    expect(euresBody.occupationUris).toEqual([
      'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b',
    ]);
    // No language filter is sent (no source says how the portal reads one): it is applied here.
    expect(euresBody.requiredLanguages).toEqual([]);
    expect(euresBody.skillUris).toEqual([]);
    expect(eures.requests[0]!.headers['user-agent']).toMatch(/^Osaamo\//);
    const nationalBody = JSON.parse(national.requests[0]!.body);
    expect(nationalBody.municipalityIn).toEqual(['687']);
    expect(nationalBody.occupationIscoIn).toEqual(['7213']);
    expect(nationalBody.onlyStatus).toBe('PUBLISHED');
    expect(national.requests[0]!.headers['kipa-subscription-key']).toBe('test-key');
    expect(national.requests[0]!.headers.authorization).toBe('Bearer test-token');
  });

  it('leaves out EURES copies of Finnish ads the national sync holds, even when the national source does not answer', async () => {
    // A welder (the occupation of a Finnish ad EURES carries again), asking for Finland and
    // Sweden; a fallback that always runs.
    const [{ id: welder }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker WHERE $1 = ANY(desired_occupation_uris) ORDER BY id LIMIT 1`,
      ['http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b'],
    );
    const service = await serviceWith({
      fallback: { minMatches: 10, scoreThreshold: 1, budgetMs: 2500 },
    });
    const finnishEures = async (nationalStatus: 'down' | 'indexed') => {
      const page = await service.forJobseeker(
        COUNSELLOR,
        welder,
        { countries: ['FI', 'SE'] },
        100,
        0,
        true,
      );
      // Once the sync holds ads, they come from the match index and the source is not asked.
      if (nationalStatus === 'down')
        expect(statusOf(page.sources, 'national').status).not.toBe('OK');
      expect(statusOf(page.sources, 'eures').asked).toBe(true);
      return [...page.external.values()]
        .filter((v) => v.source === 'eures' && v.country === 'FI')
        .map((v) => v.title);
    };
    // The national source down and nothing stored: the copies cannot be told apart.
    national.fail({ kind: 'status', status: 503 });
    const unrecognised = await finnishEures('down');
    // Read by the original-language title (translations[fi]), not the English top level.
    expect(unrecognised).toContain('Hitsaaja');
    national.clear();
    const sync = new NationalSync(
      t.app.database.dataSource,
      new NationalProvider({ baseUrl: national.url, subscriptionKey: 'k' }, new PlaceLocator([])),
    );
    try {
      expect((await sync.full(new AbortController().signal)).complete).toBe(true);
      national.fail({ kind: 'status', status: 503 });
      expect(await finnishEures('indexed')).toEqual([]);
    } finally {
      await t.app.database.dataSource.query(`DELETE FROM national_vacancy`);
      await t.app.database.dataSource.query(`DELETE FROM national_sync_state`);
    }
  });

  it('fills outside ads that name no skills with the skills found in their text, before caching them', async () => {
    await t.graphql<Answer>(QUERY, { id: RAUTAVAARA_JOBSEEKER }, { token: counsellor });
    const rows: { id: string; extracted: string[] }[] = await t.app.database.dataSource.query(
      `SELECT external_id AS id, data->'extractedSkillUris' AS extracted FROM external_vacancy
       WHERE source = 'national' AND jsonb_array_length(data->'skillUris') = 0`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // The first national ad (sheet metal work, no skill URIs) lists arc welding and spot welding in its text.
    const sheetMetal = rows.find((r) => r.id === SHEET_METAL_AD)!;
    const [{ uri: arcWelding }] = await t.app.database.dataSource.query(
      `SELECT concept_uri AS uri FROM esco_label WHERE label = 'kaarihitsaus' AND language = 'fi'`,
    );
    expect(sheetMetal.extracted).toContain(arcWelding);
  });

  it('keeps outside vacancies out of local vacancies, employers\u2019 candidate searches and the vacancy register', async () => {
    const before = await t.app.database.dataSource.query(`SELECT count(*)::int AS n FROM vacancy`);
    await t.graphql<Answer>(QUERY, { id: RAUTAVAARA_JOBSEEKER }, { token: counsellor });
    expect((await cachedRows()).vacancies).toBeGreaterThan(0);
    const after = await t.app.database.dataSource.query(`SELECT count(*)::int AS n FROM vacancy`);
    expect(after).toEqual(before);
    const index = await t.app.services.matches.index.current();
    expect(index.vacancies.has(`national:${SHEET_METAL_AD}`)).toBe(false);
  });

  it('serves the second identical query from the cache without asking again', async () => {
    await t.graphql<Answer>(QUERY, { id: RAUTAVAARA_JOBSEEKER }, { token: counsellor });
    const asked = national.requests.length + eures.requests.length;
    const { body } = await t.graphql<Answer>(
      QUERY,
      { id: RAUTAVAARA_JOBSEEKER },
      { token: counsellor },
    );
    expect(national.requests.length + eures.requests.length).toBe(asked);
    expect(statusOf(body.data!.matchesForJobseeker.sources, 'NATIONAL')).toMatchObject({
      status: 'OK',
      fromCache: true,
    });
  });

  it('asks nobody when told not to, and EURES only for those willing to work abroad or given countries', async () => {
    const off = await t.graphql<Answer>(
      QUERY,
      { id: RAUTAVAARA_JOBSEEKER, include: false },
      { token: counsellor },
    );
    expect(off.body.data!.matchesForJobseeker.sources.map((s) => s.status)).toEqual([
      'NOT_NEEDED',
      'NOT_NEEDED',
    ]);
    expect(national.requests.length + eures.requests.length).toBe(0);

    const [{ id: stayAtHome }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker WHERE NOT willing_to_work_abroad AND home_municipality_code = '687' ORDER BY id LIMIT 1`,
    );
    // A fallback that always runs (no local match scores 1), whatever the scores of this
    // person's local matches: what is tested is whom it asks.
    const always = await serviceWith({
      fallback: { minMatches: 10, scoreThreshold: 1, budgetMs: 2500 },
    });
    const { sources } = await always.forJobseeker(COUNSELLOR, stayAtHome, ALL, 10, 0, true);
    expect(statusOf(sources, 'national').status).toBe('OK');
    expect(statusOf(sources, 'eures')).toMatchObject({ asked: false, status: 'NOT_NEEDED' });

    const sweden = await always.forJobseeker(
      COUNSELLOR,
      stayAtHome,
      { countries: ['SE'] },
      10,
      0,
      true,
    );
    expect(statusOf(sweden.sources, 'eures').asked).toBe(true);
    expect(JSON.parse(eures.requests[0]!.body).locationCodes).toEqual(['se']);
    for (const external of sweden.external.values()) expect(external.country).toBe('SE');

    // Willing now: read from the person's row as it stands, EURES is asked too.
    const ds = t.app.database.dataSource;
    await ds.query(`UPDATE jobseeker SET willing_to_work_abroad = true WHERE id = $1`, [
      stayAtHome,
    ]);
    try {
      const willing = await always.forJobseeker(COUNSELLOR, stayAtHome, ALL, 10, 0, true);
      expect(statusOf(willing.sources, 'eures').asked).toBe(true);
    } finally {
      await ds.query(`UPDATE jobseeker SET willing_to_work_abroad = false WHERE id = $1`, [
        stayAtHome,
      ]);
    }
  });

  it('does not ask when the local matches are enough, and says when a source is not configured', async () => {
    const enough = await serviceWith({
      fallback: { minMatches: 1, scoreThreshold: 0, budgetMs: 2500 },
    });
    const page = await enough.forJobseeker(COUNSELLOR, RAUTAVAARA_JOBSEEKER, ALL, 10, 0, true);
    expect(page.sources.map((s) => s.status)).toEqual(['NOT_NEEDED', 'NOT_NEEDED']);
    const unconfigured = await serviceWith({ eures: {}, national: {} });
    const none = await unconfigured.forJobseeker(
      COUNSELLOR,
      RAUTAVAARA_JOBSEEKER,
      ALL,
      10,
      0,
      true,
    );
    expect(none.sources.map((s) => s.status)).toEqual(['NOT_CONFIGURED', 'NOT_CONFIGURED']);
    expect(national.requests.length + eures.requests.length).toBe(0);
  });

  it('explains an outside match while it is cached, and says not found once it is gone', async () => {
    await t.graphql<Answer>(QUERY, { id: RAUTAVAARA_JOBSEEKER }, { token: counsellor });
    const EXPLAIN = `query ($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) {
      score source summary(language: FI) externalVacancy { title } } }`;
    const vars = { j: RAUTAVAARA_JOBSEEKER, v: `national:${SHEET_METAL_AD}` };
    const { body } = await t.graphql<{
      explainMatch: {
        score: number;
        source: string;
        summary: string;
        externalVacancy: { title: string };
      };
    }>(EXPLAIN, vars, { token: counsellor });
    expect(body.data!.explainMatch).toMatchObject({
      source: 'NATIONAL',
      externalVacancy: { title: 'Levyseppä' },
    });
    expect(body.data!.explainMatch.summary).toMatch(/^Sopivuus \d+ %/);
    await t.app.database.dataSource.query(`DELETE FROM external_vacancy`);
    const gone = await t.graphql(EXPLAIN, vars, { token: counsellor });
    expect(gone.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('refuses a bad country code, naming the field', async () => {
    const { body } = await t.graphql<Answer>(
      QUERY,
      { id: RAUTAVAARA_JOBSEEKER, filter: { countries: ['Sweden'] } },
      { token: counsellor },
    );
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.countries[0]',
    });
  });

  describe('faults: local results still come, with the status, within the budget, nothing wrong cached', () => {
    const run = async (service: MatchService) => {
      const started = Date.now();
      const page = await service.forJobseeker(COUNSELLOR, RAUTAVAARA_JOBSEEKER, ALL, 20, 0, true);
      return { page, elapsedMs: Date.now() - started };
    };
    const localOnly = (page: Awaited<ReturnType<MatchService['forJobseeker']>>, source: string) => {
      expect(page.matches.length).toBeGreaterThan(0);
      expect(page.matches.some((m) => m.score.vacancyId.startsWith(`${source}:`))).toBe(false);
    };

    it('two identical questions at once share one outbound call', async () => {
      national.fail({ kind: 'slow', delayMs: 200 });
      const service = await serviceWith();
      const [a, b] = await Promise.all([run(service), run(service)]);
      expect(national.requests).toHaveLength(1);
      expect(statusOf(a.page.sources, 'national').returned).toBe(
        statusOf(b.page.sources, 'national').returned,
      );
    });

    it('timeout: a slow source is given up at the budget', async () => {
      national.fail({ kind: 'slow', delayMs: 10_000 });
      const service = await serviceWith({
        fallback: { minMatches: 10, scoreThreshold: 0.5, budgetMs: 700 },
      });
      const { page, elapsedMs } = await run(service);
      expect(statusOf(page.sources, 'national').status).toBe('TIMED_OUT');
      expect(statusOf(page.sources, 'eures').status).toBe('OK');
      localOnly(page, 'national');
      expect(elapsedMs).toBeLessThan(700 + 1500);
      const [{ n }] = await t.app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM external_search WHERE source = 'national'`,
      );
      expect(n).toBe(0);
    });

    it('5xx: retried once, then reported unavailable', async () => {
      eures.fail({ kind: 'status', status: 503 });
      const { page } = await run(await serviceWith());
      expect(statusOf(page.sources, 'eures').status).toBe('UNAVAILABLE');
      expect(eures.requests).toHaveLength(2);
      localOnly(page, 'eures');
    });

    it('a 5xx that passes: the retry brings the answer', async () => {
      eures.fail({ kind: 'status', status: 500 }, 1);
      const { page } = await run(await serviceWith());
      expect(statusOf(page.sources, 'eures').status).toBe('OK');
      expect(eures.requests).toHaveLength(2);
      expect(page.matches.some((m) => m.score.vacancyId.startsWith('eures:'))).toBe(true);
    });

    it('429 with a Retry-After beyond the budget: not retried, and the provider is left alone until then', async () => {
      national.fail({ kind: 'status', status: 429, retryAfterSeconds: 120 });
      const service = await serviceWith();
      const first = await run(service);
      expect(statusOf(first.page.sources, 'national').status).toBe('RATE_LIMITED');
      expect(national.requests).toHaveLength(1);
      national.clear();
      const second = await run(service);
      expect(statusOf(second.page.sources, 'national').status).toBe('RATE_LIMITED');
      expect(national.requests).toHaveLength(0);
      localOnly(second.page, 'national');
    });

    it('dropped connection: unavailable, not retried', async () => {
      eures.fail({ kind: 'drop' });
      const { page } = await run(await serviceWith());
      expect(statusOf(page.sources, 'eures').status).toBe('UNAVAILABLE');
      expect(eures.requests).toHaveLength(1);
      localOnly(page, 'eures');
    });

    it('malformed JSON and NDJSON: unavailable, and nothing of them cached', async () => {
      eures.fail({ kind: 'malformed' });
      national.fail({ kind: 'malformed' });
      const { page } = await run(await serviceWith());
      expect(statusOf(page.sources, 'eures').status).toBe('UNAVAILABLE');
      expect(statusOf(page.sources, 'national').status).toBe('UNAVAILABLE');
      expect(page.matches.length).toBeGreaterThan(0);
      expect(await cachedRows()).toEqual({ searches: 0, vacancies: 0 });
    });

    it('open breaker: after repeated failures the source is not called at all', async () => {
      eures.fail({ kind: 'status', status: 500 });
      const service = await serviceWith({
        guard: { ...externalConfig().guard, breakerFailures: 2 },
      });
      const first = await run(service);
      expect(statusOf(first.page.sources, 'eures').status).toBe('UNAVAILABLE');
      const calls = eures.requests.length;
      const second = await run(service);
      expect(statusOf(second.page.sources, 'eures').status).toBe('CIRCUIT_OPEN');
      expect(eures.requests.length).toBe(calls);
      localOnly(second.page, 'eures');
    });

    it('stale cache: while the source is down, its last answer is served and marked STALE', async () => {
      const service = await serviceWith({ cache: { freshSeconds: 0, staleSeconds: 3600 } });
      const fresh = await run(service);
      expect(statusOf(fresh.page.sources, 'national').status).toBe('OK');
      national.fail({ kind: 'status', status: 500 });
      const stale = await run(service);
      expect(statusOf(stale.page.sources, 'national')).toMatchObject({
        status: 'STALE',
        fromCache: true,
      });
      expect(stale.page.matches[0]!.score.vacancyId).toBe(`national:${SHEET_METAL_AD}`);
      expect(stale.page.external.get(`national:${SHEET_METAL_AD}`)?.title).toBe('Levyseppä');
    });

    it('our own rate limit: past the burst, a provider is not called until tokens return', async () => {
      const service = await serviceWith({
        cache: { freshSeconds: 0, staleSeconds: 0 },
        guard: { ...externalConfig().guard, ratePerSecond: 0.001, rateBurst: 1 },
      });
      expect(statusOf((await run(service)).page.sources, 'national').status).toBe('OK');
      const { page } = await run(service);
      expect(statusOf(page.sources, 'national').status).toBe('RATE_LIMITED');
      expect(national.requests).toHaveLength(1);
    });

    it('a redirect is not followed, and an answer over the size limit is not read: unavailable, nothing cached', async () => {
      eures.fail({ kind: 'redirect', location: 'http://127.0.0.1:1/elsewhere' });
      const service = await serviceWith({
        national: { ...externalConfig().national, maxResponseBytes: 100 },
      });
      const { page } = await run(service);
      expect(statusOf(page.sources, 'eures').status).toBe('UNAVAILABLE');
      expect(statusOf(page.sources, 'national').status).toBe('UNAVAILABLE');
      expect(await cachedRows()).toEqual({ searches: 0, vacancies: 0 });
      expect(page.matches.length).toBeGreaterThan(0);
    });

    it('the bulkhead holds: at most 8 outbound calls at once', async () => {
      eures.fail({ kind: 'slow', delayMs: 1000 });
      const { matches } = await createExternalMatches(
        t.app.database.dataSource,
        externalConfig({
          national: {},
          guard: {
            ...externalConfig().guard,
            ratePerSecond: 1000,
            rateBurst: 1000,
            breakerFailures: 1000,
          },
        }),
        t.app.services.matches.params,
      );
      const graph = await t.app.services.matches.skillGraph();
      const candidate = (
        await loadCandidates(t.app.database.dataSource, [RAUTAVAARA_JOBSEEKER])
      )[0]!;
      // 30 different questions (a country each way round), so that neither the cache nor the
      // sharing of identical questions joins them.
      const countries = ['SE', 'DE', 'EE', 'IE', 'NL', 'NO'];
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          matches.find(
            {
              candidate: { ...candidate, skills: candidate.skills.slice(i % 5) },
              willingToWorkAbroad: true,
              countries: [countries[i % countries.length]!],
              includeNearMisses: false,
              accept: () => true,
            },
            graph,
            new Set(['eures'] as const),
          ),
        ),
      );
      const statuses = answers.map((a) => statusOf(a.reports, 'eures').status);
      // The cap was reached and held; the calls that waited for a slot were answered within the
      // budget or reported as timed out (or, past 16 waiting, refused as unavailable).
      expect(eures.maxInFlight).toBe(8);
      expect(statuses).toContain('OK');
      for (const status of statuses) expect(['OK', 'TIMED_OUT', 'UNAVAILABLE']).toContain(status);
    });

    it('a source outside loopback is refused by the test setup, and reported unavailable', async () => {
      const service = await serviceWith({ eures: { baseUrl: 'https://eures.example.invalid' } });
      const { page } = await run(service);
      expect(statusOf(page.sources, 'eures').status).toBe('UNAVAILABLE');
    });
  });

  describe('the cache lets go of what may not be kept', () => {
    it('deletes removed ads, expired ones and those no search names any more', async () => {
      const ds = t.app.database.dataSource;
      const { cache } = await createExternalMatches(
        ds,
        externalConfig(),
        t.app.services.matches.params,
      );
      const removed = 'tmt-100212'; // REMOVED in the fixtures
      const stored = (id: string, expires: string) => ({
        source: 'national' as const,
        externalId: id,
        title: 't',
        description: '',
        url: 'https://tyomarkkinatori.fi/x',
        employerName: null,
        country: 'FI',
        locationCode: '297',
        location: null,
        occupationUri: null,
        iscoGroup: null,
        skillUris: [],
        language: 'fi',
        languages: [],
        workingTime: 'full_time' as const,
        remote: 'none' as const,
        contractType: 'permanent',
        publishedAt: new Date(),
        expiresAt: new Date(expires),
      });
      await cache.write(
        'national',
        'k1',
        [stored(removed, '2999-01-01'), stored('kept', '2999-01-01')],
        [],
      );
      // An answer that reports the ad removed deletes it at once.
      await cache.write('national', 'k2', [], [removed]);
      let ids = (await ds.query(`SELECT external_id FROM external_vacancy ORDER BY 1`)).map(
        (r: { external_id: string }) => r.external_id,
      );
      expect(ids).toEqual(['kept']);
      // An expired ad is never written; when no search names 'kept' any more, purge drops it.
      await cache.write('national', 'k1', [stored('old', '2000-01-01')], []);
      expect((await cache.purge()).vacancies).toBe(1);
      ids = (await ds.query(`SELECT external_id FROM external_vacancy`)).map(
        (r: { external_id: string }) => r.external_id,
      );
      expect(ids).toEqual([]);
      expect((await cache.purge()).vacancies).toBe(0);
    });
  });
});
