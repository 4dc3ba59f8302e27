/**
 * For the digital learning environment and counsellors: a jobseeker's skill gaps against a
 * vacancy or an occupation, the trainings that would raise their matches most, and the skills
 * an area's vacancies want most and its jobseekers have least. The learning environment reads a
 * jobseeker's gaps only under that jobseeker's valid consent; revoking it takes effect at once.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  rankTrainings,
  skillOutcome,
  SkillRequirement,
  SkillGraph,
  SkillsMet,
  skillsMet,
  TrainingEffect,
  TrainingOffer,
} from '../../matching';
import { Actor } from '../auth/actor';
import { VacancyService } from '../vacancies/vacancy.service';
import { badInput, notFound } from '../kernel/errors/domain-error';
import { JobseekerService } from '../jobseekers/jobseeker.service';
import { ACTIVE_ASSESSMENT_VIEW } from '../jobseekers/active-assessment';
import { MatchService } from '../matches/match.service';
import { loadCandidates, loadVacancies } from '../matches/profile-loader';
import { CountedCell, newCell, shownCount } from '../disclosure/disclosure-control';
import { counsellorMunicipalities } from '../auth/scope';
import { isUuid } from '../kernel/validation/validators';
import { forDisplay } from '../kernel/text/display-number';
import { preferredLabels } from '../taxonomy/preferred-labels';
import { messagesIn, textLanguage } from '../kernel/messages/messages';
import { gapExplanation } from './gap-explanation';
import { FeedCache } from '../matches/feed-cache';
import { graphGeneration } from '../matches/graph-generation';
import { feedPosition } from '../matches/match-index';
import { loadTrainingOffers, reachableTraining, TrainingRow } from '../trainings/training-offers';

/** Vacancies count as nearly matched from this score; "within reach" from the second. */
export const NEAR_MATCH_FLOOR = 0.3;
export const WITHIN_REACH = 0.6;
/** How many of a person's best vacancies a training is judged against. */
const NEAR_VACANCIES = 50;

export interface SkillGapItem {
  skillUri: string;
  label: string;
  importance: SkillRequirement['importance'];
  requiredLevel: number;
  /** The jobseeker's level; null when they lack it. */
  currentLevel: number | null;
  /** Related skills the jobseeker has, from which it is nearer. */
  related: { skillUri: string; label: string; relation: string; level: number }[];
}

export interface SkillGapView {
  jobseekerId: string;
  target: string;
  vacancyId: string | null;
  occupationUri: string | null;
  met: number;
  /** k of n, skillsMet's one definition (the same as explainMatch's for a vacancy). */
  skillsMet: SkillsMet;
  missing: SkillGapItem[];
  underLevel: SkillGapItem[];
  explanation: string;
}

export interface TrainingSuggestion {
  trainingId: string;
  title: string;
  provider: string;
  mode: string;
  municipalityCode: string | null;
  nextStart: string;
  value: number;
  closes: { skillUri: string; label: string; levelBefore: number | null; levelAfter: number }[];
  raises: { vacancyId: string; title: string; before: number; after: number }[];
  broughtWithinReach: number;
  /** The desired occupation whose near vacancies it serves most (null: none of them). */
  occupationUri: string | null;
  /** How many of the person's near vacancies in that occupation it raises. */
  occupationVacancies: number;
  reason: string;
}

/** Skills named in a reason: the first few, the rest are in `closes`. */
const REASON_SKILLS = 3;

export interface SkillDemand {
  skillUri: string;
  label: string;
  vacancies: number;
  positions: number;
  jobseekers: number | null;
  gap: number | null;
}

/** One skill's demand and supply, before disclosure control. */
interface DemandRow {
  skill_uri: string;
  vacancies: number;
  positions: number;
  /** The jobseekers holding it, and their cell (null where the count is shown exactly). */
  jobseekers: number;
  cell: CountedCell | null;
}

/** A person's trainings ranked, with what their texts need (kept in a FeedCache). */
interface RankedTrainings {
  effects: TrainingEffect[];
  /** Near vacancies' titles by id. */
  titles: Map<string, string>;
  /** The trainings ranked (the reachable ones). */
  trainings: TrainingRow[];
}

export class LearningService {
  private readonly demandCache = new FeedCache<DemandRow[]>();
  private readonly suggestionCache = new FeedCache<RankedTrainings>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchService,
    private readonly vacancies: VacancyService,
    private readonly jobseekers: JobseekerService,
  ) {}

  async skillGap(
    actor: Actor,
    jobseekerId: string,
    target: { vacancyId?: string | null; occupationUri?: string | null },
    language: string,
  ): Promise<SkillGapView> {
    if (!target.vacancyId === !target.occupationUri)
      throw badInput('vacancyId', 'give either a vacancy or an occupation, not both or neither');
    await this.requireGapAccess(actor, jobseekerId);
    const [candidate] = await loadCandidates(this.dataSource, [jobseekerId]);
    if (!candidate) throw notFound('Jobseeker', jobseekerId);
    let requirements: SkillRequirement[];
    let targetName: string;
    if (target.vacancyId) {
      const vacancy = await this.vacancies.get(actor, target.vacancyId);
      const [profile] = await loadVacancies(this.dataSource, [vacancy.id]);
      if (!profile) throw notFound('Vacancy', vacancy.id);
      requirements = profile.skills;
      targetName = vacancy.title;
    } else {
      const rows: { skill_uri: string; relation_type: string }[] = await this.dataSource.query(
        `SELECT skill_uri, relation_type FROM esco_occupation_skill WHERE occupation_uri = $1 ORDER BY skill_uri`,
        [target.occupationUri],
      );
      if (!rows.length) throw badInput('occupationUri', 'is not an occupation of the taxonomy');
      requirements = rows.map((r) => ({
        skillUri: r.skill_uri,
        importance: r.relation_type === 'essential' ? 'essential' : 'nice_to_have',
        minProficiency: r.relation_type === 'essential' ? 3 : 2,
      }));
      targetName =
        (await preferredLabels(this.dataSource, [target.occupationUri!], language)).get(
          target.occupationUri!,
        ) ?? target.occupationUri!;
    }
    const graph = await this.matches.skillGraph();
    const held = new Map(candidate.skills.map((c) => [c.skillUri, c]));
    const gaps: (SkillGapItem & { kind: 'missing' | 'under' })[] = [];
    for (const r of requirements) {
      const claim = held.get(r.skillUri);
      if (claim && claim.proficiency >= r.minProficiency) continue;
      gaps.push({
        kind: claim ? 'under' : 'missing',
        skillUri: r.skillUri,
        label: r.skillUri,
        importance: r.importance,
        requiredLevel: r.minProficiency,
        currentLevel: claim?.proficiency ?? null,
        related: graph
          .neighbours(r.skillUri)
          .filter((n) => held.has(n.skillUri))
          .slice(0, 5)
          .map((n) => ({
            skillUri: n.skillUri,
            label: n.skillUri,
            relation: n.relation,
            level: held.get(n.skillUri)!.proficiency,
          })),
      });
    }
    const labels = await preferredLabels(
      this.dataSource,
      gaps.flatMap((g) => [g.skillUri, ...g.related.map((r) => r.skillUri)]),
      language,
    );
    const order = { essential: 0, important: 1, nice_to_have: 2 };
    for (const g of gaps) {
      g.label = labels.get(g.skillUri) ?? g.skillUri;
      for (const r of g.related) r.label = labels.get(r.skillUri) ?? r.skillUri;
    }
    gaps.sort(
      (a, b) => order[a.importance] - order[b.importance] || (a.skillUri < b.skillUri ? -1 : 1),
    );
    const strip = ({ kind: _kind, ...g }: (typeof gaps)[number]) => g;
    const missing = gaps.filter((g) => g.kind === 'missing').map(strip);
    const underLevel = gaps.filter((g) => g.kind === 'under').map(strip);
    const counts = skillsMet(skillOutcome(candidate, requirements, graph, this.matches.params));
    return {
      jobseekerId,
      target: targetName,
      vacancyId: target.vacancyId ?? null,
      occupationUri: target.vacancyId ? null : target.occupationUri!,
      met: counts.met,
      skillsMet: counts,
      missing,
      underLevel,
      explanation: gapExplanation(textLanguage(language), targetName, counts, {
        missing: missing.length,
        under: underLevel.length,
        closeToHeld: missing.some((g) => g.related.length > 0),
      }),
    };
  }

  async trainingSuggestions(
    actor: Actor,
    jobseekerId: string,
    first: number,
    language: string,
    today = new Date().toISOString().slice(0, 10),
  ): Promise<TrainingSuggestion[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50)
      throw badInput('first', 'must be between 1 and 50');
    await this.requireGapAccess(actor, jobseekerId);
    // Scoring every near vacancy with every training is the cost (~80 ms on the fixtures): the
    // ranking is kept per person while the index's feed position, the trainings (not in the
    // feed: their rows are in the key), the day and the taxonomy's graph stay the same.
    const position = await this.matches.indexPosition();
    const [trainingRows, graph] = await Promise.all([
      loadTrainingOffers(this.dataSource),
      this.matches.skillGraph(),
    ]);
    const key = createHash('sha256')
      .update(JSON.stringify([jobseekerId, today, graphGeneration(graph), trainingRows]))
      .digest('base64');
    const {
      effects: ranked,
      titles,
      trainings,
    } = await this.suggestionCache.get(position, key, () =>
      this.rankedTrainings(jobseekerId, trainingRows, graph, today),
    );
    const effects = ranked.slice(0, first);
    const byId = new Map(trainings.map((t) => [t.id, t]));
    const labels = await preferredLabels(
      this.dataSource,
      effects.flatMap((e) => [
        ...e.closes.map((c) => c.skillUri),
        ...(e.heading ? [e.heading.occupationUri] : []),
      ]),
      language,
    );
    const { t: text, list } = messagesIn(textLanguage(language));
    const labelOf = (uri: string) => labels.get(uri) ?? uri;
    const skillsText = (uris: string[]) =>
      uris.length
        ? list(uris.slice(0, REASON_SKILLS).map(labelOf))
        : text('training.relatedSkills');
    return effects.map((e) => {
      const t = byId.get(e.trainingId)!;
      const closes = e.closes.map((c) => ({ ...c, label: labels.get(c.skillUri) ?? c.skillUri }));
      const raises = e.raises.slice(0, 10).map((r) => ({
        ...r,
        before: forDisplay(r.before),
        after: forDisplay(r.after),
        title: titles.get(r.vacancyId) ?? '',
      }));
      return {
        trainingId: t.id,
        title: t.title,
        provider: t.provider,
        mode: t.mode,
        municipalityCode: t.municipality_code,
        nextStart: t.start_dates.filter((d) => d >= today).sort()[0]!, // reachable()
        value: forDisplay(e.value),
        closes,
        raises,
        broughtWithinReach: e.broughtWithinReach,
        occupationUri: e.heading?.occupationUri ?? null,
        occupationVacancies: e.heading?.vacancies ?? 0,
        reason: [
          e.heading
            ? text('training.reasonHeading', {
                n: e.heading.vacancies,
                skills: skillsText(e.heading.skillUris),
                occupation: labelOf(e.heading.occupationUri),
              })
            : text('training.reason', {
                n: e.raises.length,
                skills: skillsText(e.closes.map((c) => c.skillUri)),
              }),
          ...(e.broughtWithinReach
            ? [text('training.withinReach', { n: e.broughtWithinReach, threshold: WITHIN_REACH })]
            : []),
        ].join(' '),
      };
    });
  }

  /** Every reachable training ranked by what it does to the person's near vacancies. */
  private async rankedTrainings(
    jobseekerId: string,
    trainingRows: TrainingRow[],
    graph: SkillGraph,
    today: string,
  ): Promise<RankedTrainings> {
    const [candidate] = await loadCandidates(this.dataSource, [jobseekerId]);
    if (!candidate) throw notFound('Jobseeker', jobseekerId);
    const ranked = await this.matches.rankVacancies(candidate, {
      k: NEAR_VACANCIES,
      minScore: NEAR_MATCH_FLOOR,
      includeNearMisses: false,
    });
    const near = ranked.matches.filter((m) => m.score.total < 1);
    if (!near.length) return { effects: [], titles: new Map(), trainings: [] };
    const ids = near.map((m) => m.score.vacancyId);
    const nearIds = new Set(ids);
    // The profiles the ranking scored (not reloaded), in id order as rankTrainings always had them.
    const profiles = ranked.profiles
      .filter((p) => nearIds.has(p.id))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const vacancyRows: { id: string; title: string; positions: number }[] =
      await this.dataSource.query(
        `SELECT id, title, positions FROM vacancy WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    const rowOf = new Map(vacancyRows.map((r) => [r.id, r]));
    const scoreOf = new Map(near.map((m) => [m.score.vacancyId, m.score.total]));
    const trainings = trainingRows.filter((t) =>
      reachableTraining(t, candidate, today, this.matches.params),
    );
    const effects = rankTrainings(
      candidate,
      profiles.map((p) => ({
        profile: p,
        score: scoreOf.get(p.id)!,
        positions: rowOf.get(p.id)?.positions ?? 1,
      })),
      trainings as TrainingOffer[],
      graph,
      this.matches.params,
      WITHIN_REACH,
    );
    return { effects, titles: new Map(vacancyRows.map((r) => [r.id, r.title])), trainings };
  }

  /**
   * The skills open vacancies in the municipalities ask for most and their jobseekers have least
   * (at the level asked): the gap that guides which trainings to buy. A counsellor asking only
   * about municipalities of their area gets exact jobseeker counts (they can list those people);
   * every other count is perturbed by the cell key method (a cell per skill: the people holding
   * it), hidden below HIDDEN_BELOW, and the ranking uses the counts as shown.
   */
  async demandForSkills(
    actor: Actor,
    municipalities: string[],
    first: number,
    language: string,
  ): Promise<SkillDemand[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'must be between 1 and 100');
    municipalities.forEach((m, i) => {
      if (!/^\d{3}$/.test(m))
        throw badInput(`municipalities[${i}]`, 'must be a three-digit municipality code');
    });
    const area = await counsellorMunicipalities(this.dataSource, actor);
    const exact =
      area !== null && municipalities.length > 0 && municipalities.every((m) => area.has(m));
    const rows = await this.demandCounts(municipalities, !exact);
    const shown = rows.map((r) => {
      const jobseekers = shownCount(r.cell ?? { count: r.jobseekers, key: 0 }, exact);
      return { ...r, jobseekers, gap: jobseekers === null ? null : r.positions - jobseekers };
    });
    // Ranked by what is shown (a hidden count as none), so the order tells nothing more.
    const ranked = shown
      .sort(
        (a, b) =>
          b.positions - (b.jobseekers ?? 0) - (a.positions - (a.jobseekers ?? 0)) ||
          b.positions - a.positions ||
          (a.skill_uri < b.skill_uri ? -1 : 1),
      )
      .slice(0, first);
    const labels = await preferredLabels(
      this.dataSource,
      ranked.map((r) => r.skill_uri),
      language,
    );
    return ranked.map((r) => ({
      skillUri: r.skill_uri,
      label: labels.get(r.skill_uri) ?? r.skill_uri,
      vacancies: r.vacancies,
      positions: r.positions,
      jobseekers: r.jobseekers,
      gap: r.gap,
    }));
  }

  /**
   * Per skill the open local vacancies ask for (in the municipalities; all when none): their
   * count, positions, and the jobseekers holding it at the level asked (with their ids when
   * `withHolders`, their cell: an HMAC per holder, too costly to repeat per request). Every table
   * read is in the change feed, so the counts are kept until it moves.
   */
  private async demandCounts(municipalities: string[], withHolders: boolean): Promise<DemandRow[]> {
    const position = await feedPosition(this.dataSource);
    const key = JSON.stringify([[...new Set(municipalities)].sort(), withHolders]);
    return this.demandCache.get(position, key, async () => {
      const rows: (Omit<DemandRow, 'cell'> & { holders: string[] | null })[] =
        await this.dataSource.query(
          // The holders of all demanded skills in one join: a lateral subquery per skill evaluated
          // the active-assessment view once for each skill (half a second on the fixtures).
          `WITH demand AS (
         SELECT rs.skill_uri, count(*)::int AS vacancies, sum(v.positions)::int AS positions, min(rs.min_proficiency) AS level
         FROM requirement_skill rs JOIN vacancy v ON v.id = rs.vacancy_id
         WHERE v.status = 'open' AND v.source = 'local' AND (cardinality($1::text[]) = 0 OR v.municipality_code = ANY($1))
         GROUP BY rs.skill_uri),
       latest AS (
         SELECT a.id, a.jobseeker_id FROM ${ACTIVE_ASSESSMENT_VIEW} a
         JOIN jobseeker j ON j.id = a.jobseeker_id
         WHERE cardinality($1::text[]) = 0 OR j.home_municipality_code = ANY($1)),
       held AS (
         SELECT d.skill_uri, count(DISTINCT l.jobseeker_id)::int AS jobseekers,
                -- The people themselves only where their count is perturbed (their record keys).
                CASE WHEN $2 THEN array_agg(DISTINCT l.jobseeker_id::text) END AS holders
         FROM demand d
         JOIN assessed_skill s ON s.skill_uri = d.skill_uri AND s.proficiency >= d.level
         JOIN latest l ON l.id = s.assessment_id
         GROUP BY d.skill_uri)
       SELECT d.skill_uri, d.vacancies, d.positions, coalesce(h.jobseekers, 0)::int AS jobseekers, h.holders
       FROM demand d LEFT JOIN held h ON h.skill_uri = d.skill_uri`,
          [municipalities, withHolders],
        );
      return rows.map(({ holders, ...r }) => {
        if (!withHolders) return { ...r, cell: null };
        const cell = newCell();
        for (const id of holders ?? []) cell.add(this.matches.recordKeys.keyOf(id));
        return { ...r, cell: { count: cell.count, key: cell.key } };
      });
    });
  }

  /** Counsellors (their area), the jobseeker themself, admins; the learning environment only under consent. */
  private async requireGapAccess(actor: Actor, jobseekerId: string): Promise<void> {
    if (actor.role !== 'learning_environment') {
      await this.jobseekers.get(actor, jobseekerId);
      return;
    }
    const [consent] = await this.dataSource.query(
      `SELECT 1 FROM consent c JOIN jobseeker j ON j.id = c.jobseeker_id
       WHERE c.jobseeker_id = $1 AND c.purpose = 'learning_environment_skill_gaps'
         AND c.recipient = 'learning_environment' AND c.revoked_at IS NULL`,
      [isUuid(jobseekerId) ? jobseekerId : '00000000-0000-0000-0000-000000000000'],
    );
    // The same answer as for a jobseeker who does not exist: a refusal says nothing more.
    if (!consent) throw notFound('Jobseeker', jobseekerId);
  }
}
