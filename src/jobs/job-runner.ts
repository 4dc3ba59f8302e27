import { DataSource } from 'typeorm';
import { runAsBackgroundWork } from '../kernel/background-work';
import { log } from '../kernel/logger';
import { runAlone } from './advisory-lock';
import { Job, JobOutcome } from './job';

/**
 * Owns the periodic work of an instance: each job on a timer of its own, started and stopped
 * with the app. A run never overlaps the job's previous run; a failure is logged, never thrown,
 * and the job runs again at its next interval. Timers do not keep the process alive.
 */
export class JobRunner {
  private readonly byName = new Map<string, Job>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest run of each job (queued after the one before it). */
  private readonly runs = new Map<string, Promise<JobOutcome>>();
  private started = false;
  /** Aborted by `stop`: runs in progress end early. */
  private stopping = new AbortController();

  constructor(
    jobs: readonly Job[],
    private readonly database: {
      dataSource: DataSource;
      /** The embedded database serves one instance (its folder is locked to one process). */
      kind: 'postgres' | 'embedded';
    },
  ) {
    for (const job of jobs) {
      if (this.byName.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
      this.byName.set(job.name, job);
    }
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    for (const job of this.byName.values()) {
      if (job.runAtStart) void this.runNow(job.name);
      this.schedule(job);
    }
  }

  /** Clears the timers, tells runs in progress to end (their signal) and waits for them. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.runs.values());
  }

  /** Runs a job now, after its run in progress if there is one (tests, operators). */
  runNow(name: string): Promise<JobOutcome> {
    const job = this.byName.get(name);
    if (!job) throw new Error(`No job is named ${name}`);
    // In a context of its own: its statements are the job's, not those of a request in progress.
    const run = (this.runs.get(name) ?? Promise.resolve()).then(() =>
      runAsBackgroundWork(name, () => this.execute(job)),
    );
    this.runs.set(name, run);
    void run.finally(() => {
      if (this.runs.get(name) === run) this.runs.delete(name);
    });
    return run;
  }

  private schedule(job: Job): void {
    const timer = setTimeout(() => {
      void this.runNow(job.name).finally(() => {
        if (this.started) this.schedule(job);
      });
    }, job.intervalMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async execute(job: Job): Promise<JobOutcome> {
    const signal = this.stopping.signal;
    try {
      // On the embedded database this instance is the only one: no lock to take (a session
      // lock would also hold its one connection away from the job's own queries).
      if (job.oneInstance && this.database.kind === 'postgres') {
        const ran = await runAlone(this.database.dataSource, job.name, () => job.run(signal));
        return ran ? 'done' : 'skipped';
      }
      await job.run(signal);
      return 'done';
    } catch (error) {
      // The error's kind and code only: a message may quote the data it failed on.
      log.warn('job_failed', {
        job: job.name,
        errorName: error instanceof Error ? error.name : typeof error,
        errorCode: (error as { code?: string } | null)?.code,
      });
      return 'failed';
    }
  }
}
