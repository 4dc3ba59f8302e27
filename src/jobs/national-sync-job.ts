/**
 * The schedule of the national sync (src/external/national-sync.ts): every `intervalMs` the
 * changes since the watermark and the ARCHIVED pass; a full reconcile on the first run after
 * the nightly hour (Finnish time), and whenever there is no watermark yet or no full pull was
 * recorded. On one instance at a time; the first run starts with the app, in the background.
 */
import { log } from '../kernel/logger';
import type { NationalSync, NationalSyncKind } from '../external/national-sync';
import type { NationalSyncStatus } from '../external/national-sync-status';
import { Job } from './job';

/** The nightly hour is read on Finnish clocks (EET/EEST), where the ads and their users are. */
export const NIGHTLY_TIME_ZONE = 'Europe/Helsinki';

export interface NationalSyncSchedule {
  /** Time from the end of one run to the start of the next (default 15 minutes). */
  intervalMs: number;
  /** The hour (0–23, Europe/Helsinki) from which the night's full reconcile is due (default 3). */
  nightlyHour: number;
}

export interface NationalSyncJobDeps extends NationalSyncSchedule {
  sync: Pick<NationalSync, 'full' | 'incremental' | 'watermark' | 'lastFullAt' | 'lastRun'>;
  status: NationalSyncStatus;
  now?: () => Date;
}

/** How often an instance that does not run the sync copies its last run into memory. */
export const SYNC_STATUS_REFRESH_MS = 30_000;

export function nationalSyncJobs(deps: NationalSyncJobDeps): Job[] {
  const now = deps.now ?? (() => new Date());
  return [
    {
      name: 'national-sync',
      intervalMs: deps.intervalMs,
      oneInstance: true,
      runAtStart: true,
      run: async (signal) => {
        const kind = await nextKind(deps.sync, now(), deps.nightlyHour);
        deps.status.started(kind);
        try {
          const result =
            kind === 'full' ? await deps.sync.full(signal) : await deps.sync.incremental(signal);
          deps.status.finished(result);
          log.info('national_sync_done', {
            kind: result.kind,
            complete: result.complete,
            written: result.written,
            deleted: result.deleted,
          });
        } catch (error) {
          deps.status.failed(kind, error);
          throw error;
        }
      },
    },
    {
      // Every instance: those whose rounds another instance ran learn of them here.
      name: 'national-sync-status',
      intervalMs: SYNC_STATUS_REFRESH_MS,
      run: () => deps.status.refresh(deps.sync),
    },
  ];
}

/** Full when there is no watermark, no full pull recorded, or none since the last nightly hour. */
export async function nextKind(
  sync: Pick<NationalSync, 'watermark' | 'lastFullAt'>,
  now: Date,
  nightlyHour: number,
): Promise<NationalSyncKind> {
  if (!(await sync.watermark())) return 'full';
  const lastFull = await sync.lastFullAt();
  return !lastFull || lastFull < latestHourIn(now, nightlyHour) ? 'full' : 'incremental';
}

/** The latest instant, at or before `now`, at which the clocks of `timeZone` read `hour`:00. */
export function latestHourIn(now: Date, hour: number, timeZone = NIGHTLY_TIME_ZONE): Date {
  const local = wallClock(now, timeZone);
  for (let daysBack = 0; ; daysBack++) {
    const wall = Date.UTC(local.year, local.month - 1, local.day - daysBack, hour);
    const instant = fromWallClock(wall, timeZone);
    if (instant <= now.getTime()) return new Date(instant);
  }
}

/** The wall clock of a zone at an instant. */
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const c = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time (given as if it were UTC) names in the zone. */
function fromWallClock(wall: number, timeZone: string): number {
  // Twice: the offset at the first guess may differ from the one at the answer (a DST change).
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}
