import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erasure register: a keyed hash of each erased customer's id and the day of the erasure,
 * so that no import or registration brings them back; and when a jobseeker's customer
 * relationship began, so that one who registers again after an erasure can be told apart.
 */
export class ErasureRegister1796055580117 implements MigrationInterface {
  name = 'ErasureRegister1796055580117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasure_register" ("customer_hash" text NOT NULL, "erased_on" date NOT NULL, CONSTRAINT "erasure_register_pkey" PRIMARY KEY ("customer_hash"))`,
    );
    await queryRunner.query(`ALTER TABLE "jobseeker" ADD "customer_since" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP COLUMN "customer_since"`);
    await queryRunner.query(`DROP TABLE "erasure_register"`);
  }
}
