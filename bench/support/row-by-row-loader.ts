/**
 * The candidate loader as it was before claims were aggregated per person in SQL (a row per
 * claim through `pg`): the reference the aggregated loader is compared with, record by record
 * (test/services/candidate-loader.test.ts), and the "before" of the start-up bench.
 */
import { CandidateProfile, LEVEL_NUMBER, SpokenLevel } from '../../matching';
import { ACTIVE_ASSESSMENT_VIEW } from '../../src/jobseekers/active-assessment';
import { Queryable } from '../../src/matches/profile-loader';

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
  level: SpokenLevel;
}

/** The jobseekers as `loadCandidates` returns them, read the old way: a row per claim. */
export async function loadCandidatesRowByRow(
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
        (languagesOf.get(p.id as string) ?? []).map((l) => [l.language, LEVEL_NUMBER[l.level]]),
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

/** Runs the queries in order (one connection takes one query at a time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sequentially(queries: (() => Promise<any>)[]): Promise<any[]> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results;
}
