import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a jobseeker's customer relationship ended: the retention rule counts from it. */
export class CustomerRelationshipEnd1795890000000 implements MigrationInterface {
  name = 'CustomerRelationshipEnd1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobseeker" ADD "customer_relationship_ended_on" date`);
    await queryRunner.query(
      `CREATE INDEX "jobseeker_relationship_ended_idx" ON "jobseeker" ("customer_relationship_ended_on")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "jobseeker_relationship_ended_idx"`);
    await queryRunner.query(`ALTER TABLE "jobseeker" DROP COLUMN "customer_relationship_ended_on"`);
  }
}
