import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrators' API keys: only a SHA-256 hash of each key is stored (keys are 32 random bytes,
 * so a fast hash is enough), with a short prefix to recognise it, the operations it may call,
 * and when it was revoked.
 */
export class ApiKeys1795900000000 implements MigrationInterface {
  name = 'ApiKeys1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_key" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "prefix" text NOT NULL,
        "key_hash" text NOT NULL UNIQUE,
        "operations" text[] NOT NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
