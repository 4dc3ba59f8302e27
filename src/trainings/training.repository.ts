// Owns training and training_skill.
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  changedAt,
  changedThroughApiQuery,
  columnList,
  ownColumns,
  prefixed,
  TrackedTable,
} from '../import/change-conflicts';
import { Training, TrainingSkill } from './training.entity';

/** A training line of an import, in the table's column names (see TRAINING_TABLE). */
export type ImportedTrainingRow = Record<string, unknown> & { external_id: string };

/** Statements on the training tables, run on the manager given (a transaction's or the pool's). */
export class TrainingRepository {
  constructor(private readonly db: EntityManager) {}

  /** The trainings held in these municipalities (or online) and teaching the skill, to paginate (alias `t`). */
  listQuery(filter: { municipalityCodes?: string[]; skillUri?: string } | undefined) {
    const q: SelectQueryBuilder<Training> = this.db
      .getRepository(Training)
      .createQueryBuilder('t')
      .where('1 = 1');
    if (filter?.municipalityCodes?.length) {
      q.andWhere(`(t.municipality_code IN (:...codes) OR t.mode = 'online')`, {
        codes: filter.municipalityCodes,
      });
    }
    if (filter?.skillUri)
      q.andWhere(
        'EXISTS (SELECT 1 FROM training_skill ts WHERE ts.training_id = t.id AND ts.skill_uri = :skill)',
        { skill: filter.skillUri },
      );
    return q;
  }

  byId(id: string): Promise<Training | null> {
    return this.db.findOneBy(Training, { id });
  }

  /** The trainings of these ids (those that exist), in no particular order. */
  byIds(ids: readonly string[]): Promise<Training[]> {
    return this.db.findBy(Training, { id: In([...ids]) });
  }

  /** Each training's skills, by skill. */
  skillsOf(trainingIds: readonly string[]): Promise<TrainingSkill[]> {
    return this.db.find(TrainingSkill, {
      where: { trainingId: In([...trainingIds]) },
      order: { skillUri: 'ASC' },
    });
  }

  /** Creates a training (no id) or replaces one, with its skills. */
  async save(
    training: Partial<Training>,
    skills: { skillUri: string; levelReached: number }[],
  ): Promise<Training> {
    const saved = await this.db.save(Training, training);
    await this.db.delete(TrainingSkill, { trainingId: saved.id });
    await this.db.insert(
      TrainingSkill,
      skills.map((s) => ({
        trainingId: saved.id,
        skillUri: s.skillUri,
        levelReached: s.levelReached,
      })),
    );
    return saved;
  }

  // --- The import (jsonl-importer.ts) ---

  /** Import lines whose training was changed through the API and would change: key, when. */
  async importConflicts(rows: ImportedTrainingRow[]): Promise<Map<string, Date>> {
    if (rows.length === 0) return new Map();
    return changedAt(await this.db.query(...changedThroughApiQuery(TRAINING_TABLE, rows)));
  }

  /**
   * Creates or updates the trainings of import lines, and replaces their skills: a row changed
   * through the API only with `overwrite`, an unchanged row not at all.
   */
  async importTrainings(
    rows: ImportedTrainingRow[],
    skills: { external_id: string; skill_uri: string; level_reached: number }[],
    overwrite: boolean,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO training (${TRAINING_COLUMNS}, last_changed_by)
       SELECT ${TRAINING_COLUMNS}, 'import' FROM jsonb_to_recordset($1::jsonb) AS x(${columnList(TRAINING_TABLE)})
       ON CONFLICT (external_id) DO UPDATE SET ${TRAINING_COLUMNS.split(', ')
         .slice(1)
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}, last_changed_by = 'import', last_changed_at = now()
       WHERE (${prefixed('training', TRAINING_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', TRAINING_COLUMNS)})
         AND (training.last_changed_by = 'import' OR $2::boolean)`,
      [JSON.stringify(rows), overwrite],
    );
    const found: { id: string; external_id: string }[] = await this.db.query(
      `SELECT id, external_id FROM training WHERE external_id = ANY($1::text[])`,
      [rows.map((r) => r.external_id)],
    );
    const idOf = new Map(found.map((r) => [r.external_id, r.id]));
    await this.db.query(`DELETE FROM training_skill WHERE training_id = ANY($1::uuid[])`, [
      [...idOf.values()],
    ]);
    await this.db.query(
      `INSERT INTO training_skill (training_id, skill_uri, level_reached) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(training_id uuid, skill_uri text, level_reached int)`,
      [
        JSON.stringify(
          skills.map((s) => ({
            training_id: idOf.get(s.external_id),
            skill_uri: s.skill_uri,
            level_reached: s.level_reached,
          })),
        ),
      ],
    );
  }
}

/** The training's columns an import writes, as the conflict rule compares them. */
const TRAINING_TABLE: TrackedTable = {
  part: 'training',
  key: 'external_id',
  columns: [
    { name: 'external_id', type: 'text' },
    { name: 'provider', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'duration_days', type: 'int' },
    { name: 'mode', type: 'text' },
    { name: 'municipality_code', type: 'text' },
    { name: 'start_dates', type: 'date[]' },
    { name: 'url', type: 'text' },
    {
      // The line's skills as one string (`uri:level,...`, by URI), as stored.
      name: 'skills',
      type: 'text',
      current: `coalesce((SELECT string_agg(s.skill_uri || ':' || s.level_reached, ',' ORDER BY s.skill_uri COLLATE "C")
        FROM training_skill s WHERE s.training_id = t.id), '')`,
    },
  ],
  join: 'JOIN training t ON t.external_id = x.external_id',
};
const TRAINING_COLUMNS = ownColumns(TRAINING_TABLE);
