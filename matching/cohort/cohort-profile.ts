/**
 * What a cohort (a group laid off together) holds and where it could go, from its members'
 * profiles and the vacancies each of them matches above the list floor. Pure: the caller ranks.
 */
import { CandidateProfile } from '../types';

/** One skill of the group's combined profile: who holds it, and at which levels. */
export interface CohortSkill {
  skillUri: string;
  /** Members holding it, in id order. */
  holderIds: string[];
  /** Holders at each level, in id order: index 0 is level 1 (basic) … index 4 is level 5 (expert). */
  levelHolderIds: string[][];
}

/**
 * The skills of the group, most held first (then by URI): each with its holders and their
 * levels. `minHolders` leaves out skills fewer hold (a combined profile is about what most of
 * the group shares, not every skill one member has).
 */
export function combinedSkills(
  members: readonly CandidateProfile[],
  minHolders = 1,
): CohortSkill[] {
  const bySkill = new Map<string, CohortSkill>();
  for (const member of members) {
    for (const claim of member.skills) {
      let skill = bySkill.get(claim.skillUri);
      if (!skill) {
        skill = { skillUri: claim.skillUri, holderIds: [], levelHolderIds: [[], [], [], [], []] };
        bySkill.set(claim.skillUri, skill);
      }
      skill.holderIds.push(member.id);
      const level = Math.min(5, Math.max(1, Math.round(claim.proficiency)));
      skill.levelHolderIds[level - 1]!.push(member.id);
    }
  }
  const skills = [...bySkill.values()].filter((s) => s.holderIds.length >= minHolders);
  for (const s of skills) {
    s.holderIds.sort();
    for (const ids of s.levelHolderIds) ids.sort();
  }
  return skills.sort(
    (a, b) =>
      b.holderIds.length - a.holderIds.length ||
      (a.skillUri < b.skillUri ? -1 : a.skillUri > b.skillUri ? 1 : 0),
  );
}

/** A member's vacancies above the list floor, with their scores. */
export interface MemberMatches {
  memberId: string;
  matches: readonly { vacancyId: string; score: number }[];
}

/** How many of the group one vacancy could take. */
export interface VacancyAbsorption {
  vacancyId: string;
  positions: number;
  /** Members above the floor for it, best score first (then id). */
  memberIds: string[];
  /** min(positions, members above the floor): how many of the group it could take at most. */
  absorbable: number;
  bestScore: number;
}

/**
 * The vacancies the group matches, ranked by how many of it each could take: absorbable
 * (positions, at most the members above the floor), then members above the floor, then the
 * best score, then id. `positionsOf` gives a vacancy's open positions (1 where a source gives
 * none).
 */
export function vacancyAbsorption(
  members: readonly MemberMatches[],
  positionsOf: (vacancyId: string) => number,
): VacancyAbsorption[] {
  const byVacancy = new Map<string, { id: string; score: number }[]>();
  for (const member of members) {
    for (const match of member.matches) {
      let list = byVacancy.get(match.vacancyId);
      if (!list) byVacancy.set(match.vacancyId, (list = []));
      list.push({ id: member.memberId, score: match.score });
    }
  }
  const absorptions: VacancyAbsorption[] = [];
  for (const [vacancyId, list] of byVacancy) {
    list.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const positions = Math.max(1, positionsOf(vacancyId));
    absorptions.push({
      vacancyId,
      positions,
      memberIds: list.map((m) => m.id),
      absorbable: Math.min(positions, list.length),
      bestScore: list[0]!.score,
    });
  }
  return absorptions.sort(
    (a, b) =>
      b.absorbable - a.absorbable ||
      b.memberIds.length - a.memberIds.length ||
      b.bestScore - a.bestScore ||
      (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0),
  );
}

/** Where the group could go, summed by a key of the vacancies (a municipality, an occupation). */
export interface AbsorptionGroup {
  key: string;
  vacancies: number;
  positions: number;
  /** Distinct members above the floor for at least one of its vacancies, in id order. */
  memberIds: string[];
  /** min(positions, distinct members): at most this many of the group could go there. */
  absorbable: number;
}

/**
 * The absorptions summed by `keyOf` (a vacancy's municipality or occupation; null leaves it
 * out), most absorbable first, then most members, then key.
 */
export function groupAbsorption(
  absorptions: readonly VacancyAbsorption[],
  keyOf: (vacancyId: string) => string | null,
): AbsorptionGroup[] {
  const groups = new Map<string, { vacancies: number; positions: number; members: Set<string> }>();
  for (const a of absorptions) {
    const key = keyOf(a.vacancyId);
    if (key === null) continue;
    const group = groupOf(groups, key);
    group.vacancies++;
    group.positions += a.positions;
    for (const id of a.memberIds) group.members.add(id);
  }
  return [...groups]
    .map(([key, g]) => ({
      key,
      vacancies: g.vacancies,
      positions: g.positions,
      memberIds: [...g.members].sort(),
      absorbable: Math.min(g.positions, g.members.size),
    }))
    .sort(
      (a, b) =>
        b.absorbable - a.absorbable ||
        b.memberIds.length - a.memberIds.length ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

function groupOf<V>(
  groups: Map<string, { vacancies: number; positions: number; members: Set<V> }>,
  key: string,
) {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { vacancies: 0, positions: 0, members: new Set<V>() }));
  return group;
}
