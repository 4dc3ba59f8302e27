import { MigrationInterface, QueryRunner } from 'typeorm';

/** The skill linker's model per language, learned from the taxonomy at import (issue 14). */
export class SkillLinkingModel1796057325699 implements MigrationInterface {
  name = 'SkillLinkingModel1796057325699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "esco_linking_model" ("language" text NOT NULL, "weights" jsonb NOT NULL, "quality" jsonb NOT NULL, "elapsed_ms" integer NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7b99c516293f3bdb027c2776c0" PRIMARY KEY ("language"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "esco_linking_model"`);
  }
}
