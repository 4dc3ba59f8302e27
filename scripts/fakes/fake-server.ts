/**
 * A loopback HTTP server that stands in for an outside service, with faults on demand: slow
 * answers, 500, 429 with Retry-After, a dropped connection, or a malformed body. Tests drive it
 * through `fail()`; by hand, `POST /_fake/fault` with the same JSON (`DELETE` clears it).
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'redirect'; location: string };

export interface FakeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status: number;
  contentType: string;
  body: string;
  /** What to send instead of the body when asked to be malformed. */
  malformed: string;
  /**
   * A body sent as it is produced, chunk by chunk with back-pressure, instead of `body`. Asked
   * to be malformed, it is cut off in the middle of its fourth chunk (or its last, if fewer) and
   * the connection dropped.
   */
  stream?: () => Iterable<string>;
  /** More headers of the answer (a redirect's `location`). */
  headers?: Record<string, string>;
}

export type FakeHandler = (request: FakeRequest, url: URL) => FakeResponse;

export class FakeServer {
  readonly requests: FakeRequest[] = [];
  /** Requests being answered now, and the most there were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private fault: Fault | null = null;
  private faultsLeft = Infinity;
  private faultPath: string | null = null;
  private server: http.Server | undefined;

  constructor(
    private readonly name: string,
    private readonly handler: FakeHandler,
  ) {}

  /**
   * Answers with this fault, for the next `times` requests (every request when omitted); with
   * `path`, only requests for that path count (the profile read, not the token request before it).
   */
  fail(fault: Fault, times = Infinity, path: string | null = null): void {
    this.fault = fault;
    this.faultsLeft = times;
    this.faultPath = path;
  }

  clear(): void {
    this.fault = null;
    this.streamedBytes = 0;
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error(`${this.name} fake is not listening`);
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/_fake/fault') return this.control(req.method, body, res);
    const request = { method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body };
    this.requests.push(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    const fault =
      this.faultPath === null || this.faultPath === url.pathname ? this.takeFault() : null;
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'redirect') {
      res.writeHead(302, { location: fault.location }).end();
      return;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(fault.retryAfterSeconds);
      res
        .writeHead(fault.status, headers)
        .end(JSON.stringify(fault.body ?? { error: `fake ${fault.status}` }));
      return;
    }
    let response: FakeResponse;
    try {
      response = this.handler(request, url);
    } catch (error) {
      response = {
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: `${(error as Error).message}` }),
        malformed: '',
      };
    }
    const send = () => {
      res.writeHead(response.status, { 'content-type': response.contentType, ...response.headers });
      if (response.stream)
        void this.sendStream(res, response.stream(), fault?.kind === 'malformed');
      else res.end(fault?.kind === 'malformed' ? response.malformed : response.body);
    };
    if (fault?.kind === 'slow') {
      const timer = setTimeout(send, fault.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else send();
  }

  /** Bytes of streamed bodies written so far (a test can see that a reader did not wait for the end). */
  streamedBytes = 0;

  private async sendStream(
    res: http.ServerResponse,
    chunks: Iterable<string>,
    cut: boolean,
  ): Promise<void> {
    const iterator = chunks[Symbol.iterator]();
    let next = iterator.next();
    for (let n = 1; ; n++) {
      if (res.destroyed) return;
      const chunk = next.done ? '' : next.value;
      next = next.done ? next : iterator.next();
      // Cut in the fourth chunk, or the last if there are fewer (a line's start if none).
      if (cut && (n === 4 || next.done)) {
        const half = chunk ? chunk.slice(0, Math.max(1, Math.floor(chunk.length / 2))) : '{"';
        // Once the half chunk is out, drop the connection: a stream cut off midway.
        res.write(half, () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      }
      if (!chunk && next.done) break;
      this.streamedBytes += Buffer.byteLength(chunk);
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  private takeFault(): Fault | null {
    if (!this.fault || this.faultsLeft <= 0) return null;
    this.faultsLeft -= 1;
    return this.fault;
  }

  private control(method: string | undefined, body: string, res: http.ServerResponse): void {
    if (method === 'DELETE') this.clear();
    else {
      const { times, ...fault } = JSON.parse(body || '{}') as Fault & { times?: number };
      this.fail(fault as Fault, times ?? Infinity);
    }
    res.writeHead(204).end();
  }
}

/** Fixture dates were written on 2026-11-20: the fakes move them to today so they stay current. */
export const FIXTURE_DAY = Date.UTC(2026, 10, 20);
export function shiftToToday(epochMs: number, now = Date.now()): number {
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  return epochMs + (today - FIXTURE_DAY);
}
