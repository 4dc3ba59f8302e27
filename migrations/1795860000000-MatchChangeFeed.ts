import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed that keeps every instance's in-memory match index in step with the
 * database. Triggers write, in the same transaction as the change, one row per changed
 * jobseeker or vacancy; so every write path (API, JSON Lines import, a hand-made SQL fix) is
 * covered. They take a transaction-level advisory lock before numbering the row, so rows
 * become visible in id order and a reader that replays "id > last applied" never skips one
 * committed late. NOTIFY only wakes listeners; the table is the truth.
 */
export class MatchChangeFeed1795860000000 implements MigrationInterface {
  name = 'MatchChangeFeed1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_change" ("id" bigserial PRIMARY KEY, "kind" text NOT NULL CHECK (kind IN ('jobseeker', 'vacancy')), "entity_id" uuid NOT NULL, "changed_at" timestamptz NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`
      CREATE FUNCTION osaamo_record_match_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kind text := TG_ARGV[0];
        id_expression text := TG_ARGV[1];
        source_rows text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
      BEGIN
        PERFORM pg_advisory_xact_lock(72450001);
        EXECUTE format(
          'INSERT INTO match_change (kind, entity_id) SELECT DISTINCT %L, changed.entity_id FROM (SELECT %s AS entity_id FROM %I r) changed WHERE changed.entity_id IS NOT NULL ORDER BY 2',
          kind, id_expression, source_rows);
        PERFORM pg_notify('osaamo_match_change', '');
        RETURN NULL;
      END $$`);
    for (const [table, kind, idExpression] of FEEDS) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const transition = event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
        await queryRunner.query(
          `CREATE TRIGGER "${table}_match_change_${event.toLowerCase()}" AFTER ${event} ON "${table}" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION osaamo_record_match_change('${kind}', '${idExpression.replace(/'/g, "''")}')`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of FEEDS) {
      for (const event of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "${table}_match_change_${event}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION osaamo_record_match_change()`);
    await queryRunner.query(`DROP TABLE "match_change"`);
  }
}

/** Table, kind of record it belongs to, and the expression (over row r) naming that record. */
const FEEDS: [string, 'jobseeker' | 'vacancy', string][] = [
  ['jobseeker', 'jobseeker', 'r.id'],
  ['jobseeker_language', 'jobseeker', 'r.jobseeker_id'],
  ['competence_assessment', 'jobseeker', 'r.jobseeker_id'],
  [
    'assessed_skill',
    'jobseeker',
    '(SELECT a.jobseeker_id FROM competence_assessment a WHERE a.id = r.assessment_id)',
  ],
  ['vacancy', 'vacancy', 'r.id'],
  ['requirement_profile', 'vacancy', 'r.vacancy_id'],
  ['requirement_skill', 'vacancy', 'r.vacancy_id'],
  ['requirement_language', 'vacancy', 'r.vacancy_id'],
];
