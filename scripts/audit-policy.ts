/**
 * npm audit in CI, with the policy of the README (Operations): a high or critical advisory in
 * a production dependency blocks (exit 1); advisories of dev dependencies and lower severities
 * are reported, not blocking; an audit endpoint that does not answer (timeout, refusal, no
 * network) is reported and does not block, so the registry's outage never fails a build.
 */
import { spawnSync } from 'node:child_process';

const TIMEOUT_MS = 90_000;
const BLOCKING = ['high', 'critical'] as const;

type Counts = Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number>>;

export interface AuditOutcome {
  /** The endpoint answered with a report. */
  answered: boolean;
  counts: Counts;
  /** Package names with a blocking advisory. */
  blocking: string[];
  /** Why there is no report. */
  problem?: string;
}

/** Reads `npm audit --json` output (and how the process ended) into an outcome. */
export function readAudit(stdout: string, timedOut: boolean): AuditOutcome {
  if (timedOut)
    return { answered: false, counts: {}, blocking: [], problem: `no answer in ${TIMEOUT_MS} ms` };
  let report: {
    metadata?: { vulnerabilities?: Counts };
    vulnerabilities?: Record<string, { severity: string }>;
    error?: unknown;
    message?: string;
  };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return { answered: false, counts: {}, blocking: [], problem: 'output is not JSON' };
  }
  if (!report.metadata?.vulnerabilities)
    return {
      answered: false,
      counts: {},
      blocking: [],
      problem: report.message ?? 'the audit endpoint returned an error',
    };
  const blocking = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => (BLOCKING as readonly string[]).includes(v.severity))
    .map(([name]) => name)
    .sort();
  return { answered: true, counts: report.metadata.vulnerabilities, blocking };
}

function audit(args: string[]): AuditOutcome {
  const run = spawnSync('npm', ['audit', '--json', ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return readAudit(run.stdout ?? '', run.error !== undefined || run.signal !== null);
}

function describe(outcome: AuditOutcome): string {
  if (!outcome.answered) return `not audited (${outcome.problem}): reported, not blocking`;
  const c = outcome.counts;
  return `critical ${c.critical ?? 0}, high ${c.high ?? 0}, moderate ${c.moderate ?? 0}, low ${c.low ?? 0}`;
}

function main(): void {
  const production = audit(['--omit=dev']);
  console.log(`npm audit, production dependencies: ${describe(production)}`);
  const all = audit([]);
  console.log(`npm audit, with dev dependencies (reported only): ${describe(all)}`);
  if (production.blocking.length) {
    console.log(`Blocking (high or critical, production): ${production.blocking.join(', ')}`);
    process.exit(1);
  }
}

if (require.main === module) main();
