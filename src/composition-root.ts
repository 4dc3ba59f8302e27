import { ProfileTransferService } from './profile-transfers/profile-transfer.service';
import { TmtProfileClient } from './external/tmt-profile/tmt-profile-client';
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
import { RequirementInsightsService } from './guidance/requirement-insights.service';
import { LearningService } from './guidance/learning.service';
import { AssessmentDraftService } from './jobseekers/assessment-draft.service';
import { Metrics } from './metrics/metrics';
import { ExternalMatches } from './external/external-matches';
import { JobseekerService } from './jobseekers/jobseeker.service';
import { EmployerService } from './employers/employer.service';
import { TrainingService } from './trainings/training.service';
import { AuditLogService } from './audit/audit-log.service';
import { CohortService } from './cohorts/cohort.service';
import { SkillGraph } from '../matching';
import { poolStateOf } from './metrics/pool-state';
import { JobRunner } from './jobs/job-runner';
import { CHANGE_POLL_MS, serviceJobs } from './jobs/service-jobs';
import { NationalSync } from './external/national-sync';
import { NIGHTLY_TIME_ZONE } from './jobs/national-sync-job';
import { NationalSyncStatus } from './external/national-sync-status';
import { addExtractedSkills, SkillsInText } from './external/extracted-skills';
import { runAsBackgroundWork } from './kernel/background-work';

/** A running service: its database, services and HTTP server. */
export interface RunningApp {
  database: Database;
  services: Services;
  /** This app's Prometheus registry (served at /metrics when configured). */
  metrics: Metrics;
  http: HttpApp;
  /** The periodic work (tests run a job at once with `jobs.runNow(name)`). */
  jobs: JobRunner;
  /** Graceful: in-flight requests finish, then the database closes. */
  stop(): Promise<void>;
}

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

/**
 * The composition root: every service built once, each given the collaborators it asks for.
 * Nothing else constructs a service (resolvers use `ctx.services`).
 */
export function createServices(
  dataSource: DataSource,
  config: Pick<AppConfig, 'jwtSecret' | 'pseudonymSecret' | 'matchParams'> &
    Partial<Pick<AppConfig, 'tmtProfile' | 'oidcIssuers'>>,
  parts: {
    taxonomySearch: TaxonomySearchService;
    /** The national and EURES fallback; without it, matches are local only. */
    external?: ExternalMatches;
    /** Where the match index reads from: this database or its streaming replica. */
    indexSource?: DataSource;
    /** The national sync's state, when it runs. */
    nationalSync?: NationalSyncStatus;
  },
): Services {
  const jobseekers = new JobseekerService(dataSource, config.pseudonymSecret);
  const vacancies = new VacancyService(dataSource);
  const matches = new MatchService(
    dataSource,
    config.pseudonymSecret,
    config.matchParams,
    vacancies,
    jobseekers,
    parts.external,
    parts.indexSource ?? dataSource,
  );
  const guidance = new GuidanceService(
    dataSource,
    parts.taxonomySearch,
    () => matches.skillGraph(),
    vacancies,
  );
  // Through the guidance service's entry point, so a better extraction flows in unchanged.
  const assessmentDrafts = new AssessmentDraftService(dataSource, (text, language) =>
    guidance.extractSkills(text, language),
  );
  const tmt = config.tmtProfile;
  return {
    dataSource,
    taxonomySearch: parts.taxonomySearch,
    tokens: new TokenService(config.jwtSecret, config.oidcIssuers ?? []),
    apiKeys: new ApiKeyService(dataSource),
    personalData: new PersonalDataReader(dataSource),
    pseudonymSecret: config.pseudonymSecret,
    cursors: new CursorCodec(config.pseudonymSecret),
    matches,
    guidance,
    insights: new RequirementInsightsService(dataSource, matches, vacancies),
    learning: new LearningService(dataSource, matches, vacancies, jobseekers),
    assessmentDrafts,
    profileTransfers: new ProfileTransferService(
      dataSource,
      assessmentDrafts,
      {
        import: tmt?.import ? new TmtProfileClient(tmt.import) : null,
        export: tmt?.export ? new TmtProfileClient(tmt.export) : null,
      },
      () => matches.params,
    ),
    jobseekers,
    employers: new EmployerService(dataSource),
    vacancies,
    trainings: new TrainingService(dataSource),
    cohorts: new CohortService(dataSource, matches),
    auditLog: new AuditLogService(dataSource),
    nationalSync: parts.nationalSync,
  };
}

/**
 * The guidance service alone, for runs without the server (the linking evaluation): the same
 * wiring as the composition root's, over a skill graph the caller loaded.
 */
export function createGuidanceService(
  dataSource: DataSource,
  taxonomySearch: TaxonomySearchService,
  skillGraph: () => Promise<SkillGraph>,
): GuidanceService {
  return new GuidanceService(
    dataSource,
    taxonomySearch,
    skillGraph,
    new VacancyService(dataSource),
  );
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
  const skillsInText: SkillsInText = (text, language) =>
    services.guidance.extractSkills(text, language).then((found) => found.map((s) => s.skillUri));
  const external = await createExternalMatches(
    database.dataSource,
    config.external,
    config.matchParams,
    skillsInText,
  );
  // Job Market Finland's ads of the area, kept in step by a job (below) once it is configured.
  const nationalSync =
    external.national.configured && config.nationalSync.enabled
      ? {
          sync: new NationalSync(database.dataSource, external.national, {
            municipalityIn: config.nationalSync.municipalityIn,
            regionIn: config.nationalSync.regionIn,
            enrich: (vacancies) => addExtractedSkills(vacancies, skillsInText),
          }),
          status: new NationalSyncStatus(),
        }
      : undefined;
  // The match index reads from the replica when there is one; everything else from the primary.
  const replica = await openReadReplica(database, config);
  const services = createServices(database.dataSource, config, {
    taxonomySearch,
    external: external.matches,
    indexSource: replica ?? database.dataSource,
    nationalSync: nationalSync?.status,
  });
  const matches = services.matches;
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
  runAsBackgroundWork('match-index-build', () => matchIndex.build()).catch((error) =>
    log.error('match_index_build_failed', { error: `${error}` }),
  );
  // Other instances (and imports) write to the change feed; PostgreSQL NOTIFY wakes us, and
  // the poll covers what a notification cannot (the embedded database has no other writer).
  // A hot standby refuses LISTEN: an index following one polls its feed, often.
  const followsStandby =
    database.kind === 'postgres' && (await inRecovery(replica ?? database.dataSource));
  const listener =
    database.kind === 'postgres' && config.databaseUrl && !followsStandby
      ? new ChangeListener(
          config.databaseUrl,
          () => {
            if (matchIndex.ready)
              runAsBackgroundWork('match-feed-wake', () => matchIndex.catchUp()).catch(() =>
                log.warn('match_index_catch_up_failed'),
              );
          },
          // While it listens, queries need not read the feed (MatchIndex.current).
          (listening) => matchIndex.listenerChanged(listening),
        )
      : undefined;
  listener?.start();
  const feedPollMs = followsStandby ? config.feedPollMs : CHANGE_POLL_MS;
  const jobs = new JobRunner(
    serviceJobs({
      dataSource: database.dataSource,
      taxonomySearch,
      matches: services.matches,
      vacancies: services.vacancies,
      externalCache: external.cache,
      profileTransfers: services.profileTransfers,
      feedPollMs,
      // Its first run (a full pull when there is no watermark) starts now, in the background:
      // /readyz does not wait for it.
      nationalSync: nationalSync && {
        ...nationalSync,
        intervalMs: config.nationalSync.intervalMs,
        nightlyHour: config.nationalSync.nightlyHour,
      },
    }),
    database,
  );
  jobs.start();
  if (nationalSync)
    log.info('national_sync_scheduled', {
      everyMinutes: config.nationalSync.intervalMs / 60_000,
      nightlyHour: config.nationalSync.nightlyHour,
      timeZone: NIGHTLY_TIME_ZONE,
      area:
        [...config.nationalSync.municipalityIn, ...config.nationalSync.regionIn].join(',') ||
        'all Finland',
    });
  log.info('match_feed_followed', {
    by: followsStandby ? 'polling a standby' : listener ? 'listening' : 'polling',
    pollMs: feedPollMs,
  });
  return {
    database,
    services,
    metrics,
    http,
    jobs,
    async stop() {
      await jobs.stop();
      await listener?.stop();
      await http.stop();
      if (replica?.isInitialized) await replica.destroy();
      await database.close();
    },
  };
}
