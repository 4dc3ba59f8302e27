import { DataSource, Logger } from 'typeorm';

/** Counts the SQL statements a data source sends, to prove that DataLoader batches. */
export class StatementCounter implements Logger {
  statements = 0;
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
    this.statements++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
