import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { TEST_JWT_SECRET_FOR_BENCH } from './secrets';

/** The built server (dist/) as its own process on `databaseUrl`, as production runs it. */
export function startServer(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      OSAAMO_JWT_SECRET: TEST_JWT_SECRET_FOR_BENCH,
      OSAAMO_PSEUDONYM_SECRET: `${TEST_JWT_SECRET_FOR_BENCH}-pseudonyms`,
      OSAAMO_LOAD_FIXTURES: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Waits until `url`/readyz answers 200 (at most five minutes): the milliseconds since `started`. */
export async function untilReady(url: string, started: number): Promise<number> {
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return Date.now() - started;
    if (Date.now() - started > 300_000) throw new Error('the server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A GraphQL POST with the bench's token and a purpose (personal data is read). */
export function postGraphql(url: string, token: string, body: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-osaamo-purpose': 'benchmark',
    },
    body,
  });
}
