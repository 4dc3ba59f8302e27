import express, { Router } from 'express';
import path from 'node:path';
import { DEVELOPMENT_SECRET, PROJECT_ROOT } from '../../config';
import type { TokenService } from '../../auth/token.service';
import { fixtureActor, FixtureUser, loadFixtureUsers } from '../../auth/fixture-users';
import { PURPOSE_HEADER } from '../context';
import { Example, EXAMPLES, FIRST_OPEN_VACANCY } from './examples';

/**
 * GraphiQL 3.8.3 with React 18's UMD builds, served from node_modules: it works offline
 * (GraphiQL 5 loads its editor workers from a CDN). Development only.
 */
const ASSETS: Record<string, string> = {
  'react.js': 'node_modules/react/umd/react.production.min.js',
  'react-dom.js': 'node_modules/react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'node_modules/graphiql/graphiql.min.js',
  'graphiql.css': 'node_modules/graphiql/graphiql.min.css',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Osaamo</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script src="/explorer/app.js"></script>
</body>
</html>`;

export interface ExplorerOptions {
  tokens: TokenService;
  /** The tokens are filled in only when this is the public development secret. */
  jwtSecret?: string;
}

/** A GraphiQL tab: the example's text, its variables and its user's headers. */
async function exampleTab(
  example: Example,
  users: FixtureUser[],
  options: ExplorerOptions,
): Promise<{ query: string; variables?: string; headers?: string }> {
  const lines = [`# ${example.title}`];
  const headers: Record<string, string> = {};
  const user = users.find((u) => u.user === example.user);
  if (user) {
    lines.push(`# As ${user.user} (${user.role}).`);
    // A token of the public secret gives nothing `npm run token` does not give anyone.
    headers.Authorization =
      options.jwtSecret === DEVELOPMENT_SECRET
        ? `Bearer ${await options.tokens.issue(fixtureActor(user))}`
        : `Bearer <npm run token --silent -- --user ${user.user}>`;
  }
  if (example.purpose) headers[PURPOSE_HEADER] = example.purpose;
  let query = example.query;
  let variables = example.variables;
  if (example.needsVacancy) {
    lines.push('# Run FirstOpenVacancy first and put its id in the variables.');
    query = `${FIRST_OPEN_VACANCY}\n\n${query}`;
    variables = { ...variables, vacancyId: '<id from FirstOpenVacancy>' };
  }
  return {
    query: `${lines.join('\n')}\n${query}`,
    variables: variables && JSON.stringify(variables, null, 2),
    headers: Object.keys(headers).length ? JSON.stringify(headers, null, 2) : undefined,
  };
}

/** Tokens expire: each load of the page gets fresh ones. */
async function appScript(options: ExplorerOptions): Promise<string> {
  const users = loadFixtureUsers();
  const tabs = await Promise.all(EXAMPLES.map((example) => exampleTab(example, users, options)));
  return `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: ${JSON.stringify(tabs)},
    defaultEditorToolsVisibility: true,
    // Per browser session: a new session opens the examples again, with fresh tokens.
    storage: window.sessionStorage,
    shouldPersistHeaders: true,
  }));
})();`;
}

/** The explorer: mounted in development only (http-server.ts). */
export function explorerRouter(options: ExplorerOptions): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res
      .type('html')
      .set(
        'Content-Security-Policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      )
      .send(PAGE);
  });
  router.get('/app.js', async (_req, res) => {
    res
      .type('application/javascript')
      .set('Cache-Control', 'no-store')
      .send(await appScript(options));
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/assets/${name}`, (_req, res) => res.sendFile(path.join(PROJECT_ROOT, file)));
  }
  router.use(
    express.static(path.join(PROJECT_ROOT, 'node_modules', 'graphiql', 'dist'), { index: false }),
  );
  return router;
}
