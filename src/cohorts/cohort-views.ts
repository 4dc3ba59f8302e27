/**
 * A cohort's figures as one reader gets them: a counsellor of its area everything, exact;
 * anyone else no persons, and each count of people as a cell of those people under the cell key
 * method (disclosure-control.ts), so that an aggregate never tells more than the reader could
 * list. Numbers derived from a hidden count (how many a vacancy could take) are hidden with it.
 */
import { HIDDEN_BELOW, newCell, shownCount } from '../disclosure/disclosure-control';
import { RecordKeys } from '../disclosure/record-keys';
import { forDisplay } from '../kernel/text/display-number';
import { Cohort } from './cohort.entity';
import { CohortFigures } from './cohort-analysis';
import { CohortAccess } from './cohort.service';
import {
  CohortAccessEnum,
  CohortAnalysisType,
  CohortDestinationType,
  CohortSkillType,
  CohortSourceEnum,
  CohortType,
} from './cohorts.types';
import { AbsorptionGroup, CohortSkill, DEFAULT_COVERAGE_PARAMS } from '../../matching';

/** How many vacancies an analysis lists, most absorbing first. */
export const COHORT_VACANCIES_SHOWN = 50;
/** How many skills of the combined profile it lists. */
const SKILLS_SHOWN = 20;

/** Counts of people as the reader may see them. */
export class PeopleCounter {
  /** Record keys by member (an HMAC each: a member is in many cells). */
  private readonly keyOf = new Map<string, number>();

  constructor(
    private readonly access: CohortAccess,
    private readonly keys: RecordKeys,
  ) {}

  /** The number of these people, exact or perturbed (null: hidden). */
  count(ids: readonly string[]): number | null {
    if (this.access === 'full') return ids.length;
    const cell = newCell();
    for (const id of ids) {
      let key = this.keyOf.get(id);
      if (key === undefined) this.keyOf.set(id, (key = this.keys.keyOf(id)));
      cell.add(key);
    }
    return shownCount(cell, false);
  }
}

/**
 * The rows a reader gets of a list whose rows count people: everything for a counsellor of the
 * area; for others, only rows whose count is shown, ranked by what is shown (then by key), so
 * neither a row's presence nor the order tells more than the counts do.
 */
function shownRows<T>(
  rows: T[],
  full: boolean,
  shown: (row: T) => number | null,
  keyOf: (row: T) => string,
  limit = Infinity,
): T[] {
  if (full) return rows.slice(0, limit);
  return rows
    .filter((row) => (shown(row) ?? 0) > 0)
    .sort(
      (a, b) => shown(b)! - shown(a)! || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0),
    )
    .slice(0, limit);
}

export function cohortView(
  cohort: Cohort,
  memberIds: readonly string[],
  counter: PeopleCounter,
  access: CohortAccess,
): CohortType {
  return {
    id: cohort.id,
    name: cohort.name,
    employmentArea: cohort.employmentArea,
    source: cohort.source as CohortSourceEnum,
    employerBusinessId: cohort.employerBusinessId,
    createdAt: cohort.createdAt,
    members: counter.count(memberIds),
    access: access as CohortAccessEnum,
  };
}

export function analysisView(
  cohort: Cohort,
  figures: CohortFigures,
  access: CohortAccess,
  keys: RecordKeys,
  floor: number,
): CohortAnalysisType {
  const people = new PeopleCounter(access, keys);
  const full = access === 'full';
  const { assignment } = figures;
  const placedAt = new Map<string, string[]>();
  const placedIn = new Map<string, string[]>();
  for (const pair of assignment.pairs) {
    const info = figures.vacancyInfo.get(pair.vacancyId);
    push(placedAt, info?.municipalityCode ?? null, pair.jobseekerId);
    push(placedIn, info?.occupationUri ?? null, pair.jobseekerId);
  }
  const unmatchedIds = figures.unmatched.map((u) => u.jobseekerId);
  // Fits are sums over people: two overlapping groups' sums would tell one person's score.
  const fit = (value: number) => (full ? forDisplay(value) : null);
  // Which skills "a quarter of the group" holds speaks of single people in a small group.
  const coverageShown =
    full || figures.memberIds.length * DEFAULT_COVERAGE_PARAMS.heldShare >= HIDDEN_BELOW;
  const titleOf = (id: string) => figures.vacancyInfo.get(id)?.title ?? '';
  return {
    cohort: cohortView(cohort, figures.memberIds, people, access),
    paramsVersion: figures.trace.paramsVersion,
    matchChangeId: figures.trace.matchChangeId,
    floor,
    includesNational: figures.includesNational,
    withMatch: people.count(figures.matchedIds),
    withoutMatch: people.count(unmatchedIds),
    skills: shownRows(
      (full ? figures.skills.slice(0, SKILLS_SHOWN) : figures.skills).map((s) =>
        skillView(s, people),
      ),
      full,
      (s) => s.holders,
      (s) => s.skillUri,
      SKILLS_SHOWN,
    ),
    vacancies: shownRows(
      (full ? figures.vacancies.slice(0, COHORT_VACANCIES_SHOWN) : figures.vacancies).map((a) => {
        const info = figures.vacancyInfo.get(a.vacancyId);
        const members = people.count(a.memberIds);
        return {
          vacancyId: a.vacancyId,
          source: info?.source ?? 'local',
          title: info?.title ?? '',
          employerName: info?.employerName ?? null,
          municipalityCode: info?.municipalityCode ?? null,
          occupationUri: info?.occupationUri ?? null,
          url: info?.url ?? null,
          positions: a.positions,
          members,
          absorbable: members === null ? null : Math.min(a.positions, members),
          // One person's score, unless the reader may list the pairs.
          bestScore: full ? forDisplay(a.bestScore) : null,
        };
      }),
      full,
      (v) => v.absorbable,
      (v) => v.vacancyId,
      COHORT_VACANCIES_SHOWN,
    ),
    byMunicipality: shownRows(
      figures.byMunicipality.map((g) => destinationView(g, placedAt, people)),
      full,
      (d) => d.absorbable,
      (d) => d.key,
    ),
    byOccupation: shownRows(
      figures.byOccupation.map((g) => destinationView(g, placedIn, people)),
      full,
      (d) => d.absorbable,
      (d) => d.key,
    ),
    unmatched: full
      ? figures.unmatched.map((u) => ({
          jobseekerId: u.jobseekerId,
          nearest: u.nearest.map((n) => ({
            vacancyId: n.vacancyId,
            title: titleOf(n.vacancyId),
            score: forDisplay(n.score),
            missingSkillUris: n.missingSkillUris,
            nearMiss: n.nearMiss,
          })),
        }))
      : null,
    // Others get the picks whose lifted count is shown, in the order picked.
    trainings: figures.trainings
      .map((t) => ({
        trainingId: t.trainingId,
        title: t.title,
        provider: t.provider,
        lifted: people.count(t.liftedIds),
        withMatchAfter: people.count([
          ...figures.matchedIds,
          ...figures.trainings
            .slice(0, figures.trainings.indexOf(t) + 1)
            .flatMap((p) => p.liftedIds),
        ]),
      }))
      .filter((t) => full || (t.lifted ?? 0) > 0),
    assignment: {
      assigned: people.count(assignment.pairs.map((p) => p.jobseekerId)),
      totalFit: fit(assignment.totalFit),
      greedyAssigned: full ? assignment.greedyAssigned : null,
      greedyTotalFit: fit(assignment.greedyTotalFit),
      pairs: full
        ? assignment.pairs.map((p) => ({
            jobseekerId: p.jobseekerId,
            vacancyId: p.vacancyId,
            title: titleOf(p.vacancyId),
            fit: forDisplay(p.fit),
          }))
        : null,
    },
    nearlyCovered: (coverageShown ? figures.nearlyCovered : []).map((c) => ({
      occupationUri: c.occupationUri,
      vacancies: c.vacancies,
      positions: c.positions,
      coverage: forDisplay(c.coverage),
      missing: c.missing.map((m) => {
        const skill = figures.allSkills.get(m.skillUri);
        return skillView(
          skill ?? { skillUri: m.skillUri, holderIds: [], levelHolderIds: [[], [], [], [], []] },
          people,
        );
      }),
    })),
  };
}

function skillView(skill: CohortSkill, people: PeopleCounter): CohortSkillType {
  return {
    skillUri: skill.skillUri,
    holders: people.count(skill.holderIds),
    byLevel: skill.levelHolderIds.map((ids) => people.count(ids)),
  };
}

function destinationView(
  group: AbsorptionGroup,
  placed: Map<string, string[]>,
  people: PeopleCounter,
): CohortDestinationType {
  const members = people.count(group.memberIds);
  return {
    key: group.key,
    vacancies: group.vacancies,
    positions: group.positions,
    members,
    absorbable: members === null ? null : Math.min(group.positions, members),
    placed: people.count(placed.get(group.key) ?? []),
  };
}

function push(map: Map<string, string[]>, key: string | null, id: string): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
