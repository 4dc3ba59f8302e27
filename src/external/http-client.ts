/**
 * The outbound HTTP both providers use: Node's fetch with the caller's abort signal, a
 * descriptive User-Agent, and failures as typed errors the resilience policies can tell apart.
 */
export const USER_AGENT =
  'Osaamo/0.1 (competence-based job matching of the Kuopio employment area; contact via the Finnish EURES coordination office)';

/** The service answered with a status other than 2xx. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    /** From Retry-After (seconds or an HTTP date), when the answer had one. */
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** The service answered 2xx with a body we cannot read: nothing of it is used or cached. */
export class MalformedPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayloadError';
  }
}

/** The largest answer read from a provider; a bigger one is refused, not parsed. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export async function postForText(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
  maxBytes = DEFAULT_MAX_RESPONSE_BYTES,
): Promise<string> {
  return readLimitedText(await post(url, body, headers, signal, maxBytes), maxBytes);
}

/**
 * An answer's whole body as text, refused with MalformedPayloadError past `maxBytes`, declared
 * or read: read in chunks so that an answer without a length cannot grow past the limit either.
 */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string> {
  refuseDeclaredOver(response, maxBytes);
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedBody(response, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The answer's body as it arrives, never held whole: for a stream of one record a line. Past
 * `maxBytes` it stops with MalformedPayloadError.
 */
export async function postForStream(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
  maxBytes = DEFAULT_MAX_RESPONSE_BYTES,
): Promise<AsyncIterable<Uint8Array>> {
  return limitedBody(await post(url, body, headers, signal, maxBytes), maxBytes);
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Response> {
  const response = await fetch(url, {
    // A provider that redirects is not followed: the configured address is the only one asked.
    redirect: 'error',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, application/x-ndjson',
      'user-agent': USER_AGENT,
      ...headers,
    },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) {
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    throw new HttpStatusError(response.status, retryAfterMs(response.headers.get('retry-after')));
  }
  refuseDeclaredOver(response, maxBytes);
  return response;
}

function refuseDeclaredOver(response: Response, maxBytes: number): void {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    throw new MalformedPayloadError(`the answer is ${declared} bytes, more than ${maxBytes}`);
  }
}

async function* limitedBody(response: Response, maxBytes: number): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new MalformedPayloadError(`the answer is more than ${maxBytes} bytes`);
    }
    yield chunk;
  }
}

export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
