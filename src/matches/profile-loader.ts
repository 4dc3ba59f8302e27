import { CandidateProfile, LanguageLevel, SkillGraph, VacancyProfile } from '../../matching';
import { ACTIVE_ASSESSMENT_VIEW } from '../jobseekers/active-assessment';

interface ClaimRow {
  jobseeker_id: string;
  skill_uri: string;
  proficiency: number;
  experience_months: number | null;
  last_used_year: number | null;
  verified: boolean;
}
interface JobseekerLanguageRow {
  jobseeker_id: string;
  language: string;
  level: string;
}
interface RequirementRow {
  vacancy_id: string;
  skill_uri: string;
  importance: VacancyProfile['skills'][number]['importance'];
  min_proficiency: number;
}
interface RequiredLanguageRow {
  vacancy_id: string;
  language: string;
  min_level: string;
  essential: boolean;
}

/**
 * A connection or a transaction's manager: the loaders run in the index build's snapshot too.
 * A transaction is one connection, so the loaders send their queries one after another.
 */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

const CEFR: Record<string, LanguageLevel> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 6 };

/** The skill graph from the taxonomy in the database: hierarchy, skill relations, essential skills. */
export async function loadSkillGraph(dataSource: Queryable): Promise<SkillGraph> {
  const [broader, related, essential] = await sequentially([
    () =>
      dataSource.query(
        `SELECT concept_uri, broader_uri FROM esco_broader WHERE concept_kind = 'skill' AND broader_kind = 'skill'`,
      ),
    () =>
      dataSource.query(
        `SELECT skill_uri, related_skill_uri, relation_type FROM esco_skill_relation`,
      ),
    () =>
      dataSource.query(
        `SELECT occupation_uri, skill_uri FROM esco_occupation_skill WHERE relation_type = 'essential'`,
      ),
  ]);
  const byOccupation = new Map<string, string[]>();
  for (const row of essential as { occupation_uri: string; skill_uri: string }[]) {
    const list = byOccupation.get(row.occupation_uri) ?? [];
    list.push(row.skill_uri);
    byOccupation.set(row.occupation_uri, list);
  }
  return SkillGraph.build({
    broader: (broader as { concept_uri: string; broader_uri: string }[]).map((r) => [
      r.concept_uri,
      r.broader_uri,
    ]),
    related: (
      related as { skill_uri: string; related_skill_uri: string; relation_type: string }[]
    ).map((r) => [r.skill_uri, r.related_skill_uri, r.relation_type]),
    essentialSkillsByOccupation: byOccupation,
  });
}

/**
 * Jobseekers as the matcher sees them: the active assessment's skills (drafts never), languages,
 * education, preferences and a location (own coordinates, else the municipality centre).
 * Protected attributes (birth year and the like) are not read.
 */
export async function loadCandidates(
  dataSource: Queryable,
  ids?: string[],
): Promise<CandidateProfile[]> {
  const where = ids ? `WHERE j.id = ANY($1::uuid[])` : '';
  const params = ids ? [ids] : [];
  const [people, skills, languages] = await sequentially([
    () =>
      dataSource.query(
        `SELECT j.id, j.education_level, j.licences, coalesce(j.home_latitude, m.latitude) AS latitude,
              coalesce(j.home_longitude, m.longitude) AS longitude, j.max_commute_km, j.willing_to_relocate,
              j.remote_preference, j.working_time_preferences, j.contract_preferences, j.earliest_start_date::text AS earliest_start,
              j.desired_occupation_uris,
              (SELECT coalesce(array_agg(DISTINCT o.isco_group_code), '{}') FROM esco_occupation o WHERE o.uri = ANY(j.desired_occupation_uris)) AS isco_groups
       FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code ${where} ORDER BY j.id`,
        params,
      ),
    () =>
      dataSource.query(
        `SELECT a.jobseeker_id, s.skill_uri, s.proficiency, s.experience_months, s.last_used_year,
              a.source = 'counsellor_verified' AS verified
       FROM ${ACTIVE_ASSESSMENT_VIEW} a JOIN assessed_skill s ON s.assessment_id = a.id
       ${ids ? 'WHERE a.jobseeker_id = ANY($1::uuid[])' : ''}
       ORDER BY a.jobseeker_id, s.skill_uri`,
        params,
      ),
    () =>
      dataSource.query(
        `SELECT jobseeker_id, language, level FROM jobseeker_language ${ids ? 'WHERE jobseeker_id = ANY($1::uuid[])' : ''}`,
        params,
      ),
  ]);
  const skillsOf = groupBy(skills as ClaimRow[], (r) => r.jobseeker_id);
  const languagesOf = groupBy(languages as JobseekerLanguageRow[], (r) => r.jobseeker_id);
  return (people as Record<string, unknown>[]).map((p) => {
    const claims = skillsOf.get(p.id as string) ?? [];
    const experience = claims.map((c) => c.experience_months ?? 0);
    return {
      id: p.id as string,
      skills: claims.map((c) => ({
        skillUri: c.skill_uri,
        proficiency: c.proficiency,
        verified: c.verified,
        experienceMonths: c.experience_months,
        lastUsedYear: c.last_used_year,
      })),
      languages: new Map(
        (languagesOf.get(p.id as string) ?? []).map((l) => [l.language, CEFR[l.level]]),
      ),
      educationLevel: p.education_level as number | null,
      experienceMonths: experience.length ? Math.max(...experience) : null,
      licences: new Set(p.licences as string[]),
      location: { latitude: Number(p.latitude), longitude: Number(p.longitude) },
      maxCommuteKm: p.max_commute_km as number | null,
      willingToRelocate: p.willing_to_relocate as boolean,
      remotePreference: p.remote_preference as CandidateProfile['remotePreference'],
      workingTimes: p.working_time_preferences as CandidateProfile['workingTimes'],
      contractTypes: p.contract_preferences as string[],
      earliestStart: p.earliest_start as string | null,
      desiredOccupationUris: p.desired_occupation_uris as string[],
      desiredIscoGroups: (p.isco_groups as (string | null)[]).filter(
        (g): g is string => g !== null,
      ),
    };
  });
}

/**
 * Vacancies as the matcher sees them: those with the given ids, or the open local ones
 * (optionally in some municipalities). Requirements are read for the chosen vacancies only.
 */
export async function loadVacancies(
  dataSource: Queryable,
  ids?: string[],
  municipalityCodes?: string[],
): Promise<VacancyProfile[]> {
  const params: unknown[] = [];
  let where: string;
  if (ids) {
    params.push(ids);
    where = `WHERE v.id = ANY($1::uuid[])`;
  } else {
    where = `WHERE v.status = 'open' AND v.source = 'local'`;
    if (municipalityCodes?.length) {
      params.push(municipalityCodes);
      where += ` AND v.municipality_code = ANY($1)`;
    }
  }
  const vacancies: Record<string, unknown>[] = await dataSource.query(
    `SELECT v.id, v.occupation_uri, o.isco_group_code, rp.min_education_level, rp.min_experience_months, coalesce(rp.licences, '{}') AS licences,
            coalesce(v.latitude, m.latitude) AS latitude, coalesce(v.longitude, m.longitude) AS longitude, v.remote, v.working_time,
            v.contract_type, v.start_date::text AS start_date
     FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
     LEFT JOIN esco_occupation o ON o.uri = v.occupation_uri
     LEFT JOIN requirement_profile rp ON rp.vacancy_id = v.id ${where} ORDER BY v.id`,
    params,
  );
  const chosen = vacancies.map((v) => v.id as string);
  const [skills, languages] = await sequentially([
    () =>
      dataSource.query(
        `SELECT vacancy_id, skill_uri, importance, min_proficiency FROM requirement_skill WHERE vacancy_id = ANY($1::uuid[]) ORDER BY skill_uri`,
        [chosen],
      ),
    () =>
      dataSource.query(
        `SELECT vacancy_id, language, min_level, essential FROM requirement_language WHERE vacancy_id = ANY($1::uuid[])`,
        [chosen],
      ),
  ]);
  const skillsOf = groupBy(skills as RequirementRow[], (r) => r.vacancy_id);
  const languagesOf = groupBy(languages as RequiredLanguageRow[], (r) => r.vacancy_id);
  return vacancies.map((v) => ({
    id: v.id as string,
    occupationUri: v.occupation_uri as string | null,
    iscoGroup: v.isco_group_code as string | null,
    skills: (skillsOf.get(v.id as string) ?? []).map((s) => ({
      skillUri: s.skill_uri,
      importance: s.importance,
      minProficiency: s.min_proficiency,
    })),
    languages: (languagesOf.get(v.id as string) ?? []).map((l) => ({
      language: l.language,
      minLevel: CEFR[l.min_level],
      essential: l.essential,
    })),
    minEducationLevel: v.min_education_level as number | null,
    minExperienceMonths: v.min_experience_months as number | null,
    licences: v.licences as string[],
    location: { latitude: Number(v.latitude), longitude: Number(v.longitude) },
    remote: v.remote as VacancyProfile['remote'],
    workingTime: v.working_time as VacancyProfile['workingTime'],
    contractType: v.contract_type as string,
    startDate: v.start_date as string | null,
  }));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Home municipality of each jobseeker (all, or those with the given ids): the index filters by it. */
export async function loadCandidateMunicipalities(
  db: Queryable,
  ids?: string[],
): Promise<Map<string, string>> {
  const rows: { id: string; code: string }[] = await db.query(
    `SELECT id, home_municipality_code AS code FROM jobseeker ${ids ? 'WHERE id = ANY($1::uuid[])' : ''}`,
    ids ? [ids] : [],
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Municipality of each open local vacancy (all, or among the given ids): only these are matched. */
export async function loadOpenVacancyMunicipalities(
  db: Queryable,
  ids?: string[],
): Promise<Map<string, string>> {
  const rows: { id: string; code: string }[] = await db.query(
    `SELECT id, municipality_code AS code FROM vacancy WHERE status = 'open' AND source = 'local' ${ids ? 'AND id = ANY($1::uuid[])' : ''}`,
    ids ? [ids] : [],
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Runs the queries in order (one connection takes one query at a time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sequentially(queries: (() => Promise<any>)[]): Promise<any[]> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results;
}
