import { AddressInfo } from 'node:net';
import { loadConfig, AppConfig } from '../../src/config';
import { RunningApp, startAppOn } from '../../src/composition-root';
import { openTestDatabase, TestDatabase } from './test-database';
import { Actor } from '../../src/auth/actor';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-bytes!!';

export interface TestApp {
  app: RunningApp;
  db: TestDatabase;
  url: string;
  /** POSTs a GraphQL operation, with an actor's token and a purpose if given. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { token?: string; purpose?: string },
  ): Promise<{ status: number; body: { data?: T; errors?: GraphQLErrorBody[] } }>;
  /** A valid token for an actor. */
  token(actor: Actor): Promise<string>;
  stop(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The whole service on its own copy of the template database, on a free loopback port. */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  options: { waitForMatchIndex?: boolean } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    port: 0,
    host: '127.0.0.1',
    jwtSecret: TEST_JWT_SECRET,
    // Tests load what they need; the people fixtures are loaded where a test asks for them.
    loadFixturesOnStart: false,
    ...overrides,
  };
  const app = await startAppOn(db.database, config);
  // Tests start when the service is ready, as a load balancer would wait for /readyz.
  if (options.waitForMatchIndex ?? true) await app.services.matches.index.whenReady();
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    db,
    url,
    async graphql(query, variables, as) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as?.token) headers.authorization = `Bearer ${as.token}`;
      if (as?.purpose) headers['x-osaamo-purpose'] = as.purpose;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    token: (actor) => app.services.tokens.issue(actor),
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}
