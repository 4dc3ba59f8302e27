import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lay-off facts of a jobseeker, for structural-change cohorts ("everyone laid off by one
 * employer"): the business id of the employer that laid them off and the day it took effect.
 * Both nullable, so this is an expansion; the index serves the cohort's read by employer.
 */
export class LayOffs1796200000000 implements MigrationInterface {
  name = 'LayOffs1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobseeker" ADD "last_employer_business_id" text`);
    await queryRunner.query(`ALTER TABLE "jobseeker" ADD "laid_off_on" date`);
    await queryRunner.query(
      `CREATE INDEX "jobseeker_last_employer_idx" ON "jobseeker" ("last_employer_business_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker" ADD CONSTRAINT "jobseeker_last_employer_business_id_check" CHECK (last_employer_business_id ~ '^[0-9]{7}-[0-9]$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "jobseeker" DROP CONSTRAINT "jobseeker_last_employer_business_id_check"`,
    );
    await queryRunner.query(`DROP INDEX "public"."jobseeker_last_employer_idx"`);
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP COLUMN "laid_off_on"`);
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP COLUMN "last_employer_business_id"`);
  }
}
