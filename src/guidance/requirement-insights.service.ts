/**
 * For employers refining a requirement profile: how each requirement shapes the candidate pool
 * (counted, never listed), and how the pool changed between two revisions. Both against today's
 * jobseekers, from the match index.
 *
 * Disclosure: a counsellor counts their area's jobseekers, exactly. For an employer (its own
 * vacancy) and an admin, the pool of the profile as it is counts the people matchesForVacancy
 * lists them anyway, so it is exact; every other pool (a requirement dropped, optional or
 * lowered; an earlier revision; a draft being edited, its pool too) is perturbed by the cell key method and hidden below HIDDEN_BELOW,
 * and a difference is taken between shown counts only.
 */
import { DataSource } from 'typeorm';
import { cefrNumber, PoolCounter, VacancyProfile } from '../../matching';
import { Actor } from '../auth/actor';
import { counsellorMunicipalities } from '../auth/scope';
import { VacancyService } from '../vacancies/vacancy.service';
import { badInput, DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { MatchService } from '../matches/match.service';
import { loadVacancies } from '../matches/profile-loader';
import { HIDDEN_BELOW, shownCount, shownDifference } from '../disclosure/disclosure-control';
import { preferredLabels } from '../taxonomy/preferred-labels';
import {
  languageName,
  message,
  messagesIn,
  TextLanguage,
  textLanguage,
} from '../kernel/messages/messages';
import {
  RequirementProfileRepository,
  RequirementSnapshot,
} from '../vacancies/requirement-profile.repository';
import { RequirementProfileInput } from '../vacancies/vacancies.types';

export const DEFAULT_POOL_THRESHOLD = 0.5;

export interface RequirementEffect {
  kind: 'skill' | 'licence';
  /** The skill URI or the licence code. */
  requirement: string;
  label: string;
  importance: string | null;
  minProficiency: number | null;
  ifDropped: number | null;
  moreIfDropped: number | null;
  ifOptional: number | null;
  ifLevelLowered: number | null;
}

export interface RequirementInsightsView {
  vacancyId: string;
  revision: number;
  threshold: number;
  pool: number | null;
  requirements: RequirementEffect[];
  mostExcluding: RequirementEffect | null;
  explanation: string;
}

type Snapshot = RequirementSnapshot;

export interface RevisionComparison {
  vacancyId: string;
  from: number;
  to: number;
  changes: string[];
  poolFrom: number | null;
  poolTo: number | null;
  poolChange: number | null;
  explanation: string;
}

export class RequirementInsightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchService,
    private readonly vacancies: VacancyService,
  ) {}

  async insights(
    actor: Actor,
    vacancyId: string,
    threshold = DEFAULT_POOL_THRESHOLD,
    language = 'fi',
    draft: RequirementProfileInput | null = null,
  ): Promise<RequirementInsightsView> {
    validateThreshold(threshold);
    await this.authorise(actor, vacancyId);
    // Validated as updateRequirementProfile validates its input, and never saved.
    const edited = draft ? await this.vacancies.draftRequirements(draft, 'draft') : null;
    const [saved] = await loadVacancies(this.dataSource, [vacancyId]);
    if (!saved) throw new DomainError(ErrorCode.NOT_FOUND, `Vacancy ${vacancyId} was not found`);
    // A draft keeps the vacancy's place and everything else; only the requirements change.
    const profile = edited ? withSnapshot(saved, edited) : saved;
    const revision = await this.requirements().currentRevision(vacancyId);
    const exactVariants = actor.role === 'counsellor';
    const { result, keys } = await this.poolInsights(actor, profile, threshold);
    const labels = await preferredLabels(
      this.dataSource,
      profile.skills.map((s) => s.skillUri),
      language,
    );
    // The pool as it is: what matchesForVacancy lists to every role allowed here. A draft's pool
    // is listed to no one, so it is perturbed like the variants for roles other than counsellor.
    const pool = shownCount({ count: result.pool, key: keys.pool }, !edited || exactVariants);
    const variant = (count: number, key: number) => shownCount({ count, key }, exactVariants);
    const effects: RequirementEffect[] = [
      ...profile.skills.map((s, i): RequirementEffect => {
        const e = result.skills[i]!;
        const k = keys.skills[i]!;
        const ifDropped = variant(e.ifDropped, k.ifDropped);
        return {
          kind: 'skill',
          requirement: s.skillUri,
          label: labels.get(s.skillUri) ?? s.skillUri,
          importance: s.importance,
          minProficiency: s.minProficiency,
          ifDropped,
          moreIfDropped: shownDifference(pool, ifDropped),
          ifOptional: e.ifOptional === null ? null : variant(e.ifOptional, k.ifOptional),
          ifLevelLowered:
            e.ifLevelLowered === null ? null : variant(e.ifLevelLowered, k.ifLevelLowered),
        };
      }),
      ...result.licences.map((l, i): RequirementEffect => {
        const ifDropped = variant(l.ifDropped, keys.licences[i]!);
        return {
          kind: 'licence',
          requirement: l.licence,
          label: l.licence,
          importance: 'essential',
          minProficiency: null,
          ifDropped,
          moreIfDropped: shownDifference(pool, ifDropped),
          ifOptional: null,
          ifLevelLowered: null,
        };
      }),
    ];
    // Judged on what is shown, so that naming one (or none) tells nothing the counts do not.
    const more = effects.map((e) => e.moreIfDropped ?? -Infinity);
    const most = more.length ? more.indexOf(Math.max(...more)) : -1;
    const mostExcluding = most >= 0 && more[most]! > 0 ? effects[most]! : null;
    return {
      vacancyId,
      revision,
      threshold,
      pool,
      requirements: effects,
      mostExcluding,
      explanation: explain(
        textLanguage(language),
        pool,
        threshold,
        mostExcluding,
        effects.some((e) => e.moreIfDropped === null),
      ),
    };
  }

  async compareRevisions(
    actor: Actor,
    vacancyId: string,
    from: number,
    to: number,
    language = 'fi',
  ): Promise<RevisionComparison> {
    await this.authorise(actor, vacancyId);
    const rows = await this.requirements().revisions(vacancyId, [from, to]);
    const snapshotOf = (revision: number, field: string) => {
      const row = rows.find((r) => r.revision === revision);
      if (!row) throw badInput(field, `vacancy ${vacancyId} has no revision ${revision}`);
      return row.snapshot;
    };
    const before = snapshotOf(from, 'from');
    const after = snapshotOf(to, 'to');
    const [current] = await loadVacancies(this.dataSource, [vacancyId]);
    if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `Vacancy ${vacancyId} was not found`);
    const labels = await preferredLabels(
      this.dataSource,
      [...before.skills, ...after.skills].map((s) => s.skillUri),
      language,
    );
    // A revision's pool is exact to a counsellor, and to the others when it is the profile as it
    // is now (listed by matchesForVacancy); an earlier revision's pool is perturbed.
    const currentRevision = await this.requirements().currentRevision(vacancyId);
    const poolOf = async (snapshot: Snapshot, revision: number) => {
      const { result, keys } = await this.poolInsights(
        actor,
        withSnapshot(current, snapshot),
        DEFAULT_POOL_THRESHOLD,
      );
      const exact = actor.role === 'counsellor' || revision === currentRevision;
      return shownCount({ count: result.pool, key: keys.pool }, exact);
    };
    const reader = textLanguage(language);
    const shownFrom = await poolOf(before, from);
    const shownTo = await poolOf(after, to);
    return {
      vacancyId,
      from,
      to,
      changes: describeChanges(reader, before, after, (uri) => labels.get(uri) ?? uri),
      poolFrom: shownFrom,
      poolTo: shownTo,
      poolChange: shownDifference(shownFrom, shownTo),
      explanation:
        shownFrom === null || shownTo === null
          ? message(reader, 'compare.poolsHidden', {
              threshold: DEFAULT_POOL_THRESHOLD,
              hidden: HIDDEN_BELOW,
            })
          : message(reader, 'compare.pools', {
              threshold: DEFAULT_POOL_THRESHOLD,
              from,
              fromCount: shownFrom,
              to,
              toCount: shownTo,
            }),
    };
  }

  /** The pools over the candidates the actor may count (a counsellor's area, everyone for others), with their cell keys. */
  private async poolInsights(actor: Actor, profile: VacancyProfile, threshold: number) {
    const [graph, area] = await Promise.all([
      this.matches.skillGraph(),
      counsellorMunicipalities(this.dataSource, actor),
    ]);
    // A counsellor's counts are exact: no record keys needed.
    const counter = new PoolCounter(
      profile,
      graph,
      this.matches.params,
      threshold,
      area ? undefined : this.matches.recordKeys,
    );
    await this.matches.feedCandidatePool(counter, area ? (tag) => area.has(tag) : undefined);
    return { result: counter.result(), keys: counter.cellKeys() };
  }

  private requirements(): RequirementProfileRepository {
    return new RequirementProfileRepository(this.dataSource.manager);
  }

  private async authorise(actor: Actor, vacancyId: string): Promise<void> {
    const vacancy = await this.vacancies.get(actor, vacancyId);
    if (vacancy.source !== 'local')
      throw new DomainError(ErrorCode.NOT_FOUND, `Vacancy ${vacancyId} was not found`);
  }
}

function withSnapshot(vacancy: VacancyProfile, snapshot: Snapshot): VacancyProfile {
  return {
    ...vacancy,
    skills: snapshot.skills.map((s) => ({ ...s })),
    languages: snapshot.languages.map((l) => ({
      language: l.language,
      minLevel: cefrNumber(l.minLevel) ?? 3,
      essential: l.essential,
    })),
    minEducationLevel: snapshot.minEducationLevel,
    minExperienceMonths: snapshot.minExperienceMonths,
    licences: snapshot.licences,
  };
}

/** The differences between two revisions, one line each, in words of the reader's language. */
export function describeChanges(
  language: TextLanguage,
  before: Snapshot,
  after: Snapshot,
  label: (uri: string) => string,
): string[] {
  const { t } = messagesIn(language);
  const importance = (value: Snapshot['skills'][number]['importance']) => t(`importance.${value}`);
  const yes = (essential: boolean) => (essential ? 'yes' : 'no');
  const orNone = (value: number | null) => (value === null ? t('change.none') : String(value));
  const name = (code: string) => languageName(language, code);
  const changes: string[] = [];
  const old = new Map(before.skills.map((s) => [s.skillUri, s]));
  const now = new Map(after.skills.map((s) => [s.skillUri, s]));
  for (const [uri, s] of now) {
    const was = old.get(uri);
    if (!was)
      changes.push(
        t('change.skillAdded', {
          label: label(uri),
          importance: importance(s.importance),
          level: s.minProficiency,
        }),
      );
    else {
      if (was.importance !== s.importance)
        changes.push(
          t('change.skillImportance', {
            label: label(uri),
            from: importance(was.importance),
            to: importance(s.importance),
          }),
        );
      if (was.minProficiency !== s.minProficiency)
        changes.push(
          t('change.skillLevel', {
            label: label(uri),
            from: was.minProficiency,
            to: s.minProficiency,
          }),
        );
    }
  }
  for (const [uri] of old)
    if (!now.has(uri)) changes.push(t('change.skillRemoved', { label: label(uri) }));
  const oldLanguages = new Map(before.languages.map((l) => [l.language, l]));
  const newLanguages = new Map(after.languages.map((l) => [l.language, l]));
  for (const [code, l] of newLanguages) {
    const was = oldLanguages.get(code);
    if (!was)
      changes.push(
        t('change.languageAdded', {
          language: name(code),
          level: l.minLevel,
          essential: yes(l.essential),
        }),
      );
    else if (was.minLevel !== l.minLevel || was.essential !== l.essential)
      changes.push(
        t('change.language', {
          language: name(code),
          from: was.minLevel,
          fromEssential: yes(was.essential),
          to: l.minLevel,
          toEssential: yes(l.essential),
        }),
      );
  }
  for (const [code] of oldLanguages)
    if (!newLanguages.has(code))
      changes.push(t('change.languageRemoved', { language: name(code) }));
  for (const licence of after.licences)
    if (!before.licences.includes(licence)) changes.push(t('change.licenceAdded', { licence }));
  for (const licence of before.licences)
    if (!after.licences.includes(licence)) changes.push(t('change.licenceRemoved', { licence }));
  if (before.minEducationLevel !== after.minEducationLevel)
    changes.push(
      t('change.education', {
        from: orNone(before.minEducationLevel),
        to: orNone(after.minEducationLevel),
      }),
    );
  if (before.minExperienceMonths !== after.minExperienceMonths)
    changes.push(
      t('change.experience', {
        from: orNone(before.minExperienceMonths),
        to: orNone(after.minExperienceMonths),
      }),
    );
  return changes;
}

function explain(
  language: TextLanguage,
  pool: number | null,
  threshold: number,
  most: RequirementEffect | null,
  hidden: boolean,
): string {
  const { t } = messagesIn(language);
  const poolText =
    pool === null
      ? t('insights.poolHidden', { hidden: HIDDEN_BELOW, threshold })
      : t('insights.pool', { pool, threshold });
  if (!most)
    return `${poolText} ${hidden ? t('insights.effectsHidden', { hidden: HIDDEN_BELOW }) : t('insights.noneExcludes')}`;
  const label = most.label;
  return `${poolText} ${
    most.moreIfDropped === null
      ? t('insights.mostExcludesFew', { label })
      : t('insights.mostExcludes', { label, more: most.moreIfDropped })
  }`;
}

function validateThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) throw badInput('threshold', 'must be between 0 and 1');
}
