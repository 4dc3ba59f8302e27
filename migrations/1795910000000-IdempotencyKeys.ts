import { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers to mutations sent with an Idempotency-Key, so that a repeat gets the same answer and no second effect. */
export class IdempotencyKeys1795910000000 implements MigrationInterface {
  name = 'IdempotencyKeys1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_key" (
        "caller" text NOT NULL,
        "key" text NOT NULL,
        "request_hash" text NOT NULL,
        "response" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("caller", "key"))`);
    await queryRunner.query(
      `CREATE INDEX "idempotency_key_created_idx" ON "idempotency_key" ("created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
