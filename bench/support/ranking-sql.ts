import { MatchParams, occupationWeight } from '../../matching';

/**
 * The ranking of matchesForVacancy as one PostgreSQL query, for the bench's comparison: the
 * same score as scoreMatch (skills through the skill graph, occupation, languages, education,
 * experience, location, conditions; normalised over the judged components; the occupation's fit
 * times the skills value when the skills are judged, as MatchParams says; pairs failing a
 * hard requirement left out), top 50 by score then id. The skill graph's edges are a table
 * (`bench_skill_edge`: required, held, credit factor) written by the bench. $1 is the vacancy.
 */
export function vacancyRankingSql(p: MatchParams): string {
  const wo = occupationWeight(p);
  const cefr = `CASE l.level WHEN 'A1' THEN 1 WHEN 'A2' THEN 2 WHEN 'B1' THEN 3 WHEN 'B2' THEN 4 WHEN 'C1' THEN 5 ELSE 6 END`;
  const minCefr = `CASE r.min_level WHEN 'A1' THEN 1 WHEN 'A2' THEN 2 WHEN 'B1' THEN 3 WHEN 'B2' THEN 4 WHEN 'C1' THEN 5 ELSE 6 END`;
  return `
WITH v AS (
  SELECT v.id, v.occupation_uri, o.isco_group_code AS isco, coalesce(v.latitude, m.latitude) AS lat,
         coalesce(v.longitude, m.longitude) AS lon, v.remote, v.working_time, v.contract_type, v.start_date,
         rp.min_education_level AS min_edu, rp.min_experience_months AS min_exp, coalesce(rp.licences, '{}') AS licences
  FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
  LEFT JOIN esco_occupation o ON o.uri = v.occupation_uri
  LEFT JOIN requirement_profile rp ON rp.vacancy_id = v.id
  WHERE v.id = $1),
req AS (
  SELECT row_number() OVER () AS n, skill_uri, min_proficiency,
         CASE importance WHEN 'essential' THEN ${p.importance.essential} WHEN 'important' THEN ${p.importance.important} ELSE ${p.importance.nice_to_have} END AS w
  FROM requirement_skill WHERE vacancy_id = $1),
expansion AS (
  SELECT n, skill_uri AS held, 1.0::float8 AS factor FROM req
  UNION ALL
  SELECT req.n, e.held_uri, e.factor FROM req JOIN bench_skill_edge e ON e.required_uri = req.skill_uri),
latest AS (
  SELECT a.id, a.jobseeker_id, a.source FROM competence_assessment a
  WHERE NOT EXISTS (SELECT 1 FROM competence_assessment a2 WHERE a2.jobseeker_id = a.jobseeker_id AND a2.assessed_at > a.assessed_at)),
claim AS MATERIALIZED (
  -- From the expanded skills through the skill index, not from every claim.
  SELECT DISTINCT ON (a.jobseeker_id, s.skill_uri) a.jobseeker_id, s.skill_uri, s.proficiency,
         (CASE WHEN a.source = 'counsellor_verified' OR coalesce(s.experience_months, 0) >= 12 THEN 1 ELSE ${p.unverifiedCredit} END)
         * (CASE WHEN s.last_used_year IS NOT NULL AND ${p.currentYear} - s.last_used_year - ${p.staleAfterYears} > 0
                 THEN greatest(0.5, 1 - ${p.stalenessPerYear} * (${p.currentYear} - s.last_used_year - ${p.staleAfterYears})) ELSE 1 END) AS evidence
  FROM assessed_skill s JOIN competence_assessment a ON a.id = s.assessment_id
  WHERE s.skill_uri = ANY (ARRAY(SELECT DISTINCT held FROM expansion))
    AND NOT EXISTS (SELECT 1 FROM competence_assessment a2 WHERE a2.jobseeker_id = a.jobseeker_id AND a2.assessed_at > a.assessed_at)
  ORDER BY a.jobseeker_id, s.skill_uri, a.source = 'counsellor_verified' DESC),
credit AS (
  SELECT c.jobseeker_id, x.n,
         max(x.factor * greatest(0, 1 - ${p.levelShortfallPenalty} * greatest(0, req.min_proficiency - c.proficiency)) * c.evidence) AS credit
  FROM expansion x JOIN req ON req.n = x.n JOIN claim c ON c.skill_uri = x.held
  GROUP BY c.jobseeker_id, x.n),
skills AS MATERIALIZED (
  SELECT c.jobseeker_id, sum(req.w * c.credit) / (SELECT sum(w) FROM req) AS value
  FROM credit c JOIN req ON req.n = c.n GROUP BY c.jobseeker_id),
experience AS MATERIALIZED (
  -- Read only when the vacancy asks for experience (a one-time filter skips the scan).
  SELECT l.jobseeker_id, max(coalesce(s.experience_months, 0)) AS months
  FROM latest l JOIN assessed_skill s ON s.assessment_id = l.id
  WHERE (SELECT coalesce(min_exp, 0) FROM v) > 0 GROUP BY l.jobseeker_id),
pair AS (
  SELECT j.id,
    CASE WHEN EXISTS (SELECT 1 FROM req) THEN coalesce(sk.value, 0) END AS skills,
    CASE WHEN v.occupation_uri IS NULL OR cardinality(j.desired_occupation_uris) = 0 THEN NULL
         WHEN v.occupation_uri = ANY (j.desired_occupation_uris) THEN 1
         WHEN v.isco IS NOT NULL AND EXISTS (SELECT 1 FROM esco_occupation o WHERE o.uri = ANY (j.desired_occupation_uris) AND o.isco_group_code = v.isco) THEN ${p.sameIscoGroupCredit}
         ELSE 0 END AS occupation,
    lang.value AS languages, lang.failures AS language_failures,
    CASE WHEN coalesce(v.min_edu, 0) <= 0 THEN NULL WHEN j.education_level IS NULL THEN 0
         WHEN j.education_level >= v.min_edu THEN 1 ELSE greatest(0, 1 - 0.3 * (v.min_edu - j.education_level)) END AS education,
    CASE WHEN coalesce(v.min_exp, 0) <= 0 THEN NULL WHEN ex.months IS NULL THEN 0
         WHEN ex.months >= v.min_exp THEN 1 ELSE greatest(0, ex.months::float8 / v.min_exp) END AS experience,
    loc.value AS location, loc.failed AS location_failed,
    (SELECT count(*) FROM unnest(v.licences) need WHERE NOT need = ANY (j.licences)) AS licence_failures,
    cond.value AS conditions
  FROM jobseeker j CROSS JOIN v
  JOIN municipality hm ON hm.code = j.home_municipality_code
  LEFT JOIN skills sk ON sk.jobseeker_id = j.id
  LEFT JOIN experience ex ON ex.jobseeker_id = j.id
  CROSS JOIN LATERAL (
    SELECT avg(CASE WHEN coalesce(lv.level, 0) >= ${minCefr} THEN 1 ELSE coalesce(lv.level, 0)::float8 / ${minCefr} / 2 END) AS value,
           count(*) FILTER (WHERE r.essential AND coalesce(lv.level, 0) < ${minCefr}) AS failures
    FROM requirement_language r
    LEFT JOIN LATERAL (SELECT ${cefr} AS level FROM jobseeker_language l WHERE l.jobseeker_id = j.id AND l.language = r.language) lv ON true
    WHERE r.vacancy_id = v.id) lang
  CROSS JOIN LATERAL (
    SELECT 2 * 6371 * asin(sqrt(power(sin(radians(v.lat - coalesce(j.home_latitude, hm.latitude)) / 2), 2)
             + cos(radians(coalesce(j.home_latitude, hm.latitude))) * cos(radians(v.lat))
             * power(sin(radians(v.lon - coalesce(j.home_longitude, hm.longitude)) / 2), 2))) AS km,
           coalesce(j.max_commute_km, 30) AS reach) d
  CROSS JOIN LATERAL (
    SELECT CASE WHEN v.remote = 'hybrid' THEN d.km / 2 ELSE d.km END AS effective) e
  CROSS JOIN LATERAL (
    SELECT CASE WHEN v.remote = 'full' THEN CASE WHEN j.remote_preference = 'none' THEN 0.8 ELSE 1 END
                WHEN j.remote_preference = 'full' THEN CASE WHEN v.remote = 'hybrid' THEN 0.5 ELSE 0 END
                WHEN e.effective <= d.reach THEN 1
                WHEN j.willing_to_relocate THEN 0.7
                ELSE greatest(0, 1 - (e.effective - d.reach) / d.reach) END AS value,
           (v.remote <> 'full' AND j.remote_preference = 'full' AND v.remote = 'none')
           OR (v.remote = 'none' AND j.remote_preference <> 'full' AND e.effective > d.reach AND NOT j.willing_to_relocate) AS failed) loc
  CROSS JOIN LATERAL (
    SELECT avg(part) AS value FROM (VALUES
      (CASE WHEN cardinality(j.working_time_preferences) > 0 THEN CASE WHEN v.working_time = ANY (j.working_time_preferences) THEN 1 ELSE 0 END END),
      (CASE WHEN cardinality(j.contract_preferences) > 0 THEN CASE WHEN v.contract_type = ANY (j.contract_preferences) THEN 1 ELSE 0.3 END END),
      (CASE WHEN j.earliest_start_date IS NOT NULL AND v.start_date IS NOT NULL THEN CASE WHEN v.start_date >= j.earliest_start_date THEN 1 ELSE 0.5 END END)
    ) parts(part)) cond),
scored AS (
  SELECT id, language_failures + licence_failures + (location_failed::int) AS failures,
    (coalesce(${p.skillsWeight} * skills, 0) + coalesce(${wo} * occupation * coalesce(skills, 1), 0) + coalesce(${p.languagesWeight} * languages, 0)
     + coalesce(${p.educationWeight} * education, 0) + coalesce(${p.experienceWeight} * experience, 0)
     + coalesce(${p.locationWeight} * location, 0) + coalesce(${p.conditionsWeight} * conditions, 0))
    / nullif((CASE WHEN skills IS NULL THEN 0 ELSE ${p.skillsWeight} END) + (CASE WHEN occupation IS NULL THEN 0 ELSE ${wo} END)
     + (CASE WHEN languages IS NULL THEN 0 ELSE ${p.languagesWeight} END) + (CASE WHEN education IS NULL THEN 0 ELSE ${p.educationWeight} END)
     + (CASE WHEN experience IS NULL THEN 0 ELSE ${p.experienceWeight} END) + (CASE WHEN location IS NULL THEN 0 ELSE ${p.locationWeight} END)
     + (CASE WHEN conditions IS NULL THEN 0 ELSE ${p.conditionsWeight} END), 0) AS total
  FROM pair)
SELECT id, least(1, greatest(0, coalesce(total, 0))) AS score FROM scored WHERE failures = 0
ORDER BY score DESC, id LIMIT 50`;
}
