import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { log } from '../kernel/logger';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from '../../migrations';
import { EmbeddedPostgres } from './embedded/embedded-postgres';

export interface OpenDatabaseOptions {
  /** Start the embedded database from this migrated template (tests). */
  embeddedTemplateFile?: string;
  /** Named in the data folder's lock, for a second process to read. */
  holder?: string;
}

/**
 * The service's PostgreSQL: the server DATABASE_URL names, or the embedded PGlite in a child
 * process. Either way the service talks to it through `pg`.
 */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  get kind(): 'postgres' | 'embedded' {
    return this.embedded ? 'embedded' : 'postgres';
  }

  static async open(
    config: Pick<AppConfig, 'databaseUrl' | 'embeddedDataDir'> &
      Partial<Pick<AppConfig, 'statementTimeoutMs'>>,
    options: OpenDatabaseOptions = {},
  ): Promise<Database> {
    let embedded: EmbeddedPostgres | undefined;
    let url = config.databaseUrl;
    if (!url) {
      embedded = await EmbeddedPostgres.start({
        dataDir: config.embeddedDataDir,
        templateFile: options.embeddedTemplateFile,
        holder: options.holder,
      });
      url = embedded.url;
    }
    const dataSource = createDataSource(url, embedded !== undefined, config.statementTimeoutMs);
    try {
      await dataSource.initialize();
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    return new Database(dataSource, embedded);
  }

  /** Applies pending migrations; returns the names applied. */
  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.info('migrations_applied', { count: applied.length });
    return applied.map((m) => m.name);
  }

  /** Reachable and fully migrated. */
  async readiness(): Promise<{ ready: boolean; reason?: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      if (await this.dataSource.showMigrations())
        return { ready: false, reason: 'migrations pending' };
      return { ready: true };
    } catch {
      return { ready: false, reason: 'database unreachable' };
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/** Longest a statement may run on PostgreSQL (PGlite ignores statement_timeout). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export function createDataSource(
  url: string,
  embedded: boolean,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is an extension.
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: embedded
      ? // PGlite is one session: a pool of one keeps every transaction on its own connection.
        { max: 1, connectionTimeoutMillis: 30_000 }
      : // node-postgres waits forever for a connection and has no statement timeout unless set.
        { max: 10, connectionTimeoutMillis: 5_000, statement_timeout: statementTimeoutMs },
  });
}
