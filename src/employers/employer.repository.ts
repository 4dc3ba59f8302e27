// Owns employer.
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { changedAt, changedThroughApiQuery, TrackedTable } from '../import/change-conflicts';
import { Employer } from './employer.entity';

/** An employer line of an import, in the table's column names (see EMPLOYER_TABLE). */
export interface ImportedEmployerRow {
  id: string | null;
  external_id: string;
  business_id: string;
  name: string;
  municipality_code: string;
}

/** Statements on `employer`, run on the manager given (a transaction's or the pool's). */
export class EmployerRepository {
  constructor(private readonly db: EntityManager) {}

  /** Every employer, or only the one given, as a query to paginate (alias `e`). */
  listQuery(only?: string): SelectQueryBuilder<Employer> {
    const query = this.db.getRepository(Employer).createQueryBuilder('e');
    if (only !== undefined) query.where('e.id = :own', { own: only });
    return query;
  }

  byId(id: string): Promise<Employer | null> {
    return this.db.findOneBy(Employer, { id });
  }

  byIds(ids: readonly string[]): Promise<Employer[]> {
    return this.db.findBy(Employer, { id: In([...ids]) });
  }

  existsByBusinessId(businessId: string): Promise<boolean> {
    return this.db.existsBy(Employer, { businessId });
  }

  /** Whether there is any employer at all. */
  async any(): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM employer`);
    return n > 0;
  }

  /** Creates an employer (a new one) or saves a changed one. */
  save(employer: Partial<Employer>): Promise<Employer> {
    return this.db.save(Employer, employer);
  }

  // --- The import (jsonl-importer.ts) ---

  /** External ids of the employers that have one. */
  async externalIds(): Promise<Set<string>> {
    return new Set((await this.idsByExternalId()).keys());
  }

  /** Employer ids by external id, of every employer that has one. */
  async idsByExternalId(): Promise<Map<string, string>> {
    const rows: { id: string; external_id: string }[] = await this.db.query(
      `SELECT id, external_id FROM employer WHERE external_id IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  /** Import lines whose employer was changed through the API and would change: key, when. */
  async importConflicts(rows: ImportedEmployerRow[]): Promise<Map<string, Date>> {
    if (rows.length === 0) return new Map();
    return changedAt(await this.db.query(...changedThroughApiQuery(EMPLOYER_TABLE, rows)));
  }

  /**
   * Creates or updates the employers of import lines: a row changed through the API only with
   * `overwrite`, an unchanged row not at all.
   */
  async importEmployers(rows: ImportedEmployerRow[], overwrite: boolean): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO employer (id, external_id, business_id, name, municipality_code, last_changed_by)
       SELECT coalesce(id, gen_random_uuid()), external_id, business_id, name, municipality_code, 'import'
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, external_id text, business_id text, name text, municipality_code text)
       ON CONFLICT (external_id) DO UPDATE SET business_id = EXCLUDED.business_id, name = EXCLUDED.name,
         municipality_code = EXCLUDED.municipality_code, last_changed_by = 'import', last_changed_at = now()
       WHERE (employer.business_id, employer.name, employer.municipality_code)
         IS DISTINCT FROM (EXCLUDED.business_id, EXCLUDED.name, EXCLUDED.municipality_code)
         AND (employer.last_changed_by = 'import' OR $2::boolean)`,
      [JSON.stringify(rows), overwrite],
    );
  }
}

/** The employer's columns an import writes, as the conflict rule compares them. */
const EMPLOYER_TABLE: TrackedTable = {
  part: 'employer',
  key: 'external_id',
  columns: [
    { name: 'external_id', type: 'text' },
    { name: 'business_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'municipality_code', type: 'text' },
  ],
  join: 'JOIN employer t ON t.external_id = x.external_id',
};
