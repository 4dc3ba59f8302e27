/**
 * Structured logs: one JSON object a line on stdout. Callers pass event names and technical
 * fields only (ids, counts, durations); never names, contacts or free text about a person.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Read on each call: tests and tools set LOG_LEVEL after this module is loaded.
const minimum = () => LEVEL_ORDER[process.env.LOG_LEVEL as LogLevel] ?? LEVEL_ORDER.info;

/** Replaceable so that tests can capture what the service logs. */
export let logSink: (line: string) => void = (line) => process.stdout.write(line + '\n');
export function setLogSink(sink: (line: string) => void): void {
  logSink = sink;
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  if (LEVEL_ORDER[level] < minimum()) return;
  logSink(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
}

export const log = {
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
