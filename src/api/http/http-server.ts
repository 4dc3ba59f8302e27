import express, { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { AppConfig, DEVELOPMENT_SECRET } from '../../config';
import { Database } from '../../db/database';
import { createErrorFormatter } from '../format-error';
import { createRequestContext, PURPOSE_HEADER, RequestContext, Services } from '../context';
import { log } from '../../kernel/logger';
import { explorerRouter } from './explorer';
import { consoleIssuers, consoleRouter } from './console';
import { developmentSignInRouter } from './development-sign-in';
import { armorProtection, queryCostPlugin, tokenFloodGuard } from '../plugins/query-limits';
import { CostRateLimiter, rateLimitPlugin } from '../plugins/rate-limit';
import { API_KEY_HEADER } from '../../auth/api-key.service';
import { idempotencyPlugin } from '../plugins/idempotency';
import { requestBodyShapeGuard } from './body-shape';
import { Metrics } from '../../metrics/metrics';
import { metricsPlugin } from '../plugins/metrics-plugin';
import { metricsRoute } from '../../metrics/metrics-route';
import { profileTransferCallback, TMT_CALLBACK_PATH } from '../../profile-transfers/callback-route';
import { readYourWritesPlugin } from '../plugins/read-your-writes.plugin';

export interface HttpApp {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Stops taking requests, lets in-flight ones finish, then closes. */
  stop(): Promise<void>;
}

/** Logs each operation's name, duration and outcome: never its variables, which may be personal. */
const operationLog: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    const started = Date.now();
    return {
      async willSendResponse({ operationName, errors, contextValue, response }) {
        // A request refused before it ran (parse, validation, limits) is the client's error: 400,
        // also when a limit plugin refused it while parsing (Apollo would answer 500).
        const code = errors?.[0]?.extensions?.code;
        if (
          response.body.kind === 'single' &&
          response.body.singleResult.data == null &&
          (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED')
        )
          response.http.status = 400;
        log.info('graphql_operation', {
          operation: operationName ?? 'anonymous',
          durationMs: Date.now() - started,
          cost: contextValue.request?.cost,
          errors: errors?.length ?? 0,
          errorCode: (errors?.[0]?.extensions?.code as string | undefined) ?? undefined,
        });
      },
    };
  },
};

export async function createHttpApp(
  config: AppConfig,
  schema: GraphQLSchema,
  database: Database,
  services: Services,
  metrics: Metrics,
): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  let stopping = false;

  const armor = armorProtection(config.queryLimits);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: armor.validationRules,
    // Introspection is decided by configuration, not by NODE_ENV (Apollo keeps it on under test).
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Suggestions ("Did you mean …?") of every kind leave only where configured (development).
    formatError: createErrorFormatter(config.development, config.fieldSuggestions),
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: nothing here uses them, and a malformed
    // `extensions.persistedQuery` answered 400 with INTERNAL_SERVER_ERROR; now a typed refusal.
    persistedQueries: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ...armor.plugins,
      queryCostPlugin(schema, config.queryLimits),
      rateLimitPlugin(
        new CostRateLimiter(config.rateLimit, database.dataSource, config.pseudonymSecret),
        (role) => metrics.rateLimited(role),
      ),
      metricsPlugin(metrics, schema),
      idempotencyPlugin(services.dataSource),
      operationLog,
      readYourWritesPlugin(services, config.readYourWritesTimeoutMs),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (stopping) return void res.status(503).json({ status: 'stopping' });
    const db = await database.readiness();
    if (!db.ready) return void res.status(503).json({ status: 'not ready', reason: db.reason });
    if (!services.taxonomySearch.ready) {
      return void res.status(503).json({ status: 'not ready', reason: 'search index not built' });
    }
    if (!services.matches.index.ready) {
      return void res.status(503).json({ status: 'not ready', reason: 'match index not built' });
    }
    // The last change-feed row this instance applied: comparing instances shows their lag.
    res.json({
      status: 'ready',
      database: database.kind,
      matchChangeId: services.matches.index.appliedChangeId,
    });
  });
  // Where Job Market Finland's permit page sends the person back: the one route outside GraphQL.
  app.get(TMT_CALLBACK_PATH, profileTransferCallback(services.profileTransfers));
  if (config.metrics.enabled) app.get('/metrics', metricsRoute(metrics, config.metrics.token));
  if (config.development)
    app.use('/explorer', explorerRouter({ tokens: services.tokens, jwtSecret: config.jwtSecret }));
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimitBytes }),
    requestBodyShapeGuard(),
    tokenFloodGuard(config.queryLimits.maxTokens),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createRequestContext(services, {
          authorization: req.headers.authorization,
          purpose: headerValue(req.headers[PURPOSE_HEADER]),
          operationName: stringOrUndefined(
            (req.body as { operationName?: unknown })?.operationName,
          ),
          address: req.socket.remoteAddress,
          apiKey: headerValue(req.headers[API_KEY_HEADER]),
        }),
    }),
  );
  // The console's development sign-in: only where the tokens it issues are the public ones.
  const developmentSignIn = config.development && config.jwtSecret === DEVELOPMENT_SECRET;
  if (developmentSignIn) app.use('/dev', developmentSignInRouter(services.tokens));
  app.use(consoleRouter({ developmentSignIn, issuers: consoleIssuers(config.oidcIssuers) }));
  // Body parser errors (too large, malformed JSON) answer as GraphQL clients expect.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (!error?.status) return next(error);
      const message =
        error.type === 'entity.too.large'
          ? `Request body is larger than ${config.bodyLimitBytes} bytes`
          : 'Request body is not valid JSON';
      res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    },
  );

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  return {
    server,
    apollo,
    async stop() {
      stopping = true;
      // ApolloServer.stop() drains: it stops accepting connections and waits for in-flight requests.
      await apollo.stop();
    },
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
