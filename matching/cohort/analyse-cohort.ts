/**
 * A cohort analysed, in two pure steps the server and the bench share: `rankCohort` ranks every
 * member over the vacancies (the caller's ranker: the index, or scoring every pair), and
 * `planCohort` turns the rankings into where the group can go, the assignment proposal, the
 * trainings' cover and what the group nearly covers. Between the two the caller may read what
 * it needs of the vacancies named (their positions).
 */
import { MatchParams } from '../params';
import { ListFloor, RankedMatch } from '../rank';
import { RankQuery } from '../ranking';
import { SkillGraph } from '../skill-graph';
import { NearVacancy, TrainingOffer } from '../trainings';
import { CandidateProfile, VacancyProfile } from '../types';
import { assignCohort, CohortAssignment, CohortEdge, greedyAssignment } from './assignment';
import {
  CohortSkill,
  combinedSkills,
  VacancyAbsorption,
  vacancyAbsorption,
} from './cohort-profile';
import { nearlyCoveredOccupations, OccupationCoverage } from './nearly-covered';
import { coverTrainings, TrainingPick, trainingLifts } from './training-cover';

/** Ranks one person's vacancies (every source the reader may see), best first. */
export type VacancyRanker = (
  candidate: CandidateProfile,
  query: RankQuery<VacancyProfile>,
) => RankedMatch[];

/** A vacancy above the floor for a member, and the pair's score (no breakdown: a cohort holds many). */
export interface CohortMatch {
  vacancyId: string;
  score: number;
}

/**
 * How many of each member's best vacancies above the floor the analysis keeps. A member with
 * more is well placed; a vacancy further down their list does not count them. The assignment
 * is exact over these lists, and so over every vacancy for a group of at most this many (see
 * `assignmentProblem`); for larger groups the bench checks it against keeping the group's size
 * (the same total fit for 500 people over 20,000 vacancies), and keeping 500 costs ten times the
 * ranking.
 */
export const BEST_KEPT = 100;

export interface CohortRanking {
  /** Each member's best vacancies above the floor, best first (`bestKept` of them at most). */
  above: Map<string, CohortMatch[]>;
  bestKept: number;
  /** Members above the floor for none, with their nearest vacancies (near misses too), best first. */
  nearest: Map<string, RankedMatch[]>;
}

/**
 * Every member's best vacancies above `floor` (`bestKept` of them) and, for those with none, their `nearVacancies` nearest (no floor, near misses
 * included, with their breakdowns: what they lack).
 */
export function rankCohort(
  members: readonly CandidateProfile[],
  rank: VacancyRanker,
  floor: ListFloor,
  nearVacancies = 20,
  bestKept = BEST_KEPT,
): CohortRanking {
  const above = new Map<string, CohortMatch[]>();
  const nearest = new Map<string, RankedMatch[]>();
  for (const member of members) {
    const listed = rank(member, { k: bestKept, ...floor, includeNearMisses: false })
      .slice(0, bestKept)
      .map((r) => ({ vacancyId: r.score.vacancyId, score: r.score.total }));
    above.set(member.id, listed);
    if (!listed.length)
      nearest.set(
        member.id,
        rank(member, { k: nearVacancies, minScore: 0, includeNearMisses: true }),
      );
  }
  return { above, nearest, bestKept };
}

/** What the plan needs beside the rankings. */
export interface CohortContext {
  /** Open positions of a vacancy named in the rankings (1 where a source gives none). */
  positionsOf: (vacancyId: string) => number;
  /** The profile a vacancy was ranked with. */
  profileOf: (vacancyId: string) => VacancyProfile | undefined;
  /** The trainings a member can reach (place and start date). */
  trainingsFor: (member: CandidateProfile) => TrainingOffer[];
  /** Open vacancies near the group (for the occupations it nearly covers), with their positions. */
  nearby: readonly VacancyProfile[];
  nearbyPositionsOf: (vacancyId: string) => number;
  graph: SkillGraph;
  params: MatchParams;
  floor: ListFloor;
  /** Trainings the cover picks at most. */
  maxTrainings: number;
}

export interface CohortPlan {
  /** Every skill a member holds, most held first. */
  skills: CohortSkill[];
  vacancies: VacancyAbsorption[];
  matchedIds: string[];
  unmatchedIds: string[];
  assignment: CohortAssignment;
  greedy: CohortAssignment;
  trainings: TrainingPick[];
  nearlyCovered: OccupationCoverage[];
}

export function planCohort(
  members: readonly CandidateProfile[],
  ranking: CohortRanking,
  context: CohortContext,
): CohortPlan {
  const above = (id: string) => ranking.above.get(id) ?? [];
  const vacancies = vacancyAbsorption(
    members.map((m) => ({ memberId: m.id, matches: above(m.id) })),
    context.positionsOf,
  );
  const problem = assignmentProblem(members, ranking, context.positionsOf);
  const skills = combinedSkills(members);
  const unmatched = members.filter((m) => !above(m.id).length);
  return {
    skills,
    vacancies,
    matchedIds: members.filter((m) => above(m.id).length > 0).map((m) => m.id),
    unmatchedIds: unmatched.map((m) => m.id),
    assignment: mostPlacedThenFit(problem),
    greedy: greedyAssignment(problem),
    trainings: coverTrainings(
      unmatched.map((member) => ({
        personId: member.id,
        lifts: trainingLifts(
          member,
          nearVacanciesOf(ranking.nearest.get(member.id) ?? [], context),
          context.trainingsFor(member),
          context.graph,
          context.params,
          context.floor,
        ),
      })),
      context.maxTrainings,
    ),
    nearlyCovered: nearlyCoveredOccupations(
      context.nearby,
      context.nearbyPositionsOf,
      skills,
      members.length,
    ),
  };
}

/**
 * The assignment over each member's best vacancies above the floor (as ranked: `bestKept`).
 * Keeping a member's n best (n: the group's size) loses nothing: of n vacancies better for
 * them, the other n − 1 members fill at most n − 1, so a free one is always among them.
 */
function assignmentProblem(
  members: readonly CandidateProfile[],
  ranking: CohortRanking,
  positionsOf: (vacancyId: string) => number,
) {
  const vacancyIds: string[] = [];
  const vacancyIndex = new Map<string, number>();
  const edges: CohortEdge[] = [];
  members.forEach((m, person) => {
    for (const r of (ranking.above.get(m.id) ?? []).slice(0, members.length)) {
      let vacancy = vacancyIndex.get(r.vacancyId);
      if (vacancy === undefined) {
        vacancy = vacancyIds.push(r.vacancyId) - 1;
        vacancyIndex.set(r.vacancyId, vacancy);
      }
      edges.push({ person, vacancy, fit: r.score });
    }
  });
  return {
    people: members.map((m) => m.id),
    vacancies: vacancyIds.map((id) => ({ id, positions: Math.max(1, positionsOf(id)) })),
    edges,
  };
}

/**
 * The proposal a lay-off needs: as many people placed as can be, and among those placements the
 * greatest total fit. Each pair's weight gets a bonus larger than any group's total fit (fits are
 * at most 1), so one more placement always outweighs any difference of fit; the pairs keep their
 * own fits.
 */
function mostPlacedThenFit(problem: ReturnType<typeof assignmentProblem>): CohortAssignment {
  const bonus = problem.people.length + 1;
  const weighted = assignCohort({
    ...problem,
    edges: problem.edges.map((e) => ({ ...e, fit: e.fit + bonus })),
  });
  // The pairs' own fits, not the weight less the bonus (which rounds).
  const fitOf = new Map(
    problem.edges.map((e) => [e.person * problem.vacancies.length + e.vacancy, e.fit]),
  );
  const pairs = weighted.pairs.map((p) => ({
    ...p,
    fit: fitOf.get(p.person * problem.vacancies.length + p.vacancy)!,
  }));
  return {
    pairs,
    totalFit: pairs.reduce((sum, p) => sum + p.fit, 0),
    assignedCount: pairs.length,
  };
}

/** A member's nearest vacancies a training could lift them to (not near misses: a course does not bring a licence). */
function nearVacanciesOf(nearest: RankedMatch[], context: CohortContext): NearVacancy[] {
  const near: NearVacancy[] = [];
  for (const r of nearest) {
    if (r.nearMiss !== null) continue;
    const profile = context.profileOf(r.score.vacancyId);
    if (profile)
      near.push({
        profile,
        score: r.score.total,
        positions: context.positionsOf(r.score.vacancyId),
      });
  }
  return near;
}
