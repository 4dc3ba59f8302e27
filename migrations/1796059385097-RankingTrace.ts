import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Traceable rankings: an audit row of a ranking served records the matching parameters'
 * version, the change-feed position of the index it was computed from, and the question asked
 * (which vacancy or jobseeker, filter, page, this person's place), so the list can be
 * reproduced. Expand only: nullable columns, which a server of the previous version ignores.
 */
export class RankingTrace1796059385097 implements MigrationInterface {
  name = 'RankingTrace1796059385097';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "params_version" text`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "match_change_id" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "ranking" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // contract: the down migration undoes this one's own expansion.
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "ranking"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "match_change_id"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "params_version"`);
  }
}
