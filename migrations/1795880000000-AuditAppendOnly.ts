import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only in the database itself: a trigger refuses every UPDATE, DELETE
 * and TRUNCATE, whoever asks, so the application (or a stolen connection of it) cannot rewrite
 * who read what. Only a superuser who disables the trigger could; that is out of the
 * application's reach. A trigger works on PGlite too, where roles and grants cannot be tested.
 */
export class AuditAppendOnly1795880000000 implements MigrationInterface {
  name = 'AuditAppendOnly1795880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION osaamo_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = '42501';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION osaamo_audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION osaamo_audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION osaamo_audit_log_append_only()`);
  }
}
