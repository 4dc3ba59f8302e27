import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competence profiles to and from Job Market Finland (issue 21): one row per transfer under one
 * permit (the state's hash, never the state), the item dates of an imported skill's support,
 * and the jobseeker's desired skills (wishes from a profile's desired-work description).
 */
export class ProfileTransfers1796106441905 implements MigrationInterface {
  name = 'ProfileTransfers1796106441905';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "profile_transfer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jobseeker_id" uuid NOT NULL, "direction" text NOT NULL, "purpose" text NOT NULL, "actor_id" text NOT NULL, "actor_role" text NOT NULL, "state_hash" text NOT NULL, "language" text NOT NULL, "status" text NOT NULL, "outcome" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "assessment_id" uuid, "profile_modified_at" TIMESTAMP WITH TIME ZONE, "report" jsonb, CONSTRAINT "profile_transfer_status_check" CHECK (status IN ('awaiting_permit', 'in_progress', 'completed', 'refused', 'failed', 'expired')), CONSTRAINT "profile_transfer_direction_check" CHECK (direction IN ('import', 'export')), CONSTRAINT "PK_70481bd2e9a26dcaac487ccc951" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "profile_transfer_state_key" ON "profile_transfer" ("state_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "profile_transfer_jobseeker_idx" ON "profile_transfer" ("jobseeker_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "profile_transfer_assessment_idx" ON "profile_transfer" ("assessment_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker" ADD "desired_skill_uris" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" ADD "item_started_on" date`);
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" ADD "item_ended_on" date`);
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" ADD "item_ongoing" boolean`);
    await queryRunner.query(
      `ALTER TABLE "profile_transfer" ADD CONSTRAINT "profile_transfer_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_transfer" ADD CONSTRAINT "profile_transfer_assessment_fk" FOREIGN KEY ("assessment_id") REFERENCES "competence_assessment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "profile_transfer" DROP CONSTRAINT "profile_transfer_assessment_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "profile_transfer" DROP CONSTRAINT "profile_transfer_jobseeker_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" DROP COLUMN "item_ongoing"`);
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" DROP COLUMN "item_ended_on"`);
    await queryRunner.query(`ALTER TABLE "assessed_skill_support" DROP COLUMN "item_started_on"`);
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP COLUMN "desired_skill_uris"`);
    await queryRunner.query(`DROP INDEX "public"."profile_transfer_assessment_idx"`);
    await queryRunner.query(`DROP INDEX "public"."profile_transfer_jobseeker_idx"`);
    await queryRunner.query(`DROP INDEX "public"."profile_transfer_state_key"`);
    await queryRunner.query(`DROP TABLE "profile_transfer"`);
  }
}
