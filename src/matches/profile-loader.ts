// Owns the matcher's reads (no writes): every statement that loads candidates, vacancies and the skill graph for matching.
/**
 * The matcher's profile loader: the documented owner of the statements that read profiles for
 * the index, a ranking or an explanation (jobseeker, jobseeker_language, the active assessment's
 * assessed_skill, vacancy, requirement_profile/_skill/_language, municipality, and the taxonomy's
 * esco_broader, esco_skill_relation, esco_occupation, esco_occupation_skill). Reads only: each
 * table's writes stay with its own repository. Raw SQL on purpose: one row per jobseeker with
 * claims aggregated in SQL is what keeps the index build fast (see loadCandidates).
 */
import {
  CandidateProfile,
  LEVEL_NUMBER,
  SkillClaim,
  SkillGraph,
  SkillGraphWeights,
  SpokenLevel,
  VacancyProfile,
} from '../../matching';
import { ACTIVE_ASSESSMENT_VIEW } from '../jobseekers/active-assessment';

export interface RequirementRow {
  skill_uri: string;
  importance: VacancyProfile['skills'][number]['importance'];
  min_proficiency: number;
}
export interface RequiredLanguageRow {
  language: string;
  min_level: SpokenLevel;
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

/**
 * The skill graph from the taxonomy in the database: hierarchy, skill relations, essential
 * skills, weighted by the matcher's parameters (MatchParams.skillGraph).
 */
export async function loadSkillGraph(
  dataSource: Queryable,
  weights: SkillGraphWeights,
): Promise<SkillGraph> {
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
  return SkillGraph.build(
    {
      broader: (broader as { concept_uri: string; broader_uri: string }[]).map((r) => [
        r.concept_uri,
        r.broader_uri,
      ]),
      related: (
        related as { skill_uri: string; related_skill_uri: string; relation_type: string }[]
      ).map((r) => [r.skill_uri, r.related_skill_uri, r.relation_type]),
      essentialSkillsByOccupation: byOccupation,
    },
    weights,
  );
}

/**
 * Jobseekers as the matcher sees them: the active assessment's skills (drafts never), languages,
 * education, preferences and a location (own coordinates, else the municipality centre).
 * Protected attributes (birth year and the like) are not read.
 *
 * One row per jobseeker, claims aggregated in SQL into one text (a line per claim: URI,
 * proficiency, experience months and year last used, separated by spaces, which a URI cannot
 * hold), read through the primary key's order per assessment (no sort of every claim), instead
 * of a row per claim: 100,000 people hold about 2.4 million claims, and a JavaScript object per
 * claim row was most of a server's start-up. Equal URIs share one string.
 */
export async function loadCandidates(
  dataSource: Queryable,
  ids?: string[],
  /** Jobseekers per page when loading everyone (smaller in tests, to have several). */
  pageSize = CANDIDATE_PAGE,
): Promise<CandidateProfile[]> {
  const uris = new Map<string, string>();
  if (ids) return toCandidates(await dataSource.query(candidatesSql('ids'), [ids]), uris);
  // Everyone, in pages of ids: the next page is asked for before the last one is parsed, so
  // PostgreSQL computes it meanwhile (one statement at a time: the snapshot is one connection).
  const bounds: string[] = (
    await dataSource.query(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM jobseeker) r WHERE n % $1 = 0 ORDER BY id`,
      [pageSize],
    )
  ).map((r: { id: string }) => r.id);
  const ranges = [null, ...bounds].map((from, i) => [from, bounds[i] ?? null]);
  const page = (i: number): Promise<CandidateRow[]> | undefined => {
    if (i >= ranges.length) return undefined;
    const rows = dataSource.query(candidatesSql('range'), ranges[i]);
    rows.catch(() => undefined); // awaited below; not unhandled while the last page is parsed
    return rows;
  };
  const people: CandidateProfile[] = [];
  let next = page(0);
  for (let i = 0; next; i++) {
    const rows = await next;
    next = page(i + 1);
    for (const person of toCandidates(rows, uris)) people.push(person);
  }
  return people;
}

/** Jobseekers per page of the whole population (see `loadCandidates`). */
const CANDIDATE_PAGE = 10_000;

function toCandidates(people: CandidateRow[], uris: Map<string, string>): CandidateProfile[] {
  return people.map((p) => {
    const skills = p.claims ? parseClaims(p.claims, p.verified, uris) : [];
    let experience = 0;
    for (const claim of skills) experience = Math.max(experience, claim.experienceMonths ?? 0);
    return {
      id: p.id,
      skills,
      languages: new Map(
        (p.languages ?? []).map(([language, level]) => [language, LEVEL_NUMBER[level]]),
      ),
      educationLevel: p.education_level,
      experienceMonths: skills.length ? experience : null,
      licences: new Set(p.licences),
      location: { latitude: Number(p.latitude), longitude: Number(p.longitude) },
      maxCommuteKm: p.max_commute_km,
      willingToRelocate: p.willing_to_relocate,
      remotePreference: p.remote_preference,
      workingTimes: p.working_time_preferences,
      contractTypes: p.contract_preferences,
      earliestStart: p.earliest_start,
      desiredOccupationUris: p.desired_occupation_uris,
      desiredIscoGroups: p.isco_groups.filter((g): g is string => g !== null),
    };
  });
}

/**
 * Claims from their text, without a string or array per field (2.4 million claims at 100,000
 * people). `uris` hands out one string per URI, shared by every holder.
 */
function parseClaims(text: string, verified: boolean, uris: Map<string, string>): SkillClaim[] {
  const claims: SkillClaim[] = [];
  for (let start = 0; start < text.length;) {
    const afterUri = text.indexOf(' ', start);
    const afterLevel = text.indexOf(' ', afterUri + 1);
    const afterMonths = text.indexOf(' ', afterLevel + 1);
    let end = text.indexOf('\n', afterMonths + 1);
    if (end < 0) end = text.length;
    const raw = text.slice(start, afterUri);
    let skillUri = uris.get(raw);
    // A flat copy, so that the shared string does not keep this person's text alive.
    if (skillUri === undefined) uris.set(raw, (skillUri = Buffer.from(raw).toString()));
    claims.push({
      skillUri,
      proficiency: integer(text, afterUri + 1, afterLevel)!,
      verified,
      experienceMonths: integer(text, afterLevel + 1, afterMonths),
      lastUsedYear: integer(text, afterMonths + 1, end),
    });
    start = end + 1;
  }
  return claims;
}

/** The non-negative integer written in text[from, to), or null when empty. */
function integer(text: string, from: number, to: number): number | null {
  if (from === to) return null;
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

interface CandidateRow {
  id: string;
  education_level: number | null;
  licences: string[];
  latitude: string | number;
  longitude: string | number;
  max_commute_km: number | null;
  willing_to_relocate: boolean;
  remote_preference: CandidateProfile['remotePreference'];
  working_time_preferences: CandidateProfile['workingTimes'];
  contract_preferences: string[];
  earliest_start: string | null;
  desired_occupation_uris: string[];
  isco_groups: (string | null)[];
  /** A line per claim in URI order: "uri proficiency experienceMonths lastUsedYear" ('' for null). */
  claims: string | null;
  verified: boolean;
  languages: [string, SpokenLevel][] | null;
}

/** One row per jobseeker (those in `$1`, or with ids in ($1, $2]), claims as text, languages as JSON. */
function candidatesSql(which: 'ids' | 'range'): string {
  const where =
    which === 'ids'
      ? 'j.id = ANY($1::uuid[])'
      : '($1::uuid IS NULL OR j.id > $1::uuid) AND ($2::uuid IS NULL OR j.id <= $2::uuid)';
  return `
    SELECT j.id, j.education_level, j.licences, coalesce(j.home_latitude, m.latitude) AS latitude,
           coalesce(j.home_longitude, m.longitude) AS longitude, j.max_commute_km, j.willing_to_relocate,
           j.remote_preference, j.working_time_preferences, j.contract_preferences,
           j.earliest_start_date::text AS earliest_start, j.desired_occupation_uris,
           (SELECT coalesce(array_agg(DISTINCT o.isco_group_code), '{}') FROM esco_occupation o WHERE o.uri = ANY(j.desired_occupation_uris)) AS isco_groups,
           coalesce(a.source = 'counsellor_verified', false) AS verified,
           (SELECT string_agg(concat_ws(' ', s.skill_uri, s.proficiency, coalesce(s.experience_months::text, ''), coalesce(s.last_used_year::text, '')), E'\n' ORDER BY s.skill_uri)
            FROM assessed_skill s WHERE s.assessment_id = a.id) AS claims,
           (SELECT json_agg(json_build_array(l.language, l.level) ORDER BY l.language)
            FROM jobseeker_language l WHERE l.jobseeker_id = j.id) AS languages
    FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
    LEFT JOIN ${ACTIVE_ASSESSMENT_VIEW} a ON a.jobseeker_id = j.id
    WHERE ${where}
    ORDER BY j.id`;
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
  const vacancies: VacancyProfileRow[] = await dataSource.query(
    `SELECT ${VACANCY_PROFILE_COLUMNS} FROM ${VACANCY_PROFILE_TABLES} ${where} ORDER BY v.id`,
    params,
  );
  const chosen = vacancies.map((v) => v.id);
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
  const skillsOf = groupBy(skills as (RequirementRow & ByVacancy)[], (r) => r.vacancy_id);
  const languagesOf = groupBy(
    languages as (RequiredLanguageRow & ByVacancy)[],
    (r) => r.vacancy_id,
  );
  return vacancies.map((v) =>
    vacancyProfileOf(v, skillsOf.get(v.id) ?? [], languagesOf.get(v.id) ?? []),
  );
}

interface ByVacancy {
  vacancy_id: string;
}

/** The columns a vacancy's profile is read from (`VACANCY_PROFILE_TABLES`; `v` the vacancy). */
export const VACANCY_PROFILE_COLUMNS = `v.id, v.occupation_uri, o.isco_group_code, rp.min_education_level,
  rp.min_experience_months, coalesce(rp.licences, '{}') AS licences,
  coalesce(v.latitude, m.latitude) AS latitude, coalesce(v.longitude, m.longitude) AS longitude,
  v.remote, v.working_time, v.contract_type, v.start_date::text AS start_date`;

/** The vacancy `v` with its municipality (the location by default), occupation and requirements. */
export const VACANCY_PROFILE_TABLES = `vacancy v JOIN municipality m ON m.code = v.municipality_code
  LEFT JOIN esco_occupation o ON o.uri = v.occupation_uri
  LEFT JOIN requirement_profile rp ON rp.vacancy_id = v.id`;

/** A row of `VACANCY_PROFILE_COLUMNS`. */
export interface VacancyProfileRow {
  id: string;
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
}

/** A vacancy's profile from its row and its required skills (by skill URI) and languages. */
export function vacancyProfileOf(
  v: VacancyProfileRow,
  skills: RequirementRow[],
  languages: RequiredLanguageRow[],
): VacancyProfile {
  return {
    id: v.id,
    occupationUri: v.occupation_uri,
    iscoGroup: v.isco_group_code,
    skills: skills.map((s) => ({
      skillUri: s.skill_uri,
      importance: s.importance,
      minProficiency: s.min_proficiency,
    })),
    languages: languages.map((l) => ({
      language: l.language,
      minLevel: LEVEL_NUMBER[l.min_level],
      essential: l.essential,
    })),
    minEducationLevel: v.min_education_level,
    minExperienceMonths: v.min_experience_months,
    licences: v.licences,
    location: { latitude: Number(v.latitude), longitude: Number(v.longitude) },
    remote: v.remote,
    workingTime: v.working_time,
    contractType: v.contract_type,
    startDate: v.start_date,
  };
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
