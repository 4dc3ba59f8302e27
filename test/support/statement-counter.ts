import { DataSource, Logger } from 'typeorm';
import { backgroundWorkName } from '../../src/kernel/background-work';

/**
 * Counts the SQL statements a data source sends, to prove that DataLoader batches. Statements
 * of the service's background work (jobs, the change listener) are counted apart: a timer
 * that fires during a request shares the data source, but its statements are not the request's.
 */
export class StatementCounter implements Logger {
  statements = 0;
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

  logQuery() {
    const work = backgroundWorkName();
    if (work === undefined) this.statements++;
    else this.background.set(work, (this.background.get(work) ?? 0) + 1);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
