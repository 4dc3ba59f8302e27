import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National vacancies join the match index (issue 20): each row gets a stable uuid (the change
 * feed names records by uuid; the external id is text), and writes to `national_vacancy` feed
 * `match_change` as kind 'national' through the feed's own trigger function, in the same
 * transaction as the sync's write. Old servers replay only the kinds they know and skip these.
 */
export class NationalVacancyFeed1796080000000 implements MigrationInterface {
  name = 'NationalVacancyFeed1796080000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A volatile default fills every existing row with its own value.
    await queryRunner.query(
      `ALTER TABLE "national_vacancy" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "national_vacancy_id_idx" ON "national_vacancy" ("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_change" DROP CONSTRAINT IF EXISTS "match_change_kind_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_change" ADD CONSTRAINT "match_change_kind_check" CHECK (kind IN ('jobseeker', 'vacancy', 'national'))`,
    );
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const transition = event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
      await queryRunner.query(
        `CREATE TRIGGER "national_vacancy_match_change_${event.toLowerCase()}" AFTER ${event} ON "national_vacancy" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION osaamo_record_match_change('national', 'r.id')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await queryRunner.query(
        `DROP TRIGGER "national_vacancy_match_change_${event}" ON "national_vacancy"`,
      );
    await queryRunner.query(`DELETE FROM "match_change" WHERE kind = 'national'`);
    await queryRunner.query(`ALTER TABLE "match_change" DROP CONSTRAINT "match_change_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "match_change" ADD CONSTRAINT "match_change_kind_check" CHECK (kind IN ('jobseeker', 'vacancy'))`,
    );
    await queryRunner.query(`DROP INDEX "national_vacancy_id_idx"`);
    await queryRunner.query(`ALTER TABLE "national_vacancy" DROP COLUMN "id"`);
  }
}
