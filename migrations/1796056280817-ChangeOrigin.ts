import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['employer', 'vacancy', 'jobseeker', 'jobseeker_personal_data', 'training'];

/**
 * Where and when each imported kind of record last changed ('api' or 'import'), so that an
 * import reports a conflict instead of overwriting a change made through the API. Existing rows
 * count as changed through the API: nothing already there is overwritten unasked.
 */
export class ChangeOrigin1796056280817 implements MigrationInterface {
  name = 'ChangeOrigin1796056280817';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "last_changed_by" text NOT NULL DEFAULT 'api'`,
      );
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "last_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "last_changed_at"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "last_changed_by"`);
    }
  }
}
