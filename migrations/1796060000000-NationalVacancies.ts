import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job Market Finland's vacancies of the configured area, kept by the national sync (issue 20)
 * apart from local vacancies and from the per-query cache: one row an ad, its record as we read
 * it, and `last_modified` for the watermark. `national_sync_state` holds the watermark (the
 * largest `metadata.lastModified` of the last complete run) and the last run's report.
 */
export class NationalVacancies1796060000000 implements MigrationInterface {
  name = 'NationalVacancies1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "national_vacancy" (
        "external_id" text PRIMARY KEY,
        "data" jsonb NOT NULL,
        "last_modified" timestamptz,
        "expires_at" timestamptz NOT NULL,
        "synced_at" timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(
      `CREATE INDEX "national_vacancy_expires_idx" ON "national_vacancy" ("expires_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "national_sync_state" (
        "name" text PRIMARY KEY,
        "watermark" timestamptz,
        "last_run_at" timestamptz,
        "last_kind" text,
        "last_complete" boolean,
        "last_report" jsonb)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "national_sync_state"`);
    await queryRunner.query(`DROP TABLE "national_vacancy"`);
  }
}
