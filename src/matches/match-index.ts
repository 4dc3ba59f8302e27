import { DataSource } from 'typeorm';
import { CandidateIndex, SkillGraph, VacancyIndex } from '../../matching';
import { log } from '../kernel/logger';
import {
  loadCandidateMunicipalities,
  loadCandidates,
  loadOpenVacancyMunicipalities,
  loadVacancies,
  Queryable,
} from './profile-loader';

export interface MatchIndexes {
  candidates: CandidateIndex;
  vacancies: VacancyIndex;
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

/** Whether a database is a hot standby, where LISTEN fails ("cannot execute LISTEN during recovery"). */
export async function inRecovery(db: Queryable): Promise<boolean> {
  const [{ recovery }] = await db.query(`SELECT pg_is_in_recovery() AS recovery`);
  return recovery === true;
}

/**
 * When compaction runs: never inside a replay or a query (a query waits for its replay), but
 * from a timer once changes have stopped for `quietMs`, or `maxWaitMs` after the first change
 * that made it due while changes keep coming (a long re-import). It is due when the index says
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
  private changed = { candidates: 0, vacancies: 0 };
  private compactionTimer: NodeJS.Timeout | undefined;
  private compactionDueSince: number | undefined;

  constructor(
    /** Where the index reads from: the primary, or a streaming replica (`OSAAMO_READ_REPLICA_URL`). */
    private readonly dataSource: DataSource,
    private readonly graph: () => Promise<SkillGraph>,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION_POLICY,
  ) {}

  get ready(): boolean {
    return this.indexes !== undefined;
  }

  /** The last change applied, for tests and the bench. */
  get appliedChangeId(): number {
    return this.lastChangeId;
  }

  /** How many jobseekers and vacancies are indexed (0 before the first build). */
  get sizes(): { jobseekers: number; vacancies: number } {
    return {
      jobseekers: this.indexes?.candidates.size ?? 0,
      vacancies: this.indexes?.vacancies.size ?? 0,
    };
  }

  /** The newest change committed to the feed: one probe of the primary key's last entry. */
  async newestChangeId(): Promise<number> {
    const [{ last }] = await this.dataSource.query(
      `SELECT coalesce(max(id), 0)::bigint::text AS last FROM match_change`,
    );
    return Number(last);
  }

  /** The indexes, caught up with every change committed before the call. */
  async current(): Promise<MatchIndexes> {
    await this.whenReady();
    await this.catchUp();
    // Read after catching up: a rebuild (new taxonomy) may have replaced them meanwhile.
    return this.indexes!;
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
        this.changed = { candidates: 0, vacancies: 0 };
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
    while (this.replayRequested) {
      this.replayRequested = false;
      await this.replay();
    }
  }

  private async buildFromSnapshot(): Promise<MatchIndexes> {
    const started = Date.now();
    // The skill graph loads on another connection while the snapshot is read (the embedded
    // database has one connection: the snapshot is released before the graph is awaited).
    const graphLoaded = this.graph();
    graphLoaded.catch(() => undefined);
    const { last, people, homes, vacancies } = await this.readSnapshot();
    const graph = await graphLoaded;
    const indexes = {
      candidates: CandidateIndex.build(
        graph,
        people.map((profile) => ({ profile, tag: homes.get(profile.id) ?? '' })),
      ),
      vacancies: VacancyIndex.build(
        graph,
        vacancies.profiles.map((profile) => ({
          profile,
          tag: vacancies.tags.get(profile.id) ?? '',
        })),
      ),
    };
    this.lastChangeId = last;
    log.info('match_index_built', {
      jobseekers: indexes.candidates.size,
      vacancies: indexes.vacancies.size,
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
      await runner.commitTransaction();
      return { last, people, homes, vacancies };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async replay(): Promise<void> {
    for (;;) {
      const rows: { id: string; kind: 'jobseeker' | 'vacancy'; entity_id: string }[] =
        await this.dataSource.query(
          `SELECT id::text, kind, entity_id FROM match_change WHERE id > $1 ORDER BY id LIMIT $2`,
          [this.lastChangeId, REPLAY_BATCH],
        );
      if (rows.length === 0) return;
      const indexes = this.indexes!;
      const people = [
        ...new Set(rows.filter((r) => r.kind === 'jobseeker').map((r) => r.entity_id)),
      ];
      const vacancies = [
        ...new Set(rows.filter((r) => r.kind === 'vacancy').map((r) => r.entity_id)),
      ];
      if (people.length) await applyPeople(this.dataSource, indexes.candidates, people);
      if (vacancies.length) await applyVacancies(this.dataSource, indexes.vacancies, vacancies);
      this.lastChangeId = Number(rows[rows.length - 1].id);
      this.changed.candidates += people.length;
      this.changed.vacancies += vacancies.length;
      this.scheduleCompaction();
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
      (this.changed.candidates > 0 &&
        this.changed.candidates >= idleFraction * indexes.candidates.size) ||
      (this.changed.vacancies > 0 &&
        this.changed.vacancies >= idleFraction * indexes.vacancies.size)
    );
  }

  /** (Re)arms the compaction timer after a replay: quiet time, bounded by the longest wait. */
  private scheduleCompaction(): void {
    if (!this.compactionDue) return;
    const now = Date.now();
    this.compactionDueSince ??= now;
    const { quietMs, maxWaitMs } = this.compaction;
    const delay = Math.max(0, Math.min(quietMs, this.compactionDueSince + maxWaitMs - now));
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    this.compactionTimer = setTimeout(() => void this.compactInBackground(), delay);
    this.compactionTimer.unref();
  }

  /**
   * Compacts what is due, between replays: a replay in progress goes first (the timer is
   * re-armed by it). Synchronous once started, so no query sees a half-compacted index.
   * Returns whether it compacted; the bench and tests call it to skip the wait.
   */
  async compactInBackground(): Promise<boolean> {
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    this.compactionTimer = undefined;
    if (this.replaying || this.building) {
      await Promise.allSettled([this.replaying, this.building]);
      this.scheduleCompaction();
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
    this.compactionDueSince = undefined;
    log.info('match_index_compacted', { ms: Date.now() - started });
    return true;
  }

  /** Stops the compaction timer (the service is stopping). */
  stop(): void {
    if (this.compactionTimer) clearTimeout(this.compactionTimer);
    this.compactionTimer = undefined;
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
