import { AddressInfo } from 'node:net';
import { loadConfig, AppConfig } from '../../src/config';
import { RunningApp, startAppOn } from '../../src/app';
import { openTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: RunningApp;
  db: TestDatabase;
  url: string;
  /** POSTs a GraphQL operation; returns status and parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: { data?: T; errors?: GraphQLErrorBody[] } }>;
  stop(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The whole service on its own copy of the template database, on a free loopback port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    port: 0,
    host: '127.0.0.1',
    ...overrides,
  };
  const app = await startAppOn(db.database, config);
  const { port } = app.http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    db,
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}
