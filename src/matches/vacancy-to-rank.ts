import { VacancyProfile } from '../../matching';
import { isUuid } from '../kernel/validation/validators';
import {
  Queryable,
  RequiredLanguageRow,
  RequirementRow,
  VACANCY_PROFILE_COLUMNS,
  VACANCY_PROFILE_TABLES,
  vacancyProfileOf,
  VacancyProfileRow,
} from './profile-loader';
import type { Vacancy } from '../vacancies/vacancy.entity';

/** What a request needs of one vacancy before ranking or explaining: whose it is, and its profile. */
export interface VacancyToRank {
  /** What the access check looks at (`VacancyService.maySee`). */
  access: Pick<Vacancy, 'employerId' | 'status' | 'source'>;
  /** The vacancy as stored now, as `loadVacancies` builds it (a draft too). */
  profile: VacancyProfile;
  /** The codes of the employment area asked for; null when none was asked. */
  area: Set<string> | null;
}

/**
 * One statement for what used to be five in series (the access check's row, the profile's
 * three, the counsellor's area): a request's reads before ranking are one round trip. The
 * profile is built as `loadVacancies` builds it, from the same columns (requirements by skill URI).
 * Null for an unknown vacancy.
 */
export async function readVacancyToRank(
  db: Queryable,
  id: string,
  employmentArea: string | null,
): Promise<VacancyToRank | null> {
  if (!isUuid(id)) return null;
  const [row]: VacancyRow[] = await db.query(
    `SELECT ${VACANCY_PROFILE_COLUMNS}, v.employer_id, v.status, v.source,
            (SELECT coalesce(json_agg(json_build_object('skill_uri', s.skill_uri, 'importance', s.importance,
                      'min_proficiency', s.min_proficiency) ORDER BY s.skill_uri), '[]')
               FROM requirement_skill s WHERE s.vacancy_id = v.id) AS skills,
            (SELECT coalesce(json_agg(json_build_object('language', l.language, 'min_level', l.min_level,
                      'essential', l.essential)), '[]')
               FROM requirement_language l WHERE l.vacancy_id = v.id) AS languages,
            CASE WHEN $2::text IS NULL THEN NULL
                 ELSE (SELECT coalesce(array_agg(a.code), '{}') FROM municipality a WHERE a.employment_area = $2::text)
            END AS area
     FROM ${VACANCY_PROFILE_TABLES}
     WHERE v.id = $1::uuid`,
    [id, employmentArea],
  );
  if (!row) return null;
  return {
    access: { employerId: row.employer_id, status: row.status, source: row.source },
    area: row.area === null ? null : new Set(row.area),
    profile: vacancyProfileOf(
      row,
      parsed<RequirementRow[]>(row.skills),
      parsed<RequiredLanguageRow[]>(row.languages),
    ),
  };
}

interface VacancyRow extends VacancyProfileRow {
  employer_id: string;
  status: Vacancy['status'];
  source: Vacancy['source'];
  skills: unknown;
  languages: unknown;
  area: string[] | null;
}
/** json columns arrive parsed from PostgreSQL, as text from some drivers. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
