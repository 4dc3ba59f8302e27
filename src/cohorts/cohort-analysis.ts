/**
 * A cohort's analysis: where the group can go, who is left without a good match and what they
 * lack, which trainings would move the most people, what the group nearly covers, and a
 * one-to-one proposal of people to positions. Computed from the match index (every member
 * ranked over the local and, where the reader may see them, Job Market Finland's vacancies,
 * with the default list floor), kept per cohort while the change feed stands still.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AbsorptionGroup,
  byScoreThenId,
  CandidateProfile,
  CohortSkill,
  groupAbsorption,
  listFloor,
  MatchScore,
  OccupationCoverage,
  planCohort,
  rankCohort,
  VacancyAbsorption,
  VacancyProfile,
  VacancyRanker,
} from '../../matching';
import { RankingTrace } from '../audit/ranking-audit';
import { FeedCache } from '../matches/feed-cache';
import { graphGeneration } from '../matches/graph-generation';
import { MatchIndexes } from '../matches/match-index';
import { MatchService } from '../matches/match.service';
import { loadCandidates } from '../matches/profile-loader';
import { loadNationalRecords } from '../matches/national-profile-loader';
import { MunicipalityRepository } from '../municipalities/municipality.repository';
import { loadTrainingOffers, reachableTraining, TrainingRow } from '../trainings/training-offers';
import { Cohort } from './cohort.entity';

/** How many vacancies a member left without a match is shown, nearest first. */
const NEAREST = 3;
/** How many of an unmatched member's best vacancies a training is judged against. */
const NEAR_VACANCIES = 20;
/** How many trainings the cover picks at most. */
const MAX_TRAININGS = 5;
/** Skills of the combined profile: those at least this share of the group holds (at least 2 people). */
const COMBINED_SHARE = 0.1;

/** A vacancy the group matches, as the analysis names it. */
export interface CohortVacancy {
  id: string;
  source: 'local' | 'national';
  title: string;
  employerName: string | null;
  municipalityCode: string | null;
  occupationUri: string | null;
  positions: number;
  url: string | null;
}

export interface UnmatchedMember {
  jobseekerId: string;
  nearest: {
    vacancyId: string;
    score: number;
    /** Essential and important skills the vacancy asks that the member lacks. */
    missingSkillUris: string[];
    /** The one hard requirement a near miss fails (licence:x, language:x, location), if any. */
    nearMiss: string | null;
  }[];
}

export interface CohortTrainingPick {
  trainingId: string;
  title: string;
  provider: string;
  /** Members this training lifts over the floor who no earlier pick lifted. */
  liftedIds: string[];
}

export interface CohortAssignment {
  pairs: { jobseekerId: string; vacancyId: string; fit: number }[];
  totalFit: number;
  greedyTotalFit: number;
  greedyAssigned: number;
}

/** Everything the analysis found, with ids (views decide what a reader gets). */
export interface CohortFigures {
  memberIds: string[];
  trace: RankingTrace;
  /** Whether Job Market Finland's vacancies were ranked too. */
  includesNational: boolean;
  /** The combined profile's skills most held (at least 2 people, a tenth of the group). */
  skills: CohortSkill[];
  /** Every skill a member holds, by URI. */
  allSkills: Map<string, CohortSkill>;
  vacancies: VacancyAbsorption[];
  vacancyInfo: Map<string, CohortVacancy>;
  byMunicipality: AbsorptionGroup[];
  byOccupation: AbsorptionGroup[];
  matchedIds: string[];
  unmatched: UnmatchedMember[];
  trainings: CohortTrainingPick[];
  assignment: CohortAssignment;
  nearlyCovered: OccupationCoverage[];
}

export class CohortAnalysis {
  private readonly cache = new FeedCache<CohortFigures>(16);

  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchService,
  ) {}

  /** The figures of a cohort (members as given), computed or kept from an earlier ask. */
  async figures(
    cohort: Cohort,
    memberIds: string[],
    includeNational: boolean,
    today = new Date().toISOString().slice(0, 10),
  ): Promise<CohortFigures> {
    const position = await this.matches.indexPosition();
    const [trainings, graph] = await Promise.all([
      loadTrainingOffers(this.dataSource),
      this.matches.skillGraph(),
    ]);
    // Trainings are not in the change feed, and a new taxonomy need not move it: both in the key.
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          cohort.id,
          memberIds,
          includeNational,
          today,
          graphGeneration(graph),
          trainings,
        ]),
      )
      .digest('base64');
    return this.cache.get(position, key, () =>
      this.compute(cohort, memberIds, includeNational, trainings, today),
    );
  }

  private async compute(
    cohort: Cohort,
    memberIds: string[],
    includeNational: boolean,
    trainingRows: TrainingRow[],
    today: string,
  ): Promise<CohortFigures> {
    const [indexes, graph, areaCodes] = await Promise.all([
      this.matches.index.current(),
      this.matches.skillGraph(),
      new MunicipalityRepository(this.dataSource).codesInArea(cohort.employmentArea),
    ]);
    const trace = {
      paramsVersion: this.matches.paramsVersion,
      matchChangeId: this.matches.index.appliedChangeId,
    };
    const members = await this.profilesOf(indexes, memberIds);
    const params = this.matches.params;
    const floor = listFloor(null, null, params);
    const now = Date.now();
    const nationalLive = (v: VacancyProfile) => (indexes.national.expiresAt.get(v.id) ?? 0) > now;
    const rank: VacancyRanker = (candidate, query) => {
      const local = indexes.vacancies.rank(candidate, query).matches;
      if (!includeNational) return local;
      const national = indexes.national.vacancies.rank(candidate, {
        ...query,
        accept: nationalLive,
      });
      return [...local, ...national.matches].sort((a, b) =>
        byScoreThenId(a.score.total, a.score.vacancyId, b.score.total, b.score.vacancyId),
      );
    };
    const ranking = rankCohort(members, rank, floor, NEAR_VACANCIES);

    // The vacancies the rankings name, with their positions, titles and places.
    const named = new Set<string>();
    for (const list of ranking.above.values()) for (const m of list) named.add(m.vacancyId);
    for (const list of ranking.nearest.values()) for (const m of list) named.add(m.score.vacancyId);
    const nearby = [...indexes.vacancies.records()]
      .filter((r) => areaCodes.includes(r.tag))
      .map((r) => r.profile);
    if (includeNational)
      for (const r of indexes.national.vacancies.records())
        if (areaCodes.includes(r.tag) && nationalLive(r.profile)) nearby.push(r.profile);
    const [vacancyInfo, nearbyPositions] = await Promise.all([
      this.vacancyInfo(indexes, [...named]),
      this.positionsOfNearby(nearby),
    ]);
    const positionsOf = (id: string) => vacancyInfo.get(id)?.positions ?? 1;
    const plan = planCohort(members, ranking, {
      positionsOf,
      profileOf: (id) => indexes.vacancies.profile(id) ?? indexes.national.vacancies.profile(id),
      trainingsFor: (member) =>
        trainingRows.filter((t) => reachableTraining(t, member, today, params)),
      nearby,
      nearbyPositionsOf: (id) => nearbyPositions.get(id) ?? 1,
      graph,
      params,
      floor,
      maxTrainings: MAX_TRAININGS,
    });
    const byId = new Map(trainingRows.map((t) => [t.id, t]));
    const shared = Math.max(2, Math.ceil(COMBINED_SHARE * members.length));
    return {
      memberIds: members.map((m) => m.id),
      trace,
      includesNational: includeNational,
      skills: plan.skills.filter((s) => s.holderIds.length >= shared),
      allSkills: new Map(plan.skills.map((s) => [s.skillUri, s])),
      vacancies: plan.vacancies,
      vacancyInfo,
      byMunicipality: groupAbsorption(
        plan.vacancies,
        (id) => vacancyInfo.get(id)?.municipalityCode ?? null,
      ),
      byOccupation: groupAbsorption(
        plan.vacancies,
        (id) => vacancyInfo.get(id)?.occupationUri ?? null,
      ),
      matchedIds: plan.matchedIds,
      unmatched: plan.unmatchedIds.map((id) => ({
        jobseekerId: id,
        nearest: (ranking.nearest.get(id) ?? []).slice(0, NEAREST).map((r) => ({
          vacancyId: r.score.vacancyId,
          score: r.score.total,
          missingSkillUris: lacking(r.score),
          nearMiss: r.nearMiss,
        })),
      })),
      trainings: plan.trainings.map((pick) => {
        const t = byId.get(pick.trainingId)!;
        return {
          trainingId: t.id,
          title: t.title,
          provider: t.provider,
          liftedIds: pick.peopleLifted,
        };
      }),
      assignment: {
        pairs: plan.assignment.pairs.map((p) => ({
          jobseekerId: p.personId,
          vacancyId: p.vacancyId,
          fit: p.fit,
        })),
        totalFit: plan.assignment.totalFit,
        greedyTotalFit: plan.greedy.totalFit,
        greedyAssigned: plan.greedy.assignedCount,
      },
      nearlyCovered: plan.nearlyCovered,
    };
  }

  /** The members' profiles as the index holds them (else as stored), in id order. */
  private async profilesOf(indexes: MatchIndexes, ids: string[]): Promise<CandidateProfile[]> {
    const found = ids.map((id) => indexes.candidates.profile(id));
    const missing = ids.filter((_, i) => !found[i]);
    const loaded = missing.length ? await loadCandidates(this.dataSource, missing) : [];
    return [...found.filter((p): p is CandidateProfile => !!p), ...loaded].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  }

  /** Titles, places and positions of the vacancies named (local from the table, national from theirs). */
  private async vacancyInfo(
    indexes: MatchIndexes,
    ids: string[],
  ): Promise<Map<string, CohortVacancy>> {
    const local = ids.filter((id) => !id.startsWith('national:'));
    const national = ids.filter((id) => id.startsWith('national:'));
    const info = new Map<string, CohortVacancy>();
    if (local.length) {
      const rows: {
        id: string;
        title: string;
        positions: number;
        municipality_code: string;
        employer: string | null;
      }[] = await this.dataSource.query(
        `SELECT v.id, v.title, v.positions, v.municipality_code, e.name AS employer
         FROM vacancy v LEFT JOIN employer e ON e.id = v.employer_id WHERE v.id = ANY($1::uuid[])`,
        [local],
      );
      for (const r of rows)
        info.set(r.id, {
          id: r.id,
          source: 'local',
          title: r.title,
          employerName: r.employer,
          municipalityCode: r.municipality_code,
          occupationUri: indexes.vacancies.profile(r.id)?.occupationUri ?? null,
          positions: Math.max(1, r.positions),
          url: null,
        });
    }
    if (national.length) {
      const records = await loadNationalRecords(
        this.dataSource,
        national.map((id) => id.slice('national:'.length)),
      );
      for (const [externalId, v] of records)
        info.set(`national:${externalId}`, {
          id: `national:${externalId}`,
          source: 'national',
          title: v.title,
          employerName: v.employerName,
          municipalityCode: v.locationCode,
          occupationUri: v.occupationUri,
          positions: Math.max(1, v.openPositions ?? 1),
          url: v.url,
        });
    }
    return info;
  }

  /** Open positions of the local vacancies nearby (a national one counts 1). */
  private async positionsOfNearby(nearby: VacancyProfile[]): Promise<Map<string, number>> {
    const local = nearby.filter((v) => !v.id.startsWith('national:')).map((v) => v.id);
    if (!local.length) return new Map();
    const rows: { id: string; positions: number }[] = await this.dataSource.query(
      `SELECT id, positions FROM vacancy WHERE id = ANY($1::uuid[])`,
      [local],
    );
    return new Map(rows.map((r) => [r.id, r.positions]));
  }
}

/** The essential and important skills a pair misses, essential first. */
function lacking(score: MatchScore): string[] {
  return [...score.missingSkills]
    .filter((s) => s.importance !== 'nice_to_have')
    .sort((a, b) => (a.importance === b.importance ? 0 : a.importance === 'essential' ? -1 : 1))
    .map((s) => s.skillUri);
}
