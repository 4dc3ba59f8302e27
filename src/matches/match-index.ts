import { DataSource } from 'typeorm';
import { CandidateIndex, MatchParams, SkillGraph, VacancyIndex } from '../../matching';
import { log } from '../kernel/logger';
import {
  loadCandidateMunicipalities,
  loadCandidates,
  loadOpenVacancyMunicipalities,
  loadVacancies,
  Queryable,
} from './profile-loader';
import { loadNationalVacancies, NationalEntry } from './national-profile-loader';

export interface MatchIndexes {
  candidates: CandidateIndex;
  /** Local vacancies only: what employers, integrators, pools and insights ever see. */
  vacancies: VacancyIndex;
  /** Job Market Finland's vacancies (the national sync's), apart: offered to jobseekers only. */
  national: NationalIndex;
}

/** The national vacancies' index, with what the feed and the queries need beside it. */
export interface NationalIndex {
  vacancies: VacancyIndex;
  /** The row uuid the change feed names → the vacancy id (`national:<externalId>`). */
  idOfRow: Map<string, string>;
  /** Vacancy id → when it expires (ms since the epoch): a query leaves expired ones out. */
  expiresAt: Map<string, number>;
}

/** Rows replayed per round trip. */
const REPLAY_BATCH = 2000;

/** How often `reach` looks at a replica's feed while waiting for a position. */
const REACH_POLL_MS = 25;

/** The change feed's position (last id) on a database: the primary's, after a write. */
export async function feedPosition(db: Queryable): Promise<number> {
  const [{ last }] = await db.query(
    `SELECT coalesce(max(id), 0)::bigint::text AS last FROM match_change`,
  );
  return Number(last);
}

/** A change of the feed, its id as text (a bigint). */
export interface FeedChange {
  id: string;
  kind: 'jobseeker' | 'vacancy' | 'national';
  entity_id: string;
}

/**
 * The next `limit` changes after `after`, in id order. Ordered by the column, not the text it is
 * read as: ordered as text, a batch ending at "874" left 9 behind for good (the next batch asks
 * for ids above 874), and an import of more than a batch lost changes.
 */
export function readChanges(db: Queryable, after: number, limit: number): Promise<FeedChange[]> {
  return db.query(
    `SELECT id::text AS id, kind, entity_id FROM match_change
     WHERE id > $1 ORDER BY match_change.id LIMIT $2`,
    [after, limit],
  );
}

/** Whether a database is a hot standby, where LISTEN fails ("cannot execute LISTEN during recovery"). */
export async function inRecovery(db: Queryable): Promise<boolean> {
  const [{ recovery }] = await db.query(`SELECT pg_is_in_recovery() AS recovery`);
  return recovery === true;
}

/**
 * When compaction runs: never inside a replay or a query (a query waits for its replay), but
 * from the jobs module's compaction job once changes have stopped for `quietMs`, or `maxWaitMs`
 * after the first change that made it due while changes keep coming (a long re-import). It is due when the index says
 * so (its dead-slot and delta thresholds), or when at least `idleFraction` of the records
 * changed: a full re-import then ends as compact (and as fast) as a fresh build.
 */
export interface CompactionPolicy {
  quietMs: number;
  maxWaitMs: number;
  idleFraction: number;
}

export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = {
  quietMs: 2_000,
  maxWaitMs: 30_000,
  idleFraction: 0.01,
};

/**
 * The in-memory match indexes of this instance and how they follow the database: built from
 * one snapshot (with the change feed's last id in that snapshot), then kept current by
 * replaying `match_change` from the last applied id. Whatever wakes the replay (NOTIFY, a
 * local mutation, the periodic poll, a listener reconnecting) the table decides what changed,
 * so a lost notification delays a change but never loses it.
 */
export class MatchIndex {
  private indexes: MatchIndexes | undefined;
  private building: Promise<MatchIndexes> | undefined;
  private lastChangeId = 0;
  private replayRequested = false;
  private replaying: Promise<void> | undefined;
  /** Records upserted or removed since each index was last compacted (or built). */
  private changed = { candidates: 0, vacancies: 0, national: 0 };
  private lastChangeAt = 0;
  private compactionDueSince: number | undefined;
  /** Whether the change listener is LISTENing, and since which (re)connection. */
  private listening = false;
  private listenerSession = 0;
  /** The listener session in which a query's catch-up last finished (-1: none). */
  private caughtUpListening = -1;

  constructor(
    /** Where the index reads from: the primary, or a streaming replica (`OSAAMO_READ_REPLICA_URL`). */
    private readonly dataSource: DataSource,
    private readonly graph: () => Promise<SkillGraph>,
    /** What the indexes score with (the service's one parameter set). */
    private readonly params: MatchParams,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION_POLICY,
  ) {}

  get ready(): boolean {
    return this.indexes !== undefined;
  }

  /** The last change applied, for tests and the bench. */
  get appliedChangeId(): number {
    return this.lastChangeId;
  }

  /** How many jobseekers, local and national vacancies are indexed (0 before the first build). */
  get sizes(): { jobseekers: number; vacancies: number; national: number } {
    return {
      jobseekers: this.indexes?.candidates.size ?? 0,
      vacancies: this.indexes?.vacancies.size ?? 0,
      national: this.indexes?.national.vacancies.size ?? 0,
    };
  }

  /** The newest change committed to the feed: one probe of the primary key's last entry. */
  async newestChangeId(): Promise<number> {
    const [{ last }] = await this.dataSource.query(
      `SELECT coalesce(max(id), 0)::bigint::text AS last FROM match_change`,
    );
    return Number(last);
  }

  /**
   * The indexes. Without a healthy change listener, caught up with every change committed
   * before the call. While it is healthy (LISTENing since a catch-up that began after it
   * connected, and no replay failed since) every commit's NOTIFY starts a replay, so a query
   * waits for a replay under way but does not read the feed itself: another caller's change
   * committed a moment before may not be applied yet (bounded by the notification's delivery
   * and its replay; the 5 s poll covers a lost one). A writer's own change is covered by
   * `reach` (the read-your-writes plugin).
   */
  async current(): Promise<MatchIndexes> {
    await this.whenReady();
    if (this.followsNotifications) {
      if (this.replaying) await this.replaying;
    } else {
      const session = this.listenerSession;
      await this.catchUp();
      if (this.listening) this.caughtUpListening = session;
    }
    // Read after catching up: a rebuild (new taxonomy) may have replaced them meanwhile.
    return this.indexes!;
  }

  /** Whether queries rely on the listener's notifications now, reading no feed of their own. */
  get followsNotifications(): boolean {
    return this.listening && this.caughtUpListening === this.listenerSession;
  }

  /**
   * Told by the change listener when it starts or stops LISTENing. Until a catch-up that began
   * after it started has finished, queries read the feed as without a listener.
   */
  listenerChanged(listening: boolean): void {
    this.listening = listening;
    this.listenerSession++;
  }

  /**
   * Waits until the index has applied the change feed up to `position` (a writer's own
   * change, read from the primary), catching up from its database (perhaps a replica that
   * is still replaying it). False if `timeoutMs` passed first.
   */
  async reach(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    await this.whenReady();
    for (;;) {
      if (this.lastChangeId >= position) return true;
      await this.catchUp();
      if (this.lastChangeId >= position) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, REACH_POLL_MS));
    }
  }

  /** The indexes once built (starting the build if none has started). */
  async whenReady(): Promise<MatchIndexes> {
    return this.indexes ?? this.building ?? this.build();
  }

  /** Builds (or rebuilds, after a new taxonomy) from one snapshot; the old indexes serve meanwhile. */
  build(): Promise<MatchIndexes> {
    this.building ??= this.buildFromSnapshot()
      .then((indexes) => {
        this.indexes = indexes;
        this.changed = { candidates: 0, vacancies: 0, national: 0 };
        this.compactionDueSince = undefined;
        return indexes;
      })
      .finally(() => (this.building = undefined));
    return this.building;
  }

  /** Applies every change committed since the last one applied. Concurrent calls share a run. */
  catchUp(): Promise<void> {
    if (!this.indexes) return this.build().then(() => undefined);
    this.replayRequested = true;
    this.replaying ??= this.replayWhileRequested().finally(() => (this.replaying = undefined));
    return this.replaying;
  }

  private async replayWhileRequested(): Promise<void> {
    try {
      while (this.replayRequested) {
        this.replayRequested = false;
        await this.replay();
      }
    } catch (error) {
      // A failed replay may have been a notification's: queries read the feed themselves
      // again until a catch-up succeeds while listening.
      this.caughtUpListening = -1;
      throw error;
    }
  }

  private async buildFromSnapshot(): Promise<MatchIndexes> {
    const started = Date.now();
    // The skill graph loads on another connection while the snapshot is read (the embedded
    // database has one connection: the snapshot is released before the graph is awaited).
    const graphLoaded = this.graph();
    graphLoaded.catch(() => undefined);
    const { last, people, homes, vacancies, national } = await this.readSnapshot();
    const graph = await graphLoaded;
    const indexes = {
      candidates: CandidateIndex.build(
        graph,
        people.map((profile) => ({ profile, tag: homes.get(profile.id) ?? '' })),
        this.params,
      ),
      vacancies: VacancyIndex.build(
        graph,
        vacancies.profiles.map((profile) => ({
          profile,
          tag: vacancies.tags.get(profile.id) ?? '',
        })),
        this.params,
      ),
      national: {
        vacancies: VacancyIndex.build(
          graph,
          national.map((n) => ({ profile: n.profile, tag: n.municipality })),
          this.params,
        ),
        idOfRow: new Map(national.map((n) => [n.rowId, n.profile.id])),
        expiresAt: new Map(national.map((n) => [n.profile.id, n.expiresAt])),
      },
    };
    this.lastChangeId = last;
    log.info('match_index_built', {
      jobseekers: indexes.candidates.size,
      vacancies: indexes.vacancies.size,
      national: indexes.national.vacancies.size,
      ms: Date.now() - started,
    });
    return indexes;
  }

  /** Everything the indexes hold, and the feed position, from one snapshot. */
  private async readSnapshot() {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One snapshot for the data and the feed position: changes after it are replayed.
      await runner.startTransaction('REPEATABLE READ');
      const db = runner.manager;
      const last = await feedPosition(db);
      const people = await loadCandidates(db);
      const homes = await loadCandidateMunicipalities(db);
      const tags = await loadOpenVacancyMunicipalities(db);
      const vacancies = { tags, profiles: await loadVacancies(db, [...tags.keys()]) };
      const national = await loadNationalVacancies(db);
      await runner.commitTransaction();
      return { last, people, homes, vacancies, national };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async replay(): Promise<void> {
    for (;;) {
      const rows = await readChanges(this.dataSource, this.lastChangeId, REPLAY_BATCH);
      if (rows.length === 0) return;
      const indexes = this.indexes!;
      const people = [
        ...new Set(rows.filter((r) => r.kind === 'jobseeker').map((r) => r.entity_id)),
      ];
      const vacancies = [
        ...new Set(rows.filter((r) => r.kind === 'vacancy').map((r) => r.entity_id)),
      ];
      if (people.length) await applyPeople(this.dataSource, indexes.candidates, people);
      const national = [
        ...new Set(rows.filter((r) => r.kind === 'national').map((r) => r.entity_id)),
      ];
      if (vacancies.length) await applyVacancies(this.dataSource, indexes.vacancies, vacancies);
      if (national.length) await applyNational(this.dataSource, indexes.national, national);
      this.lastChangeId = Number(rows[rows.length - 1]!.id);
      this.changed.candidates += people.length;
      this.changed.vacancies += vacancies.length;
      this.changed.national += national.length;
      this.lastChangeAt = Date.now();
      if (this.compactionDue) this.compactionDueSince ??= this.lastChangeAt;
    }
  }

  /** Whether either index has changed enough to be compacted (see `CompactionPolicy`). */
  get compactionDue(): boolean {
    const indexes = this.indexes;
    if (!indexes) return false;
    const { idleFraction } = this.compaction;
    return (
      indexes.candidates.needsCompaction ||
      indexes.vacancies.needsCompaction ||
      indexes.national.vacancies.needsCompaction ||
      (this.changed.national > 0 &&
        this.changed.national >= idleFraction * indexes.national.vacancies.size) ||
      (this.changed.candidates > 0 &&
        this.changed.candidates >= idleFraction * indexes.candidates.size) ||
      (this.changed.vacancies > 0 &&
        this.changed.vacancies >= idleFraction * indexes.vacancies.size)
    );
  }

  /**
   * Compacts when it is due and the changes have paused (`CompactionPolicy`): what the jobs
   * module's compaction job calls on each tick. Returns whether it compacted.
   */
  compactWhenQuiet(now = Date.now()): Promise<boolean> {
    if (!this.compactionDue) return Promise.resolve(false);
    const { quietMs, maxWaitMs } = this.compaction;
    const quiet = now - this.lastChangeAt >= quietMs;
    const overdue = (this.compactionDueSince ?? now) + maxWaitMs <= now;
    return quiet || overdue ? this.compactInBackground() : Promise.resolve(false);
  }

  /**
   * Compacts what is due, between replays: a replay in progress goes first (the job's
   * next tick tries again). Synchronous once started, so no query sees a half-compacted index.
   * Returns whether it compacted; the bench and tests call it to skip the wait.
   */
  async compactInBackground(): Promise<boolean> {
    if (this.replaying || this.building) {
      await Promise.allSettled([this.replaying, this.building]);
      return false;
    }
    const indexes = this.indexes;
    if (!indexes || !this.compactionDue) return false;
    const started = Date.now();
    const { idleFraction } = this.compaction;
    if (
      indexes.candidates.needsCompaction ||
      this.changed.candidates >= Math.max(1, idleFraction * indexes.candidates.size)
    ) {
      indexes.candidates.compact();
      this.changed.candidates = 0;
    }
    if (
      indexes.vacancies.needsCompaction ||
      this.changed.vacancies >= Math.max(1, idleFraction * indexes.vacancies.size)
    ) {
      indexes.vacancies.compact();
      this.changed.vacancies = 0;
    }
    if (
      indexes.national.vacancies.needsCompaction ||
      this.changed.national >= Math.max(1, idleFraction * indexes.national.vacancies.size)
    ) {
      indexes.national.vacancies.compact();
      this.changed.national = 0;
    }
    this.compactionDueSince = undefined;
    log.info('match_index_compacted', { ms: Date.now() - started });
    return true;
  }
}

/** Reloads changed jobseekers: the current state replaces the indexed one; a deleted one leaves. */
async function applyPeople(db: Queryable, index: CandidateIndex, ids: string[]): Promise<void> {
  const [profiles, homes] = await Promise.all([
    loadCandidates(db, ids),
    loadCandidateMunicipalities(db, ids),
  ]);
  const found = new Set<string>();
  for (const profile of profiles) {
    found.add(profile.id);
    index.upsert(profile, homes.get(profile.id) ?? '');
  }
  for (const id of ids) if (!found.has(id)) index.remove(id);
}

/** Reloads changed vacancies: open local ones are (re)indexed; closed, filled or deleted ones leave. */
async function applyVacancies(db: Queryable, index: VacancyIndex, ids: string[]): Promise<void> {
  const open = await loadOpenVacancyMunicipalities(db, ids);
  const profiles = open.size ? await loadVacancies(db, [...open.keys()]) : [];
  for (const profile of profiles) index.upsert(profile, open.get(profile.id) ?? '');
  for (const id of ids) if (!open.has(id)) index.remove(id);
}

/**
 * Reloads changed national vacancies by row uuid: stored, unexpired ones are (re)indexed; the
 * rest (deleted by the sync, or expired) leave.
 */
async function applyNational(db: Queryable, index: NationalIndex, rowIds: string[]): Promise<void> {
  const entries: NationalEntry[] = await loadNationalVacancies(db, rowIds);
  const found = new Set(entries.map((e) => e.rowId));
  const kept = new Set(entries.map((e) => e.profile.id));
  for (const entry of entries) {
    const previous = index.idOfRow.get(entry.rowId);
    // The external id is the key the sync upserts on, so a row keeps its vacancy id; if a
    // hand-made fix changed it, the old id leaves.
    if (previous !== undefined && previous !== entry.profile.id && !kept.has(previous)) {
      index.vacancies.remove(previous);
      index.expiresAt.delete(previous);
    }
    index.vacancies.upsert(entry.profile, entry.municipality);
    index.idOfRow.set(entry.rowId, entry.profile.id);
    index.expiresAt.set(entry.profile.id, entry.expiresAt);
  }
  for (const rowId of rowIds) {
    if (found.has(rowId)) continue;
    const id = index.idOfRow.get(rowId);
    index.idOfRow.delete(rowId);
    // A row deleted and its ad stored again under a new row in the same batch stays indexed.
    if (id === undefined || kept.has(id)) continue;
    index.vacancies.remove(id);
    index.expiresAt.delete(id);
  }
}
