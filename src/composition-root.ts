import { AppConfig } from './config';
import { DataSource } from 'typeorm';
import { createDataSource, Database, OpenDatabaseOptions } from './db/database';
import { buildAppSchema } from './api/schema';
import { CursorCodec } from './kernel/paging/cursor';
import { Services } from './api/context';
import { createHttpApp, HttpApp } from './api/http/http-server';
import { log } from './kernel/logger';
import { TokenService } from './auth/token.service';
import { ApiKeyService } from './auth/api-key.service';
import { PersonalDataReader } from './jobseekers/personal-data.reader';
import { VacancyService } from './vacancies/vacancy.service';
import { MatchService } from './matches/match.service';
import { ChangeListener } from './matches/change-listener';
import { inRecovery } from './matches/match-index';
import { loadSampleTaxonomyIfEmpty } from './taxonomy/sample/load-sample-taxonomy';
import { loadSamplePeopleIfEmpty } from './import/load-sample-people';
import { TaxonomySearchService } from './taxonomy/taxonomy-search.service';
import { createExternalMatches } from './external/create-external-matches';
import { GuidanceService } from './guidance/guidance.service';
import { purgeIdempotencyKeys } from './api/plugins/idempotency';
import { RequirementInsightsService } from './guidance/requirement-insights.service';
import { LearningService } from './guidance/learning.service';
import { AssessmentDraftService } from './jobseekers/assessment-draft.service';
import { Metrics } from './metrics/metrics';
import { poolStateOf } from './metrics/pool-state';

/** A running service: its database, services and HTTP server. */
export interface RunningApp {
  database: Database;
  services: Services;
  /** This app's Prometheus registry (served at /metrics when configured). */
  metrics: Metrics;
  http: HttpApp;
  /** Graceful: in-flight requests finish, then the database closes. */
  stop(): Promise<void>;
}

const INDEX_REFRESH_MS = 30_000;
/** How often the match index looks at the change feed without being woken. */
const CHANGE_POLL_MS = 5_000;

/** The streaming replica the match index reads from, when one is configured (PostgreSQL only). */
async function openReadReplica(
  database: Database,
  config: AppConfig,
): Promise<DataSource | undefined> {
  if (!config.readReplicaUrl) return undefined;
  if (database.kind !== 'postgres')
    throw new Error(
      'OSAAMO_READ_REPLICA_URL needs DATABASE_URL: the embedded database has no replicas',
    );
  return createDataSource(config.readReplicaUrl, false, config.statementTimeoutMs).initialize();
}

/** Opens the configured database and starts the service on it. */
export async function startApp(
  config: AppConfig,
  options: OpenDatabaseOptions = {},
): Promise<RunningApp> {
  const database = await Database.open(config, options);
  try {
    return await startAppOn(database, config);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Migrates an open database, loads the sample taxonomy if it has none, and serves it. */
export async function startAppOn(database: Database, config: AppConfig): Promise<RunningApp> {
  await database.migrate();
  if (config.loadFixturesOnStart) {
    await loadSampleTaxonomyIfEmpty(database.dataSource);
    await loadSamplePeopleIfEmpty(database.dataSource, { erasureSecret: config.pseudonymSecret });
  }
  const taxonomySearch = new TaxonomySearchService(database.dataSource);
  await taxonomySearch.refresh();
  // Outside ads without skill URIs get the skills found in their text (guidance, below).
  const external = await createExternalMatches(
    database.dataSource,
    config.external,
    (text, language) =>
      services.guidance.extractSkills(text, language).then((found) => found.map((s) => s.skillUri)),
  );
  // The match index reads from the replica when there is one; everything else from the primary.
  const replica = await openReadReplica(database, config);
  const matches = new MatchService(
    database.dataSource,
    config.pseudonymSecret,
    external.matches,
    replica ?? database.dataSource,
  );
  const services: Services = {
    dataSource: database.dataSource,
    taxonomySearch,
    tokens: new TokenService(config.jwtSecret),
    apiKeys: new ApiKeyService(database.dataSource),
    personalData: new PersonalDataReader(database.dataSource),
    pseudonymSecret: config.pseudonymSecret,
    cursors: new CursorCodec(config.pseudonymSecret),
    matches,
    guidance: new GuidanceService(database.dataSource, taxonomySearch, () => matches.skillGraph()),
    insights: new RequirementInsightsService(database.dataSource, matches),
    learning: new LearningService(database.dataSource, matches, config.pseudonymSecret),
    // Through the guidance service's entry point, so a better extraction flows in unchanged.
    assessmentDrafts: new AssessmentDraftService(database.dataSource, (text, language) =>
      services.guidance.extractSkills(text, language),
    ),
  };
  const metrics = new Metrics({
    matchIndex: () => ({
      ready: matches.index.ready,
      jobseekers: matches.index.sizes.jobseekers,
      vacancies: matches.index.sizes.vacancies,
      appliedChangeId: matches.index.appliedChangeId,
    }),
    newestChangeId: () => matches.index.newestChangeId(),
    pool: () => poolStateOf(database.dataSource),
    paramsVersion: matches.paramsVersion,
  });
  matches.observer = metrics;
  const http = await createHttpApp(config, await buildAppSchema(), database, services, metrics);
  // The match index builds while the server answers: /readyz says 503 until it is done.
  const matchIndex = services.matches.index;
  matchIndex.build().catch((error) => log.error('match_index_build_failed', { error: `${error}` }));
  // Other instances (and imports) write to the change feed; PostgreSQL NOTIFY wakes us, and
  // the poll covers what a notification cannot (the embedded database has no other writer).
  // A hot standby refuses LISTEN: an index following one polls its feed, often.
  const followsStandby =
    database.kind === 'postgres' && (await inRecovery(replica ?? database.dataSource));
  const listener =
    database.kind === 'postgres' && config.databaseUrl && !followsStandby
      ? new ChangeListener(config.databaseUrl, () => {
          if (matchIndex.ready)
            matchIndex.catchUp().catch(() => log.warn('match_index_catch_up_failed'));
        })
      : undefined;
  listener?.start();
  const vacancies = new VacancyService(database.dataSource);
  const refresher = setInterval(() => {
    // Another process (npm run import:esco against the same PostgreSQL) may import a new taxonomy.
    taxonomySearch
      .refresh()
      .then((changed) => (changed ? services.matches.taxonomyChanged() : undefined))
      .catch(() => log.warn('taxonomy_refresh_failed'));
    // Open vacancies close after their application deadline.
    vacancies.closeExpired().catch(() => log.warn('close_expired_vacancies_failed'));
    // Outside vacancies past their deadline or no longer listed must go (Job Market Finland's terms).
    external.cache.purge().catch(() => log.warn('external_cache_purge_failed'));
    purgeIdempotencyKeys(database.dataSource).catch(() => log.warn('idempotency_purge_failed'));
  }, INDEX_REFRESH_MS);
  refresher.unref();
  const poller = setInterval(
    () => {
      if (matchIndex.ready)
        matchIndex.catchUp().catch(() => log.warn('match_index_catch_up_failed'));
    },
    followsStandby ? config.feedPollMs : CHANGE_POLL_MS,
  );
  poller.unref();
  log.info('match_feed_followed', {
    by: followsStandby ? 'polling a standby' : listener ? 'listening' : 'polling',
    pollMs: followsStandby ? config.feedPollMs : CHANGE_POLL_MS,
  });
  return {
    database,
    services,
    metrics,
    http,
    async stop() {
      clearInterval(refresher);
      clearInterval(poller);
      matchIndex.stop();
      await listener?.stop();
      await http.stop();
      if (replica?.isInitialized) await replica.destroy();
      await database.close();
    },
  };
}
