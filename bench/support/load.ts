/**
 * Load on loopback with autocannon, bounded in requests and in time, that fails on anything but
 * an answer: a non-2xx status, a GraphQL error in a 200 body, a socket error or a timeout. Fast
 * refusals (a 429 from the rate limit, say) once counted as served requests and made a run look
 * five times faster than the server was; now a run with any of them fails, so its figures are
 * those of answered requests only.
 */
import autocannon from 'autocannon';

export interface LoadRun {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** At most this many requests... */
  amount: number;
  /** ...and at most this long (seconds); the run stops at whichever comes first. */
  maxSeconds: number;
  /** The body of the i-th request (a JSON string), and what to remember for its answer. */
  body: (i: number) => { body: string; key?: string; headers?: Record<string, string> };
  /** Called with the key of each request answered 200 without GraphQL errors. */
  answered?: (key: string) => void;
}

export interface LoadResult {
  answered: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  failures: { non2xx: number; graphqlErrors: number; errors: number; timeouts: number };
}

export async function runLoad(run: LoadRun): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const started = Date.now();
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: run.url,
        connections: run.connections,
        amount: run.amount,
        timeout: 10,
        headers: run.headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (request, context) => {
              const { body, key, headers } = run.body(next++);
              (context as { key?: string }).key = key;
              return { ...request, body, headers: { ...request.headers, ...headers } };
            },
            onResponse: (status, body, context) => {
              if (status < 200 || status >= 300) {
                firstError ??= `${status}: ${String(body).slice(0, 200)}`;
                return;
              }
              if (String(body).includes('"errors"')) {
                graphqlErrors++;
                firstError ??= String(body).slice(0, 200);
                return;
              }
              const key = (context as { key?: string }).key;
              if (key !== undefined) run.answered?.(key);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const deadline = setTimeout(() => instance?.stop(), run.maxSeconds * 1000);
  const result = await finished;
  clearTimeout(deadline);
  const seconds = (Date.now() - started) / 1000;
  const failures = {
    non2xx: result.non2xx,
    graphqlErrors,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  const answered = result['2xx'] - graphqlErrors;
  if (failures.non2xx || failures.graphqlErrors || failures.errors || failures.timeouts) {
    console.error(
      `  LOAD RUN FAILED: ${JSON.stringify(failures)} of ${result.requests.total} requests; first: ${firstError ?? '(a socket error or timeout)'}`,
    );
    process.exitCode = 1;
  }
  return {
    answered,
    perSecond: answered / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    seconds,
    failures,
  };
}

export const describeLoad = (r: LoadResult) =>
  `${r.answered} answered in ${r.seconds.toFixed(1)} s (${r.perSecond.toFixed(0)}/s), p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; non-2xx ${r.failures.non2xx}, GraphQL errors ${r.failures.graphqlErrors}, socket errors ${r.failures.errors}, timeouts ${r.failures.timeouts}`;
