// Owns vacancy: the API's writes (VacancyService) and the import's.
import { DeepPartial, EntityManager } from 'typeorm';
import { Vacancy, VacancyStatus } from './vacancy.entity';
import {
  changedAt,
  changedThroughApiQuery,
  columnList,
  TrackedTable,
} from '../import/change-conflicts';

/** A vacancy line of an import, in the table's column names (see VACANCY_TABLE). */
export type ImportedVacancyRow = Record<string, unknown> & { external_id: string };

/** Statements on `vacancy`, run on the manager given (a transaction's or the pool's). */
export class VacancyRepository {
  constructor(private readonly db: EntityManager) {}

  /** A new vacancy, as given. */
  create(vacancy: DeepPartial<Vacancy>): Promise<Vacancy> {
    return this.db.save(Vacancy, vacancy);
  }

  /** A changed vacancy, as read and changed by the caller. */
  save(vacancy: Vacancy): Promise<Vacancy> {
    return this.db.save(vacancy);
  }

  /** Moves a vacancy from one status to another; false when it no longer had `from`. */
  async changeStatus(id: string, from: VacancyStatus, to: VacancyStatus): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE vacancy SET status = $1, updated_at = now(), last_changed_by = 'api', last_changed_at = now()
       WHERE id = $2 AND status = $3`,
      [to, id, from],
    );
    return rowCount(result) > 0;
  }

  /** Closes open vacancies whose application deadline is before `today`; how many. */
  async closeExpired(today: string): Promise<number> {
    const result = await this.db.query(
      `UPDATE vacancy SET status = 'closed', updated_at = now() WHERE status = 'open' AND application_deadline < $1`,
      [today],
    );
    return rowCount(result);
  }

  /** Marks a vacancy changed (its requirement profile got a revision). */
  async touch(id: string): Promise<void> {
    await this.db.query(`UPDATE vacancy SET updated_at = now() WHERE id = $1`, [id]);
  }

  /** Import lines whose vacancy was changed through the API and would change: key, when. */
  async importConflicts(rows: ImportedVacancyRow[]): Promise<Map<string, Date>> {
    if (rows.length === 0) return new Map();
    return changedAt(await this.db.query(...changedThroughApiQuery(VACANCY_TABLE, rows)));
  }

  /**
   * Creates or updates the (local) vacancies of import lines, requirement profiles apart: a row
   * changed through the API only with `overwrite`, an unchanged row not at all.
   */
  async importVacancies(rows: ImportedVacancyRow[], overwrite: boolean): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO vacancy (external_id, source, employer_id, title, description, occupation_uri, municipality_code, latitude, longitude,
         remote, working_time, contract_type, positions, start_date, application_deadline, status, last_changed_by)
       SELECT external_id, 'local', employer_id, title, coalesce(description, ''), occupation_uri, municipality_code, latitude, longitude,
         remote, working_time, contract_type, positions, start_date, application_deadline, status, 'import'
       FROM jsonb_to_recordset($1::jsonb) AS x(${columnList(VACANCY_TABLE)})
       ON CONFLICT (source, external_id) DO UPDATE SET employer_id = EXCLUDED.employer_id, title = EXCLUDED.title,
         description = EXCLUDED.description, occupation_uri = EXCLUDED.occupation_uri, municipality_code = EXCLUDED.municipality_code,
         latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, remote = EXCLUDED.remote, working_time = EXCLUDED.working_time,
         contract_type = EXCLUDED.contract_type, positions = EXCLUDED.positions, start_date = EXCLUDED.start_date,
         application_deadline = EXCLUDED.application_deadline, status = EXCLUDED.status,
         last_changed_by = 'import', last_changed_at = now()
       WHERE (vacancy.employer_id, vacancy.title, vacancy.description, vacancy.occupation_uri, vacancy.municipality_code,
           vacancy.latitude, vacancy.longitude, vacancy.remote, vacancy.working_time, vacancy.contract_type, vacancy.positions,
           vacancy.start_date, vacancy.application_deadline, vacancy.status)
         IS DISTINCT FROM (EXCLUDED.employer_id, EXCLUDED.title, EXCLUDED.description, EXCLUDED.occupation_uri,
           EXCLUDED.municipality_code, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.remote, EXCLUDED.working_time,
           EXCLUDED.contract_type, EXCLUDED.positions, EXCLUDED.start_date, EXCLUDED.application_deadline, EXCLUDED.status)
         AND (vacancy.last_changed_by = 'import' OR $2::boolean)`,
      [JSON.stringify(rows), overwrite],
    );
  }

  /** Local vacancies' ids by external id, of those that exist. */
  async localIdsByExternalId(externalIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; external_id: string }[] = await this.db.query(
      `SELECT id, external_id FROM vacancy WHERE source = 'local' AND external_id = ANY($1::text[])`,
      [externalIds],
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }
}

/** The vacancy's columns an import writes, as the conflict rule compares them. */
const VACANCY_TABLE: TrackedTable = {
  part: 'vacancy',
  key: 'external_id',
  columns: [
    { name: 'external_id', type: 'text' },
    { name: 'employer_id', type: 'uuid' },
    { name: 'title', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'occupation_uri', type: 'text' },
    { name: 'municipality_code', type: 'text' },
    { name: 'latitude', type: 'float8' },
    { name: 'longitude', type: 'float8' },
    { name: 'remote', type: 'text' },
    { name: 'working_time', type: 'text' },
    { name: 'contract_type', type: 'text' },
    { name: 'positions', type: 'int' },
    { name: 'start_date', type: 'date' },
    { name: 'application_deadline', type: 'date' },
    { name: 'status', type: 'text' },
  ],
  join: `JOIN vacancy t ON t.source = 'local' AND t.external_id = x.external_id`,
};

/** Rows an UPDATE changed, from TypeORM's raw answer (pg: [rows, count]; PGlite: the result). */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return (result as { rowCount?: number })?.rowCount ?? 0;
}
