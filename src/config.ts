import path from 'node:path';
import { MatchParams, matchParamsAt } from '../matching';
import { z } from 'zod';
import type { ExternalConfig } from './external/create-external-matches';
import { DEFAULT_FALLBACK_OPTIONS } from './external/external-matches';
import { DEFAULT_GUARD_OPTIONS } from './external/provider-guard';
import { DEFAULT_MIN_USABLE_SHARE } from './external/national-coverage';
import {
  DEFAULT_PULL_MAX_BYTES,
  DEFAULT_PULL_TIMEOUT_MS,
} from './external/providers/national-provider';
import { DEFAULT_TMT_TIMEOUT_MS, TmtRegistration } from './external/tmt-profile/tmt-profile-client';
import { TMT_LANGUAGES } from '../fixtures/external/tmt-profile.contract';
import { TMT_CALLBACK_PATH } from './profile-transfers/callback-path';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from './api/plugins/query-limits';
import { DEFAULT_RATE_LIMIT, RateLimitOptions } from './api/plugins/rate-limit';
import { OidcIssuerConfig, readOidcIssuers } from './auth/oidc-issuers';
import { TOKEN_ISSUER } from './auth/token.service';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Longest a statement may run on PostgreSQL, in ms (PGlite ignores it). */
  statementTimeoutMs: number;
  /** Folder of the embedded database's data; `memory://` keeps it in memory. */
  embeddedDataDir: string;
  port: number;
  host: string;
  /** Development conveniences: the explorer, error details. Never on in production. */
  development: boolean;
  /**
   * The secrets that hold the development secret (development and test only, chosen with
   * NODE_ENV); the server says so when it starts. Empty in production.
   */
  developmentSecrets: string[];
  /** Whether the schema may be introspected; off unless configured or in development. */
  introspection: boolean;
  /** Largest accepted GraphQL request body. */
  bodyLimitBytes: number;
  /** Load the sample taxonomy (fixtures/) into an empty database on start. */
  loadFixturesOnStart: boolean;
  /** Seconds in-flight requests get to finish after SIGTERM. */
  shutdownGraceSeconds: number;
  /** HS256 secret of bearer tokens (OSAAMO_JWT_SECRET). */
  jwtSecret?: string;
  /**
   * OpenID Connect issuers whose access tokens are accepted (verified with their published keys)
   * and that the console signs in with (OSAAMO_OIDC_ISSUERS, JSON); none unless configured.
   */
  oidcIssuers: OidcIssuerConfig[];
  /**
   * Key of the pseudonyms employers see instead of jobseekers' ids; page cursors are sealed with
   * a subkey derived from it (HKDF, its own info string), so it is the one secret of both.
   */
  pseudonymSecret: string;
  /** Job Market Finland and EURES: off until configured. */
  external: ExternalConfig;
  /** Job Market Finland's competence profiles: reading (P60) and writing (P51), each off until configured. */
  tmtProfile: TmtProfileConfig;
  /** The national sync's schedule and area; it runs only when Job Market Finland is configured. */
  nationalSync: NationalSyncConfig;
  /** Depth, aliases, directives, tokens and cost of one operation. */
  queryLimits: QueryLimits;
  /** Cost units per caller: a burst and a steady rate. */
  rateLimit: RateLimitOptions;
  /** "Did you mean …" of any kind in errors: only in development unless configured. */
  fieldSuggestions: boolean;
  /** Who may read /metrics: nobody (not served), anyone who reaches the port, or a bearer token. */
  metrics: MetricsAccess;
  /**
   * A streaming replica (hot standby) of `databaseUrl`: the match index builds from it and
   * follows the change feed on it by polling; writes and every other read go to `databaseUrl`.
   */
  readReplicaUrl?: string;
  /**
   * How often the match index reads the change feed when it cannot LISTEN (its database is a
   * standby): the lag behind the primary is at most this plus the replication lag.
   */
  feedPollMs: number;
  /**
   * Longest a request waits for this instance's match index to reach a position it must
   * include (its own mutation's, or `X-Osaamo-Feed-Position`); past it, SERVICE_UNAVAILABLE.
   */
  readYourWritesTimeoutMs: number;
  /**
   * The matcher's parameters: the defaults, with the current year from the clock at start
   * (staleness of skills). One instance, passed to everything that scores.
   */
  matchParams: MatchParams;
}

export interface NationalSyncConfig {
  /**
   * Whether this instance schedules the sync when the source is configured (OSAAMO_NATIONAL_SYNC,
   * default true). With `false` the national vacancies are asked per query, as before the sync.
   */
  enabled: boolean;
  /** Time from the end of one incremental run to the next (OSAAMO_NATIONAL_SYNC_MINUTES, default 15). */
  intervalMs: number;
  /** The hour, Europe/Helsinki time, from which the nightly full pull is due (default 3). */
  nightlyHour: number;
  /** The area kept: municipality codes (three digits) and region codes (two); all Finland when both are empty. */
  municipalityIn: string[];
  regionIn: string[];
}

export interface TmtProfileConfig {
  /** Reading a person's profile (P60), with its own registration at KEHA; null when off. */
  import: TmtRegistration | null;
  /** Writing a profile back (P51), with its own registration; null when off. */
  export: TmtRegistration | null;
}

export interface MetricsAccess {
  /** Served at /metrics on the service's port. */
  enabled: boolean;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

/** Only for development on one's own machine: a known secret, so `npm run token` just works. */
export const DEVELOPMENT_SECRET = 'osaamo-development-secret-never-use-in-production';

/**
 * Environments chosen explicitly with NODE_ENV in which the development secret stands in for
 * missing secrets (`npm start` and the other npm scripts choose development unless NODE_ENV
 * says otherwise; jest sets test). Anything else, NODE_ENV unset included, is production.
 */
const DEVELOPMENT_ENVIRONMENTS: readonly string[] = ['development', 'test'];

/**
 * Every secret the server needs, by configuration key. Outside development each must be set,
 * at least MIN_SECRET_LENGTH characters, and none falls back to another or to the development
 * secret: a new secret (or the master of derived subkeys) is one more line here and a field
 * of the same name in AppConfig.
 */
export const REQUIRED_SECRETS = {
  jwtSecret: { env: 'OSAAMO_JWT_SECRET', purpose: 'signs and verifies bearer tokens' },
  pseudonymSecret: {
    env: 'OSAAMO_PSEUDONYM_SECRET',
    purpose: 'keys the pseudonyms employers see',
  },
} as const satisfies Record<string, { env: string; purpose: string }>;
export type SecretName = keyof typeof REQUIRED_SECRETS;

/** Shorter secrets can be guessed offline from one signed token. */
export const MIN_SECRET_LENGTH = 32;

/** The server refuses to start: names every missing or too short secret. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** The secrets from the environment; the development secret only where development was chosen. */
function loadSecrets(
  env: NodeJS.ProcessEnv,
  development: boolean,
): { secrets: Record<SecretName, string>; developmentSecrets: string[] } {
  const secrets = {} as Record<SecretName, string>;
  const developmentSecrets: string[] = [];
  const problems: string[] = [];
  for (const [name, { env: key, purpose }] of Object.entries(REQUIRED_SECRETS) as [
    SecretName,
    { env: string; purpose: string },
  ][]) {
    const value = env[key];
    if (value) {
      if (!development && value.length < MIN_SECRET_LENGTH)
        problems.push(`${key} (${purpose}) must be at least ${MIN_SECRET_LENGTH} characters`);
      // The development secret is public (it is in this file): never a real one.
      if (!development && value === DEVELOPMENT_SECRET)
        problems.push(`${key} (${purpose}) is the public development secret`);
      secrets[name] = value;
    } else if (development) {
      secrets[name] = DEVELOPMENT_SECRET;
      developmentSecrets.push(key);
    } else {
      problems.push(`${key} (${purpose}) is not set`);
    }
  }
  // One secret used for two purposes: a leak of either (a token's key) gives away both.
  const given = Object.values(REQUIRED_SECRETS).map(({ env: key }) => env[key]);
  if (!development && given.every(Boolean) && new Set(given).size < given.length)
    problems.push(
      `${Object.values(REQUIRED_SECRETS)
        .map(({ env: key }) => key)
        .join(' and ')} must differ`,
    );
  if (problems.length)
    throw new ConfigurationError(
      `${problems.join('; ')}. Set them, or choose development explicitly (NODE_ENV=development) on your own machine.`,
    );
  return { secrets, developmentSecrets };
}

/** What the server says at start when it trusts the development secret (a log line). */
export function developmentSecretNotice(
  config: Pick<AppConfig, 'developmentSecrets'>,
): { secrets: string; reason: string } | undefined {
  if (config.developmentSecrets.length === 0) return undefined;
  return {
    secrets: config.developmentSecrets.join(', '),
    reason:
      'development was chosen (NODE_ENV): tokens signed with the public development secret are accepted',
  };
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

export const PROJECT_ROOT = findProjectRoot();

function findProjectRoot(): string {
  // Works from src/ (ts-jest) and from dist/src/ (tsc output) alike.
  let dir = __dirname;
  for (;;) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(path.join(dir, 'package.json')) as { name?: string };
      if (pkg.name === 'osaamo') return dir;
    } catch {
      /* not here; go up */
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (package.json of osaamo)');
    dir = parent;
  }
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  /** The clock at start (the matcher's current year). */
  now: Date = new Date(),
): AppConfig {
  // No default: development (and its known secret) must be chosen, never assumed.
  const nodeEnv = env.NODE_ENV ?? 'production';
  const trustsDevelopmentSecret = DEVELOPMENT_ENVIRONMENTS.includes(nodeEnv);
  const { secrets, developmentSecrets } = loadSecrets(env, trustsDevelopmentSecret);
  const host = env.HOST || '127.0.0.1';
  // A server that trusts a public secret must not be reachable from other machines by accident.
  if (trustsDevelopmentSecret && !LOOPBACK.test(host) && env.OSAAMO_ALLOW_NON_LOOPBACK !== 'true') {
    throw new ConfigurationError(
      `HOST ${host} is not a loopback address, and NODE_ENV=${nodeEnv} trusts the development secret: set OSAAMO_ALLOW_NON_LOOPBACK=true to listen there anyway, or run in production with its secrets.`,
    );
  }
  const n = readNumbers(env);
  const area = readArea(env);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    statementTimeoutMs: n.OSAAMO_STATEMENT_TIMEOUT_MS,
    embeddedDataDir: env.OSAAMO_DATA_DIR || path.join(PROJECT_ROOT, '.data', 'pglite'),
    port: n.PORT,
    host,
    development: nodeEnv === 'development',
    developmentSecrets,
    introspection: env.OSAAMO_INTROSPECTION
      ? env.OSAAMO_INTROSPECTION === 'true'
      : nodeEnv === 'development',
    bodyLimitBytes: n.OSAAMO_BODY_LIMIT_BYTES,
    loadFixturesOnStart: env.OSAAMO_LOAD_FIXTURES !== 'false',
    shutdownGraceSeconds: n.OSAAMO_SHUTDOWN_GRACE_SECONDS,
    ...secrets,
    oidcIssuers: readIssuers(env),
    queryLimits: {
      maxDepth: n.OSAAMO_MAX_QUERY_DEPTH,
      maxAliases: n.OSAAMO_MAX_QUERY_ALIASES,
      maxDirectives: n.OSAAMO_MAX_QUERY_DIRECTIVES,
      maxTokens: n.OSAAMO_MAX_QUERY_TOKENS,
      maxCost: n.OSAAMO_MAX_QUERY_COST,
    },
    rateLimit: {
      burst: n.OSAAMO_RATE_LIMIT_BURST,
      perSecond: n.OSAAMO_RATE_LIMIT_PER_SECOND,
    },
    metrics: {
      // Outside development only when configured: with a token, or explicitly open.
      enabled: env.OSAAMO_METRICS
        ? env.OSAAMO_METRICS === 'true'
        : Boolean(env.OSAAMO_METRICS_TOKEN) || nodeEnv === 'development',
      token: env.OSAAMO_METRICS_TOKEN || undefined,
    },
    readReplicaUrl: env.OSAAMO_READ_REPLICA_URL || undefined,
    feedPollMs: n.OSAAMO_FEED_POLL_MS,
    readYourWritesTimeoutMs: n.OSAAMO_READ_YOUR_WRITES_TIMEOUT_MS,
    matchParams: matchParamsAt(now),
    fieldSuggestions: env.OSAAMO_FIELD_SUGGESTIONS
      ? env.OSAAMO_FIELD_SUGGESTIONS === 'true'
      : nodeEnv === 'development',
    tmtProfile: {
      import: readTmtRegistration(env, 'IMPORT', n),
      export: readTmtRegistration(env, 'EXPORT', n),
    },
    nationalSync: {
      enabled: env.OSAAMO_NATIONAL_SYNC !== 'false',
      intervalMs: n.OSAAMO_NATIONAL_SYNC_MINUTES * 60_000,
      nightlyHour: n.OSAAMO_NATIONAL_SYNC_NIGHTLY_HOUR,
      municipalityIn: area.OSAAMO_NATIONAL_AREA_MUNICIPALITIES,
      regionIn: area.OSAAMO_NATIONAL_AREA_REGIONS,
    },
    external: {
      national: {
        baseUrl: env.OSAAMO_NATIONAL_URL || undefined,
        token: env.OSAAMO_NATIONAL_TOKEN || undefined,
        subscriptionKey: env.OSAAMO_NATIONAL_SUBSCRIPTION_KEY || undefined,
        maxResponseBytes: n.OSAAMO_EXTERNAL_MAX_RESPONSE_BYTES,
        pullMaxBytes: n.OSAAMO_NATIONAL_PULL_MAX_BYTES,
        pullTimeoutMs: n.OSAAMO_NATIONAL_PULL_TIMEOUT_MS,
        // Configured as the share that fails a run; the provider counts the share that passes.
        minUsableShare: Number((1 - n.OSAAMO_NATIONAL_MAX_UNUSABLE_SHARE).toFixed(6)),
      },
      eures: {
        baseUrl: env.OSAAMO_EURES_URL || undefined,
        apiKey: env.OSAAMO_EURES_API_KEY || undefined,
        maxResponseBytes: n.OSAAMO_EXTERNAL_MAX_RESPONSE_BYTES,
      },
      fallback: {
        minMatches: n.OSAAMO_EXTERNAL_MIN_MATCHES,
        scoreThreshold: n.OSAAMO_EXTERNAL_SCORE_THRESHOLD,
        budgetMs: n.OSAAMO_EXTERNAL_BUDGET_MS,
      },
      cache: {
        freshSeconds: n.OSAAMO_EXTERNAL_CACHE_SECONDS,
        staleSeconds: n.OSAAMO_EXTERNAL_STALE_SECONDS,
      },
      guard: {
        ...DEFAULT_GUARD_OPTIONS,
        attemptTimeoutMs: n.OSAAMO_EXTERNAL_ATTEMPT_TIMEOUT_MS,
        ratePerSecond: n.OSAAMO_EXTERNAL_RATE_PER_SECOND,
      },
    },
  };
}

function readIssuers(env: NodeJS.ProcessEnv): OidcIssuerConfig[] {
  try {
    return readOidcIssuers(env.OSAAMO_OIDC_ISSUERS, TOKEN_ISSUER);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
}

/** Unset and empty are alike: the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const WHOLE_NUMBER = 'must be a whole number';
const wholeNumber = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: WHOLE_NUMBER })
      .int(WHOLE_NUMBER)
      .min(0, WHOLE_NUMBER)
      .default(fallback),
  );

const FRACTION = 'must be a number between 0 and 1';
const fraction = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ error: FRACTION }).min(0, FRACTION).max(1, FRACTION).default(fallback),
  );

const wholeNumberIn = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: message })
      .int(message)
      .min(min, message)
      .max(max, message)
      .default(fallback),
  );
};

/** A comma-separated list of codes of `digits` digits; unset or empty is none. */
const codeList = (digits: number, what: string) => {
  const message = `must be ${what} codes of ${digits} digits, separated by commas`;
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().regex(new RegExp(`^\\d{${digits}}$`), message)),
  );
};

/** The numeric variables, each with its default. */
const ENVIRONMENT_NUMBERS = z.object({
  OSAAMO_STATEMENT_TIMEOUT_MS: wholeNumber(30_000),
  PORT: wholeNumber(4000),
  OSAAMO_BODY_LIMIT_BYTES: wholeNumber(100 * 1024),
  OSAAMO_SHUTDOWN_GRACE_SECONDS: wholeNumber(10),
  OSAAMO_MAX_QUERY_DEPTH: wholeNumber(DEFAULT_QUERY_LIMITS.maxDepth),
  OSAAMO_MAX_QUERY_ALIASES: wholeNumber(DEFAULT_QUERY_LIMITS.maxAliases),
  OSAAMO_MAX_QUERY_DIRECTIVES: wholeNumber(DEFAULT_QUERY_LIMITS.maxDirectives),
  OSAAMO_MAX_QUERY_TOKENS: wholeNumber(DEFAULT_QUERY_LIMITS.maxTokens),
  OSAAMO_MAX_QUERY_COST: wholeNumber(DEFAULT_QUERY_LIMITS.maxCost),
  OSAAMO_RATE_LIMIT_BURST: wholeNumber(DEFAULT_RATE_LIMIT.burst),
  OSAAMO_RATE_LIMIT_PER_SECOND: wholeNumber(DEFAULT_RATE_LIMIT.perSecond),
  OSAAMO_FEED_POLL_MS: wholeNumber(250),
  OSAAMO_READ_YOUR_WRITES_TIMEOUT_MS: wholeNumber(5_000),
  OSAAMO_EXTERNAL_MAX_RESPONSE_BYTES: wholeNumber(5 * 1024 * 1024),
  OSAAMO_EXTERNAL_MIN_MATCHES: wholeNumber(DEFAULT_FALLBACK_OPTIONS.minMatches),
  OSAAMO_EXTERNAL_SCORE_THRESHOLD: fraction(DEFAULT_FALLBACK_OPTIONS.scoreThreshold),
  OSAAMO_EXTERNAL_BUDGET_MS: wholeNumber(DEFAULT_FALLBACK_OPTIONS.budgetMs),
  OSAAMO_EXTERNAL_CACHE_SECONDS: wholeNumber(15 * 60),
  OSAAMO_EXTERNAL_STALE_SECONDS: wholeNumber(24 * 60 * 60),
  OSAAMO_EXTERNAL_ATTEMPT_TIMEOUT_MS: wholeNumber(DEFAULT_GUARD_OPTIONS.attemptTimeoutMs),
  OSAAMO_EXTERNAL_RATE_PER_SECOND: wholeNumber(DEFAULT_GUARD_OPTIONS.ratePerSecond),
  OSAAMO_NATIONAL_SYNC_MINUTES: wholeNumberIn(1, 24 * 60, 15),
  OSAAMO_NATIONAL_SYNC_NIGHTLY_HOUR: wholeNumberIn(0, 23, 3),
  OSAAMO_NATIONAL_PULL_MAX_BYTES: wholeNumberIn(1, Number.MAX_SAFE_INTEGER, DEFAULT_PULL_MAX_BYTES),
  OSAAMO_NATIONAL_PULL_TIMEOUT_MS: wholeNumberIn(
    1,
    Number.MAX_SAFE_INTEGER,
    DEFAULT_PULL_TIMEOUT_MS,
  ),
  OSAAMO_NATIONAL_MAX_UNUSABLE_SHARE: fraction(1 - DEFAULT_MIN_USABLE_SHARE),
  OSAAMO_TMT_TIMEOUT_MS: wholeNumberIn(1, 10 * 60_000, DEFAULT_TMT_TIMEOUT_MS),
});

/** The area of the national sync. */
const ENVIRONMENT_AREA = z.object({
  OSAAMO_NATIONAL_AREA_MUNICIPALITIES: codeList(3, 'municipality'),
  OSAAMO_NATIONAL_AREA_REGIONS: codeList(2, 'region'),
});

/** The numeric variables, or a ConfigurationError naming every one that is not a number. */
function readNumbers(env: NodeJS.ProcessEnv): z.output<typeof ENVIRONMENT_NUMBERS> {
  return readVariables(ENVIRONMENT_NUMBERS, env);
}

function readArea(env: NodeJS.ProcessEnv): z.output<typeof ENVIRONMENT_AREA> {
  return readVariables(ENVIRONMENT_AREA, env);
}

/** Variables read with a schema, or a ConfigurationError naming every one that is wrong. */
function readVariables<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues
      .map((issue) => {
        const name = String(issue.path[0]);
        return `${name} ${issue.message}, not ${JSON.stringify(env[name])}`;
      })
      .join('; '),
  );
}

/**
 * One registration of Job Market Finland's profile service, `OSAAMO_TMT_IMPORT_*` (P60) or
 * `OSAAMO_TMT_EXPORT_*` (P51), on when `OSAAMO_TMT_<DIRECTION>=true`. KEHA publishes none of the
 * addresses and gives the credentials with the registration: nothing has a default, and a
 * ConfigurationError names every variable missing or wrong (never a value: some are secrets).
 */
function readTmtRegistration(
  env: NodeJS.ProcessEnv,
  direction: 'IMPORT' | 'EXPORT',
  n: z.output<typeof ENVIRONMENT_NUMBERS>,
): TmtRegistration | null {
  const prefix = `OSAAMO_TMT_${direction}`;
  const flag = env[prefix] || 'false';
  if (flag !== 'true' && flag !== 'false')
    throw new ConfigurationError(`${prefix} must be true or false`);
  if (flag === 'false') return null;
  const problems: string[] = [];
  const text = (suffix: string): string => {
    const name = `${prefix}_${suffix}`;
    const value = env[name] ?? '';
    if (!value) problems.push(`${name} is not set (needed when ${prefix}=true)`);
    return value;
  };
  const address = (suffix: string): string => {
    const value = text(suffix);
    if (value && !isServiceUrl(value))
      problems.push(
        `${prefix}_${suffix} must be an https URL (http only on a loopback address), not ${JSON.stringify(value)}`,
      );
    return value;
  };
  const redirect = env[`${prefix}_REDIRECT_URI`];
  if (redirect && URL.canParse(redirect) && new URL(redirect).pathname !== TMT_CALLBACK_PATH)
    problems.push(
      `${prefix}_REDIRECT_URI must end with Osaamo's callback path ${TMT_CALLBACK_PATH}`,
    );
  const registration: TmtRegistration = {
    apiUrl: address('API_URL'),
    tokenUrl: address('TOKEN_URL'),
    permitUrls: Object.fromEntries(
      TMT_LANGUAGES.map((language) => [language, address(`PERMIT_URL_${language.toUpperCase()}`)]),
    ) as TmtRegistration['permitUrls'],
    redirectUri: address('REDIRECT_URI'),
    clientId: text('CLIENT_ID'),
    clientSecret: text('CLIENT_SECRET'),
    subscriptionKey: text('SUBSCRIPTION_KEY'),
    timeoutMs: n.OSAAMO_TMT_TIMEOUT_MS,
    maxResponseBytes: n.OSAAMO_EXTERNAL_MAX_RESPONSE_BYTES,
  };
  if (problems.length) throw new ConfigurationError(problems.join('; '));
  return registration;
}

/** An outside address: https, or http to this machine (the fakes). */
function isServiceUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK.test(url.hostname.replace(/^\[|\]$/g, '')))
  );
}
