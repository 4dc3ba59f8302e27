import { DataSource } from 'typeorm';
import {
  CandidateProfile,
  distanceKm,
  GeoPoint,
  byScoreThenId,
  listFloor,
  MatchParams,
  meetsAnEssentialSkill,
  matchParamsVersion,
  nearMissOf,
  PoolCounter,
  RankedMatch,
  RankQuery,
  RankResult,
  scoreMatch,
  SkillGraph,
  VacancyProfile,
} from '../../matching';
import { RankingRequester, RankingTrace, recordRanking } from '../audit/ranking-audit';
import { NO_RANKING_OBSERVER, RankingObserver } from '../metrics/metrics';
import { Actor } from '../auth/actor';
import { counsellorMunicipalities } from '../auth/scope';
import { VacancyService } from '../vacancies/vacancy.service';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { MAX_PAGE_SIZE } from '../kernel/paging/pagination';
import { JobseekerService } from '../jobseekers/jobseeker.service';
import { ExternalMatches } from '../external/external-matches';
import {
  ExternalSource,
  ExternalVacancy,
  SourceReport,
  SourceStatus,
} from '../external/external-vacancy';
import { newCell, shownCount } from '../disclosure/disclosure-control';
import { RecordKeys } from '../disclosure/record-keys';
import { removeDuplicates } from '../external/dedupe';
import { MatchIndex, MatchIndexes, NationalIndex } from './match-index';
import { loadCandidates, loadSkillGraph } from './profile-loader';
import { readVacancyToRank, VacancyToRank } from './vacancy-to-rank';
import { loadNationalRecords, nationalVacancyId } from './national-profile-loader';
import { MatchOutcome, OutcomeStatus } from './match-outcome.entity';
import { MatchOutcomeRepository } from './match-outcome.repository';

export interface OutcomeInput {
  vacancyId: string;
  jobseeker: string;
  status: OutcomeStatus;
  reason?: string | null;
}

const OUTCOME_STATUSES: OutcomeStatus[] = [
  'proposed',
  'applied',
  'interviewed',
  'hired',
  'rejected',
];

export interface MatchFilter {
  minScore?: number | null;
  municipalityCodes?: string[] | null;
  /** Only pairs at most this far apart (km, between the two locations). */
  maxDistanceKm?: number | null;
  /** For a vacancy: people who speak all of these; for a person: vacancies that require none but these. */
  languages?: string[] | null;
  includeNearMisses?: boolean | null;
  /** For a person: EURES countries to search (ISO 3166 alpha-2); asking for one asks EURES. */
  countries?: string[] | null;
}

export interface MatchPage {
  matches: RankedMatch[];
  offset: number;
  hasNextPage: boolean;
  /** The outside vacancies among the matches, by their vacancy id (`national:…`, `eures:…`). */
  external: Map<string, ExternalVacancy>;
  /** How each outside source fared; empty where outside sources are never asked. */
  sources: SourceReport[];
}

const ALL_SOURCES: ExternalSource[] = ['national', 'eures'];
/** Roles that see outside vacancies; integrators never get them back (Job Market Finland's terms). */
export const EXTERNAL_ROLES: ReadonlySet<string> = new Set(['counsellor', 'jobseeker', 'admin']);

/**
 * Ranked, explained matches in both directions, from this instance's in-memory indexes (exact:
 * the same results as scoring every pair), kept current through the change feed.
 */
export class MatchService {
  private graph: Promise<SkillGraph> | undefined;
  readonly index: MatchIndex;
  /** Jobseekers' record keys for counts shown perturbed (cell key method). */
  readonly recordKeys: RecordKeys;
  /** The version of the parameters every ranking of this service uses. */
  readonly paramsVersion: string;
  /** Told each ranking's time and the outside sources' answers (the app's metrics). */
  observer: RankingObserver = NO_RANKING_OBSERVER;

  constructor(
    private readonly dataSource: DataSource,
    pseudonymSecret: string,
    /**
     * The matcher's parameters, one set for everything this service scores: its indexes,
     * explanations, and (through the service) guidance and insights.
     */
    readonly params: MatchParams,
    /** Who may see which vacancy and which jobseeker: asked before every ranking. */
    private readonly vacancies: VacancyService,
    private readonly jobseekers: JobseekerService,
    /** The national and EURES fallback; without it, matches are local only. */
    private readonly external?: ExternalMatches,
    /** Where the match index reads from: this database, or its streaming replica. */
    indexSource: DataSource = dataSource,
  ) {
    this.paramsVersion = matchParamsVersion(params);
    this.index = new MatchIndex(indexSource, () => this.skillGraph(), params);
    this.recordKeys = new RecordKeys(pseudonymSecret);
  }

  /** The skill graph, built once per taxonomy: costly (every co-essential pair), so never per request. */
  skillGraph(): Promise<SkillGraph> {
    this.graph ??= loadSkillGraph(this.dataSource, this.params.skillGraph).catch((error) => {
      this.graph = undefined;
      throw error;
    });
    return this.graph;
  }

  /**
   * The open vacancies ranked for a person, from the index (caught up first), with the profiles
   * they were scored on: the index's, read in the same turn, so no reload from the database.
   */
  async rankVacancies(
    candidate: CandidateProfile,
    query: RankQuery<VacancyProfile>,
  ): Promise<RankResult & { profiles: VacancyProfile[] }> {
    const { vacancies } = await this.index.current();
    const result = vacancies.rank(candidate, query);
    const profiles = result.matches.map((m) => vacancies.profile(m.score.vacancyId)!);
    return { ...result, profiles };
  }

  /** The change feed position the index has applied, as fresh as `MatchIndex.current` makes it. */
  async indexPosition(): Promise<number> {
    await this.index.current();
    return this.index.appliedChangeId;
  }

  /** Feeds a pool counter the indexed jobseekers (those `accept` takes, by home municipality). */
  async feedCandidatePool(counter: PoolCounter, accept?: (tag: string) => boolean): Promise<void> {
    (await this.index.current()).candidates.feedPool(counter, accept);
  }

  /** Called when a new taxonomy was imported: the graph and the indexes are built again. */
  async taxonomyChanged(): Promise<void> {
    this.graph = undefined;
    await this.index.build();
  }

  async forVacancy(
    actor: Actor,
    vacancyId: string,
    filter: MatchFilter,
    first: number,
    offset: number,
    requester?: Omit<RankingRequester, 'actor'>,
  ): Promise<MatchPage> {
    validate(filter, first);
    // The vacancy as stored now (a draft can be matched too) with the access check's row and
    // the counsellor's area, in one statement beside the index's catch-up; the people from the index.
    const [{ profile, area }, indexes] = await Promise.all([
      this.vacancyToRank(actor, vacancyId),
      this.index.current(),
    ]);
    const municipalities = filter.municipalityCodes?.length
      ? new Set(filter.municipalityCodes)
      : null;
    const languages = filter.languages ?? [];
    const trace = this.trace();
    const started = process.hrtime.bigint();
    const result = indexes.candidates.rank(profile, {
      k: offset + first + 1,
      ...listFloor(filter.minScore, filter.includeNearMisses, this.params),
      includeNearMisses: filter.includeNearMisses ?? false,
      accept: (c, home) =>
        (!area || area.has(home)) &&
        (!municipalities || municipalities.has(home)) &&
        withinDistance(c.location, profile.location, filter.maxDistanceKm) &&
        languages.every((language) => c.languages.has(language)),
    });
    this.observer.ranked('vacancy', secondsSince(started));
    const served = page(result.matches, first, offset);
    if (requester)
      await recordRanking(
        this.dataSource,
        { actor, ...requester },
        {
          field: 'matchesForVacancy',
          question: { vacancyId: profile.id, filter, first, offset },
          jobseekerIds: served.matches.map((m) => m.score.candidateId),
          firstPosition: offset + 1,
          trace,
        },
      );
    return served;
  }

  /**
   * A vacancy the actor may see (else NOT_FOUND, as `VacancyService.get`), its profile and,
   * for a counsellor, their area's municipalities: one statement.
   */
  private async vacancyToRank(
    actor: Actor,
    vacancyId: string,
    withArea = true,
  ): Promise<VacancyToRank> {
    const employmentArea =
      withArea && actor.role === 'counsellor' ? (actor.employmentArea ?? '') : null;
    const found = await readVacancyToRank(this.dataSource, vacancyId, employmentArea);
    if (!found || !this.vacancies.maySee(actor, found.access)) throw notFound('Vacancy', vacancyId);
    return found;
  }

  /**
   * A person's profile as the index holds it (what their rankings were scored on, caught up
   * like them), or as stored when the index has none; NOT_FOUND when there is none at all.
   */
  private async candidateProfile(
    indexes: MatchIndexes,
    jobseekerId: string,
  ): Promise<CandidateProfile> {
    const candidate =
      indexes.candidates.profile(jobseekerId) ??
      (await loadCandidates(this.dataSource, [jobseekerId]))[0];
    if (!candidate)
      throw new DomainError(ErrorCode.NOT_FOUND, `Jobseeker ${jobseekerId} was not found`);
    return candidate;
  }

  /** The parameters' version and the index position, read just before ranking from the index. */
  private trace(): RankingTrace {
    return { paramsVersion: this.paramsVersion, matchChangeId: this.index.appliedChangeId };
  }

  /**
   * Vacancies for a person: local ones from the index and, with `includeExternal`, the national
   * sync's from their own index; when those are too few, outside ones fetched per query (EURES,
   * and national ones until the sync has filled its index), all ranked together. A failing
   * outside source never fails the query; its status says what happened.
   */
  async forJobseeker(
    actor: Actor,
    jobseekerId: string,
    filter: MatchFilter,
    first: number,
    offset: number,
    includeExternal = false,
    requester?: Omit<RankingRequester, 'actor'>,
  ): Promise<MatchPage> {
    const served = await this.rankForJobseeker(
      actor,
      jobseekerId,
      filter,
      first,
      offset,
      includeExternal,
    );
    if (requester)
      await recordRanking(
        this.dataSource,
        { actor, ...requester },
        {
          field: 'matchesForJobseeker',
          question: {
            jobseekerId,
            filter,
            first,
            offset,
            includeExternal,
            // The list as served: outside ads cannot be ranked again from the feed.
            vacancyIds: served.page.matches.map((m) => m.score.vacancyId),
          },
          jobseekerIds: [jobseekerId],
          firstPosition: offset + 1,
          trace: served.trace,
        },
      );
    return served.page;
  }

  private async rankForJobseeker(
    actor: Actor,
    jobseekerId: string,
    filter: MatchFilter,
    first: number,
    offset: number,
    includeExternal: boolean,
  ): Promise<{ page: MatchPage; trace: RankingTrace }> {
    validate(filter, first);
    const [person, indexes] = await Promise.all([
      this.jobseekers.get(actor, jobseekerId),
      this.index.current(),
    ]);
    const candidate = await this.candidateProfile(indexes, jobseekerId);
    const municipalities = filter.municipalityCodes?.length
      ? new Set(filter.municipalityCodes)
      : null;
    const acceptsLanguages = (required: { language: string }[]) =>
      !filter.languages?.length || required.every((l) => filter.languages!.includes(l.language));
    const k = offset + first + 1;
    const trace = this.trace();
    const countries = (filter.countries ?? []).map((c) => c.toUpperCase());
    const offersOutside = !!this.external && EXTERNAL_ROLES.has(actor.role);
    // National vacancies come from their own index once the national sync has filled it;
    // until then the fallback asks Job Market Finland per query, as before.
    const nationalIndexed = offersOutside && includeExternal && indexes.national.vacancies.size > 0;
    const started = process.hrtime.bigint();
    const floor = listFloor(filter.minScore, filter.includeNearMisses, this.params);
    const rankQuery = {
      k: Math.max(k, this.external?.options.minMatches ?? 0),
      ...floor,
      includeNearMisses: filter.includeNearMisses ?? false,
    };
    // The filter's place, distance and languages, the same for local and national vacancies.
    const inFilter = (v: VacancyProfile, municipality: string) =>
      (!municipalities || municipalities.has(municipality)) &&
      withinDistance(candidate.location, v.location, filter.maxDistanceKm) &&
      acceptsLanguages(v.languages);
    const result = indexes.vacancies.rank(candidate, { ...rankQuery, accept: inFilter });
    const now = Date.now();
    const nationalRanked =
      nationalIndexed && (!countries.length || countries.includes('FI'))
        ? indexes.national.vacancies.rank(candidate, {
            ...rankQuery,
            accept: (v, municipality) =>
              notExpired(indexes.national, v.id, now) && inFilter(v, municipality),
          }).matches
        : [];
    this.observer.ranked('jobseeker', secondsSince(started));
    const skipped = (status: SourceStatus) =>
      ALL_SOURCES.map((source) => ({
        source,
        asked: false,
        returned: 0,
        status,
        fromCache: false,
      }));
    if (!offersOutside) return { page: page(result.matches, first, offset, new Map(), []), trace };
    if (!includeExternal)
      return {
        page: page(result.matches, first, offset, new Map(), skipped(SourceStatus.NOT_NEEDED)),
        trace,
      };
    // The ads as stored now; one the sync deleted since the index caught up is left out.
    const records = await loadNationalRecords(
      this.dataSource,
      nationalRanked.map((m) => m.score.vacancyId.slice('national:'.length)),
    );
    const nationalMatches = nationalRanked.filter((m) =>
      records.has(m.score.vacancyId.slice('national:'.length)),
    );
    const external = new Map<string, ExternalVacancy>(
      [...records.values()].map((v) => [nationalVacancyId(v.externalId), v]),
    );
    const reportsWith = (reports: SourceReport[]) =>
      nationalIndexed
        ? reports.map((r) =>
            r.source === 'national'
              ? {
                  source: r.source,
                  asked: true,
                  returned: nationalMatches.length,
                  status: SourceStatus.OK,
                  fromCache: false,
                }
              : r,
          )
        : reports;
    const withNational = sortedMatches([...result.matches, ...nationalMatches]);
    if (!this.external!.needed(withNational))
      return {
        page: page(
          withNational,
          first,
          offset,
          external,
          reportsWith(skipped(SourceStatus.NOT_NEEDED)),
        ),
        trace,
      };
    // From the row the access check read: no statement of its own.
    const { willingToWorkAbroad } = person;
    const wanted = this.external!.sourcesFor({ willingToWorkAbroad, countries });
    if (nationalIndexed) wanted.delete('national');
    const found = await this.external!.find(
      {
        candidate,
        willingToWorkAbroad,
        countries,
        includeNearMisses: filter.includeNearMisses ?? false,
        accept: (v, match) =>
          match.score.total >= floor.minScore &&
          (!floor.requireEssentialSkill || meetsAnEssentialSkill(match.score)) &&
          (!countries.length || countries.includes(v.country)) &&
          // A municipality filter is about Finnish municipalities: EURES ads do not have one.
          (!municipalities ||
            (v.source === 'national' && municipalities.has(v.locationCode ?? ''))) &&
          withinDistance(candidate.location, v.location, filter.maxDistanceKm) &&
          acceptsLanguages(v.languages),
      },
      await this.skillGraph(),
      wanted,
    );
    const reports = reportsWith(found.reports);
    this.observer.sourcesAnswered(reports);
    // EURES copies of the indexed national ads are recognised and left out, as among fetched ones.
    const kept = new Set(
      removeDuplicates([...records.values(), ...found.matches.map((m) => m.vacancy)]).map(
        (v) => `${v.source}:${v.externalId}`,
      ),
    );
    const fetched = found.matches.filter((m) => kept.has(m.ranked.score.vacancyId));
    const merged = sortedMatches([...withNational, ...fetched.map((m) => m.ranked)]);
    for (const m of fetched) external.set(m.ranked.score.vacancyId, m.vacancy);
    return { page: page(merged, first, offset, external, reports), trace };
  }

  /**
   * One pair's full explanation, even when a filter or a hard requirement would leave it out.
   * A national vacancy is explained while the index holds it, else (like a EURES one) while cached.
   */
  async explain(
    actor: Actor,
    jobseekerId: string,
    vacancyId: string,
    requester?: Omit<RankingRequester, 'actor'>,
  ): Promise<{ ranked: RankedMatch; external?: ExternalVacancy }> {
    // A local pair is scored on the person's indexed profile: its trace is the position the
    // index was caught up to then. Otherwise on the database as it is now; the index position
    // before tells which changes it held.
    const before = this.trace();
    const { trace = before, ...explained } = await this.explainPair(actor, jobseekerId, vacancyId);
    if (requester)
      await recordRanking(
        this.dataSource,
        { actor, ...requester },
        {
          field: 'explainMatch',
          question: { jobseekerId, vacancyId },
          jobseekerIds: [jobseekerId],
          firstPosition: 1,
          trace,
        },
      );
    return explained;
  }

  private async explainPair(
    actor: Actor,
    jobseekerId: string,
    vacancyId: string,
  ): Promise<{ ranked: RankedMatch; external?: ExternalVacancy; trace?: RankingTrace }> {
    const outside = /^(national|eures):(.+)$/.exec(vacancyId);
    if (!outside) {
      // The access check decides first (a person the actor may not see is refused before
      // anything about the vacancy is said); the pair's reads go beside it, one round trip.
      const local = this.localPair(actor, jobseekerId, vacancyId);
      local.catch(() => undefined);
      await this.jobseekers.get(actor, jobseekerId);
      return local;
    }
    await this.jobseekers.get(actor, jobseekerId);
    const mayExplainOutside = !!this.external && EXTERNAL_ROLES.has(actor.role);
    if (outside[1] === 'national' && mayExplainOutside) {
      const fromIndex = await this.explainIndexedNational(jobseekerId, vacancyId, outside[2]!);
      if (fromIndex) return fromIndex;
    }
    const vacancy = mayExplainOutside
      ? await this.external.cached(outside[1] as ExternalSource, outside[2]!)
      : null;
    if (!vacancy)
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `Vacancy ${vacancyId} was not found (outside vacancies are kept only while cached)`,
      );
    const [[candidate], graph] = await Promise.all([
      loadCandidates(this.dataSource, [jobseekerId]),
      this.skillGraph(),
    ]);
    if (!candidate)
      throw new DomainError(ErrorCode.NOT_FOUND, `Jobseeker ${jobseekerId} was not found`);
    return { ranked: await this.external!.explain(candidate, vacancy, graph), external: vacancy };
  }

  /** A local pair scored as the index would rank it (the person's profile the index holds). */
  private async localPair(
    actor: Actor,
    jobseekerId: string,
    vacancyId: string,
  ): Promise<{ ranked: RankedMatch; trace: RankingTrace }> {
    const [{ profile: vacancy }, indexes, graph] = await Promise.all([
      this.vacancyToRank(actor, vacancyId, false),
      this.index.current(),
      this.skillGraph(),
    ]);
    const trace = this.trace();
    const candidate = await this.candidateProfile(indexes, jobseekerId);
    const started = process.hrtime.bigint();
    const score = scoreMatch(candidate, vacancy, graph, this.params);
    this.observer.ranked('explain', secondsSince(started));
    return { ranked: { score, nearMiss: nearMissOf(score) }, trace };
  }

  /** A national vacancy the index holds, scored against the jobseeker as stored now; null if not indexed. */
  private async explainIndexedNational(
    jobseekerId: string,
    vacancyId: string,
    externalId: string,
  ): Promise<{ ranked: RankedMatch; external: ExternalVacancy } | null> {
    const profile = (await this.index.current()).national.vacancies.profile(vacancyId);
    if (!profile) return null;
    const [records, [candidate], graph] = await Promise.all([
      loadNationalRecords(this.dataSource, [externalId]),
      loadCandidates(this.dataSource, [jobseekerId]),
      this.skillGraph(),
    ]);
    const record = records.get(externalId);
    if (!record) return null;
    if (!candidate)
      throw new DomainError(ErrorCode.NOT_FOUND, `Jobseeker ${jobseekerId} was not found`);
    const started = process.hrtime.bigint();
    const score = scoreMatch(candidate, profile, graph, this.params);
    this.observer.ranked('explain', secondsSince(started));
    return { ranked: { score, nearMiss: nearMissOf(score) }, external: record };
  }

  /**
   * Records what happened to a proposed match. Counsellors name the jobseeker by id (one of
   * their area); employers, who only ever see pseudonyms, by the pseudonym, for their own vacancy.
   */
  async recordOutcome(actor: Actor, input: OutcomeInput): Promise<MatchOutcome> {
    const vacancy = await this.vacancies.get(actor, input.vacancyId);
    const reason = input.reason?.trim() || null;
    if (input.status === 'rejected' && !reason)
      throw badInput('input.reason', 'is required for a rejection');
    if (reason && reason.length > 500)
      throw badInput('input.reason', 'must be at most 500 characters');
    const jobseekers = this.jobseekers;
    let jobseekerId: string;
    if (actor.role === 'employer') {
      jobseekerId = await jobseekers.byPseudonym(actor, input.jobseeker, 'input.jobseeker');
    } else {
      jobseekerId = (await jobseekers.get(actor, input.jobseeker)).jobseekerId;
    }
    return new MatchOutcomeRepository(this.dataSource.manager).record({
      vacancyId: vacancy.id,
      jobseekerId,
      status: input.status,
      reason,
      recordedBy: actor.id,
    });
  }

  /**
   * Outcomes counted by status (the latest per pair), for one vacancy or, for counsellors and
   * admins, all. A counsellor counts the outcomes of their area's jobseekers, exactly (they can
   * list them); everyone else gets every status perturbed by the cell key method, each a cell of
   * the people in it, hidden below HIDDEN_BELOW: nobody else can list who was proposed, hired or rejected.
   */
  async outcomeSummary(
    actor: Actor,
    vacancyId: string | null,
  ): Promise<{ status: OutcomeStatus; count: number | null }[]> {
    if (vacancyId) {
      // Refuses an employer another employer's vacancy, as NOT_FOUND.
      await this.vacancies.get(actor, vacancyId);
    } else if (actor.role === 'employer') {
      throw badInput('vacancyId', 'an employer asks about one of its vacancies');
    }
    const area = await counsellorMunicipalities(this.dataSource, actor);
    const rows = await new MatchOutcomeRepository(this.dataSource.manager).latestPerPair(
      vacancyId,
      area,
    );
    const cells = new Map(OUTCOME_STATUSES.map((status) => [status, newCell()]));
    for (const row of rows)
      cells.get(row.status)?.add(area ? 0 : this.recordKeys.keyOf(row.jobseekerId));
    return OUTCOME_STATUSES.map((status) => ({
      status,
      count: shownCount(cells.get(status)!, area !== null),
    }));
  }
}

/** The index's order: score, then id. */
function sortedMatches(matches: RankedMatch[]): RankedMatch[] {
  return matches.sort((a, b) =>
    byScoreThenId(a.score.total, a.score.vacancyId, b.score.total, b.score.vacancyId),
  );
}

function notExpired(national: NationalIndex, id: string, now: number): boolean {
  return (national.expiresAt.get(id) ?? 0) > now;
}

function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function withinDistance(
  a: GeoPoint | null,
  b: GeoPoint | null,
  maxKm: number | null | undefined,
): boolean {
  if (maxKm == null) return true;
  return a !== null && b !== null && distanceKm(a, b) <= maxKm;
}

function validate(filter: MatchFilter, first: number): void {
  if (
    filter.maxDistanceKm != null &&
    !(filter.maxDistanceKm >= 0 && filter.maxDistanceKm <= 2000)
  ) {
    throw badInput('filter.maxDistanceKm', 'must be between 0 and 2000');
  }
  (filter.languages ?? []).forEach((l, i) => {
    if (!/^[a-z]{2}$/.test(l))
      throw badInput(`filter.languages[${i}]`, 'must be an ISO 639-1 code such as "fi"');
  });
  (filter.countries ?? []).forEach((c, i) => {
    if (!/^[A-Za-z]{2}$/.test(c))
      throw badInput(`filter.countries[${i}]`, 'must be an ISO 3166 country code such as "SE"');
  });
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  if (filter.minScore != null && (filter.minScore < 0 || filter.minScore > 1))
    throw badInput('filter.minScore', 'must be between 0 and 1');
}

function page(
  ranked: RankedMatch[],
  first: number,
  offset: number,
  external = new Map<string, ExternalVacancy>(),
  sources: SourceReport[] = [],
): MatchPage {
  const matches = ranked.slice(offset, offset + first);
  return {
    matches,
    offset,
    hasNextPage: ranked.length > offset + first,
    external: new Map(
      matches
        .filter((m) => external.has(m.score.vacancyId))
        .map((m) => [m.score.vacancyId, external.get(m.score.vacancyId)!]),
    ),
    sources,
  };
}
