/**
 * The national sync's state as this instance knows it, kept in memory for `sources` to report
 * without a database read per request. The instance that runs the sync (it runs on one at a
 * time) records each run as it starts and ends; the others copy the last run from
 * national_sync_state on a timer (`refresh`), where errors are not kept.
 */
import type { NationalSync, NationalSyncKind, NationalSyncResult } from './national-sync';

export type { NationalSyncKind };

export interface NationalSyncSnapshot {
  /** The run in progress on this instance, if any. */
  running: { kind: NationalSyncKind; since: Date } | null;
  /** When the latest finished run (or failure) ended. */
  lastRunAt: Date | null;
  lastKind: NationalSyncKind | null;
  /** Whether the latest run's streams ended whole; null after a failure or before any run. */
  complete: boolean | null;
  /** When the latest run that ended whole did: the age of the data. */
  lastCompleteAt: Date | null;
  /** Why the latest run failed (the error's kind and a short message); null when it did not. */
  lastError: string | null;
  /** Of the latest finished run: records read (ads and removals), rows written and deleted. */
  recordsRead: number | null;
  rowsWritten: number | null;
  rowsDeleted: number | null;
}

/** Longest error text kept: the kind and the start of the message, never a whole payload. */
const ERROR_TEXT = 200;

export class NationalSyncStatus {
  private state: NationalSyncSnapshot = {
    running: null,
    lastRunAt: null,
    lastKind: null,
    complete: null,
    lastCompleteAt: null,
    lastError: null,
    recordsRead: null,
    rowsWritten: null,
    rowsDeleted: null,
  };

  constructor(private readonly now: () => Date = () => new Date()) {}

  snapshot(): NationalSyncSnapshot {
    return { ...this.state };
  }

  started(kind: NationalSyncKind): void {
    this.state.running = { kind, since: this.now() };
  }

  finished(result: NationalSyncResult): void {
    const at = this.now();
    this.state = {
      running: null,
      lastRunAt: at,
      lastKind: result.kind,
      complete: result.complete,
      lastCompleteAt: result.complete ? at : this.state.lastCompleteAt,
      lastError: null,
      recordsRead: result.reports.reduce((n, r) => n + r.ads + r.archived, 0),
      rowsWritten: result.written,
      rowsDeleted: result.deleted,
    };
  }

  failed(kind: NationalSyncKind, error: unknown): void {
    // An abort's reason is a DOMException, not always an Error: read its name and message.
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    const text =
      typeof message === 'string' ? `${String(name ?? 'Error')}: ${message}` : String(error);
    this.state = {
      ...this.state,
      running: null,
      lastRunAt: this.now(),
      lastKind: kind,
      complete: null,
      lastError: text.slice(0, ERROR_TEXT),
      recordsRead: null,
      rowsWritten: null,
      rowsDeleted: null,
    };
  }

  /**
   * Takes the last run another instance recorded, when it is newer than what this one knows
   * (an instance that did not run the sync; one that did already knows).
   */
  async refresh(sync: Pick<NationalSync, 'lastRun'>): Promise<void> {
    const last = await sync.lastRun();
    if (!last || this.state.running) return;
    if (this.state.lastRunAt && this.state.lastRunAt >= last.at) return;
    this.state = {
      running: null,
      lastRunAt: last.at,
      lastKind: last.kind,
      complete: last.complete,
      lastCompleteAt: last.complete ? last.at : this.state.lastCompleteAt,
      lastError: null,
      recordsRead: last.recordsRead,
      // Not kept in the table: only the instance that ran the sync knows them.
      rowsWritten: null,
      rowsDeleted: null,
    };
  }
}
