// Owns requirement_profile, requirement_skill, requirement_language and requirement_profile_revision.
/**
 * The one owner of a vacancy's requirement profile on disk: `requirement_profile`, its lines
 * (`requirement_skill`, `requirement_language`) and its history (`requirement_profile_revision`).
 * The API (VacancyService), the import (JsonlImporter) and the insights read and write the
 * profile and its revision snapshot only through here.
 */
import { EntityManager } from 'typeorm';
import { Importance, RequirementProfile } from './requirement-profile.entity';

/** A requirement profile as one revision records it (the `snapshot` column). */
export interface RequirementSnapshot {
  skills: { skillUri: string; importance: Importance; minProficiency: number }[];
  /** CEFR levels (A1–C2; the table's check holds them to those). */
  languages: { language: string; minLevel: string; essential: boolean }[];
  minEducationLevel: number | null;
  minExperienceMonths: number | null;
  licences: string[];
}

/** What a snapshot is made from: the API's validated input or an import record's requirements. */
export interface RequirementParts {
  skills?: { skillUri: string; importance: Importance; minProficiency: number }[];
  languages?: { language: string; minLevel: string; essential?: boolean | null }[];
  minEducationLevel?: number | null;
  minExperienceMonths?: number | null;
  licences?: string[];
}

/**
 * The snapshot of a profile: exactly these fields, languages essential unless said otherwise,
 * each licence once. The import compares snapshots to decide whether a record changed anything.
 */
export function requirementSnapshot(parts: RequirementParts): RequirementSnapshot {
  return {
    skills: (parts.skills ?? []).map((s) => ({
      skillUri: s.skillUri,
      importance: s.importance,
      minProficiency: s.minProficiency,
    })),
    languages: (parts.languages ?? []).map((l) => ({
      language: l.language,
      minLevel: l.minLevel,
      essential: l.essential ?? true,
    })),
    minEducationLevel: parts.minEducationLevel ?? null,
    minExperienceMonths: parts.minExperienceMonths ?? null,
    licences: [...new Set(parts.licences ?? [])],
  };
}

/** A new vacancy's profile: revision 1, nothing required. */
export const EMPTY_REQUIREMENTS: RequirementSnapshot = requirementSnapshot({});

/** One revision of one vacancy's profile. */
export interface RequirementRevision {
  vacancyId: string;
  revision: number;
  snapshot: RequirementSnapshot;
}

/** The newest revision of a vacancy, with who made it and when. */
export interface LatestRevision extends RequirementRevision {
  author: string;
  createdAt: Date;
}

/** Statements on the requirement tables, run on the manager given (a transaction's or the pool's). */
export class RequirementProfileRepository {
  constructor(private readonly db: EntityManager) {}

  /** Starts a new vacancy's profile: revision 1, empty, recorded in the history. */
  async start(vacancyId: string, author: string): Promise<void> {
    await this.db.insert(RequirementProfile, {
      vacancyId,
      revision: 1,
      licences: [],
      minEducationLevel: null,
      minExperienceMonths: null,
      updatedBy: author,
      updatedAt: new Date(),
    });
    await this.appendRevisions([{ vacancyId, revision: 1, snapshot: EMPTY_REQUIREMENTS }], author);
  }

  /**
   * Moves the profile from `baseRevision` to the next one, with the snapshot's lines and
   * history. Null, writing nothing, when `baseRevision` is no longer the current revision:
   * checked by the UPDATE itself, not by a read before it.
   */
  async replace(
    vacancyId: string,
    baseRevision: number,
    snapshot: RequirementSnapshot,
    author: string,
  ): Promise<number | null> {
    const updated = await this.db.query(
      `UPDATE requirement_profile
       SET revision = revision + 1, min_education_level = $3, min_experience_months = $4, licences = $5,
           updated_by = $6, updated_at = now()
       WHERE vacancy_id = $1 AND revision = $2
       RETURNING revision`,
      [
        vacancyId,
        baseRevision,
        snapshot.minEducationLevel,
        snapshot.minExperienceMonths,
        snapshot.licences,
        author,
      ],
    );
    const rows: { revision: number }[] = Array.isArray(updated[0]) ? updated[0] : updated;
    const [row] = rows;
    if (!row) return null;
    const revision = row.revision;
    await this.replaceLines([{ vacancyId, snapshot }]);
    await this.appendRevisions([{ vacancyId, revision, snapshot }], author);
    return revision;
  }

  /** Writes each vacancy's profile at the revision given (created or replaced), lines and history too. */
  async write(revisions: RequirementRevision[], author: string): Promise<void> {
    if (revisions.length === 0) return;
    await this.db.query(
      `INSERT INTO requirement_profile (vacancy_id, revision, min_education_level, min_experience_months, licences, updated_by, updated_at)
       SELECT vacancy_id, revision, min_education_level, min_experience_months, licences, $2, now()
       FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, revision int, min_education_level int, min_experience_months int, licences text[])
       ON CONFLICT (vacancy_id) DO UPDATE SET revision = EXCLUDED.revision, min_education_level = EXCLUDED.min_education_level,
         min_experience_months = EXCLUDED.min_experience_months, licences = EXCLUDED.licences, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify(
          revisions.map((c) => ({
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
    await this.replaceLines(revisions);
    await this.appendRevisions(revisions, author);
  }

  /** The only writer of `requirement_skill` and `requirement_language`: each vacancy's lines become its snapshot's. */
  private async replaceLines(
    profiles: { vacancyId: string; snapshot: RequirementSnapshot }[],
  ): Promise<void> {
    const ids = profiles.map((p) => p.vacancyId);
    await this.db.query(`DELETE FROM requirement_skill WHERE vacancy_id = ANY($1::uuid[])`, [ids]);
    await this.db.query(`DELETE FROM requirement_language WHERE vacancy_id = ANY($1::uuid[])`, [
      ids,
    ]);
    const skills = profiles.flatMap((p) =>
      p.snapshot.skills.map((s) => ({
        vacancy_id: p.vacancyId,
        skill_uri: s.skillUri,
        importance: s.importance,
        min_proficiency: s.minProficiency,
      })),
    );
    if (skills.length)
      await this.db.query(
        `INSERT INTO requirement_skill (vacancy_id, skill_uri, importance, min_proficiency)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, skill_uri text, importance text, min_proficiency int)`,
        [JSON.stringify(skills)],
      );
    const languages = profiles.flatMap((p) =>
      p.snapshot.languages.map((l) => ({
        vacancy_id: p.vacancyId,
        language: l.language,
        min_level: l.minLevel,
        essential: l.essential,
      })),
    );
    if (languages.length)
      await this.db.query(
        `INSERT INTO requirement_language (vacancy_id, language, min_level, essential)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, language text, min_level text, essential boolean)`,
        [JSON.stringify(languages)],
      );
  }

  /** The only writer of `requirement_profile_revision`. */
  private async appendRevisions(revisions: RequirementRevision[], author: string): Promise<void> {
    await this.db.query(
      `INSERT INTO requirement_profile_revision (vacancy_id, revision, author, created_at, snapshot)
       SELECT vacancy_id, revision, $2, now(), snapshot FROM jsonb_to_recordset($1::jsonb) AS x(vacancy_id uuid, revision int, snapshot jsonb)`,
      [
        JSON.stringify(
          revisions.map((c) => ({
            vacancy_id: c.vacancyId,
            revision: c.revision,
            snapshot: c.snapshot,
          })),
        ),
        author,
      ],
    );
  }

  /** The current profile's row. */
  current(vacancyId: string): Promise<RequirementProfile | null> {
    return this.db.findOneBy(RequirementProfile, { vacancyId });
  }

  /** The current revision's number. */
  async currentRevision(vacancyId: string): Promise<number> {
    const [{ revision }] = await this.db.query(
      `SELECT revision FROM requirement_profile WHERE vacancy_id = $1`,
      [vacancyId],
    );
    return revision;
  }

  /** Each vacancy's newest revision (vacancies without one are absent). */
  async latest(vacancyIds: string[]): Promise<Map<string, LatestRevision>> {
    const rows: {
      vacancy_id: string;
      revision: number;
      snapshot: RequirementSnapshot;
      author: string;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT DISTINCT ON (vacancy_id) vacancy_id, revision, snapshot, author, created_at FROM requirement_profile_revision
       WHERE vacancy_id = ANY($1::uuid[]) ORDER BY vacancy_id, revision DESC`,
      [vacancyIds],
    );
    return new Map(
      rows.map((r) => [
        r.vacancy_id,
        {
          vacancyId: r.vacancy_id,
          revision: r.revision,
          snapshot: r.snapshot,
          author: r.author,
          createdAt: new Date(r.created_at),
        },
      ]),
    );
  }

  /** The revisions asked for that exist, as they were. */
  async revisions(vacancyId: string, revisions: number[]): Promise<RequirementRevision[]> {
    const rows: { revision: number; snapshot: RequirementSnapshot }[] = await this.db.query(
      `SELECT revision, snapshot FROM requirement_profile_revision WHERE vacancy_id = $1 AND revision = ANY($2::int[])`,
      [vacancyId, revisions],
    );
    return rows.map((r) => ({ vacancyId, revision: r.revision, snapshot: r.snapshot }));
  }
}
