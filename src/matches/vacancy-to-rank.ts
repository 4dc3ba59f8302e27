import { LEVEL_NUMBER, SpokenLevel, VacancyProfile } from '../../matching';
import { isUuid } from '../kernel/validation/validators';
import { Queryable } from './profile-loader';
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
 * profile is the same as `loadVacancies` gives (requirements by skill URI, then as stored).
 * Null for an unknown vacancy.
 */
export async function readVacancyToRank(
  db: Queryable,
  id: string,
  employmentArea: string | null,
): Promise<VacancyToRank | null> {
  if (!isUuid(id)) return null;
  const [row]: VacancyRow[] = await db.query(
    `SELECT v.id, v.employer_id, v.status, v.source, v.occupation_uri, o.isco_group_code,
            rp.min_education_level, rp.min_experience_months, coalesce(rp.licences, '{}') AS licences,
            coalesce(v.latitude, m.latitude) AS latitude, coalesce(v.longitude, m.longitude) AS longitude,
            v.remote, v.working_time, v.contract_type, v.start_date::text AS start_date,
            (SELECT coalesce(json_agg(json_build_object('skillUri', s.skill_uri, 'importance', s.importance,
                      'minProficiency', s.min_proficiency) ORDER BY s.skill_uri), '[]')
               FROM requirement_skill s WHERE s.vacancy_id = v.id) AS skills,
            (SELECT coalesce(json_agg(json_build_object('language', l.language, 'minLevel', l.min_level,
                      'essential', l.essential)), '[]')
               FROM requirement_language l WHERE l.vacancy_id = v.id) AS languages,
            CASE WHEN $2::text IS NULL THEN NULL
                 ELSE (SELECT coalesce(array_agg(a.code), '{}') FROM municipality a WHERE a.employment_area = $2::text)
            END AS area
     FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
     LEFT JOIN esco_occupation o ON o.uri = v.occupation_uri
     LEFT JOIN requirement_profile rp ON rp.vacancy_id = v.id
     WHERE v.id = $1::uuid`,
    [id, employmentArea],
  );
  if (!row) return null;
  return {
    access: { employerId: row.employer_id, status: row.status, source: row.source },
    area: row.area === null ? null : new Set(row.area),
    profile: {
      id: row.id,
      occupationUri: row.occupation_uri,
      iscoGroup: row.isco_group_code,
      skills: parsed<VacancyProfile['skills']>(row.skills),
      languages: parsed<{ language: string; minLevel: SpokenLevel; essential: boolean }[]>(
        row.languages,
      ).map((l) => ({ ...l, minLevel: LEVEL_NUMBER[l.minLevel] })),
      minEducationLevel: row.min_education_level,
      minExperienceMonths: row.min_experience_months,
      licences: row.licences,
      location: { latitude: Number(row.latitude), longitude: Number(row.longitude) },
      remote: row.remote,
      workingTime: row.working_time,
      contractType: row.contract_type,
      startDate: row.start_date,
    },
  };
}

interface VacancyRow {
  id: string;
  employer_id: string;
  status: Vacancy['status'];
  source: Vacancy['source'];
  occupation_uri: string | null;
  isco_group_code: string | null;
  min_education_level: number | null;
  min_experience_months: number | null;
  licences: string[];
  latitude: string | number;
  longitude: string | number;
  remote: VacancyProfile['remote'];
  working_time: VacancyProfile['workingTime'];
  contract_type: string;
  start_date: string | null;
  skills: unknown;
  languages: unknown;
  area: string[] | null;
}

/** json columns arrive parsed from PostgreSQL, as text from some drivers. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
