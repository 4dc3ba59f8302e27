import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchOutcomes1795849386108 implements MigrationInterface {
  name = 'MatchOutcomes1795849386108';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vacancy_id" uuid NOT NULL, "jobseeker_id" uuid NOT NULL, "status" text NOT NULL, "reason" text, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "match_outcome_status_check" CHECK (status IN ('proposed', 'applied', 'interviewed', 'hired', 'rejected')), CONSTRAINT "PK_b3c90feaeb06652550dbf745408" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "match_outcome_jobseeker_idx" ON "match_outcome" ("jobseeker_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "match_outcome_vacancy_idx" ON "match_outcome" ("vacancy_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "match_outcome" ADD CONSTRAINT "match_outcome_vacancy_fk" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_outcome" ADD CONSTRAINT "match_outcome_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "match_outcome" DROP CONSTRAINT "match_outcome_jobseeker_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_outcome" DROP CONSTRAINT "match_outcome_vacancy_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."match_outcome_vacancy_idx"`);
    await queryRunner.query(`DROP INDEX "public"."match_outcome_jobseeker_idx"`);
    await queryRunner.query(`DROP TABLE "match_outcome"`);
  }
}
