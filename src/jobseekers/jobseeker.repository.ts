// Owns jobseeker, jobseeker_personal_data, jobseeker_language and consent.
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  changedAt,
  changedThroughApiQuery,
  columnList,
  ownColumns,
  prefixed,
  TrackedTable,
} from '../import/change-conflicts';
import { ACTIVE_ASSESSMENT_VIEW } from './active-assessment';
import { Consent, ConsentPurpose } from './consent.entity';
import { Jobseeker, JobseekerLanguage, JobseekerPersonalData } from './jobseeker.entity';
import type { JobseekerFilter } from './jobseekers.types';
import { JobseekerSearch, wordPrefixPattern } from './name-search';
import { foldTextSql } from '../kernel/text/fold';
import { KeysetOrder } from '../kernel/paging/keyset';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** A jobseeker without what only audited reads may give (the customer id) or nobody sees (birth year). */
export type JobseekerRow = Omit<Jobseeker, 'customerId' | 'birthYear'>;

let rowSelect: string | undefined;
/** The select list of `rowsOf`, from the entity's own columns: dates as text, as TypeORM gives them. */
function rowColumns(db: EntityManager): string {
  rowSelect ??= db.connection
    .getMetadata(Jobseeker)
    .columns.filter((c) => c.propertyName !== 'customerId' && c.propertyName !== 'birthYear')
    .map((c) => `j.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
    .join(', ');
  return rowSelect;
}

/**
 * A search's order: last name, first name (folded as the search folds them, so case and accents
 * do not split a name), then id. Jobseekers without personal data come first (empty names).
 */
export const NAME_ORDER: KeysetOrder = {
  keys: [
    { sql: foldTextSql(`coalesce(p.last_name, '')`), cast: 'text' },
    { sql: foldTextSql(`coalesce(p.first_name, '')`), cast: 'text' },
    { sql: 'j.id', cast: 'uuid' },
  ],
  direction: 'ASC',
};

/**
 * Which jobseekers a query may return: those living in an employment area (a counsellor's),
 * one (the jobseeker themself), all, or none.
 */
export type JobseekerScope = { area: string } | { self: string } | 'all' | 'none';

/** A jobseeker's row as the API creates it (the id and defaults come from the database). */
export type NewJobseeker = Partial<Jobseeker> &
  Pick<Jobseeker, 'customerId' | 'lastChangedBy' | 'lastChangedAt'>;

/** The personal data row's fields, without the jobseeker's id. */
export type PersonalDataFields = Omit<JobseekerPersonalData, 'jobseekerId'>;

/** A jobseeker line of an import, in the table's column names (see JOBSEEKER_TABLE). */
export type ImportedJobseekerRow = Record<string, unknown> & {
  id: string | null;
  customer_id: string;
};
/** A personal data line of an import, keyed by customer id (see PERSONAL_DATA_TABLE). */
export type ImportedPersonalDataRow = Record<string, unknown> & { customer_id: string };

/** Statements on the jobseeker tables, run on the manager given (a transaction's or the pool's). */
export class JobseekerRepository {
  constructor(private readonly db: EntityManager) {}

  // --- Reads for the API ---

  /** The jobseekers in scope matching the filter, as a query to paginate (alias `j`). */
  listQuery(
    scope: JobseekerScope,
    filter: JobseekerFilter | undefined,
  ): SelectQueryBuilder<Jobseeker> {
    const q = this.db.getRepository(Jobseeker).createQueryBuilder('j').where('1 = 1');
    inScope(q, scope);
    if (filter?.municipalityCodes?.length)
      q.andWhere('j.home_municipality_code IN (:...codes)', { codes: filter.municipalityCodes });
    if (filter?.statuses?.length)
      q.andWhere('j.employment_status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.occupationUri)
      q.andWhere(':occupation = ANY(j.desired_occupation_uris)', {
        occupation: filter.occupationUri,
      });
    if (filter?.skillUri) {
      q.andWhere(
        `EXISTS (
        SELECT 1 FROM assessed_skill s JOIN ${ACTIVE_ASSESSMENT_VIEW} a ON a.id = s.assessment_id
        WHERE a.jobseeker_id = j.id AND s.skill_uri = :skill)`,
        { skill: filter.skillUri },
      );
    }
    return q;
  }

  /**
   * The jobseekers in scope matching the filter and found by the search, as a query to page in
   * NAME_ORDER (aliases `j`, and `p` for the personal data). One statement with the page.
   */
  searchQuery(
    scope: JobseekerScope,
    filter: JobseekerFilter | undefined,
    search: JobseekerSearch,
  ): SelectQueryBuilder<Jobseeker> {
    const q = this.listQuery(scope, filter).leftJoin(
      JobseekerPersonalData,
      'p',
      'p.jobseeker_id = j.id',
    );
    if ('customerId' in search)
      return q.andWhere('j.customer_id = :customerId', { customerId: search.customerId });
    // A leading space, so that each word of the search must begin a word of the name.
    const names = foldTextSql(
      `' ' || coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')`,
    );
    search.words.forEach((word, i) =>
      q.andWhere(`${names} LIKE :word${i}`, { [`word${i}`]: wordPrefixPattern(word) }),
    );
    return q;
  }

  /** One jobseeker, if in scope (a malformed id finds nothing). */
  findInScope(id: string | null, scope: JobseekerScope): Promise<Jobseeker | null> {
    const q = this.db
      .getRepository(Jobseeker)
      .createQueryBuilder('j')
      .where('j.id = :id', { id: id ?? NO_ID });
    inScope(q, scope);
    return q.getOne();
  }

  byIds(ids: readonly string[]): Promise<Jobseeker[]> {
    return this.db.findBy(Jobseeker, { id: In([...ids]) });
  }

  /**
   * These jobseekers' columns as the API shows them (no customer id, no birth year), read as
   * plain rows: a page of matches resolves its 50 people without building 50 entities.
   */
  async rowsOf(ids: readonly string[]): Promise<JobseekerRow[]> {
    return this.db.query(
      `SELECT ${rowColumns(this.db)} FROM jobseeker j WHERE j.id = ANY($1::uuid[])`,
      [[...ids]],
    );
  }

  /** Of these ids, the jobseekers living in the employment area. */
  async inArea(ids: string[], area: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE j.id = ANY($1::uuid[]) AND m.employment_area = $2`,
      [ids, area],
    );
    return new Set(rows.map((r) => r.id));
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT id FROM jobseeker WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  existsByCustomerId(customerId: string): Promise<boolean> {
    return this.db.existsBy(Jobseeker, { customerId });
  }

  /** Whether there is any jobseeker at all. */
  async any(): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM jobseeker`);
    return n > 0;
  }

  /** Locks the jobseeker's row for the transaction: their writes one at a time. */
  async lock(id: string): Promise<void> {
    await this.db.query(`SELECT 1 FROM jobseeker WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Languages of each jobseeker, by language. */
  languagesOf(ids: readonly string[]): Promise<JobseekerLanguage[]> {
    return this.db.find(JobseekerLanguage, {
      where: { jobseekerId: In([...ids]) },
      order: { language: 'ASC' },
    });
  }

  personalDataOf(ids: string[]): Promise<JobseekerPersonalData[]> {
    return this.db.findBy(JobseekerPersonalData, { jobseekerId: In(ids) });
  }

  /** Customer ids by jobseeker id. */
  async customerIds(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.find(Jobseeker, {
      select: { id: true, customerId: true },
      where: { id: In(ids) },
    });
    return new Map(rows.map((r) => [r.id, r.customerId]));
  }

  // --- Writes through the API ---

  /** Creates a jobseeker with their personal data. */
  async create(jobseeker: NewJobseeker, personal: PersonalDataFields): Promise<Jobseeker> {
    const saved = await this.db.save(Jobseeker, jobseeker);
    await this.db.insert(JobseekerPersonalData, { ...personal, jobseekerId: saved.id });
    return saved;
  }

  /** Saves a changed jobseeker. */
  save(jobseeker: Jobseeker): Promise<Jobseeker> {
    return this.db.save(jobseeker);
  }

  /** Creates or replaces a jobseeker's personal data. */
  async savePersonalData(jobseekerId: string, personal: PersonalDataFields): Promise<void> {
    await this.db.save(JobseekerPersonalData, { ...personal, jobseekerId });
  }

  /** A jobseeker's languages become these (each language once). */
  async replaceLanguages(
    jobseekerId: string,
    languages: Map<string, JobseekerLanguage['level']>,
  ): Promise<void> {
    await this.db.delete(JobseekerLanguage, { jobseekerId });
    if (languages.size)
      await this.db.insert(
        JobseekerLanguage,
        [...languages].map(([language, level]) => ({ jobseekerId, language, level })),
      );
  }

  /**
   * Erases jobseekers: their personal data, assessments, languages, consents, pseudonyms and
   * match outcomes go with the row (foreign keys cascade). Returns how many were erased.
   */
  async erase(ids: string[]): Promise<number> {
    const [{ n }] = await this.db.query(
      `WITH d AS (DELETE FROM jobseeker WHERE id = ANY($1::uuid[]) RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [ids],
    );
    return n;
  }

  /** Jobseekers whose customer relationship ended on or before the cutoff, locked, by id. */
  endedBy(cutoff: string): Promise<{ id: string; customer_id: string }[]> {
    return this.db.query(
      `SELECT id, customer_id FROM jobseeker WHERE customer_relationship_ended_on <= $1::date ORDER BY id FOR UPDATE`,
      [cutoff],
    );
  }

  /** Every jobseeker's customer id and start as a customer, locked, by id. */
  customersLocked(): Promise<{ id: string; customer_id: string; customer_since: string | null }[]> {
    return this.db.query(
      `SELECT id, customer_id, to_char(customer_since, 'YYYY-MM-DD') AS customer_since FROM jobseeker ORDER BY id FOR UPDATE`,
    );
  }

  // --- Consents ---

  consent(id: string): Promise<Consent | null> {
    return this.db.findOneBy(Consent, { id });
  }

  /** Each jobseeker's consents, oldest first. */
  consentsOf(ids: readonly string[]): Promise<Consent[]> {
    return this.db.find(Consent, {
      where: { jobseekerId: In([...ids]) },
      order: { grantedAt: 'ASC' },
    });
  }

  /** These jobseekers' consents of one purpose, revoked ones too. */
  consentsFor(ids: string[], purpose: ConsentPurpose): Promise<Consent[]> {
    return this.db.findBy(Consent, { jobseekerId: In(ids), purpose });
  }

  grantConsent(consent: Omit<Consent, 'id'>): Promise<Consent> {
    return this.db.save(Consent, consent);
  }

  /** Saves a consent as changed (its revocation). */
  saveConsent(consent: Consent): Promise<Consent> {
    return this.db.save(consent);
  }

  // --- The import (jsonl-importer.ts) ---

  /** Import lines whose jobseeker was changed through the API and would change: key, when. */
  async importConflicts(rows: ImportedJobseekerRow[]): Promise<Map<string, Date>> {
    if (rows.length === 0) return new Map();
    return changedAt(await this.db.query(...changedThroughApiQuery(JOBSEEKER_TABLE, rows)));
  }

  /** Import lines whose personal data was changed through the API and would change: key, when. */
  async importPersonalDataConflicts(rows: ImportedPersonalDataRow[]): Promise<Map<string, Date>> {
    if (rows.length === 0) return new Map();
    return changedAt(await this.db.query(...changedThroughApiQuery(PERSONAL_DATA_TABLE, rows)));
  }

  /**
   * Creates or updates the jobseekers of import lines (languages apart): a row changed through
   * the API only with `overwrite`, an unchanged row not at all.
   */
  async importJobseekers(rows: ImportedJobseekerRow[], overwrite: boolean): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO jobseeker (id, ${JOBSEEKER_COLUMNS}, last_changed_by)
       SELECT coalesce(id, gen_random_uuid()), ${JOBSEEKER_COLUMNS}, 'import'
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ${columnList(JOBSEEKER_TABLE)})
       ON CONFLICT (customer_id) DO UPDATE SET ${JOBSEEKER_COLUMNS.split(', ')
         .slice(1)
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}, last_changed_by = 'import', last_changed_at = now()
       WHERE (${prefixed('jobseeker', JOBSEEKER_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', JOBSEEKER_COLUMNS)})
         AND (jobseeker.last_changed_by = 'import' OR $2::boolean)`,
      [JSON.stringify(rows), overwrite],
    );
  }

  /** Jobseeker ids by customer id, of those that exist. */
  async idsByCustomerId(customerIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; customer_id: string }[] = await this.db.query(
      `SELECT id, customer_id FROM jobseeker WHERE customer_id = ANY($1::text[])`,
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, r.id]));
  }

  /** Creates or updates personal data of import lines, by the same rule as importJobseekers. */
  async importPersonalData(
    rows: (ImportedPersonalDataRow & { jobseeker_id: string | undefined })[],
    overwrite: boolean,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO jobseeker_personal_data (jobseeker_id, ${PERSONAL_COLUMNS}, last_changed_by)
       SELECT jobseeker_id, ${PERSONAL_COLUMNS}, 'import'
       FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, ${columnList(PERSONAL_DATA_TABLE)})
       ON CONFLICT (jobseeker_id) DO UPDATE SET ${PERSONAL_COLUMNS.split(', ')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}, last_changed_by = 'import', last_changed_at = now()
       WHERE (${prefixed('jobseeker_personal_data', PERSONAL_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', PERSONAL_COLUMNS)})
         AND (jobseeker_personal_data.last_changed_by = 'import' OR $2::boolean)`,
      [JSON.stringify(rows), overwrite],
    );
  }

  /** The languages of these jobseekers become the rows given (one statement each way). */
  async importLanguages(
    jobseekerIds: string[],
    rows: { jobseeker_id: string | undefined; language: string; level: string }[],
  ): Promise<void> {
    await this.db.query(`DELETE FROM jobseeker_language WHERE jobseeker_id = ANY($1::uuid[])`, [
      jobseekerIds,
    ]);
    await this.db.query(
      `INSERT INTO jobseeker_language (jobseeker_id, language, level) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, language text, level text)`,
      [JSON.stringify(rows)],
    );
  }

  /** Adds the consents not recorded yet (same jobseeker, purpose and recipient); never revokes. */
  async importConsents(
    rows: {
      jobseeker_id: string | undefined;
      purpose: string;
      recipient: string;
      granted_at: string | null;
    }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO consent (jobseeker_id, purpose, recipient, granted_at)
       SELECT x.jobseeker_id, x.purpose, x.recipient, coalesce(x.granted_at, now())
       FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, purpose text, recipient text, granted_at timestamptz)
       WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.jobseeker_id = x.jobseeker_id AND c.purpose = x.purpose AND c.recipient = x.recipient)`,
      [JSON.stringify(rows)],
    );
  }
}

function inScope(q: SelectQueryBuilder<Jobseeker>, scope: JobseekerScope): void {
  if (scope === 'all') return;
  if (scope === 'none') q.andWhere('1 = 0');
  else if ('area' in scope)
    q.andWhere(
      `j.home_municipality_code IN (SELECT code FROM municipality WHERE employment_area = :area)`,
      { area: scope.area },
    );
  else q.andWhere('j.id = :self', { self: scope.self });
}

/** The jobseeker's columns an import writes, as the conflict rule compares them. */
const JOBSEEKER_TABLE: TrackedTable = {
  part: 'jobseeker',
  key: 'customer_id',
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'customer_since', type: 'date' },
    { name: 'home_municipality_code', type: 'text' },
    { name: 'home_latitude', type: 'float8' },
    { name: 'home_longitude', type: 'float8' },
    { name: 'max_commute_km', type: 'int' },
    { name: 'willing_to_relocate', type: 'boolean' },
    { name: 'willing_to_work_abroad', type: 'boolean' },
    { name: 'remote_preference', type: 'text' },
    { name: 'working_time_preferences', type: 'text[]' },
    { name: 'contract_preferences', type: 'text[]' },
    { name: 'earliest_start_date', type: 'date' },
    { name: 'desired_occupation_uris', type: 'text[]' },
    { name: 'education_level', type: 'int' },
    { name: 'education_field', type: 'text' },
    { name: 'licences', type: 'text[]' },
    { name: 'employment_status', type: 'text' },
    { name: 'birth_year', type: 'int' },
    { name: 'last_employer_business_id', type: 'text' },
    { name: 'laid_off_on', type: 'date' },
    {
      // The line's languages as one string (`fi:C2,sv:B1`, by language), as stored.
      name: 'languages',
      type: 'text',
      current: `coalesce((SELECT string_agg(l.language || ':' || l.level, ',' ORDER BY l.language COLLATE "C")
        FROM jobseeker_language l WHERE l.jobseeker_id = t.id), '')`,
    },
  ],
  join: 'JOIN jobseeker t ON t.customer_id = x.customer_id',
};
/** The jobseeker table's own columns the importer writes (languages are a table of their own). */
const JOBSEEKER_COLUMNS = ownColumns(JOBSEEKER_TABLE);

const PERSONAL_DATA_TABLE: TrackedTable = {
  part: 'personalData',
  key: 'customer_id',
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'street_address', type: 'text' },
    { name: 'postal_code', type: 'text' },
    { name: 'post_office', type: 'text' },
  ],
  join: `JOIN jobseeker j ON j.customer_id = x.customer_id
     JOIN jobseeker_personal_data t ON t.jobseeker_id = j.id`,
};
const PERSONAL_COLUMNS = PERSONAL_DATA_TABLE.columns
  .slice(1)
  .map((c) => c.name)
  .join(', ');
