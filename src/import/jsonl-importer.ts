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
import { findTextProblem } from '../validation/text-problem';
import { RecordError, ReferenceData, validateRecord } from './record-validator';

export interface RejectedLine {
  line: number;
  field: string;
  reason: string;
}

export interface JsonlImportReport {
  lines: number;
  loaded: Record<ImportRecord['type'], number>;
  rejected: RejectedLine[];
  elapsedMs: number;
}

export interface JsonlImportOptions {
  /**
   * The server secret the erasure register is keyed with (OSAAMO_PSEUDONYM_SECRET). Without it
   * an import runs only while the register is empty: it could not tell who was erased.
   */
  erasureSecret?: string;
}

const BATCH = 500;
const IMPORTER = 'import:jsonl';

/**
 * Loads a JSON Lines file of employers, vacancies (with requirement profiles), jobseekers (with
 * personal data, languages, assessments and consents) and trainings. Each line is checked on
 * its own; rejected lines are reported with their number and reason and the rest load.
 * Idempotent: records are keyed by external id (jobseekers by customer id), and a second
 * import of the same file changes nothing.
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
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        rejected.push({
          line: lineNumber,
          field: error.field,
          reason: error.message.slice(error.field.length + 2),
        });
      }
    }
    const employerIds = await this.writeEmployers(accepted.employer);
    await this.writeVacancies(accepted.vacancy, employerIds);
    await this.writeJobseekers(accepted.jobseeker);
    await this.writeTrainings(accepted.training);
    return {
      lines: lineNumber,
      loaded: {
        employer: accepted.employer.length,
        vacancy: accepted.vacancy.length,
        jobseeker: accepted.jobseeker.length,
        training: accepted.training.length,
      },
      rejected,
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

  /** Returns employer ids by external id, for every employer known after the write. */
  private async writeEmployers(records: EmployerRecord[]): Promise<Map<string, string>> {
    await this.inBatches(records, async (m, batch) => {
      await m.query(
        `INSERT INTO employer (id, external_id, business_id, name, municipality_code)
         SELECT coalesce(id, gen_random_uuid()), external_id, business_id, name, municipality_code
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, external_id text, business_id text, name text, municipality_code text)
         ON CONFLICT (external_id) DO UPDATE SET business_id = EXCLUDED.business_id, name = EXCLUDED.name,
           municipality_code = EXCLUDED.municipality_code
         WHERE (employer.business_id, employer.name, employer.municipality_code)
           IS DISTINCT FROM (EXCLUDED.business_id, EXCLUDED.name, EXCLUDED.municipality_code)`,
        [
          JSON.stringify(
            batch.map((e) => ({
              id: e.id ?? null,
              external_id: e.externalId,
              business_id: e.businessId,
              name: e.name.trim(),
              municipality_code: e.municipalityCode,
            })),
          ),
        ],
      );
    });
    const rows: { id: string; external_id: string }[] = await this.dataSource.query(
      `SELECT id, external_id FROM employer WHERE external_id IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  private async writeVacancies(
    records: VacancyRecord[],
    employerIds: Map<string, string>,
  ): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const rows: { id: string; external_id: string }[] = await m.query(
        `INSERT INTO vacancy (external_id, source, employer_id, title, description, occupation_uri, municipality_code, latitude, longitude,
           remote, working_time, contract_type, positions, start_date, application_deadline, status)
         SELECT external_id, 'local', employer_id, title, coalesce(description, ''), occupation_uri, municipality_code, latitude, longitude,
           remote, working_time, contract_type, positions, start_date, application_deadline, status
         FROM jsonb_to_recordset($1::jsonb) AS x(external_id text, employer_id uuid, title text, description text, occupation_uri text,
           municipality_code text, latitude float8, longitude float8, remote text, working_time text, contract_type text,
           positions int, start_date date, application_deadline date, status text)
         ON CONFLICT (source, external_id) DO UPDATE SET employer_id = EXCLUDED.employer_id, title = EXCLUDED.title,
           description = EXCLUDED.description, occupation_uri = EXCLUDED.occupation_uri, municipality_code = EXCLUDED.municipality_code,
           latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, remote = EXCLUDED.remote, working_time = EXCLUDED.working_time,
           contract_type = EXCLUDED.contract_type, positions = EXCLUDED.positions, start_date = EXCLUDED.start_date,
           application_deadline = EXCLUDED.application_deadline, status = EXCLUDED.status
         RETURNING id, external_id`,
        [
          JSON.stringify(
            batch.map((v) => ({
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
            })),
          ),
        ],
      );
      const idOf = new Map(rows.map((r) => [r.external_id, r.id]));
      await this.writeRequirementProfiles(
        m,
        batch.map((v) => ({ vacancyId: idOf.get(v.externalId)!, record: v })),
      );
    });
  }

  /** A new revision only where the profile differs from the latest one: re-import adds none. */
  private async writeRequirementProfiles(
    m: EntityManager,
    items: { vacancyId: string; record: VacancyRecord }[],
  ): Promise<void> {
    const snapshots = items.map(({ vacancyId, record }) => {
      const r = record.requirements ?? {};
      return {
        vacancyId,
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
    const latest: { vacancy_id: string; revision: number; snapshot: unknown }[] = await m.query(
      `SELECT DISTINCT ON (vacancy_id) vacancy_id, revision, snapshot FROM requirement_profile_revision
       WHERE vacancy_id = ANY($1::uuid[]) ORDER BY vacancy_id, revision DESC`,
      [items.map((i) => i.vacancyId)],
    );
    const current = new Map(latest.map((l) => [l.vacancy_id, l]));
    const changed = snapshots
      .filter((s) => canonical(current.get(s.vacancyId)?.snapshot) !== canonical(s.snapshot))
      .map((s) => ({ ...s, revision: (current.get(s.vacancyId)?.revision ?? 0) + 1 }));
    if (changed.length === 0) return;
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
        IMPORTER,
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
        IMPORTER,
      ],
    );
  }

  private async writeJobseekers(records: JobseekerRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const rows: { id: string; customer_id: string }[] = await m.query(
        `INSERT INTO jobseeker (id, customer_id, customer_since, home_municipality_code, home_latitude, home_longitude, max_commute_km, willing_to_relocate,
           willing_to_work_abroad, remote_preference, working_time_preferences, contract_preferences, earliest_start_date,
           desired_occupation_uris, education_level, education_field, licences, employment_status, birth_year)
         SELECT coalesce(id, gen_random_uuid()), customer_id, customer_since, home_municipality_code, home_latitude, home_longitude, max_commute_km,
           willing_to_relocate, willing_to_work_abroad, remote_preference, working_time_preferences, contract_preferences,
           earliest_start_date, desired_occupation_uris, education_level, education_field, licences, employment_status, birth_year
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, customer_id text, customer_since date, home_municipality_code text, home_latitude float8,
           home_longitude float8, max_commute_km int, willing_to_relocate boolean, willing_to_work_abroad boolean, remote_preference text,
           working_time_preferences text[], contract_preferences text[], earliest_start_date date, desired_occupation_uris text[],
           education_level int, education_field text, licences text[], employment_status text, birth_year int)
         ON CONFLICT (customer_id) DO UPDATE SET customer_since = EXCLUDED.customer_since,
           home_municipality_code = EXCLUDED.home_municipality_code,
           home_latitude = EXCLUDED.home_latitude, home_longitude = EXCLUDED.home_longitude, max_commute_km = EXCLUDED.max_commute_km,
           willing_to_relocate = EXCLUDED.willing_to_relocate, willing_to_work_abroad = EXCLUDED.willing_to_work_abroad,
           remote_preference = EXCLUDED.remote_preference, working_time_preferences = EXCLUDED.working_time_preferences,
           contract_preferences = EXCLUDED.contract_preferences, earliest_start_date = EXCLUDED.earliest_start_date,
           desired_occupation_uris = EXCLUDED.desired_occupation_uris, education_level = EXCLUDED.education_level,
           education_field = EXCLUDED.education_field, licences = EXCLUDED.licences, employment_status = EXCLUDED.employment_status,
           birth_year = EXCLUDED.birth_year
         RETURNING id, customer_id`,
        [
          JSON.stringify(
            batch.map((j) => ({
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
            })),
          ),
        ],
      );
      const idOf = new Map(rows.map((r) => [r.customer_id, r.id]));
      const ids = [...idOf.values()];
      const json = <T>(items: T[]) => JSON.stringify(items);
      await m.query(
        `INSERT INTO jobseeker_personal_data (jobseeker_id, first_name, last_name, email, phone, street_address, postal_code, post_office)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, first_name text, last_name text, email text, phone text,
           street_address text, postal_code text, post_office text)
         ON CONFLICT (jobseeker_id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, email = EXCLUDED.email,
           phone = EXCLUDED.phone, street_address = EXCLUDED.street_address, postal_code = EXCLUDED.postal_code, post_office = EXCLUDED.post_office`,
        [
          json(
            batch.map((j) => ({
              jobseeker_id: idOf.get(j.customerId.trim()),
              first_name: j.personalData.firstName.trim(),
              last_name: j.personalData.lastName.trim(),
              email: j.personalData.email ?? null,
              phone: j.personalData.phone ?? null,
              street_address: j.personalData.streetAddress ?? null,
              postal_code: j.personalData.postalCode ?? null,
              post_office: j.personalData.postOffice ?? null,
            })),
          ),
        ],
      );
      await m.query(`DELETE FROM jobseeker_language WHERE jobseeker_id = ANY($1::uuid[])`, [ids]);
      await m.query(
        `INSERT INTO jobseeker_language (jobseeker_id, language, level) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(jobseeker_id uuid, language text, level text)`,
        [
          json(
            batch.flatMap((j) =>
              [...new Map((j.languages ?? []).map((l) => [l.language, l.level]))].map(
                ([language, level]) => ({
                  jobseeker_id: idOf.get(j.customerId.trim()),
                  language,
                  level,
                }),
              ),
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
    });
  }

  private async writeTrainings(records: TrainingRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const rows: { id: string; external_id: string }[] = await m.query(
        `INSERT INTO training (external_id, provider, title, duration_days, mode, municipality_code, start_dates, url)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(external_id text, provider text, title text, duration_days int, mode text,
           municipality_code text, start_dates date[], url text)
         ON CONFLICT (external_id) DO UPDATE SET provider = EXCLUDED.provider, title = EXCLUDED.title, duration_days = EXCLUDED.duration_days,
           mode = EXCLUDED.mode, municipality_code = EXCLUDED.municipality_code, start_dates = EXCLUDED.start_dates, url = EXCLUDED.url
         RETURNING id, external_id`,
        [
          JSON.stringify(
            batch.map((t) => ({
              external_id: t.externalId,
              provider: t.provider.trim(),
              title: t.title.trim(),
              duration_days: t.durationDays,
              mode: t.mode,
              municipality_code: t.municipalityCode ?? null,
              start_dates: [...(t.startDates ?? [])].sort(),
              url: t.url ?? null,
            })),
          ),
        ],
      );
      const idOf = new Map(rows.map((r) => [r.external_id, r.id]));
      await m.query(`DELETE FROM training_skill WHERE training_id = ANY($1::uuid[])`, [
        [...idOf.values()],
      ]);
      await m.query(
        `INSERT INTO training_skill (training_id, skill_uri, level_reached) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(training_id uuid, skill_uri text, level_reached int)`,
        [
          JSON.stringify(
            batch.flatMap((t) =>
              [...new Map(t.skills.map((s) => [s.skillUri, s.levelReached]))].map(
                ([skill_uri, level_reached]) => ({
                  training_id: idOf.get(t.externalId),
                  skill_uri,
                  level_reached,
                }),
              ),
            ),
          ),
        ],
      );
    });
  }
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
