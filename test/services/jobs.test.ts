import { Actor } from '../../src/auth/actor';
import { Database } from '../../src/db/database';
import { Job } from '../../src/jobs/job';
import { JobRunner } from '../../src/jobs/job-runner';
import { logSink, setLogSink } from '../../src/kernel/logger';
import { startTestApp, TestApp } from '../support/test-app';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const onPostgres = (name: string, body: () => void) => describeIf(NEEDS_POSTGRES, name, body);

/** A job that counts its runs, and can be held inside a run until released. */
function countingJob(name: string, intervalMs: number, extra: Partial<Job> = {}) {
  let release: () => void = () => undefined;
  let held: Promise<void> | undefined;
  const job = {
    runs: 0,
    concurrent: 0,
    mostConcurrent: 0,
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release: () => {
      held = undefined;
      release();
    },
    name,
    intervalMs,
    async run() {
      job.runs++;
      job.mostConcurrent = Math.max(job.mostConcurrent, ++job.concurrent);
      try {
        await held;
      } finally {
        job.concurrent--;
      }
    },
    ...extra,
  };
  return job;
}

describe('the jobs module', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('runs each job on its interval from start to stop', async () => {
    const job = countingJob('tick', 20);
    const jobs = new JobRunner([job], t.app.database);
    jobs.start();
    for (let waited = 0; waited < 5_000 && job.runs < 3; waited += 10) await sleep(10);
    expect(job.runs).toBeGreaterThanOrEqual(3);
    await jobs.stop();
    const stoppedAt = job.runs;
    await sleep(100);
    expect(job.runs).toBe(stoppedAt);
  });

  it('logs a failing job instead of throwing, and runs it again at its next interval', async () => {
    let attempts = 0;
    const failing: Job = {
      name: 'failing',
      intervalMs: 20,
      run: async () => {
        attempts++;
        throw Object.assign(new Error('relation "gone" does not exist'), { code: '42P01' });
      },
    };
    const previous = logSink;
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    const jobs = new JobRunner([failing], t.app.database);
    try {
      expect(await jobs.runNow('failing')).toBe('failed');
      jobs.start();
      for (let waited = 0; waited < 5_000 && attempts < 3; waited += 10) await sleep(10);
      await jobs.stop();
    } finally {
      setLogSink(previous);
    }
    expect(attempts).toBeGreaterThanOrEqual(3);
    const logged = lines.map((line) => JSON.parse(line)).filter((l) => l.event === 'job_failed');
    expect(logged[0]).toEqual({
      time: expect.any(String),
      level: 'warn',
      event: 'job_failed',
      job: 'failing',
      errorName: 'Error',
      errorCode: '42P01',
    });
  });

  it('never overlaps a run of the same job: runNow waits for the run in progress', async () => {
    const job = countingJob('slow', 60_000);
    const jobs = new JobRunner([job], t.app.database);
    job.hold();
    const first = jobs.runNow('slow');
    const second = jobs.runNow('slow');
    await sleep(50);
    expect(job.runs).toBe(1);
    job.release();
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(job.runs).toBe(2);
    expect(job.mostConcurrent).toBe(1);
  });

  it('starts a runAtStart job at once without waiting for it, and aborts its run in progress on stop', async () => {
    let aborted = false;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const job: Job = {
      name: 'endless',
      intervalMs: 60_000,
      runAtStart: true,
      // Runs until told to stop, as a pull from a service that never finishes would.
      run: (signal) =>
        new Promise((_resolve, reject) => {
          started();
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    };
    const jobs = new JobRunner([job], t.app.database);
    jobs.start();
    await running;
    await jobs.stop();
    expect(aborted).toBe(true);
  });

  it('owns the service’s periodic work, and closes open vacancies after their deadline when run', async () => {
    expect(t.app.jobs.names.sort()).toEqual([
      'close-expired-vacancies',
      'external-cache-purge',
      'idempotency-purge',
      'match-feed-poll',
      'match-index-compaction',
      'profile-transfer-expiry',
      'rate-limit-purge',
      'taxonomy-refresh',
    ]);
    const admin = await t.token({ id: 'admin-1', role: 'admin' });
    const created = await t.graphql<{ createEmployer: { id: string } }>(
      `mutation ($input: CreateEmployerInput!) { createEmployer(input: $input) { id } }`,
      { input: { businessId: '0737546-2', name: 'Savon Hitsaus Oy', municipalityCode: '297' } },
      { token: admin },
    );
    const employerId = created.body.data!.createEmployer.id;
    const employer = await t.token({ id: 'hr-1', role: 'employer', employerId } as Actor);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const vacancy = await t.graphql<{ createVacancy: { id: string } }>(
      `mutation ($input: CreateVacancyInput!) { createVacancy(input: $input) { id } }`,
      {
        input: {
          employerId,
          title: 'Levyseppä',
          municipalityCode: '749',
          applicationDeadline: yesterday,
        },
      },
      { token: employer },
    );
    const id = vacancy.body.data!.createVacancy.id;
    const status = async () =>
      (
        await t.graphql<{ vacancy: { status: string } }>(
          `query ($id: ID!) { vacancy(id: $id) { status } }`,
          { id },
          { token: employer },
        )
      ).body.data!.vacancy.status;
    await t.graphql(
      `mutation ($id: ID!) { setVacancyStatus(id: $id, status: OPEN) { status } }`,
      { id },
      { token: employer },
    );
    expect(await status()).toBe('OPEN');
    expect(await t.app.jobs.runNow('close-expired-vacancies')).toBe('done');
    expect(await status()).toBe('CLOSED');
  });

  it('runs a one-instance job on the embedded database, which serves one instance', async () => {
    const job = countingJob('alone', 60_000, { oneInstance: true });
    const jobs = new JobRunner([job], t.app.database);
    expect(await jobs.runNow('alone')).toBe('done');
    expect(job.runs).toBe(1);
  });
});

onPostgres('a one-instance job on PostgreSQL', () => {
  let t: TestApp;
  let other: Database;

  beforeAll(async () => {
    t = await startTestApp();
    other = await Database.open({ databaseUrl: t.db.url, embeddedDataDir: '' });
  });
  afterAll(async () => {
    await other.close();
    await t.stop();
  });

  it('runs on one instance at a time: another skips the round while the first holds its lock', async () => {
    const onA = countingJob('national-sync', 60_000, { oneInstance: true });
    const onB = countingJob('national-sync', 60_000, { oneInstance: true });
    const a = new JobRunner([onA], t.app.database);
    const b = new JobRunner([onB], other);
    onA.hold();
    const first = a.runNow('national-sync');
    for (let waited = 0; waited < 5_000 && onA.runs === 0; waited += 10) await sleep(10);
    expect(await b.runNow('national-sync')).toBe('skipped');
    expect(onB.runs).toBe(0);
    onA.release();
    expect(await first).toBe('done');
    // The lock went with the run: the other instance takes the next round.
    expect(await b.runNow('national-sync')).toBe('done');
    expect(onB.runs).toBe(1);
  });
});
