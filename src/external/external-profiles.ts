/**
 * Outside vacancies as the matcher sees them. Skills the source names (those in our taxonomy),
 * else the essential skills of the occupation, else those most of the ISCO group's occupations
 * share; all as 'important' at a working level, since we cannot know what the employer deems
 * essential. Languages as the source gives them, never as hard requirements.
 */
import { DataSource } from 'typeorm';
import { SkillRequirement, VacancyProfile } from '../../matching';
import { ExternalVacancy } from './external-vacancy';

const WORKING_LEVEL = 2;

export async function toVacancyProfiles(
  /** A data source, or a transaction's manager (the match index reads in its snapshot). */
  dataSource: Pick<DataSource, 'query'>,
  vacancies: ExternalVacancy[],
): Promise<VacancyProfile[]> {
  if (!vacancies.length) return [];
  const occupations = [
    ...new Set(vacancies.map((v) => v.occupationUri).filter(Boolean)),
  ] as string[];
  const groups = [...new Set(vacancies.map((v) => v.iscoGroup).filter(Boolean))] as string[];
  const named = [
    ...new Set(vacancies.flatMap((v) => [...v.skillUris, ...(v.extractedSkillUris ?? [])])),
  ];
  const occupationRows: { uri: string; isco_group_code: string | null; skills: string[] | null }[] =
    await dataSource.query(
      `SELECT o.uri, o.isco_group_code,
              (SELECT array_agg(s.skill_uri ORDER BY s.skill_uri) FROM esco_occupation_skill s
               WHERE s.occupation_uri = o.uri AND s.relation_type = 'essential') AS skills
       FROM esco_occupation o WHERE o.uri = ANY($1) OR o.isco_group_code = ANY($2)`,
      [occupations, groups],
    );
  const knownSkills: { uri: string }[] = named.length
    ? await dataSource.query(`SELECT uri FROM esco_skill WHERE uri = ANY($1)`, [named])
    : [];
  const known = new Set(knownSkills.map((r) => r.uri));
  const occupationByUri = new Map(occupationRows.map((o) => [o.uri, o]));
  const groupSkills = skillsSharedInGroups(occupationRows);
  return vacancies.map((v) => {
    const occupation = v.occupationUri ? occupationByUri.get(v.occupationUri) : undefined;
    const iscoGroup = v.iscoGroup ?? occupation?.isco_group_code ?? null;
    const fromSource = v.skillUris.filter((uri) => known.has(uri));
    const skillUris = fromSource.length
      ? fromSource
      : [
          ...(occupation?.skills ?? (iscoGroup ? groupSkills.get(iscoGroup) : undefined) ?? []),
          ...(v.extractedSkillUris ?? []).filter((uri) => known.has(uri)),
        ];
    return {
      id: `${v.source}:${v.externalId}`,
      occupationUri: occupation ? occupation.uri : null,
      iscoGroup,
      skills: [...new Set(skillUris)].map((skillUri): SkillRequirement => ({
        skillUri,
        importance: 'important',
        minProficiency: WORKING_LEVEL,
      })),
      languages: v.languages.map((l) => ({ ...l, essential: false })),
      minEducationLevel: null,
      minExperienceMonths: null,
      licences: [],
      location: v.location,
      remote: v.remote,
      workingTime: v.workingTime,
      contractType: v.contractType,
      startDate: null,
    };
  });
}

/** Per ISCO group: the essential skills at least half of its occupations share. */
function skillsSharedInGroups(
  rows: { isco_group_code: string | null; skills: string[] | null }[],
): Map<string, string[]> {
  const byGroup = new Map<string, string[][]>();
  for (const r of rows) {
    if (!r.isco_group_code) continue;
    byGroup.set(r.isco_group_code, [...(byGroup.get(r.isco_group_code) ?? []), r.skills ?? []]);
  }
  const shared = new Map<string, string[]>();
  for (const [group, lists] of byGroup) {
    const counts = new Map<string, number>();
    for (const list of lists) for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
    shared.set(
      group,
      [...counts]
        .filter(([, n]) => n * 2 >= lists.length)
        .map(([s]) => s)
        .sort(),
    );
  }
  return shared;
}
