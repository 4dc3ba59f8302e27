import { DataSource } from 'typeorm';
import { CandidateIndex, SkillGraph, VacancyIndex } from '../../matching';
import { log } from '../logger';
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: () => Promise<SkillGraph>,
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

  /** The indexes once built (starting the build if none has started). */
  async whenReady(): Promise<MatchIndexes> {
    return this.indexes ?? this.building ?? this.build();
  }

  /** Builds (or rebuilds, after a new taxonomy) from one snapshot; the old indexes serve meanwhile. */
  build(): Promise<MatchIndexes> {
    this.building ??= this.buildFromSnapshot()
      .then((indexes) => {
        this.indexes = indexes;
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
    const graph = await this.graph();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One snapshot for the data and the feed position: changes after it are replayed.
      await runner.startTransaction('REPEATABLE READ');
      const db = runner.manager;
      const [{ last }] = await db.query(
        `SELECT coalesce(max(id), 0)::bigint::text AS last FROM match_change`,
      );
      const people = await loadCandidates(db);
      const homes = await loadCandidateMunicipalities(db);
      const vacancyTags = await loadOpenVacancyMunicipalities(db);
      const vacancies = await loadVacancies(db, [...vacancyTags.keys()]);
      await runner.commitTransaction();
      const indexes = {
        candidates: CandidateIndex.build(
          graph,
          people.map((profile) => ({ profile, tag: homes.get(profile.id) ?? '' })),
        ),
        vacancies: VacancyIndex.build(
          graph,
          vacancies.map((profile) => ({ profile, tag: vacancyTags.get(profile.id) ?? '' })),
        ),
      };
      this.lastChangeId = Number(last);
      log.info('match_index_built', {
        jobseekers: indexes.candidates.size,
        vacancies: indexes.vacancies.size,
        ms: Date.now() - started,
      });
      return indexes;
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
      if (indexes.candidates.needsCompaction) indexes.candidates.compact();
      if (indexes.vacancies.needsCompaction) indexes.vacancies.compact();
    }
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
