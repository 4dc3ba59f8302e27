import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaxonomySchema1795843698061 implements MigrationInterface {
  name = 'TaxonomySchema1795843698061';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "esco_broader" ("concept_uri" text NOT NULL, "broader_uri" text NOT NULL, "concept_kind" text NOT NULL, "broader_kind" text NOT NULL, CONSTRAINT "PK_635c2af844813edaf1d5667c39e" PRIMARY KEY ("concept_uri", "broader_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "esco_broader_broader_idx" ON "esco_broader" ("broader_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_description" ("concept_uri" text NOT NULL, "language" text NOT NULL, "description" text NOT NULL, CONSTRAINT "PK_d61c8d8051d9ddbb55aa64497d5" PRIMARY KEY ("concept_uri", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_import" ("id" SERIAL NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "layout" text NOT NULL, "languages" text NOT NULL, "counts" jsonb NOT NULL, "skipped_relations" integer NOT NULL, "elapsed_ms" integer NOT NULL, CONSTRAINT "PK_a4a535a3eab0793a3f82eaec93c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_isco_group" ("uri" text NOT NULL, "code" text NOT NULL, CONSTRAINT "UQ_788ffe0508c2eb6ab6da1c4cef1" UNIQUE ("code"), CONSTRAINT "PK_244652a9a0959eefc8166ba4036" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_label" ("concept_uri" text NOT NULL, "language" text NOT NULL, "label_type" text NOT NULL, "label" text NOT NULL, "concept_kind" text NOT NULL, CONSTRAINT "PK_e717d70747abc39483e1dbe0506" PRIMARY KEY ("concept_uri", "language", "label_type", "label"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "esco_label_kind_language_idx" ON "esco_label" ("concept_kind", "language") `,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_occupation" ("uri" text NOT NULL, "isco_group_code" text, "code" text, "status" text NOT NULL DEFAULT 'released', CONSTRAINT "PK_c6e68dc952dd784956f90f5a773" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "esco_occupation_isco_group_idx" ON "esco_occupation" ("isco_group_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_skill" ("uri" text NOT NULL, "skill_type" text, "reuse_level" text, "status" text NOT NULL DEFAULT 'released', CONSTRAINT "PK_5d56cd39215c2e8f61375ba641e" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_occupation_skill" ("occupation_uri" text NOT NULL, "skill_uri" text NOT NULL, "relation_type" text NOT NULL, CONSTRAINT "PK_365cffc3fff0f7e18a8c630500d" PRIMARY KEY ("occupation_uri", "skill_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "esco_occupation_skill_skill_idx" ON "esco_occupation_skill" ("skill_uri") `,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_skill_group" ("uri" text NOT NULL, "code" text, CONSTRAINT "PK_c592469fae85eb57aa3be7cb117" PRIMARY KEY ("uri"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "esco_skill_relation" ("skill_uri" text NOT NULL, "related_skill_uri" text NOT NULL, "relation_type" text NOT NULL, CONSTRAINT "PK_f561e0416896e723f4ea538df67" PRIMARY KEY ("skill_uri", "related_skill_uri"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "esco_skill_relation_related_idx" ON "esco_skill_relation" ("related_skill_uri") `,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_occupation_skill" ADD CONSTRAINT "esco_occupation_skill_occupation_fk" FOREIGN KEY ("occupation_uri") REFERENCES "esco_occupation"("uri") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_occupation_skill" ADD CONSTRAINT "esco_occupation_skill_skill_fk" FOREIGN KEY ("skill_uri") REFERENCES "esco_skill"("uri") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_skill_relation" ADD CONSTRAINT "esco_skill_relation_skill_fk" FOREIGN KEY ("skill_uri") REFERENCES "esco_skill"("uri") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_skill_relation" ADD CONSTRAINT "esco_skill_relation_related_fk" FOREIGN KEY ("related_skill_uri") REFERENCES "esco_skill"("uri") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "esco_skill_relation" DROP CONSTRAINT "esco_skill_relation_related_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_skill_relation" DROP CONSTRAINT "esco_skill_relation_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_occupation_skill" DROP CONSTRAINT "esco_occupation_skill_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "esco_occupation_skill" DROP CONSTRAINT "esco_occupation_skill_occupation_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."esco_skill_relation_related_idx"`);
    await queryRunner.query(`DROP TABLE "esco_skill_relation"`);
    await queryRunner.query(`DROP TABLE "esco_skill_group"`);
    await queryRunner.query(`DROP INDEX "public"."esco_occupation_skill_skill_idx"`);
    await queryRunner.query(`DROP TABLE "esco_occupation_skill"`);
    await queryRunner.query(`DROP TABLE "esco_skill"`);
    await queryRunner.query(`DROP INDEX "public"."esco_occupation_isco_group_idx"`);
    await queryRunner.query(`DROP TABLE "esco_occupation"`);
    await queryRunner.query(`DROP INDEX "public"."esco_label_kind_language_idx"`);
    await queryRunner.query(`DROP TABLE "esco_label"`);
    await queryRunner.query(`DROP TABLE "esco_isco_group"`);
    await queryRunner.query(`DROP TABLE "esco_import"`);
    await queryRunner.query(`DROP TABLE "esco_description"`);
    await queryRunner.query(`DROP INDEX "public"."esco_broader_broader_idx"`);
    await queryRunner.query(`DROP TABLE "esco_broader"`);
  }
}
