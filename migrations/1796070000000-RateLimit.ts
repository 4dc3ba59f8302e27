import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate limit's counts, shared by every instance: rate-limiter-flexible's PostgreSQL layout
 * (a key, the points spent in the window, when the window ends in epoch milliseconds). Keys
 * are HMACs of the caller, never a user id or an address.
 */
export class RateLimit1796070000000 implements MigrationInterface {
  name = 'RateLimit1796070000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rate_limit" (
        "key" varchar(255) PRIMARY KEY,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
