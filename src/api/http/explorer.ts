import express, { Router } from 'express';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

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

/** Example operations, one tab each. */
export const EXAMPLE_OPERATIONS: { name: string; query: string }[] = [
  {
    name: 'Find welding skills (Finnish, inflected)',
    query: `query FindSkills {
  searchSkills(text: "hitsauksen", language: FI, first: 5) {
    score
    matchedLabel
    skill { uri preferredLabel(language: FI) skillType }
  }
}`,
  },
  {
    name: 'A job title as an ad writes it',
    query: `query FindOccupation {
  searchOccupations(text: "Lähihoitaja, vakituinen", language: FI, first: 3) {
    score
    matchedLabel
    occupation {
      uri
      preferredLabel(language: FI)
      essentialSkills { skill { preferredLabel(language: FI) } }
    }
  }
}`,
  },
  {
    name: 'One occupation with its skills',
    query: `query Nurse {
  occupation(uri: "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50") {
    preferredLabel(language: SV)
    labels(language: FI) { text kind }
    essentialSkills { skill { uri preferredLabel(language: EN) } }
    optionalSkills { skill { preferredLabel(language: EN) } }
  }
}`,
  },
  {
    name: 'What taxonomy is loaded',
    query: `query Info {\n  taxonomyInfo { skills occupations languages lastImportedAt attribution }\n}`,
  },
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Osaamo GraphQL explorer</title>
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

function appScript(): string {
  const tabs = EXAMPLE_OPERATIONS.map((op) => ({
    query: `# ${op.name}\n${op.query}`,
  }));
  return `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: ${JSON.stringify(tabs)},
    defaultEditorToolsVisibility: true,
  }));
})();`;
}

export function explorerRouter(): Router {
  const router = Router();
  const script = appScript();
  router.get('/', (_req, res) => {
    res
      .type('html')
      .set(
        'Content-Security-Policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      )
      .send(PAGE);
  });
  router.get('/app.js', (_req, res) => {
    res.type('application/javascript').send(script);
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/assets/${name}`, (_req, res) => res.sendFile(path.join(PROJECT_ROOT, file)));
  }
  router.use(
    express.static(path.join(PROJECT_ROOT, 'node_modules', 'graphiql', 'dist'), { index: false }),
  );
  return router;
}
