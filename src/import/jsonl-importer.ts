import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import {
  EmployerRecord,
  ImportRecord,
  JobseekerRecord,
  TrainingRecord,
  VacancyRecord,
} from './jsonl-records';
import { ErasureRegister, erasedCustomerProblem } from '../erasure/erasure-register';
import { log } from '../kernel/logger';
import {
  ConflictLine,
  conflictReason,
  rowsChangedThroughApi,
  TrackedTable,
} from './change-conflicts';
import { findTextProblem } from '../kernel/validation/text-problem';
import { RecordError, ReferenceData, validateRecord } from './record-validator';

export interface RejectedLine {
  line: number;
  field: string;
  reason: string;
}

export interface JsonlImportReport {
  lines: number;
  /** Lines accepted, by type (a line in conflict is accepted and leaves its record as it is). */
  loaded: Record<ImportRecord['type'], number>;
  rejected: RejectedLine[];
  /** Records changed through the API that the file would change: left as they are. */
  conflicts: ConflictLine[];
  /** With --overwrite: the conflicts the file's values replaced. */
  overwritten: ConflictLine[];
  elapsedMs: number;
}

export interface JsonlImportOptions {
  /**
   * The server secret the erasure register is keyed with (OSAAMO_PSEUDONYM_SECRET). Without it
   * an import runs only while the register is empty: it could not tell who was erased.
   */
  erasureSecret?: string;
  /** Replace records changed through the API (each one is reported, and audited for jobseekers). */
  overwrite?: boolean;
}

/** One import's bookkeeping: where each record came from and what could not be written. */
interface ImportRun {
  lineOf: Map<ImportRecord, number>;
  conflicts: ConflictLine[];
  overwritten: ConflictLine[];
}

const BATCH = 500;
const IMPORTER = 'import:jsonl';

/**
 * Loads a JSON Lines file of employers, vacancies (with requirement profiles), jobseekers (with
 * personal data, languages, assessments and consents) and trainings. Each line is checked on
 * its own; rejected lines are reported with their number and reason and the rest load.
 * Idempotent: records are keyed by external id (jobseekers by customer id), and a second
 * import of the same file changes nothing, also after changes through the API: a record last
 * changed through the API is not overwritten but reported as a conflict (change-conflicts.ts).
 */
export class JsonlImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: JsonlImportOptions = {},
  ) {}

  async importFile(file: string): Promise<JsonlImportReport> {
    // Read whole (tens of MB at most): readline's async iterator lost lines here while the
    // importer awaited its reference data.
    const lines = (await fs.promises.readFile(file, 'utf8')).split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return this.importLines(lines);
  }

  async importLines(lines: Iterable<string>): Promise<JsonlImportReport> {
    const started = Date.now();
    const refs = await this.loadReferences();
    const erasures = await this.loadErasures();
    const accepted: { [K in ImportRecord['type']]: Extract<ImportRecord, { type: K }>[] } = {
      employer: [],
      vacancy: [],
      jobseeker: [],
      training: [],
    };
    const rejected: RejectedLine[] = [];
    const seenKeys = new Set<string>();
    const run: ImportRun = { lineOf: new Map(), conflicts: [], overwritten: [] };
    let lineNumber = 0;
    for (const raw of lines) {
      lineNumber++;
      if (!raw.trim() || raw.trimStart().startsWith('//')) continue;
      try {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw new RecordError('line', 'is not valid JSON');
        }
        // PostgreSQL refuses NUL and lone surrogates for the whole batch: refuse the line alone.
        const unstorable = findTextProblem(parsed);
        if (unstorable) throw new RecordError(unstorable.field, unstorable.reason);
        const record = validateRecord(parsed, refs);
        if (record.type === 'jobseeker') {
          const erased = erasedCustomerProblem(
            erasures?.erasedOn.get(erasures.register.hashOf(record.customerId)),
            record.customerSince,
          );
          if (erased) throw new RecordError('customerId', erased);
        }
        const key = `${record.type}:${record.type === 'jobseeker' ? record.customerId : record.externalId}`;
        if (seenKeys.has(key))
          throw new RecordError(
            record.type === 'jobseeker' ? 'customerId' : 'externalId',
            'appears on an earlier line',
          );
        seenKeys.add(key);
        if (record.type === 'employer') refs.employers.add(record.externalId);
        (accepted[record.type] as ImportRecord[]).push(record);
        run.lineOf.set(record, lineNumber);
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        rejected.push({
          line: lineNumber,
          field: error.field,
          reason: error.message.slice(error.field.length + 2),
        });
      }
    }
    const employerIds = await this.writeEmployers(run, accepted.employer);
    await this.writeVacancies(run, accepted.vacancy, employerIds);
    await this.writeJobseekers(run, accepted.jobseeker);
    await this.writeTrainings(run, accepted.training);
    const byLine = (a: ConflictLine, b: ConflictLine) => a.line - b.line;
    if (run.overwritten.length)
      log.info('import_overwrote_api_changes', {
        records: run.overwritten.length,
        parts: [...new Set(run.overwritten.map((o) => o.part))].join(','),
      });
    return {
      lines: lineNumber,
      loaded: {
        employer: accepted.employer.length,
        vacancy: accepted.vacancy.length,
        jobseeker: accepted.jobseeker.length,
        training: accepted.training.length,
      },
      rejected,
      conflicts: run.conflicts.sort(byLine),
      overwritten: run.overwritten.sort(byLine),
      elapsedMs: Date.now() - started,
    };
  }

  /** The erasure register, or undefined while it is empty. */
  private async loadErasures(): Promise<
    { register: ErasureRegister; erasedOn: Map<string, string> } | undefined
  > {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM erasure_register`);
    if (n === 0) return undefined;
    if (!this.options.erasureSecret)
      throw new Error(
        `The erasure register holds ${n} erased customers: the import needs the server secret (OSAAMO_PSEUDONYM_SECRET) to refuse them`,
      );
    const register = new ErasureRegister(this.options.erasureSecret);
    return { register, erasedOn: await register.entries(this.dataSource.manager) };
  }

  private async loadReferences(): Promise<ReferenceData> {
    const column = async (sql: string) =>
      new Set<string>((await this.dataSource.query(sql)).map((r: { v: string }) => r.v));
    return {
      skills: await column(`SELECT uri AS v FROM esco_skill`),
      occupations: await column(`SELECT uri AS v FROM esco_occupation`),
      municipalities: await column(`SELECT code AS v FROM municipality`),
      employers: await column(
        `SELECT external_id AS v FROM employer WHERE external_id IS NOT NULL`,
      ),
    };
  }

  private async inBatches<T>(
    records: T[],
    write: (manager: EntityManager, batch: T[]) => Promise<void>,
  ): Promise<void> {
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      await this.dataSource.transaction((manager) => write(manager, batch));
    }
  }

  /**
   * Keeps the items the import may write: new records, records last written by an import, and
   * records whose values the line would not change. The others are conflicts, or overwritten
   * with --overwrite (reported either way).
   */
  private async withoutConflicts<I extends { record: ImportRecord; key: string; row: object }>(
    m: EntityManager,
    run: ImportRun,
    table: TrackedTable,
    items: I[],
  ): Promise<I[]> {
    const changed = await rowsChangedThroughApi(
      m,
      table,
      items.map((i) => i.row as Record<string, unknown>),
    );
    if (changed.size === 0) return items;
    const overwrite = this.options.overwrite ?? false;
    return items.filter((item) => {
      const at = changed.get(item.key);
      if (!at) return true;
      (overwrite ? run.overwritten : run.conflicts).push({
        line: run.lineOf.get(item.record)!,
        part: table.part,
        key: item.key,
        reason: conflictReason(at, overwrite),
      });
      return overwrite;
    });
  }

  /** Returns employer ids by external id, for every employer known after the write. */
  private async writeEmployers(
    run: ImportRun,
    records: EmployerRecord[],
  ): Promise<Map<string, string>> {
    await this.inBatches(records, async (m, batch) => {
      const items = await this.withoutConflicts(
        m,
        run,
        EMPLOYER,
        batch.map((e) => ({
          record: e,
          key: e.externalId,
          row: {
            id: e.id ?? null,
            external_id: e.externalId,
            business_id: e.businessId,
            name: e.name.trim(),
            municipality_code: e.municipalityCode,
          },
        })),
      );
      if (items.length === 0) return;
      await m.query(
        `INSERT INTO employer (id, external_id, business_id, name, municipality_code, last_changed_by)
         SELECT coalesce(id, gen_random_uuid()), external_id, business_id, name, municipality_code, 'import'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, external_id text, business_id text, name text, municipality_code text)
         ON CONFLICT (external_id) DO UPDATE SET business_id = EXCLUDED.business_id, name = EXCLUDED.name,
           municipality_code = EXCLUDED.municipality_code, last_changed_by = 'import', last_changed_at = now()
         WHERE (employer.business_id, employer.name, employer.municipality_code)
           IS DISTINCT FROM (EXCLUDED.business_id, EXCLUDED.name, EXCLUDED.municipality_code)
           AND (employer.last_changed_by = 'import' OR $2::boolean)`,
        [JSON.stringify(items.map((i) => i.row)), this.options.overwrite ?? false],
      );
    });
    const rows: { id: string; external_id: string }[] = await this.dataSource.query(
      `SELECT id, external_id FROM employer WHERE external_id IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  private async writeVacancies(
    run: ImportRun,
    records: VacancyRecord[],
    employerIds: Map<string, string>,
  ): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const items = await this.withoutConflicts(
        m,
        run,
        VACANCY,
        batch.map((v) => ({
          record: v,
          key: v.externalId,
          row: {
            external_id: v.externalId,
            employer_id: employerIds.get(v.employerExternalId),
            title: v.title.trim(),
            description: v.description ?? '',
            occupation_uri: v.occupationUri ?? null,
            municipality_code: v.municipalityCode,
            latitude: v.latitude ?? null,
            longitude: v.longitude ?? null,
            remote: v.remote ?? 'none',
            working_time: v.workingTime ?? 'full_time',
            contract_type: v.contractType ?? 'permanent',
            positions: v.positions ?? 1,
            start_date: v.startDate ?? null,
            application_deadline: v.applicationDeadline ?? null,
            status: v.status ?? 'draft',
          },
        })),
      );
      if (items.length)
        await m.query(
          `INSERT INTO vacancy (external_id, source, employer_id, title, description, occupation_uri, municipality_code, latitude, longitude,
             remote, working_time, contract_type, positions, start_date, application_deadline, status, last_changed_by)
           SELECT external_id, 'local', employer_id, title, coalesce(description, ''), occupation_uri, municipality_code, latitude, longitude,
             remote, working_time, contract_type, positions, start_date, application_deadline, status, 'import'
           FROM jsonb_to_recordset($1::jsonb) AS x(${columnList(VACANCY)})
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
          [JSON.stringify(items.map((i) => i.row)), this.options.overwrite ?? false],
        );
      // Every vacancy of the batch, also those left as they were: their profiles have their own rule.
      const rows: { id: string; external_id: string }[] = await m.query(
        `SELECT id, external_id FROM vacancy WHERE source = 'local' AND external_id = ANY($1::text[])`,
        [batch.map((v) => v.externalId)],
      );
      const idOf = new Map(rows.map((r) => [r.external_id, r.id]));
      await this.writeRequirementProfiles(
        m,
        run,
        batch.map((v) => ({ vacancyId: idOf.get(v.externalId)!, record: v })),
      );
    });
  }

  /**
   * A new revision only where the file's profile differs from the current one, and the current
   * one was made by an import: the revision an employer made through the API is a conflict
   * (re-import adds none). With --overwrite the file's profile becomes a new revision.
   */
  private async writeRequirementProfiles(
    m: EntityManager,
    run: ImportRun,
    items: { vacancyId: string; record: VacancyRecord }[],
  ): Promise<void> {
    const snapshots = items.map(({ vacancyId, record }) => {
      const r = record.requirements ?? {};
      return {
        vacancyId,
        record,
        snapshot: {
          skills: (r.skills ?? []).map((s) => ({
            skillUri: s.skillUri,
            importance: s.importance,
            minProficiency: s.minProficiency,
          })),
          languages: (r.languages ?? []).map((l) => ({
            language: l.language,
            minLevel: l.minLevel,
            essential: l.essential ?? true,
          })),
          minEducationLevel: r.minEducationLevel ?? null,
          minExperienceMonths: r.minExperienceMonths ?? null,
          licences: [...new Set(r.licences ?? [])],
        },
      };
    });
    const latest: {
      vacancy_id: string;
      revision: number;
      snapshot: unknown;
      author: string;
      created_at: Date;
    }[] = await m.query(
      `SELECT DISTINCT ON (vacancy_id) vacancy_id, revision, snapshot, author, created_at FROM requirement_profile_revision
       WHERE vacancy_id = ANY($1::uuid[]) ORDER BY vacancy_id, revision DESC`,
      [items.map((i) => i.vacancyId)],
    );
    const current = new Map(latest.map((l) => [l.vacancy_id, l]));
    const overwrite = this.options.overwrite ?? false;
    const changed = snapshots
      .filter((s) => {
        const now = current.get(s.vacancyId);
        if (canonical(now?.snapshot) === canonical(s.snapshot)) return false;
        if (!now || now.author.startsWith(IMPORTER)) return true;
        (overwrite ? run.overwritten : run.conflicts).push({
          line: run.lineOf.get(s.record)!,
          part: 'requirements',
          key: s.record.externalId,
          reason: conflictReason(new Date(now.created_at), overwrite),
        });
        return overwrite;
      })
      .map((s) => ({ ...s, revision: (current.get(s.vacancyId)?.revision ?? 0) + 1 }));
    if (changed.length === 0) return;
    // The revision history records who replaced an employer's revision.
    const author = overwrite ? `${IMPORTER} --overwrite` : IMPORTER;
    const ids = changed.map((c) => c.vacancyId);
    await m.query(
      `INSERT INTO requirement_profile (vacancy_id, revision, min_education_level, min_experience_months, licences, updated_by, updated_at)
       SELECT vacancy_id, revision, min_education_level, min_experience_months, licences, $2, now()
       FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, revision int, min_education_level int, min_experience_months int, licences text[])
       ON CONFLICT (vacancy_id) DO UPDATE SET revision = EXCLUDED.revision, min_education_level = EXCLUDED.min_education_level,
         min_experience_months = EXCLUDED.min_experience_months, licences = EXCLUDED.licences, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify(
          changed.map((c) => ({
            vacancy_id: c.vacancyId,
            revision: c.revision,
            min_education_level: c.snapshot.minEducationLevel,
            min_experience_months: c.snapshot.minExperienceMonths,
            licences: c.snapshot.licences,
          })),
        ),
        author,
      ],
    );
    await m.query(`DELETE FROM requirement_skill WHERE vacancy_id = ANY($1::uuid[])`, [ids]);
    await m.query(`DELETE FROM requirement_language WHERE vacancy_id = ANY($1::uuid[])`, [ids]);
    await m.query(
      `INSERT INTO requirement_skill (vacancy_id, skill_uri, importance, min_proficiency)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, skill_uri text, importance text, min_proficiency int)`,
      [
        JSON.stringify(
          changed.flatMap((c) =>
            c.snapshot.skills.map((s) => ({
              vacancy_id: c.vacancyId,
              skill_uri: s.skillUri,
              importance: s.importance,
              min_proficiency: s.minProficiency,
            })),
          ),
        ),
      ],
    );
    await m.query(
      `INSERT INTO requirement_language (vacancy_id, language, min_level, essential)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, language text, min_level text, essential boolean)`,
      [
        JSON.stringify(
          changed.flatMap((c) =>
            c.snapshot.languages.map((l) => ({
              vacancy_id: c.vacancyId,
              language: l.language,
              min_level: l.minLevel,
              essential: l.essential,
            })),
          ),
        ),
      ],
    );
    await m.query(
      `INSERT INTO requirement_profile_revision (vacancy_id, revision, author, created_at, snapshot)
       SELECT vacancy_id, revision, $2, now(), snapshot FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, revision int, snapshot jsonb)`,
      [
        JSON.stringify(
          changed.map((c) => ({
            vacancy_id: c.vacancyId,
            revision: c.revision,
            snapshot: c.snapshot,
          })),
        ),
        author,
      ],
    );
  }

  private async writeJobseekers(run: ImportRun, records: JobseekerRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const json = <T>(items: T[]) => JSON.stringify(items);
      const candidates = batch.map((j) => {
        const languages = [...new Map((j.languages ?? []).map((l) => [l.language, l.level]))];
        return {
          record: j,
          key: j.customerId.trim(),
          languages,
          row: {
            id: j.id ?? null,
            customer_id: j.customerId.trim(),
            customer_since: j.customerSince ?? null,
            home_municipality_code: j.homeMunicipalityCode,
            home_latitude: j.homeLatitude ?? null,
            home_longitude: j.homeLongitude ?? null,
            max_commute_km: j.maxCommuteKm ?? null,
            willing_to_relocate: j.willingToRelocate ?? false,
            willing_to_work_abroad: j.willingToWorkAbroad ?? false,
            remote_preference: j.remotePreference ?? 'any',
            working_time_preferences: j.workingTimePreferences ?? [],
            contract_preferences: j.contractPreferences ?? [],
            earliest_start_date: j.earliestStartDate ?? null,
            desired_occupation_uris: j.desiredOccupationUris ?? [],
            education_level: j.educationLevel ?? null,
            education_field: j.educationField ?? null,
            licences: j.licences ?? [],
            employment_status: j.employmentStatus,
            birth_year: j.birthYear ?? null,
            // Compared with the stored languages as one string (see JOBSEEKER).
            languages: languages
              .map(([language, level]) => `${language}:${level}`)
              .sort(byCodeUnits)
              .join(','),
          },
        };
      });
      const matching = await this.withoutConflicts(m, run, JOBSEEKER, candidates);
      const personal = await this.withoutConflicts(
        m,
        run,
        PERSONAL_DATA,
        batch.map((j) => ({
          record: j,
          key: j.customerId.trim(),
          row: {
            customer_id: j.customerId.trim(),
            first_name: j.personalData.firstName.trim(),
            last_name: j.personalData.lastName.trim(),
            email: j.personalData.email ?? null,
            phone: j.personalData.phone ?? null,
            street_address: j.personalData.streetAddress ?? null,
            postal_code: j.personalData.postalCode ?? null,
            post_office: j.personalData.postOffice ?? null,
          },
        })),
      );
      const overwrite = this.options.overwrite ?? false;
      if (matching.length)
        await m.query(
          `INSERT INTO jobseeker (id, ${JOBSEEKER_COLUMNS}, last_changed_by)
           SELECT coalesce(id, gen_random_uuid()), ${JOBSEEKER_COLUMNS}, 'import'
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ${columnList(JOBSEEKER)})
           ON CONFLICT (customer_id) DO UPDATE SET ${JOBSEEKER_COLUMNS.split(', ')
             .slice(1)
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')}, last_changed_by = 'import', last_changed_at = now()
           WHERE (${prefixed('jobseeker', JOBSEEKER_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', JOBSEEKER_COLUMNS)})
             AND (jobseeker.last_changed_by = 'import' OR $2::boolean)`,
          [json(matching.map((i) => i.row)), overwrite],
        );
      const rows: { id: string; customer_id: string }[] = await m.query(
        `SELECT id, customer_id FROM jobseeker WHERE customer_id = ANY($1::text[])`,
        [candidates.map((c) => c.key)],
      );
      const idOf = new Map(rows.map((r) => [r.customer_id, r.id]));
      const ids = [...idOf.values()];
      if (personal.length)
        await m.query(
          `INSERT INTO jobseeker_personal_data (jobseeker_id, ${PERSONAL_COLUMNS}, last_changed_by)
           SELECT jobseeker_id, ${PERSONAL_COLUMNS}, 'import'
           FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, ${columnList(PERSONAL_DATA)})
           ON CONFLICT (jobseeker_id) DO UPDATE SET ${PERSONAL_COLUMNS.split(', ')
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')}, last_changed_by = 'import', last_changed_at = now()
           WHERE (${prefixed('jobseeker_personal_data', PERSONAL_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', PERSONAL_COLUMNS)})
             AND (jobseeker_personal_data.last_changed_by = 'import' OR $2::boolean)`,
          [json(personal.map((p) => ({ ...p.row, jobseeker_id: idOf.get(p.key) }))), overwrite],
        );
      // Languages are matching data: replaced only where the jobseeker's matching data is.
      const replaced = matching.map((i) => idOf.get(i.key)!);
      await m.query(`DELETE FROM jobseeker_language WHERE jobseeker_id = ANY($1::uuid[])`, [
        replaced,
      ]);
      await m.query(
        `INSERT INTO jobseeker_language (jobseeker_id, language, level) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, language text, level text)`,
        [
          json(
            matching.flatMap((i) =>
              i.languages.map(([language, level]) => ({
                jobseeker_id: idOf.get(i.key),
                language,
                level,
              })),
            ),
          ),
        ],
      );
      // Assessments are history: add the ones not there yet (by time and source), never rewrite.
      const existing: { jobseeker_id: string; assessed_at: Date; source: string }[] = await m.query(
        `SELECT jobseeker_id, assessed_at, source FROM competence_assessment WHERE jobseeker_id = ANY($1::uuid[])`,
        [ids],
      );
      const have = new Set(
        existing.map(
          (e) => `${e.jobseeker_id}|${new Date(e.assessed_at).toISOString()}|${e.source}`,
        ),
      );
      const newAssessments = batch
        .flatMap((j) =>
          (j.assessments ?? []).map((a) => ({ jobseekerId: idOf.get(j.customerId.trim())!, ...a })),
        )
        .filter(
          (a) => !have.has(`${a.jobseekerId}|${new Date(a.assessedAt).toISOString()}|${a.source}`),
        );
      if (newAssessments.length) {
        // Ids made here, so that each assessment's skills can name it without relying on RETURNING order.
        const withIds = newAssessments.map((a) => ({ ...a, id: randomUUID() }));
        await m.query(
          `INSERT INTO competence_assessment (id, jobseeker_id, source, assessed_at, recorded_by)
           SELECT id, jobseeker_id, source, assessed_at, $2
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, jobseeker_id uuid, source text, assessed_at timestamptz)`,
          [
            json(
              withIds.map((a) => ({
                id: a.id,
                jobseeker_id: a.jobseekerId,
                source: a.source,
                assessed_at: a.assessedAt,
              })),
            ),
            IMPORTER,
          ],
        );
        await m.query(
          `INSERT INTO assessed_skill (assessment_id, skill_uri, proficiency, experience_months, last_used_year, evidence)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(assessment_id uuid, skill_uri text, proficiency int, experience_months int, last_used_year int, evidence text)`,
          [
            json(
              withIds.flatMap((a) =>
                a.skills.map((s) => ({
                  assessment_id: a.id,
                  skill_uri: s.skillUri,
                  proficiency: s.proficiency,
                  experience_months: s.experienceMonths ?? null,
                  last_used_year: s.lastUsedYear ?? null,
                  evidence: s.evidence ?? null,
                })),
              ),
            ),
          ],
        );
      }
      await m.query(
        `INSERT INTO consent (jobseeker_id, purpose, recipient, granted_at)
         SELECT x.jobseeker_id, x.purpose, x.recipient, coalesce(x.granted_at, now())
         FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, purpose text, recipient text, granted_at timestamptz)
         WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.jobseeker_id = x.jobseeker_id AND c.purpose = x.purpose AND c.recipient = x.recipient)`,
        [
          json(
            batch.flatMap((j) =>
              (j.consents ?? []).map((c) => ({
                jobseeker_id: idOf.get(j.customerId.trim()),
                purpose: c.purpose,
                recipient: c.recipient,
                granted_at: c.grantedAt ?? null,
              })),
            ),
          ),
        ],
      );
      // A jobseeker's own change replaced by --overwrite is a change of their data: audited.
      const audited = run.overwritten.filter(
        (o) => (o.part === 'jobseeker' || o.part === 'personalData') && idOf.has(o.key),
      );
      if (audited.length)
        await m.query(
          `INSERT INTO audit_log (actor_id, actor_role, jobseeker_id, operation, purpose, outcome)
           SELECT $1, 'importer', jobseeker_id, operation, $2, 'allowed'
           FROM jsonb_to_recordset($3::jsonb) AS x(jobseeker_id uuid, operation text)`,
          [
            IMPORTER,
            'bulk import with --overwrite',
            json(
              audited.map((o) => ({
                jobseeker_id: idOf.get(o.key),
                operation: `import --overwrite: ${o.part === 'personalData' ? 'Jobseeker.personalData' : 'Jobseeker'} (line ${o.line})`,
              })),
            ),
          ],
        );
    });
  }

  private async writeTrainings(run: ImportRun, records: TrainingRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const items = await this.withoutConflicts(
        m,
        run,
        TRAINING,
        batch.map((t) => {
          const skills = [...new Map(t.skills.map((s) => [s.skillUri, s.levelReached]))];
          return {
            record: t,
            key: t.externalId,
            skills,
            row: {
              external_id: t.externalId,
              provider: t.provider.trim(),
              title: t.title.trim(),
              duration_days: t.durationDays,
              mode: t.mode,
              municipality_code: t.municipalityCode ?? null,
              start_dates: [...(t.startDates ?? [])].sort(),
              url: t.url ?? null,
              skills: skills
                .map(([uri, level]) => `${uri}:${level}`)
                .sort(byCodeUnits)
                .join(','),
            },
          };
        }),
      );
      if (items.length === 0) return;
      await m.query(
        `INSERT INTO training (${TRAINING_COLUMNS}, last_changed_by)
         SELECT ${TRAINING_COLUMNS}, 'import' FROM jsonb_to_recordset($1::jsonb) AS x(${columnList(TRAINING)})
         ON CONFLICT (external_id) DO UPDATE SET ${TRAINING_COLUMNS.split(', ')
           .slice(1)
           .map((c) => `${c} = EXCLUDED.${c}`)
           .join(', ')}, last_changed_by = 'import', last_changed_at = now()
         WHERE (${prefixed('training', TRAINING_COLUMNS)}) IS DISTINCT FROM (${prefixed('EXCLUDED', TRAINING_COLUMNS)})
           AND (training.last_changed_by = 'import' OR $2::boolean)`,
        [JSON.stringify(items.map((i) => i.row)), this.options.overwrite ?? false],
      );
      const rows: { id: string; external_id: string }[] = await m.query(
        `SELECT id, external_id FROM training WHERE external_id = ANY($1::text[])`,
        [items.map((i) => i.key)],
      );
      const idOf = new Map(rows.map((r) => [r.external_id, r.id]));
      await m.query(`DELETE FROM training_skill WHERE training_id = ANY($1::uuid[])`, [
        [...idOf.values()],
      ]);
      await m.query(
        `INSERT INTO training_skill (training_id, skill_uri, level_reached) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(training_id uuid, skill_uri text, level_reached int)`,
        [
          JSON.stringify(
            items.flatMap((i) =>
              i.skills.map(([skill_uri, level_reached]) => ({
                training_id: idOf.get(i.key),
                skill_uri,
                level_reached,
              })),
            ),
          ),
        ],
      );
    });
  }
}

/** The tables the importer writes, as the conflict rule compares them (change-conflicts.ts). */
const EMPLOYER: TrackedTable = {
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

const VACANCY: TrackedTable = {
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

const JOBSEEKER: TrackedTable = {
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
    {
      name: 'languages',
      type: 'text',
      current: `coalesce((SELECT string_agg(l.language || ':' || l.level, ',' ORDER BY l.language COLLATE "C")
        FROM jobseeker_language l WHERE l.jobseeker_id = t.id), '')`,
    },
  ],
  join: 'JOIN jobseeker t ON t.customer_id = x.customer_id',
};
/** The jobseeker table's own columns the importer writes (languages are a table of their own). */
const JOBSEEKER_COLUMNS = JOBSEEKER.columns
  .filter((c) => !c.current)
  .map((c) => c.name)
  .join(', ');

const PERSONAL_DATA: TrackedTable = {
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
const PERSONAL_COLUMNS = PERSONAL_DATA.columns
  .slice(1)
  .map((c) => c.name)
  .join(', ');

const TRAINING: TrackedTable = {
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
      name: 'skills',
      type: 'text',
      current: `coalesce((SELECT string_agg(s.skill_uri || ':' || s.level_reached, ',' ORDER BY s.skill_uri COLLATE "C")
        FROM training_skill s WHERE s.training_id = t.id), '')`,
    },
  ],
  join: 'JOIN training t ON t.external_id = x.external_id',
};
const TRAINING_COLUMNS = TRAINING.columns
  .filter((c) => !c.current)
  .map((c) => c.name)
  .join(', ');

/** `name type, ...` for jsonb_to_recordset. */
function columnList(table: TrackedTable): string {
  return table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
}

function prefixed(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
}

/** The order of PostgreSQL's COLLATE "C" for these ASCII codes and URIs. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted at every level: jsonb stores keys in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
