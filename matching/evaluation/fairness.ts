import { MatchParams } from '../params';
import { listedMatch, listFloor, meetsFloor } from '../rank';
import { VacancyScorer } from '../score';
import { SkillGraph } from '../skill-graph';
import { CandidateProfile, LanguageLevel, VacancyProfile } from '../types';

/**
 * Fairness of exposure across groups of a protected attribute the matcher never reads (age,
 * gender, mother tongue), which can still reach a score through proxies (experience, staleness,
 * language levels, desired occupations). Each group's share of the places in the vacancies' top
 * lists is set against its share of the qualified candidates; a group getting less than four
 * fifths of the best group's ratio is flagged, and neutralising one rule at a time says which
 * one causes the gap.
 */

/** The places of a vacancy's list that count as exposure. */
export const TOP_PLACES = 10;
/** The four-fifths rule: a group below this share of the best group's ratio is flagged. */
export const FOUR_FIFTHS = 0.8;
/** A ratio change smaller than this is no change (attribution names no cause for it). */
const NEGLIGIBLE = 0.02;

/** A candidate and its group on the dimension measured. */
export interface GroupMember {
  group: string;
  profile: CandidateProfile;
}

/** The candidates of one dimension (e.g. age band), each labelled with its group. */
export interface FairnessPool {
  dimension: string;
  groups: string[];
  members: GroupMember[];
}

export interface GroupFairness {
  group: string;
  /** Places in the vacancies' top lists (ties at the last place share it). */
  exposure: number;
  exposureShare: number;
  /** (member, vacancy) pairs where the member is qualified (see isQualified). */
  qualified: number;
  qualifiedShare: number;
  /** exposureShare ÷ qualifiedShare; null when the group has no qualified pair. */
  ratio: number | null;
  /** ratio ÷ the best group's ratio; null as ratio is. */
  ofBest: number | null;
  /** ofBest below FOUR_FIFTHS. */
  flagged: boolean;
}

export interface DimensionFairness {
  dimension: string;
  groups: GroupFairness[];
}

/**
 * Qualified, independent of the score's proxies: the candidate holds every essential skill of
 * the vacancy itself at the level asked or above. Languages, experience, recency, evidence,
 * related skills and occupations are left out on purpose: they are what is being tested.
 */
export function isQualified(candidate: CandidateProfile, vacancy: VacancyProfile): boolean {
  return holdsEssentials(levelsOf(candidate), vacancy);
}

function levelsOf(candidate: CandidateProfile): Map<string, number> {
  return new Map(candidate.skills.map((s) => [s.skillUri, s.proficiency]));
}

function holdsEssentials(levels: Map<string, number>, vacancy: VacancyProfile): boolean {
  return vacancy.skills.every(
    (r) => r.importance !== 'essential' || (levels.get(r.skillUri) ?? 0) >= r.minProficiency,
  );
}

/**
 * Each listed candidate's exposure in one vacancy's top `places`, by index into `totals`
 * (scores of the listed candidates, others absent): 1 above the last place; candidates tied at
 * the last place share what is left of it equally, so the (arbitrary) id order of ties, which
 * would favour one group's ids, does not enter the measure.
 */
export function topExposure(totals: number[], places = TOP_PLACES): number[] {
  if (totals.length <= places) return totals.map(() => 1);
  const cut = [...totals].sort((a, b) => b - a)[places - 1]!;
  const above = totals.filter((t) => t > cut).length;
  const tied = totals.filter((t) => t === cut).length;
  return totals.map((t) => (t > cut ? 1 : t === cut ? (places - above) / tied : 0));
}

/**
 * Exposure against qualification per group of `pool` over `vacancies`, each vacancy's list as
 * served by default (hard requirements passed, the default floor of listFloor).
 */
export function measureFairness(
  pool: FairnessPool,
  vacancies: VacancyProfile[],
  graph: SkillGraph,
  params: MatchParams,
): DimensionFairness {
  const floor = listFloor(undefined, false, params);
  const exposure = new Map(pool.groups.map((g) => [g, 0]));
  const qualified = new Map(pool.groups.map((g) => [g, 0]));
  const levels = pool.members.map((m) => levelsOf(m.profile));
  const holders = new Map<string, number[]>();
  levels.forEach((held, i) => {
    for (const uri of held.keys()) {
      const list = holders.get(uri);
      if (list) list.push(i);
      else holders.set(uri, [i]);
    }
  });
  for (const vacancy of vacancies) {
    const scorer = new VacancyScorer(vacancy, graph, params);
    const listed: { group: string; total: number }[] = [];
    for (const i of withinReach(vacancy, graph, holders, pool.members.length)) {
      const { group, profile } = pool.members[i]!;
      if (holdsEssentials(levels[i]!, vacancy)) qualified.set(group, qualified.get(group)! + 1);
      const score = scorer.score(profile);
      if (meetsFloor(score, floor) && listedMatch(score, false))
        listed.push({ group, total: score.total });
    }
    topExposure(listed.map((l) => l.total)).forEach((places, i) => {
      const group = listed[i]!.group;
      exposure.set(group, exposure.get(group)! + places);
    });
  }
  return { dimension: pool.dimension, groups: groupRatios(pool.groups, exposure, qualified) };
}

/**
 * The members (indices, ascending) holding one of the vacancy's essential skills or a skill
 * related to one; all of them when it names none. Exact, not a heuristic: anyone else meets no
 * essential skill, so the default floor leaves them out, and qualifies for nothing.
 */
function withinReach(
  vacancy: VacancyProfile,
  graph: SkillGraph,
  holders: Map<string, number[]>,
  count: number,
): number[] {
  const essentials = vacancy.skills.filter((r) => r.importance === 'essential');
  if (!essentials.length) return Array.from({ length: count }, (_, i) => i);
  const reached = new Set<number>();
  for (const { skillUri } of essentials)
    for (const uri of [skillUri, ...graph.neighbours(skillUri).map((n) => n.skillUri)])
      for (const i of holders.get(uri) ?? []) reached.add(i);
  return [...reached].sort((a, b) => a - b);
}

/** Shares, ratios and flags from each group's exposure and qualified count. */
export function groupRatios(
  groups: string[],
  exposure: Map<string, number>,
  qualified: Map<string, number>,
): GroupFairness[] {
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const [exposed, able] = [sum(exposure), sum(qualified)];
  const rows = groups.map((group) => {
    const exposureShare = exposed ? exposure.get(group)! / exposed : 0;
    const qualifiedShare = able ? qualified.get(group)! / able : 0;
    return {
      group,
      exposure: exposure.get(group)!,
      exposureShare,
      qualified: qualified.get(group)!,
      qualifiedShare,
      ratio: qualifiedShare ? exposureShare / qualifiedShare : null,
    };
  });
  const best = Math.max(0, ...rows.map((r) => r.ratio ?? 0));
  return rows.map((r) => {
    const ofBest = r.ratio === null || best === 0 ? null : r.ratio / best;
    return { ...r, ofBest, flagged: ofBest !== null && ofBest < FOUR_FIFTHS };
  });
}

/** One rule switched off: in the parameters, in the vacancies, or both. */
export interface Neutraliser {
  /** What is changed, e.g. "Finnish required at B2 at most". */
  name: string;
  /** The rule it switches off, as the attribution names the cause. */
  rule: string;
  params?: (params: MatchParams) => MatchParams;
  vacancy?: (vacancy: VacancyProfile) => VacancyProfile;
}

/** A vacancy whose requirements of `language` above `level` ask for `level` instead. */
export function relaxLanguage(language: string, level: LanguageLevel) {
  return (vacancy: VacancyProfile): VacancyProfile => ({
    ...vacancy,
    languages: vacancy.languages.map((r) =>
      r.language === language && r.minLevel > level ? { ...r, minLevel: level } : r,
    ),
  });
}

/** The proxies' rules, each neutralised on its own. */
export const NEUTRALISERS: Neutraliser[] = [
  {
    name: 'staleness off (stalenessFloor 1)',
    rule: 'the staleness discount',
    params: (p) => ({ ...p, stalenessFloor: 1 }),
  },
  {
    name: 'experience off (experienceWeight 0)',
    rule: 'the experience component',
    params: (p) => ({ ...p, experienceWeight: 0 }),
  },
  {
    name: 'Finnish required at B2 at most',
    rule: 'the native-language rule',
    vacancy: relaxLanguage('fi', 4),
  },
  {
    name: 'occupation fit off (occupationMaxLift 0)',
    rule: 'the occupation fit',
    params: (p) => ({ ...p, occupationMaxLift: 0 }),
  },
];

export interface Attribution {
  group: string;
  ratio: number | null;
  ofBest: number | null;
  flagged: boolean;
  /** The group's ratio with each rule neutralised, in NEUTRALISERS' order. */
  trials: { neutraliser: string; rule: string; ratio: number | null; ofBest: number | null }[];
  /** The rule whose neutralising narrows the gap most (by ofBest); null if none does. */
  cause: string | null;
}

/**
 * For every group short of the best (ofBest below 1 by more than a negligible margin), its
 * ratio with each rule neutralised on the same pool and vacancies, and the rule whose
 * neutralising narrows its gap most: the cause.
 */
export function attributeGaps(
  base: DimensionFairness,
  pool: FairnessPool,
  vacancies: VacancyProfile[],
  graph: SkillGraph,
  params: MatchParams,
  neutralisers: Neutraliser[] = NEUTRALISERS,
): Attribution[] {
  const short = base.groups.filter((g) => g.ofBest !== null && g.ofBest < 1 - NEGLIGIBLE);
  if (!short.length) return [];
  const runs = neutralisers.map((n) => ({
    neutraliser: n,
    result: measureFairness(
      pool,
      n.vacancy ? vacancies.map(n.vacancy) : vacancies,
      graph,
      n.params ? n.params(params) : params,
    ),
  }));
  return short.map((g) => {
    const trials = runs.map(({ neutraliser, result }) => {
      const row = result.groups.find((r) => r.group === g.group)!;
      return { neutraliser: neutraliser.name, rule: neutraliser.rule, ...row };
    });
    const best = trials.reduce<(typeof trials)[number] | null>(
      (top, t) => ((t.ofBest ?? 0) > (top?.ofBest ?? g.ofBest! + NEGLIGIBLE) ? t : top),
      null,
    );
    return {
      group: g.group,
      ratio: g.ratio,
      ofBest: g.ofBest,
      flagged: g.flagged,
      trials: trials.map(({ neutraliser, rule, ratio, ofBest }) => ({
        neutraliser,
        rule,
        ratio,
        ofBest,
      })),
      cause: best?.rule ?? null,
    };
  });
}

/**
 * One attribution as a line of the report, e.g. "other: 0.62 (flagged); with Finnish required
 * at B2 at most: 0.91 → the native-language rule".
 */
export function describeAttribution(a: Attribution): string {
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const head = `${a.group}: ${f(a.ratio)} (${a.flagged ? 'flagged' : `${f(a.ofBest)} of the best`})`;
  const trial = a.trials.find((t) => t.rule === a.cause);
  if (!trial) return `${head}; no neutralised rule narrows the gap`;
  const part = (trial.ofBest ?? 0) < FOUR_FIFTHS ? ', in part (still under four fifths)' : '';
  return `${head}; with ${trial.neutraliser}: ${f(trial.ratio)} (${f(trial.ofBest)} of the best) → ${a.cause}${part}`;
}
