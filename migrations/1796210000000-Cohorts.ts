import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Structural-change cohorts (issue 18): a named group of jobseekers of one employment area,
 * its members fixed when it is created; a member erased leaves it.
 */
export class Cohorts1796210000000 implements MigrationInterface {
  name = 'Cohorts1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "employment_area" text NOT NULL, "source" text NOT NULL, "employer_business_id" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cohort_source_check" CHECK (source IN ('jobseekers', 'employer', 'customer_file')), CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohort_area_idx" ON "cohort" ("employment_area", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_member" ("cohort_id" uuid NOT NULL, "jobseeker_id" uuid NOT NULL, CONSTRAINT "PK_848a65b41b0c3a3b2171a5c2748" PRIMARY KEY ("cohort_id", "jobseeker_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohort_member_jobseeker_idx" ON "cohort_member" ("jobseeker_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cohort_member" DROP CONSTRAINT "cohort_member_jobseeker_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_member" DROP CONSTRAINT "cohort_member_cohort_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."cohort_member_jobseeker_idx"`);
    await queryRunner.query(`DROP TABLE "cohort_member"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_area_idx"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
  }
}
