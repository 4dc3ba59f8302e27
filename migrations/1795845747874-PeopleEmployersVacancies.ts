import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleEmployersVacancies1795845747874 implements MigrationInterface {
  name = 'PeopleEmployersVacancies1795845747874';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" text NOT NULL, "actor_role" text NOT NULL, "jobseeker_id" uuid NOT NULL, "operation" text NOT NULL, "purpose" text, "outcome" text NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_jobseeker_idx" ON "audit_log" ("jobseeker_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "municipality" ("code" character(3) NOT NULL, "name_fi" text NOT NULL, "name_sv" text NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "region" text NOT NULL, "employment_area" text, CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "business_id" text NOT NULL, "name" text NOT NULL, "municipality_code" character(3) NOT NULL, "external_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74029e6b1f17a4c7c66d43cfd34" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "employer_business_id_key" ON "employer" ("business_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "employer_external_id_key" ON "employer" ("external_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vacancy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "occupation_uri" text, "municipality_code" character(3) NOT NULL, "latitude" double precision, "longitude" double precision, "remote" text NOT NULL DEFAULT 'none', "working_time" text NOT NULL DEFAULT 'full_time', "contract_type" text NOT NULL DEFAULT 'permanent', "positions" integer NOT NULL DEFAULT '1', "start_date" date, "application_deadline" date, "status" text NOT NULL DEFAULT 'draft', "source" text NOT NULL DEFAULT 'local', "external_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vacancy_positions_check" CHECK (positions >= 1), CONSTRAINT "vacancy_status_check" CHECK (status IN ('draft', 'open', 'closed', 'filled')), CONSTRAINT "PK_8fa1981f63bc24e1712707d492b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "vacancy_employer_idx" ON "vacancy" ("employer_id") `);
    await queryRunner.query(
      `CREATE INDEX "vacancy_occupation_idx" ON "vacancy" ("occupation_uri") `,
    );
    await queryRunner.query(
      `CREATE INDEX "vacancy_status_municipality_idx" ON "vacancy" ("status", "municipality_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "vacancy_source_external_id_key" ON "vacancy" ("source", "external_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "requirement_profile" ("vacancy_id" uuid NOT NULL, "revision" integer NOT NULL, "min_education_level" smallint, "min_experience_months" integer, "licences" text array NOT NULL DEFAULT '{}', "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4b044d608cfb865842dd0298d30" PRIMARY KEY ("vacancy_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "requirement_skill" ("vacancy_id" uuid NOT NULL, "skill_uri" text NOT NULL, "importance" text NOT NULL, "min_proficiency" smallint NOT NULL, CONSTRAINT "requirement_skill_importance_check" CHECK (importance IN ('essential', 'important', 'nice_to_have')), CONSTRAINT "requirement_skill_proficiency_check" CHECK (min_proficiency BETWEEN 1 AND 5), CONSTRAINT "PK_9a47f9f33db255e92fdc4c2276f" PRIMARY KEY ("vacancy_id", "skill_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "requirement_skill_skill_idx" ON "requirement_skill" ("skill_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "requirement_language" ("vacancy_id" uuid NOT NULL, "language" text NOT NULL, "min_level" text NOT NULL, "essential" boolean NOT NULL DEFAULT true, CONSTRAINT "requirement_language_level_check" CHECK (min_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')), CONSTRAINT "PK_f853d8ece201dc1a709e7b829d7" PRIMARY KEY ("vacancy_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "requirement_profile_revision" ("id" SERIAL NOT NULL, "vacancy_id" uuid NOT NULL, "revision" integer NOT NULL, "author" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "snapshot" jsonb NOT NULL, CONSTRAINT "PK_cbc667b261fa1c65d32d8361e08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "requirement_profile_revision_key" ON "requirement_profile_revision" ("vacancy_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TABLE "jobseeker" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" text NOT NULL, "home_municipality_code" character(3) NOT NULL, "home_latitude" double precision, "home_longitude" double precision, "max_commute_km" integer, "willing_to_relocate" boolean NOT NULL DEFAULT false, "willing_to_work_abroad" boolean NOT NULL DEFAULT false, "remote_preference" text NOT NULL DEFAULT 'any', "working_time_preferences" text array NOT NULL DEFAULT '{}', "contract_preferences" text array NOT NULL DEFAULT '{}', "earliest_start_date" date, "desired_occupation_uris" text array NOT NULL DEFAULT '{}', "education_level" smallint, "education_field" text, "licences" text array NOT NULL DEFAULT '{}', "employment_status" text NOT NULL, "birth_year" smallint, "external_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "jobseeker_employment_status_check" CHECK (employment_status IN ('unemployed', 'laid_off', 'employed', 'student')), CONSTRAINT "PK_aaa8de62b5cfc465926e0c0a7e3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "jobseeker_customer_id_key" ON "jobseeker" ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "jobseeker_municipality_idx" ON "jobseeker" ("home_municipality_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "jobseeker_personal_data" ("jobseeker_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text, "phone" text, "street_address" text, "postal_code" text, "post_office" text, CONSTRAINT "PK_56067cf24de9e26a0a05a25e05e" PRIMARY KEY ("jobseeker_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "jobseeker_language" ("jobseeker_id" uuid NOT NULL, "language" text NOT NULL, "level" text NOT NULL, CONSTRAINT "jobseeker_language_level_check" CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')), CONSTRAINT "PK_5caa09bc801f5421ac38891f9d1" PRIMARY KEY ("jobseeker_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competence_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jobseeker_id" uuid NOT NULL, "source" text NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" text NOT NULL, CONSTRAINT "PK_81dfdd158d2b217eab791750c46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "competence_assessment_jobseeker_idx" ON "competence_assessment" ("jobseeker_id", "assessed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessed_skill" ("assessment_id" uuid NOT NULL, "skill_uri" text NOT NULL, "proficiency" smallint NOT NULL, "experience_months" integer, "last_used_year" smallint, "evidence" text, CONSTRAINT "assessed_skill_proficiency_check" CHECK (proficiency BETWEEN 1 AND 5), CONSTRAINT "PK_6099a7bf0a2cb5508a42c3c00a0" PRIMARY KEY ("assessment_id", "skill_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessed_skill_skill_idx" ON "assessed_skill" ("skill_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jobseeker_id" uuid NOT NULL, "purpose" text NOT NULL, "recipient" text NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "consent_jobseeker_idx" ON "consent" ("jobseeker_id", "purpose") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider" text NOT NULL, "title" text NOT NULL, "duration_days" integer NOT NULL, "mode" text NOT NULL, "municipality_code" character(3), "start_dates" date array NOT NULL DEFAULT '{}', "url" text, "external_id" text, CONSTRAINT "PK_c436c96be3adf1aa439ef471427" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "training_external_id_key" ON "training" ("external_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_skill" ("training_id" uuid NOT NULL, "skill_uri" text NOT NULL, "level_reached" smallint NOT NULL, CONSTRAINT "PK_4112959a132c1e96246ccf09f84" PRIMARY KEY ("training_id", "skill_uri"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer" ADD CONSTRAINT "employer_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_occupation_fk" FOREIGN KEY ("occupation_uri") REFERENCES "esco_occupation"("uri") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_profile" ADD CONSTRAINT "requirement_profile_vacancy_fk" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_skill" ADD CONSTRAINT "requirement_skill_vacancy_fk" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_skill" ADD CONSTRAINT "requirement_skill_skill_fk" FOREIGN KEY ("skill_uri") REFERENCES "esco_skill"("uri") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_language" ADD CONSTRAINT "requirement_language_vacancy_fk" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_profile_revision" ADD CONSTRAINT "requirement_profile_revision_vacancy_fk" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker" ADD CONSTRAINT "jobseeker_municipality_fk" FOREIGN KEY ("home_municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker_personal_data" ADD CONSTRAINT "jobseeker_personal_data_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker_language" ADD CONSTRAINT "jobseeker_language_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "competence_assessment_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessed_skill" ADD CONSTRAINT "assessed_skill_assessment_fk" FOREIGN KEY ("assessment_id") REFERENCES "competence_assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessed_skill" ADD CONSTRAINT "assessed_skill_skill_fk" FOREIGN KEY ("skill_uri") REFERENCES "esco_skill"("uri") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_jobseeker_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "jobseeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training" ADD CONSTRAINT "training_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_skill" ADD CONSTRAINT "training_skill_training_fk" FOREIGN KEY ("training_id") REFERENCES "training"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_skill" ADD CONSTRAINT "training_skill_skill_fk" FOREIGN KEY ("skill_uri") REFERENCES "esco_skill"("uri") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "training_skill" DROP CONSTRAINT "training_skill_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_skill" DROP CONSTRAINT "training_skill_training_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "training" DROP CONSTRAINT "training_municipality_fk"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "consent_jobseeker_fk"`);
    await queryRunner.query(
      `ALTER TABLE "assessed_skill" DROP CONSTRAINT "assessed_skill_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessed_skill" DROP CONSTRAINT "assessed_skill_assessment_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "competence_assessment_jobseeker_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker_language" DROP CONSTRAINT "jobseeker_language_jobseeker_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobseeker_personal_data" DROP CONSTRAINT "jobseeker_personal_data_jobseeker_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP CONSTRAINT "jobseeker_municipality_fk"`);
    await queryRunner.query(
      `ALTER TABLE "requirement_profile_revision" DROP CONSTRAINT "requirement_profile_revision_vacancy_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_language" DROP CONSTRAINT "requirement_language_vacancy_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_skill" DROP CONSTRAINT "requirement_skill_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_skill" DROP CONSTRAINT "requirement_skill_vacancy_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirement_profile" DROP CONSTRAINT "requirement_profile_vacancy_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "vacancy" DROP CONSTRAINT "vacancy_municipality_fk"`);
    await queryRunner.query(`ALTER TABLE "vacancy" DROP CONSTRAINT "vacancy_occupation_fk"`);
    await queryRunner.query(`ALTER TABLE "vacancy" DROP CONSTRAINT "vacancy_employer_fk"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP CONSTRAINT "employer_municipality_fk"`);
    await queryRunner.query(`DROP TABLE "training_skill"`);
    await queryRunner.query(`DROP INDEX "public"."training_external_id_key"`);
    await queryRunner.query(`DROP TABLE "training"`);
    await queryRunner.query(`DROP INDEX "public"."consent_jobseeker_idx"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP INDEX "public"."assessed_skill_skill_idx"`);
    await queryRunner.query(`DROP TABLE "assessed_skill"`);
    await queryRunner.query(`DROP INDEX "public"."competence_assessment_jobseeker_idx"`);
    await queryRunner.query(`DROP TABLE "competence_assessment"`);
    await queryRunner.query(`DROP TABLE "jobseeker_language"`);
    await queryRunner.query(`DROP TABLE "jobseeker_personal_data"`);
    await queryRunner.query(`DROP INDEX "public"."jobseeker_municipality_idx"`);
    await queryRunner.query(`DROP INDEX "public"."jobseeker_customer_id_key"`);
    await queryRunner.query(`DROP TABLE "jobseeker"`);
    await queryRunner.query(`DROP INDEX "public"."requirement_profile_revision_key"`);
    await queryRunner.query(`DROP TABLE "requirement_profile_revision"`);
    await queryRunner.query(`DROP TABLE "requirement_language"`);
    await queryRunner.query(`DROP INDEX "public"."requirement_skill_skill_idx"`);
    await queryRunner.query(`DROP TABLE "requirement_skill"`);
    await queryRunner.query(`DROP TABLE "requirement_profile"`);
    await queryRunner.query(`DROP INDEX "public"."vacancy_source_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."vacancy_status_municipality_idx"`);
    await queryRunner.query(`DROP INDEX "public"."vacancy_occupation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."vacancy_employer_idx"`);
    await queryRunner.query(`DROP TABLE "vacancy"`);
    await queryRunner.query(`DROP INDEX "public"."employer_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."employer_business_id_key"`);
    await queryRunner.query(`DROP TABLE "employer"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_jobseeker_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
