/**
 * Structured logs: one JSON object a line on stdout, written by pino. Callers pass event names
 * and technical fields only (ids, counts, durations); never names, contacts or free text about
 * a person. Fields named like personal data are removed from every line all the same (`redact`),
 * so a slip in a caller does not reach the log.
 */
import { pino, Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Field names that would hold a person's data: dropped at the top level and one level down. */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'name',
  'email',
  'phone',
  'streetAddress',
  'postalAddress',
  'personalIdentityCode',
  'birthDate',
];

/**
 * Field names that would hold a secret or a permit: OAuth codes, states and tokens, client
 * secrets and keys, and a whole profile. Dropped like personal data. `code` is among them (an
 * authorisation code): an error's code is logged as `errorCode`.
 */
export const SECRET_FIELDS = [
  'code',
  'state',
  'token',
  'accessToken',
  'access_token',
  'authorization',
  'clientSecret',
  'client_secret',
  'subscriptionKey',
  'secret',
  'permitUrl',
  'profile',
];

const LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];

/** Replaceable so that tests can capture what the service logs. */
export let logSink: (line: string) => void = (line) => process.stdout.write(line + '\n');
export function setLogSink(sink: (line: string) => void): void {
  logSink = sink;
}

const logger: Logger = pino(
  {
    level: 'info',
    // No pid or hostname on each line: the platform adds where a line came from.
    base: undefined,
    messageKey: 'event',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [...PERSONAL_FIELDS, ...SECRET_FIELDS].flatMap((field) => [field, `*.${field}`]),
      remove: true,
    },
  },
  // Through the current sink, looked up on each line, so that setLogSink takes effect at once.
  { write: (line: string) => logSink(line.endsWith('\n') ? line.slice(0, -1) : line) },
);

function write(level: LogLevel, event: string, fields?: LogFields): void {
  // Read on each call: tests and tools set LOG_LEVEL after this module is loaded.
  const wanted = process.env.LOG_LEVEL;
  const minimum = wanted && LEVELS.includes(wanted) ? wanted : 'info';
  if (logger.level !== minimum) logger.level = minimum;
  logger[level](fields ?? {}, event);
}

export const log = {
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
