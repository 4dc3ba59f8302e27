import { AppConfig } from './config';
import { Database, OpenDatabaseOptions } from './db/database';
import { buildAppSchema } from './graphql/schema';
import { Services } from './graphql/context';
import { createHttpApp, HttpApp } from './http/app';
import { log } from './logger';
import { TokenService } from './auth/token.service';
import { PersonalDataReader } from './jobseekers/personal-data.reader';
import { VacancyService } from './employers/vacancy.service';
import { MatchService } from './matches/match.service';
import { loadSampleTaxonomyIfEmpty } from './taxonomy/sample/load-sample-taxonomy';
import { loadSamplePeopleIfEmpty } from './import/load-sample-people';
import { TaxonomySearchService } from './taxonomy/taxonomy-search.service';

/** A running service: its database, services and HTTP server. */
export interface RunningApp {
  database: Database;
  services: Services;
  http: HttpApp;
  /** Graceful: in-flight requests finish, then the database closes. */
  stop(): Promise<void>;
}

const INDEX_REFRESH_MS = 30_000;

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
    await loadSamplePeopleIfEmpty(database.dataSource);
  }
  const taxonomySearch = new TaxonomySearchService(database.dataSource);
  await taxonomySearch.refresh();
  const services: Services = {
    dataSource: database.dataSource,
    taxonomySearch,
    tokens: new TokenService(config.jwtSecret),
    personalData: new PersonalDataReader(database.dataSource),
    pseudonymSecret: config.pseudonymSecret,
    matches: new MatchService(database.dataSource, config.pseudonymSecret),
  };
  // Built before serving: the first match query should not pay for it.
  await services.matches.skillGraph();
  const http = await createHttpApp(config, await buildAppSchema(), database, services);
  // Another process (npm run import:esco against the same PostgreSQL) may import a new taxonomy.
  const vacancies = new VacancyService(database.dataSource);
  const refresher = setInterval(() => {
    taxonomySearch
      .refresh()
      .then((changed) => changed && services.matches.forgetSkillGraph())
      .catch(() => log.warn('taxonomy_refresh_failed'));
    // Open vacancies close after their application deadline.
    vacancies.closeExpired().catch(() => log.warn('close_expired_vacancies_failed'));
  }, INDEX_REFRESH_MS);
  refresher.unref();
  return {
    database,
    services,
    http,
    async stop() {
      clearInterval(refresher);
      await http.stop();
      await database.close();
    },
  };
}
