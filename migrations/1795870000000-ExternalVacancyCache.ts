import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cache of outside vacancies (Job Market Finland, EURES), apart from the vacancy table so
 * that they can never appear as local vacancies, in employers' candidate searches or in what
 * integrators read. `external_search` remembers which vacancies a query returned and when;
 * `external_vacancy` holds each vacancy once, until its expiry or until no cached search names
 * it any more (removed ads must be deleted).
 */
export class ExternalVacancyCache1795870000000 implements MigrationInterface {
  name = 'ExternalVacancyCache1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "external_vacancy" (
        "source" text NOT NULL CHECK (source IN ('national', 'eures')),
        "external_id" text NOT NULL,
        "data" jsonb NOT NULL,
        "fetched_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        PRIMARY KEY ("source", "external_id"))`);
    await queryRunner.query(
      `CREATE INDEX "external_vacancy_expires_idx" ON "external_vacancy" ("expires_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "external_search" (
        "source" text NOT NULL CHECK (source IN ('national', 'eures')),
        "query_key" text NOT NULL,
        "external_ids" text[] NOT NULL,
        "fetched_at" timestamptz NOT NULL,
        PRIMARY KEY ("source", "query_key"))`);
    await queryRunner.query(
      `CREATE INDEX "external_search_fetched_idx" ON "external_search" ("fetched_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "external_search"`);
    await queryRunner.query(`DROP TABLE "external_vacancy"`);
  }
}
