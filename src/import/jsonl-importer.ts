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
import { AuditLogRepository } from '../audit/audit-log.repository';
import { ErasureRegister, erasedCustomerProblem } from '../erasure/erasure-register';
import { log } from '../kernel/logger';
import { ConflictLine, conflictReason, ImportedPart } from './change-conflicts';
import { findTextProblem } from '../kernel/validation/text-problem';
import { RecordError, ReferenceData, validateRecord } from './record-validator';
import { EmployerRepository } from '../employers/employer.repository';
import { AssessedSkillRepository } from '../jobseekers/assessed-skill.repository';
import { CompetenceAssessmentRepository } from '../jobseekers/competence-assessment.repository';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
import { TrainingRepository } from '../trainings/training.repository';
import { VacancyRepository } from '../vacancies/vacancy.repository';
import {
  RequirementProfileRepository,
  requirementSnapshot,
} from '../vacancies/requirement-profile.repository';

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
      employers: await new EmployerRepository(this.dataSource.manager).externalIds(),
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
    run: ImportRun,
    part: ImportedPart,
    changedThroughApi: (rows: I['row'][]) => Promise<Map<string, Date>>,
    items: I[],
  ): Promise<I[]> {
    const changed = await changedThroughApi(items.map((i) => i.row));
    if (changed.size === 0) return items;
    const overwrite = this.options.overwrite ?? false;
    return items.filter((item) => {
      const at = changed.get(item.key);
      if (!at) return true;
      (overwrite ? run.overwritten : run.conflicts).push({
        line: run.lineOf.get(item.record)!,
        part,
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
      const employers = new EmployerRepository(m);
      const items = await this.withoutConflicts(
        run,
        'employer',
        (rows) => employers.importConflicts(rows),
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
      await employers.importEmployers(
        items.map((i) => i.row),
        this.options.overwrite ?? false,
      );
    });
    return new EmployerRepository(this.dataSource.manager).idsByExternalId();
  }

  private async writeVacancies(
    run: ImportRun,
    records: VacancyRecord[],
    employerIds: Map<string, string>,
  ): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const vacancies = new VacancyRepository(m);
      const items = await this.withoutConflicts(
        run,
        'vacancy',
        (rows) => vacancies.importConflicts(rows),
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
      await vacancies.importVacancies(
        items.map((i) => i.row),
        this.options.overwrite ?? false,
      );
      // Every vacancy of the batch, also those left as they were: their profiles have their own rule.
      const idOf = await vacancies.localIdsByExternalId(batch.map((v) => v.externalId));
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
    const snapshots = items.map(({ vacancyId, record }) => ({
      vacancyId,
      record,
      snapshot: requirementSnapshot(record.requirements ?? {}),
    }));
    const requirements = new RequirementProfileRepository(m);
    const current = await requirements.latest(items.map((i) => i.vacancyId));
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
          reason: conflictReason(now.createdAt, overwrite),
        });
        return overwrite;
      })
      .map((s) => ({ ...s, revision: (current.get(s.vacancyId)?.revision ?? 0) + 1 }));
    // The revision history records who replaced an employer's revision.
    await requirements.write(changed, overwrite ? `${IMPORTER} --overwrite` : IMPORTER);
  }

  private async writeJobseekers(run: ImportRun, records: JobseekerRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const jobseekers = new JobseekerRepository(m);
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
            last_employer_business_id: j.lastEmployerBusinessId ?? null,
            laid_off_on: j.laidOffOn ?? null,
            // Compared with the stored languages as one string (JobseekerRepository's table).
            languages: languages
              .map(([language, level]) => `${language}:${level}`)
              .sort(byCodeUnits)
              .join(','),
          },
        };
      });
      const matching = await this.withoutConflicts(
        run,
        'jobseeker',
        (rows) => jobseekers.importConflicts(rows),
        candidates,
      );
      const personal = await this.withoutConflicts(
        run,
        'personalData',
        (rows) => jobseekers.importPersonalDataConflicts(rows),
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
      await jobseekers.importJobseekers(
        matching.map((i) => i.row),
        overwrite,
      );
      const idOf = await jobseekers.idsByCustomerId(candidates.map((c) => c.key));
      const ids = [...idOf.values()];
      await jobseekers.importPersonalData(
        personal.map((p) => ({ ...p.row, jobseeker_id: idOf.get(p.key) })),
        overwrite,
      );
      // Languages are matching data: replaced only where the jobseeker's matching data is.
      await jobseekers.importLanguages(
        matching.map((i) => idOf.get(i.key)!),
        matching.flatMap((i) =>
          i.languages.map(([language, level]) => ({
            jobseeker_id: idOf.get(i.key),
            language,
            level,
          })),
        ),
      );
      // Assessments are history: add the ones not there yet (by time and source), never rewrite.
      const assessments = new CompetenceAssessmentRepository(m);
      const existing = await assessments.existingOf(ids);
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
        await assessments.importAssessments(withIds, IMPORTER);
        await new AssessedSkillRepository(m).insert(
          withIds.flatMap((a) =>
            a.skills.map((s) => ({
              assessmentId: a.id,
              skillUri: s.skillUri,
              proficiency: s.proficiency,
              experienceMonths: s.experienceMonths ?? null,
              lastUsedYear: s.lastUsedYear ?? null,
              evidence: s.evidence ?? null,
            })),
          ),
        );
      }
      await jobseekers.importConsents(
        batch.flatMap((j) =>
          (j.consents ?? []).map((c) => ({
            jobseeker_id: idOf.get(j.customerId.trim()),
            purpose: c.purpose,
            recipient: c.recipient,
            granted_at: c.grantedAt ?? null,
          })),
        ),
      );
      // A jobseeker's own change replaced by --overwrite is a change of their data: audited.
      const audited = run.overwritten.filter(
        (o) => (o.part === 'jobseeker' || o.part === 'personalData') && idOf.has(o.key),
      );
      if (audited.length)
        await new AuditLogRepository(m).recordChanges(
          { actorId: IMPORTER, actorRole: 'importer', purpose: 'bulk import with --overwrite' },
          audited.map((o) => ({
            jobseekerId: idOf.get(o.key)!,
            operation: `import --overwrite: ${o.part === 'personalData' ? 'Jobseeker.personalData' : 'Jobseeker'} (line ${o.line})`,
          })),
        );
    });
  }

  private async writeTrainings(run: ImportRun, records: TrainingRecord[]): Promise<void> {
    await this.inBatches(records, async (m, batch) => {
      const trainings = new TrainingRepository(m);
      const items = await this.withoutConflicts(
        run,
        'training',
        (rows) => trainings.importConflicts(rows),
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
      await trainings.importTrainings(
        items.map((i) => i.row),
        items.flatMap((i) =>
          i.skills.map(([skill_uri, level_reached]) => ({
            external_id: i.key,
            skill_uri,
            level_reached,
          })),
        ),
        this.options.overwrite ?? false,
      );
    });
  }
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
