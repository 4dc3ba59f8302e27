/**
 * npm run bench:cost — the query cost model against measured work. Each operation the web
 * console sends (the documents GraphQL Code Generator wrote into web/src/gql/graphql.ts, so
 * this list cannot fall behind the console) and a few an integrator sends are run one at a time
 * against the server, in this process, on the fixtures (embedded database) or on a market
 * prepared earlier (OSAAMO_BENCH_MARKET_DATABASE_URL, e.g. 100,000 jobseekers). Printed per
 * operation: its cost in units, the server's time (median of the runs, at the client on
 * loopback) and the units per millisecond; then what a typical counsellor's, employer's and
 * integrator's hour costs against the rate limit.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { DocumentNode, OperationDefinitionNode, parse, print } from 'graphql';
import { startAppOn } from '../src/composition-root';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { buildAppSchema } from '../src/api/schema';
import { DEFAULT_QUERY_LIMITS, operationCost } from '../src/api/plugins/query-limits';
import { DEFAULT_RATE_LIMIT } from '../src/api/plugins/rate-limit';
import { percentile } from './support/stats';

const RUNS = Number(process.env.OSAAMO_BENCH_COST_RUNS ?? 15);
/** Only the operations whose names match (to profile one). */
const ONLY = new RegExp(process.env.OSAAMO_BENCH_COST_ONLY ?? '');

/** The console's documents by operation name. */
function consoleDocuments(): Map<string, DocumentNode> {
  const generated = readFileSync(path.join(PROJECT_ROOT, 'web/src/gql/graphql.ts'), 'utf8');
  const documents = new Map<string, DocumentNode>();
  for (const [, name, json] of generated.matchAll(
    /^export const (\w+)Document = (\{.*\}) as unknown as/gm,
  ))
    documents.set(name!, JSON.parse(json!) as DocumentNode);
  return documents;
}

const AD_TEXT =
  'Haemme kokenutta hitsaajaa konepajaan Kuopioon. Tehtäviin kuuluu MIG/MAG-hitsaus, piirustusten lukeminen ja laadunvarmistus. ' +
  'Edellytämme alan koulutusta, hitsaussertifikaattia ja hyvää suomen kielen taitoa. Trukkikortti on eduksi. ' +
  'Arvostamme oma-aloitteisuutta, tarkkuutta ja kykyä toimia tiimissä. Työ on kokoaikaista ja vakituista, kaksivuorotyötä.';

interface Ids {
  jobseekerId: string;
  vacancyId: string;
  municipality: string;
  lastName: string;
}

async function idsOf(database: Database): Promise<Ids> {
  const ds = database.dataSource;
  const [row] = await ds.query(
    `SELECT j.id AS "jobseekerId", p.last_name AS "lastName", j.home_municipality_code AS municipality
       FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       JOIN jobseeker_personal_data p ON p.jobseeker_id = j.id
       JOIN active_competence_assessment a ON a.jobseeker_id = j.id
      WHERE m.employment_area = 'kuopio' ORDER BY md5(j.id::text) LIMIT 1`,
  );
  const [vacancy] = await ds.query(
    `SELECT v.id FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
      WHERE v.status = 'open' AND m.employment_area = 'kuopio' ORDER BY md5(v.id::text) LIMIT 1`,
  );
  return { ...row, vacancyId: vacancy.id };
}

/** Variables by name, the same for every document that declares them. */
function variablesFor(operation: OperationDefinitionNode, ids: Ids): Record<string, unknown> {
  const known: Record<string, unknown> = {
    jobseekerId: ids.jobseekerId,
    vacancyId: ids.vacancyId,
    id: ids.vacancyId,
    language: 'FI',
    municipalities: [ids.municipality],
    first: 20,
    withId: true,
    threshold: 0.5,
    from: 1,
    to: 1,
    search: { name: ids.lastName },
  };
  const textFor: Record<string, string> = {
    SkillGapOccupationSearch: 'hitsaaja',
    RequirementSkillSearch: 'hitsaus',
    RequirementSuggestions: AD_TEXT,
  };
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name === 'text') variables.text = textFor[operation.name!.value] ?? AD_TEXT;
    else if (name === 'id' && operation.name!.value === 'JobseekerProfile')
      variables.id = ids.jobseekerId;
    else if (name in known) variables[name] = known[name];
  }
  return variables;
}

/** What an integrator asks that the console does not. */
function integratorDocuments(consoleDocs: Map<string, DocumentNode>): Map<string, DocumentNode> {
  const byPseudonym = print(consoleDocs.get('CandidateByPseudonym')!);
  return new Map([
    [
      'Integrator: 100 matches with every list',
      parse(
        byPseudonym.replace('first: 50', 'first: 100').replace('CandidateByPseudonym', 'Page100'),
      ),
    ],
    [
      'Integrator: 20 matches, scores only',
      parse(
        `query Scores($vacancyId: ID!) { matchesForVacancy(vacancyId: $vacancyId, first: 20) { edges { node { exactScore jobseeker { pseudonym } } } } }`,
      ),
    ],
    [
      'Integrator: searchOccupations, 50 with skills',
      parse(
        `query Occupations { searchOccupations(text: "nurse", language: EN, first: 50) { score matchedLabel occupation { uri code iscoGroupCode preferredLabel description essentialSkills { relation skill { uri preferredLabel } } optionalSkills { relation skill { uri preferredLabel } } broader { uri preferredLabel } narrower { uri preferredLabel } } } }`,
      ),
    ],
    [
      'Integrator: linkSkills of an ad',
      parse(
        `query Link($text: String!) { linkSkills(text: $text, language: FI) { text start end skills { confidence skill { uri preferredLabel } } } }`,
      ),
    ],
  ]);
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'error';
  const marketUrl = process.env.OSAAMO_BENCH_MARKET_DATABASE_URL;
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      OSAAMO_JWT_SECRET: 'cost-bench-secret-cost-bench-secret-cost!',
      OSAAMO_PSEUDONYM_SECRET: 'cost-bench-pseudonyms-cost-bench-pseudonyms!',
      OSAAMO_RATE_LIMIT_BURST: '100000000',
      OSAAMO_RATE_LIMIT_PER_SECOND: '100000000',
    }),
    databaseUrl: marketUrl,
    embeddedDataDir: 'memory://',
    port: 0,
    loadFixturesOnStart: !marketUrl,
  };
  const database = await Database.open(config);
  const app = await startAppOn(database, config);
  try {
    await app.services.matches.index.whenReady();
    const schema = await buildAppSchema();
    const ids = await idsOf(database);
    const token = await app.services.tokens.issue({
      id: 'cost-bench',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}/graphql`;
    const ask = async (body: string) => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-osaamo-purpose': 'cost calibration',
        },
        body,
      });
      const text = await response.text();
      const used = process.cpuUsage(cpu);
      return {
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        cpuMs: (used.user + used.system) / 1000,
        ok: response.status === 200 && !text.includes('"errors"'),
        text,
      };
    };
    const consoleDocs = consoleDocuments();
    const rows: { name: string; cost: number; ms: number; cpuMs: number }[] = [];
    const all = [
      ...[...consoleDocs].map(([name, doc]) => [`Console: ${name}`, doc] as const),
      ...integratorDocuments(consoleDocs),
    ];
    /** Medians of RUNS answers to `body` (a failed one is fatal: it would lower them). */
    const medians = async (label: string, body: string) => {
      const runs: { ms: number; cpuMs: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await ask(body);
        if (!run.ok) throw new Error(`${label} failed on a timed run: ${run.text.slice(0, 200)}`);
        runs.push(run);
      }
      const median = (values: number[]) => percentile(values, 50);
      return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
    };
    const typename = '{"query":"{ __typename }"}';
    for (let i = 0; i < RUNS; i++) await ask(typename);
    const floor = await medians('{ __typename }', typename);
    for (const [name, document] of all) {
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      )!;
      if (operation.operation !== 'query' || !ONLY.test(name)) continue;
      const variables = variablesFor(operation, ids);
      const body = JSON.stringify({ query: print(document), variables });
      const cost = operationCost(schema, document, variables);
      const first = await ask(body);
      if (!first.ok) {
        console.log(`  ${name}: not answered here (${first.text.slice(0, 160)})`);
        continue;
      }
      rows.push({ name, cost, ...(await medians(name, body)) });
    }
    console.log(
      `\nQuery cost against measured work (${database.kind}, ${marketUrl ? 'the prepared market' : 'the fixtures'}; medians of ${RUNS}: the time at the client on loopback and the CPU time of this process, which runs the server and the client but not the database; the HTTP floor { __typename }: ${floor.ms.toFixed(1)} ms, CPU ${floor.cpuMs.toFixed(1)} ms)`,
    );
    console.log('| operation | cost (units) | time p50 | CPU p50 | units per CPU ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.cost} | ${r.ms.toFixed(1)} ms | ${r.cpuMs.toFixed(1)} ms | ${(r.cost / r.cpuMs).toFixed(1)} |`,
      );
    const ratios = rows.map((r) => r.cost / r.cpuMs);
    console.log(
      `units per CPU ms: min ${Math.min(...ratios).toFixed(1)}, median ${percentile(ratios, 50).toFixed(1)}, max ${Math.max(...ratios).toFixed(1)} (spread ${(Math.max(...ratios) / Math.min(...ratios)).toFixed(0)}×); limits: ${DEFAULT_QUERY_LIMITS.maxCost} a query, burst ${DEFAULT_RATE_LIMIT.burst}, ${DEFAULT_RATE_LIMIT.perSecond} a second`,
    );
    printSessions(rows);
  } finally {
    await app.stop();
  }
}

/**
 * Typical work, as the console and an integrator send it: what it costs against the rate limit
 * (a caller's budget is `burst` units, refilled at `perSecond`).
 */
const SESSIONS: { who: string; steps: [operation: string, times: number][] }[] = [
  {
    who: 'A counsellor, one customer (find, profile, ranked vacancies, three explanations, the gap with trainings, near misses)',
    steps: [
      ['Console: FindJobseekers', 1],
      ['Console: JobseekerProfile', 1],
      ['Console: VacancyMatches', 1],
      ['Console: ExplainMatch', 3],
      ['Console: SkillGapView', 1],
      ['Console: SkillGapTrainings', 1],
      ['Console: JobseekerNearMisses', 1],
    ],
  },
  {
    who: 'An employer, one vacancy (list, view, editor with suggestions and three drafts counted, candidates, one found by pseudonym)',
    steps: [
      ['Console: VacancyList', 1],
      ['Console: VacancyView', 1],
      ['Console: RequirementEditor', 1],
      ['Console: RequirementSuggestions', 1],
      ['Console: RequirementEditorInsights', 3],
      ['Console: VacancyCandidates', 1],
      ['Console: CandidateByPseudonym', 1],
    ],
  },
  {
    who: 'An integrator, one vacancy synchronised (100 matches with every list)',
    steps: [['Integrator: 100 matches with every list', 1]],
  },
];

function printSessions(rows: { name: string; cost: number; cpuMs: number }[]): void {
  const { burst, perSecond } = DEFAULT_RATE_LIMIT;
  console.log(
    `\nTypical work against the rate limit (burst ${burst} units, ${perSecond} a second):`,
  );
  for (const session of SESSIONS) {
    let cost = 0;
    let cpuMs = 0;
    const missing: string[] = [];
    for (const [operation, times] of session.steps) {
      const row = rows.find((r) => r.name === operation);
      if (!row) missing.push(operation);
      else {
        cost += times * row.cost;
        cpuMs += times * row.cpuMs;
      }
    }
    console.log(
      `  ${session.who}: ${cost} units (${((100 * cost) / burst).toFixed(1)} % of the burst, ${(cost / perSecond).toFixed(1)} s of refill), measured CPU ${cpuMs.toFixed(0)} ms${missing.length ? `; not measured: ${missing.join(', ')}` : ''}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
