import { DataSource, Logger } from 'typeorm';
import { backgroundWorkName } from '../../src/kernel/background-work';

/**
 * Counts the SQL statements a data source sends, to prove that DataLoader batches. Statements
 * of the service's background work (jobs, the change listener) are counted apart: a timer
 * that fires during a request shares the data source, but its statements are not the request's.
 */
export class StatementCounter implements Logger {
  statements = 0;
  /** The request's statements that write (INSERT, UPDATE, DELETE), also counted in `statements`. */
  writes = 0;
  /** The request's statements, in order (to say which ones when a count is off). */
  readonly sql: string[] = [];
  /** Statements sent by background work, by its name (not in `statements`). */
  readonly background = new Map<string, number>();
  private original?: Logger;

  attach(dataSource: DataSource): this {
    this.original = dataSource.logger;
    (dataSource as { logger: Logger }).logger = this;
    return this;
  }

  detach(dataSource: DataSource): void {
    if (this.original) (dataSource as { logger: Logger }).logger = this.original;
  }

  /** Starts counting a new request. */
  reset(): void {
    this.statements = 0;
    this.writes = 0;
    this.sql.length = 0;
  }

  logQuery(query: string) {
    const work = backgroundWorkName();
    if (work === undefined) {
      this.statements++;
      this.sql.push(query.replace(/\s+/g, ' ').slice(0, 120));
      if (/^\s*(INSERT|UPDATE|DELETE)\b/i.test(query)) this.writes++;
    } else this.background.set(work, (this.background.get(work) ?? 0) + 1);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
