import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pseudonyms handed to each employer (each employer has its own for a person): written when
 * one is shown, read when the employer names a candidate by it. The rows go with the jobseeker
 * (erasure, retention) and with the employer.
 */
export class EmployerPseudonyms1796055565865 implements MigrationInterface {
  name = 'EmployerPseudonyms1796055565865';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "employer_pseudonym" (
        "employer_id" uuid NOT NULL REFERENCES "employer"("id") ON DELETE CASCADE,
        "pseudonym" text NOT NULL,
        "jobseeker_id" uuid NOT NULL REFERENCES "jobseeker"("id") ON DELETE CASCADE,
        PRIMARY KEY ("employer_id", "pseudonym"),
        UNIQUE ("employer_id", "jobseeker_id"))`);
    // Erasing a jobseeker deletes their rows through this index.
    await queryRunner.query(
      `CREATE INDEX "employer_pseudonym_jobseeker_idx" ON "employer_pseudonym" ("jobseeker_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "employer_pseudonym"`);
  }
}
