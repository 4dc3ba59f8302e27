/** A piece of periodic work: what the jobs module runs, every `intervalMs`, on its own timer. */
export interface Job {
  /** Kebab-case, unique in a runner: names the job in logs, in `runNow` and in its lock. */
  name: string;
  /** Time from the end of one run to the start of the next. */
  intervalMs: number;
  /**
   * Runs on one instance at a time: an instance takes a PostgreSQL advisory lock named after
   * the job (`pg_try_advisory_lock`) for the run, and skips the round when another holds it.
   * For work that must not run twice at once (a national sync); leave unset for idempotent
   * housekeeping that every instance may do.
   */
  oneInstance?: boolean;
  /**
   * Runs once as the runner starts (in the background: the start does not wait for it), then
   * every `intervalMs`. For work whose first run is wanted at once (the first national pull).
   */
  runAtStart?: boolean;
  /**
   * The work. A rejection is logged and the job runs again at its next interval. The signal is
   * aborted when the runner stops: a long run (a national pull) ends instead of holding it up.
   */
  run(signal: AbortSignal): Promise<unknown>;
}

/** How a run ended: done, failed (logged), or skipped (another instance holds the job's lock). */
export type JobOutcome = 'done' | 'failed' | 'skipped';
