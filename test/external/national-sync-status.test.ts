import { NationalSyncResult } from '../../src/external/national-sync';
import { NationalSyncStatus } from '../../src/external/national-sync-status';
import { emptyReport } from '../../src/external/national-coverage';

/** The sync's state in memory: recorded by the instance that runs it, copied by the others. */
describe('the national sync status', () => {
  const at = (iso: string) => new Date(iso);
  const result = (complete: boolean): NationalSyncResult => ({
    kind: 'incremental',
    reports: [
      { ...emptyReport(), ads: 5, archived: 1, complete },
      { ...emptyReport(), archived: 2, complete },
    ],
    written: 4,
    deleted: 3,
    complete,
    watermark: null,
  });

  it('records a run as it starts, ends whole, is cut off, and fails', () => {
    let now = at('2026-12-01T10:00:00Z');
    const status = new NationalSyncStatus(() => now);
    status.started('incremental');
    expect(status.snapshot()).toMatchObject({
      running: { kind: 'incremental', since: now },
      lastRunAt: null,
    });
    now = at('2026-12-01T10:01:00Z');
    status.finished(result(true));
    expect(status.snapshot()).toEqual({
      running: null,
      lastRunAt: now,
      lastKind: 'incremental',
      complete: true,
      lastCompleteAt: now,
      lastError: null,
      recordsRead: 8,
      rowsWritten: 4,
      rowsDeleted: 3,
    });
    // A cut-off run keeps the age of the last whole one.
    status.finished(result(false));
    expect(status.snapshot()).toMatchObject({ complete: false, lastCompleteAt: now });
    now = at('2026-12-01T10:20:00Z');
    status.started('full');
    status.failed('full', new Error('HTTP 503'));
    expect(status.snapshot()).toMatchObject({
      running: null,
      lastRunAt: now,
      lastKind: 'full',
      complete: null,
      lastCompleteAt: at('2026-12-01T10:01:00Z'),
      lastError: 'Error: HTTP 503',
      rowsWritten: null,
    });
  });

  it('copies a newer run another instance recorded, never an older one nor over a run in progress', async () => {
    const status = new NationalSyncStatus(() => at('2026-12-01T10:00:00Z'));
    const recorded = {
      at: at('2026-12-01T10:05:00Z'),
      kind: 'full' as const,
      complete: true,
      recordsRead: 120,
    };
    await status.refresh({ lastRun: async () => recorded });
    expect(status.snapshot()).toMatchObject({
      lastRunAt: recorded.at,
      lastKind: 'full',
      complete: true,
      lastCompleteAt: recorded.at,
      recordsRead: 120,
      rowsWritten: null,
    });
    await status.refresh({
      lastRun: async () => ({ ...recorded, at: at('2026-12-01T09:00:00Z'), recordsRead: 1 }),
    });
    expect(status.snapshot().recordsRead).toBe(120);
    status.started('incremental');
    await status.refresh({
      lastRun: async () => ({ ...recorded, at: at('2026-12-01T11:00:00Z') }),
    });
    expect(status.snapshot()).toMatchObject({ running: { kind: 'incremental' }, recordsRead: 120 });
  });
});
