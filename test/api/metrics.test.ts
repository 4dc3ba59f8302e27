import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { fixturePersonalData } from '../support/personal-data-in-logs';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'people', 'kuopio-area.jsonl');
const TOKEN = 'metrics-scrape-token-for-tests';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, the samples only. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

describe('/metrics', () => {
  let t: TestApp;
  let counsellor: string;
  let vacancyId: string;
  const jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;

  beforeAll(async () => {
    const base = loadConfig({ NODE_ENV: 'test' });
    t = await startTestApp({
      metrics: { enabled: true, token: TOKEN },
      rateLimit: { burst: 2_000, perSecond: 1 },
      // Outside sources are asked (and answer NOT_CONFIGURED) whenever local matches are few.
      external: { ...base.external, fallback: { ...base.external.fallback, minMatches: 1_000 } },
    });
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE status = 'open' ORDER BY external_id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());

  const scrape = async (authorization?: string) => {
    const response = await fetch(`${t.url}/metrics`, {
      headers: authorization ? { authorization } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  it('answers 401 without the bearer token and with a wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token')).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
  });

  it('is served only when configured: off outside development unless opened or given a token', () => {
    // Production needs its secrets (else the configuration refuses to load).
    const production = {
      NODE_ENV: 'production',
      OSAAMO_JWT_SECRET: 'j'.repeat(32),
      OSAAMO_PSEUDONYM_SECRET: 'p'.repeat(32),
    };
    expect(loadConfig(production).metrics).toEqual({ enabled: false });
    expect(loadConfig({ ...production, OSAAMO_METRICS_TOKEN: 'x' }).metrics).toEqual({
      enabled: true,
      token: 'x',
    });
    expect(loadConfig({ ...production, OSAAMO_METRICS: 'true' }).metrics.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).metrics.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', OSAAMO_METRICS: 'false' }).metrics.enabled).toBe(
      false,
    );
  });

  it('after a few requests, holds every series with bounded labels and no personal data', async () => {
    const as = { token: counsellor, purpose: 'metrics test' };
    // A client's operation name is free text: this one holds an id and must not become a label.
    const named = await t.graphql(
      `query Jobseeker_${jobseekerId.replace(/-/g, '_')}($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 5) { edges { node { vacancyId } } sources { source status } } }`,
      { id: jobseekerId },
      as,
    );
    expect(named.body.errors).toBeUndefined();
    const ranked = await t.graphql<{
      matchesForVacancy: { edges: { node: { candidateId: string } }[] };
    }>(
      `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 5) { edges { node { score } } } }`,
      { id: vacancyId },
      as,
    );
    expect(ranked.body.errors).toBeUndefined();
    await t.graphql(
      `query ($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score } }`,
      { j: jobseekerId, v: vacancyId },
      as,
    );
    await t.graphql(`{ notAField }`, undefined, as);
    await t.graphql(
      `{ taxonomyInfo { __typename } searchSkills(text: "hitsaus", first: 1) { score } }`,
    );
    // Another caller spends its budget until the rate limit refuses it.
    const greedy = await t.token({ id: 'greedy', role: 'admin' });
    let refused = false;
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await t.graphql(
        `{ searchSkills(text: "hitsaus", first: 50) { score matchedLabel } }`,
        undefined,
        {
          token: greedy,
        },
      );
      refused = r.status === 429;
    }
    expect(refused).toBe(true);
    // A change the index has not necessarily applied yet: the lag counts it.
    await t.app.database.dataSource.query(
      `UPDATE jobseeker SET max_commute_km = coalesce(max_commute_km, 0) + 1 WHERE id = $1`,
      [jobseekerId],
    );

    const { status, type, text } = await scrape(`Bearer ${TOKEN}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parse(text);
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find(
        (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      )?.value;

    for (const operation of ['matchesForJobseeker', 'matchesForVacancy', 'explainMatch'])
      expect(
        value('osaamo_graphql_request_duration_seconds_count', { operation, outcome: 'ok' }),
      ).toBe(1);
    expect(
      value('osaamo_graphql_request_duration_seconds_count', {
        operation: 'other',
        outcome: 'error',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(value('osaamo_graphql_request_duration_seconds_count', { operation: 'multiple' })).toBe(
      1,
    );
    expect(
      value('osaamo_graphql_request_duration_seconds_count', {
        operation: 'searchSkills',
        outcome: 'error',
      }),
    ).toBe(1);
    for (const direction of ['vacancy', 'jobseeker', 'explain'])
      expect(value('osaamo_ranking_duration_seconds_count', { direction })).toBe(1);
    expect(value('osaamo_rate_limit_refusals_total', { role: 'admin' })).toBe(1);
    expect(
      value('osaamo_external_source_answers_total', {
        source: 'national',
        status: 'NOT_CONFIGURED',
      }),
    ).toBe(1);
    expect(
      value('osaamo_external_source_status', { source: 'national', status: 'NOT_CONFIGURED' }),
    ).toBe(1);

    const sizes = t.app.services.matches.index.sizes;
    expect(sizes.jobseekers).toBeGreaterThan(100);
    expect(value('osaamo_match_index_entries', { kind: 'jobseeker' })).toBe(sizes.jobseekers);
    expect(value('osaamo_match_index_entries', { kind: 'vacancy' })).toBe(sizes.vacancies);
    expect(value('osaamo_match_index_ready')).toBe(1);
    const [{ newest }] = await t.app.database.dataSource.query(
      `SELECT max(id)::int AS newest FROM match_change`,
    );
    const applied = value('osaamo_match_feed_applied_id')!;
    expect(applied).toBeGreaterThan(0);
    expect(applied + value('osaamo_match_feed_lag')!).toBe(newest);
    expect(value('osaamo_database_up')).toBe(1);
    expect(value('osaamo_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(value('osaamo_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
    // The scrape's own query may be waiting for the embedded database's single connection.
    expect(value('osaamo_db_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
    expect(
      value('osaamo_match_params_info', { version: t.app.services.matches.paramsVersion }),
    ).toBe(1);
    expect(t.app.services.matches.paramsVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    // Operations are the schema's own root fields, or "other"/"multiple".
    const operations = new Set(
      samples.filter((s) => s.labels.operation !== undefined).map((s) => s.labels.operation),
    );
    expect([...operations].sort()).toEqual(
      [
        'explainMatch',
        'matchesForJobseeker',
        'matchesForVacancy',
        'multiple',
        'other',
        'searchSkills',
      ].sort(),
    );

    // No label holds an id, a customer id, a name, an email, a phone or an address.
    const customerIds = fs
      .readFileSync(FIXTURES, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"jobseeker"'))
      .map((line) => (JSON.parse(line) as { customerId: string }).customerId);
    expect(customerIds.length).toBeGreaterThan(100);
    const personal = [...fixturePersonalData(FIXTURES), ...customerIds, 'neuvoja', 'greedy'];
    const labelValues = samples.flatMap((s) => Object.values(s.labels));
    expect(labelValues.length).toBeGreaterThan(50);
    const leaks = labelValues.filter(
      (v) => UUID.test(v) || /Jobseeker_/.test(v) || personal.some((p) => v.includes(p)),
    );
    expect(leaks).toEqual([]);
  });
});
