import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Draft assessments (issue 14; reused by the Job Market Finland import of issue 21): an
 * assessment is a draft or confirmed (existing rows are confirmed), a draft names where it came
 * from, its skills carry a confidence, a suggested level with its reason, and the words that
 * support them (with room for the section and item of an imported profile).
 *
 * The active assessment gets one definition, the view `active_competence_assessment`, read by
 * every reader: the newest confirmed assessment, a tie on the time going to the counsellor-
 * verified one, then to the smallest id. Drafts never count.
 *
 * The change feed ignores drafts: writing, editing or discarding one changes no match index;
 * confirming one (an UPDATE of its state) records the jobseeker.
 */
export class DraftAssessments1796056106189 implements MigrationInterface {
  name = 'DraftAssessments1796056106189';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assessed_skill_support" ("assessment_id" uuid NOT NULL, "skill_uri" text NOT NULL, "position" smallint NOT NULL, "words" text NOT NULL, "highlight_start" integer, "highlight_end" integer, "section" text, "item_title" text, CONSTRAINT "PK_62f6fd381487a0c97043700f66e" PRIMARY KEY ("assessment_id", "skill_uri", "position"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD "state" text NOT NULL DEFAULT 'confirmed'`,
    );
    await queryRunner.query(`ALTER TABLE "competence_assessment" ADD "origin" text`);
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD "drafted_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "competence_assessment" ADD "confirmed_by" text`);
    await queryRunner.query(`ALTER TABLE "assessed_skill" ADD "confidence" real`);
    await queryRunner.query(`ALTER TABLE "assessed_skill" ADD "suggested_proficiency" smallint`);
    await queryRunner.query(`ALTER TABLE "assessed_skill" ADD "level_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "competence_assessment_draft_origin_check" CHECK (state = 'confirmed' OR origin IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "competence_assessment_origin_check" CHECK (origin IN ('own_words', 'job_market_finland'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "competence_assessment_state_check" CHECK (state IN ('draft', 'confirmed'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessed_skill_support" ADD CONSTRAINT "assessed_skill_support_skill_fk" FOREIGN KEY ("assessment_id", "skill_uri") REFERENCES "assessed_skill"("assessment_id","skill_uri") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE VIEW "active_competence_assessment" AS ${ACTIVE_ASSESSMENT_SQL}`,
    );
    await replaceFeedTriggers(queryRunner, DRAFT_AWARE_FEEDS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replaceFeedTriggers(queryRunner, FEEDS_BEFORE);
    await queryRunner.query(`DROP VIEW "active_competence_assessment"`);
    await queryRunner.query(
      `ALTER TABLE "assessed_skill_support" DROP CONSTRAINT "assessed_skill_support_skill_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "competence_assessment_state_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "competence_assessment_origin_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "competence_assessment_draft_origin_check"`,
    );
    await queryRunner.query(`ALTER TABLE "assessed_skill" DROP COLUMN "level_reason"`);
    await queryRunner.query(`ALTER TABLE "assessed_skill" DROP COLUMN "suggested_proficiency"`);
    await queryRunner.query(`ALTER TABLE "assessed_skill" DROP COLUMN "confidence"`);
    await queryRunner.query(`ALTER TABLE "competence_assessment" DROP COLUMN "confirmed_by"`);
    await queryRunner.query(`ALTER TABLE "competence_assessment" DROP COLUMN "drafted_at"`);
    await queryRunner.query(`ALTER TABLE "competence_assessment" DROP COLUMN "origin"`);
    await queryRunner.query(`ALTER TABLE "competence_assessment" DROP COLUMN "state"`);
    await queryRunner.query(`DROP TABLE "assessed_skill_support"`);
  }
}

/** Per jobseeker, the one active assessment; the tie-break makes every reader agree. */
const ACTIVE_ASSESSMENT_SQL = `
  SELECT DISTINCT ON (a.jobseeker_id) a.id, a.jobseeker_id, a.source, a.assessed_at
  FROM competence_assessment a
  WHERE a.state = 'confirmed'
  ORDER BY a.jobseeker_id, a.assessed_at DESC, (a.source = 'counsellor_verified') DESC, a.id`;

/** Table and the expression (over row r) naming the jobseeker whose match profile changed. */
type Feed = [string, string];

const FEEDS_BEFORE: Feed[] = [
  ['competence_assessment', 'r.jobseeker_id'],
  [
    'assessed_skill',
    '(SELECT a.jobseeker_id FROM competence_assessment a WHERE a.id = r.assessment_id)',
  ],
];

/** A row of a draft names nobody, so the feed function records nothing for it. */
const DRAFT_AWARE_FEEDS: Feed[] = [
  ['competence_assessment', `CASE WHEN r.state = 'confirmed' THEN r.jobseeker_id END`],
  [
    'assessed_skill',
    `(SELECT a.jobseeker_id FROM competence_assessment a WHERE a.id = r.assessment_id AND a.state = 'confirmed')`,
  ],
];

/** Recreates the change-feed triggers of MatchChangeFeed1795860000000 with other expressions. */
async function replaceFeedTriggers(queryRunner: QueryRunner, feeds: Feed[]): Promise<void> {
  for (const [table, idExpression] of feeds) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = `${table}_match_change_${event.toLowerCase()}`;
      const transition = event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
      await queryRunner.query(`DROP TRIGGER "${name}" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "${name}" AFTER ${event} ON "${table}" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION osaamo_record_match_change('jobseeker', '${idExpression.replace(/'/g, "''")}')`,
      );
    }
  }
}
