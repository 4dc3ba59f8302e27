/**
 * The occupations in demand near a cohort that the group, taken together, nearly covers: most
 * of what their vacancies ask as essential is held by a fair share of the group, and what is
 * missing is few skills, the ones a joint training would teach. Pure: the caller gives the
 * vacancies nearby and the group's combined skills.
 */
import { CohortSkill } from './cohort-profile';
import { VacancyProfile } from '../types';

/** How the group's coverage of an occupation is judged (passed in; see DEFAULT_COVERAGE_PARAMS). */
export interface CoverageParams {
  /**
   * A skill counts as held by the group when at least this share of its members hold it.
   * Range (0, 1]; default 0.25: a quarter of a plant's people is a team, not one person.
   */
  heldShare: number;
  /**
   * A skill is one of an occupation's essentials when at least this share of its vacancies ask
   * it as essential. Range (0, 1]; default 0.5.
   */
  askedShare: number;
  /**
   * Occupations whose essentials the group covers at least this share of are listed. Range
   * [0, 1]; default 0.5.
   */
  minCoverage: number;
}

export const DEFAULT_COVERAGE_PARAMS: CoverageParams = {
  heldShare: 0.25,
  askedShare: 0.5,
  minCoverage: 0.5,
};

export interface OccupationCoverage {
  occupationUri: string;
  vacancies: number;
  positions: number;
  /** The occupation's essential skills (asked by `askedShare` of its vacancies), by URI. */
  essentialSkillUris: string[];
  /** Share of them the group holds (each by `heldShare` of its members). */
  coverage: number;
  /** The essentials the group does not hold enough, with how many members hold each. */
  missing: { skillUri: string; holders: number }[];
}

/**
 * Occupations of the vacancies nearby, with the group's coverage of their essential skills:
 * those covered at least `minCoverage` but not in full, by positions × coverage, then coverage, then URI.
 * `positionsOf` gives a vacancy's open positions.
 */
export function nearlyCoveredOccupations(
  vacancies: readonly VacancyProfile[],
  positionsOf: (vacancyId: string) => number,
  skills: readonly CohortSkill[],
  memberCount: number,
  params: CoverageParams = DEFAULT_COVERAGE_PARAMS,
): OccupationCoverage[] {
  if (memberCount === 0) return [];
  const holders = new Map(skills.map((s) => [s.skillUri, s.holderIds.length]));
  const byOccupation = new Map<string, VacancyProfile[]>();
  for (const v of vacancies) {
    if (!v.occupationUri) continue;
    let list = byOccupation.get(v.occupationUri);
    if (!list) byOccupation.set(v.occupationUri, (list = []));
    list.push(v);
  }
  const result: OccupationCoverage[] = [];
  for (const [occupationUri, list] of byOccupation) {
    const asked = new Map<string, number>();
    for (const v of list)
      for (const s of v.skills)
        if (s.importance === 'essential') asked.set(s.skillUri, (asked.get(s.skillUri) ?? 0) + 1);
    const essentialSkillUris = [...asked]
      .filter(([, n]) => n >= params.askedShare * list.length)
      .map(([uri]) => uri)
      .sort();
    if (!essentialSkillUris.length) continue;
    const held = (uri: string) => (holders.get(uri) ?? 0) >= params.heldShare * memberCount;
    const covered = essentialSkillUris.filter(held).length;
    const coverage = covered / essentialSkillUris.length;
    // Nearly: an occupation the group covers in full is a match, not a training's target.
    if (coverage < params.minCoverage || coverage === 1) continue;
    result.push({
      occupationUri,
      vacancies: list.length,
      positions: list.reduce((sum, v) => sum + Math.max(1, positionsOf(v.id)), 0),
      essentialSkillUris,
      coverage,
      missing: essentialSkillUris
        .filter((uri) => !held(uri))
        .map((skillUri) => ({ skillUri, holders: holders.get(skillUri) ?? 0 }))
        .sort((a, b) => b.holders - a.holders || (a.skillUri < b.skillUri ? -1 : 1)),
    });
  }
  return result.sort(
    (a, b) =>
      b.positions * b.coverage - a.positions * a.coverage ||
      b.coverage - a.coverage ||
      (a.occupationUri < b.occupationUri ? -1 : 1),
  );
}
