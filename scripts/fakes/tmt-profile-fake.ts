/**
 * A fake of Job Market Finland's competence-profile service, written from the contract
 * (fixtures/external/tmt-profile.contract.ts), not from our client: the permit page
 * (`GET /{fi|sv|en}/authorize`), the token endpoint (`POST /v1/request-token`) and the profile
 * API (`GET` and `PUT /v1/profile`). Authorization code grant; the client authenticates with
 * client_secret_basic; `KIPA-Subscription-Key` is required on every server call, the token
 * request included (401 without; the permit page is a browser's, which has no key). A code is
 * exchanged once and must come with the redirect URI it was issued for; a token is used once,
 * and only in its registration's direction (read P60, write P51), else 403 `invalid_token`. A
 * PUT body the P51 schema refuses is 400 naming the problem; an accepted one becomes the profile
 * served. The profile served is the sample fixture, or one a test sets (checked against P60,
 * unless given as text: served as it is, off the contract on purpose).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import {
  TMT_OAUTH,
  TMT_PROFILE_AUTHORIZATION_MAX_LENGTH,
  TMT_PROFILE_CONTENT_TYPE,
  TMT_PROFILE_KEY_HEADER,
  TMT_PROFILE_PATH,
  TMT_PROFILE_PUT_STATUS,
  TMT_PROFILE_READ,
  TMT_PROFILE_WRITE,
  TmtProfileRead,
  TmtProfileWrite,
} from '../../fixtures/external/tmt-profile.contract';
import { FakeRequest, FakeResponse, FakeServer } from './fake-server';

export const TMT_FAKE_TOKEN_PATH = '/v1/request-token';
/** The permit page of a language, on the fake: `/fi/authorize`, `/sv/authorize`, `/en/authorize`. */
export const tmtFakePermitPath = (language: string) => `/${language}/authorize`;

/** One registration the fake knows: its credentials and the direction its permits allow. */
export interface TmtFakeClient {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  direction: 'read' | 'write';
}

/** Test credentials only: the fake's, public here, never a real registration's. */
export const TMT_FAKE_CLIENTS: readonly TmtFakeClient[] = [
  {
    clientId: 'fake-tmt-haku',
    clientSecret: 'fake-secret-haku',
    subscriptionKey: 'fake-key-haku',
    direction: 'read',
  },
  {
    clientId: 'fake-tmt-vienti',
    clientSecret: 'fake-secret-vienti',
    subscriptionKey: 'fake-key-vienti',
    direction: 'write',
  },
];

/**
 * What the permit page answers: a grant, or one of the contract's errors; or `ask`, a page where
 * a person decides (for `npm run start:with-fakes`).
 */
export type TmtFakeDecision = 'grant' | 'ask' | (typeof TMT_OAUTH.authorizeErrors)[number];
/** The fake page's own parameter for the person's choice (not the contract's). */
const DECIDE_PARAM = 'fake_decision';

export interface TmtProfileFakeOptions {
  clients?: readonly TmtFakeClient[];
  /** The profile served (default: fixtures/external/tmt-profile.sample.json). */
  profile?: TmtProfileRead | string;
  /** The fake's "today", for "a start date must be in the past" (default: the clock). */
  today?: () => string;
}

/** What a test sets and sees. */
export class TmtProfileFakeState {
  decision: TmtFakeDecision = 'grant';
  /** The languages of the permit pages shown, in order. */
  readonly permitLanguages: string[] = [];
  /** Profiles accepted by PUT, in order. */
  readonly written: TmtProfileWrite[] = [];
  private served: TmtProfileRead | string;
  private readonly codes = new Map<string, { client: TmtFakeClient; redirectUri: string }>();
  private readonly tokens = new Map<string, TmtFakeClient>();

  constructor(
    readonly clients: readonly TmtFakeClient[],
    private readonly initial: TmtProfileRead | string,
    readonly today: () => string,
  ) {
    this.served = initial;
    this.setProfile(initial);
  }

  /** Back to the start: the first profile, a grant next, nothing issued, written or shown. */
  reset(): void {
    this.decision = 'grant';
    this.permitLanguages.length = 0;
    this.written.length = 0;
    this.codes.clear();
    this.tokens.clear();
    this.served = this.initial;
  }

  /** The profile served from now on; an object must be one the contract accepts. */
  setProfile(profile: TmtProfileRead | string): void {
    if (typeof profile !== 'string') {
      const parsed = TMT_PROFILE_READ.safeParse(profile);
      if (!parsed.success)
        throw new Error(`the fake serves only P60 profiles: ${parsed.error.message}`);
    }
    this.served = profile;
  }

  get profile(): TmtProfileRead | string {
    return this.served;
  }

  handle(request: FakeRequest, url: URL): FakeResponse {
    const language = /^\/(fi|sv|en)\/authorize$/.exec(url.pathname)?.[1];
    if (language && request.method === 'GET') return this.permitPage(language, url);
    if (url.pathname === TMT_FAKE_TOKEN_PATH && request.method === 'POST')
      return this.token(request);
    if (url.pathname === TMT_PROFILE_PATH && request.method === 'GET') return this.read(request);
    if (url.pathname === TMT_PROFILE_PATH && request.method === 'PUT') return this.write(request);
    return answer(404, { error: 'not found' });
  }

  /** [MA] `/authorize`: the person signs in and decides; here `decision` decides for them. */
  private permitPage(language: string, url: URL): FakeResponse {
    this.permitLanguages.push(language);
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    // RFC 6749 §4.1.2.1: without a valid redirect URI, the page says so and sends no one back.
    if (!redirectUri || !URL.canParse(redirectUri))
      return answer(400, { error: 'invalid_request', error_description: 'redirect_uri' });
    const back = new URL(redirectUri);
    const state = q.get('state');
    const client = this.clients.find((c) => c.clientId === q.get('client_id'));
    const chosen = q.get(DECIDE_PARAM);
    const decision =
      this.decision === 'ask' && (chosen === 'grant' || chosen === 'access_denied')
        ? chosen
        : this.decision;
    if (q.get('response_type') !== TMT_OAUTH.responseType || !client || !state) {
      back.searchParams.set('error', 'invalid_request');
    } else if (decision === 'ask') {
      return decisionPage(url, client.direction);
    } else if (decision === 'grant') {
      const code = crypto.randomUUID();
      this.codes.set(code, { client, redirectUri });
      back.searchParams.set('code', code);
    } else {
      back.searchParams.set('error', decision);
    }
    if (state) back.searchParams.set('state', state);
    return { ...answer(302, ''), headers: { location: back.toString() } };
  }

  /** [MA] `/v1/request-token`: a form POST of grant_type, code and redirect_uri. */
  private token(request: FakeRequest): FakeResponse {
    const keyed = this.keyed(request);
    if (!keyed) return missingKey();
    const client = this.basicClient(request);
    if (!client || client.subscriptionKey !== keyed)
      return answer(401, { error: 'invalid_client' });
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return answer(400, { error: 'invalid_request', error_description: 'not a form' });
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== TMT_OAUTH.grantType)
      return answer(400, { error: 'unsupported_grant_type' });
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    // Single use: a code is forgotten at its first exchange, whatever the outcome.
    this.codes.delete(code);
    if (!issued || issued.client !== client || issued.redirectUri !== form.get('redirect_uri'))
      return answer(400, { error: 'invalid_grant' });
    const accessToken = crypto.randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, client);
    return answer(200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600 });
  }

  private read(request: FakeRequest): FakeResponse {
    const refused = this.useToken(request, 'read');
    if (refused) return refused;
    const body =
      typeof this.served === 'string' ? this.served : JSON.stringify(this.served, null, 1);
    return { status: 200, contentType: TMT_PROFILE_CONTENT_TYPE, body, malformed: '{"employ' };
  }

  private write(request: FakeRequest): FakeResponse {
    const keyed = this.keyed(request);
    if (!keyed) return missingKey();
    if (!String(request.headers['content-type']).startsWith(TMT_PROFILE_CONTENT_TYPE))
      return answer(415, { error: `the body must be ${TMT_PROFILE_CONTENT_TYPE}` });
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return answer(400, { error: 'the body is not JSON' });
    }
    const parsed = TMT_PROFILE_WRITE.safeParse(body);
    if (!parsed.success)
      return answer(400, {
        error: 'the profile breaks FullProfileDto_ExternalPut',
        problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    const future = futureStartDates(parsed.data, this.today());
    if (future.length)
      return answer(400, {
        error: 'the profile breaks FullProfileDto_ExternalPut',
        problems: future.map((p) => ({ path: p, message: 'the start date must be in the past' })),
      });
    const refused = this.useToken(request, 'write');
    if (refused) return refused;
    this.written.push(parsed.data);
    // What was written is what is read next, as the mock does; a written profile is a valid read.
    this.served = parsed.data as TmtProfileRead;
    return answer(TMT_PROFILE_PUT_STATUS, '');
  }

  /** Key, bearer and a token not used before, issued for this direction; consumed here. */
  private useToken(request: FakeRequest, direction: TmtFakeClient['direction']) {
    const keyed = this.keyed(request);
    if (!keyed) return missingKey();
    const authorization = request.headers.authorization ?? '';
    if (
      !authorization.startsWith('Bearer ') ||
      authorization.length > TMT_PROFILE_AUTHORIZATION_MAX_LENGTH
    )
      return answer(401, { error: 'invalid_request', error_description: 'Authorization' });
    const token = authorization.slice('Bearer '.length);
    const client = this.tokens.get(token);
    this.tokens.delete(token);
    if (!client || client.direction !== direction || client.subscriptionKey !== keyed)
      return answer(403, { error: 'invalid_token' });
    return null;
  }

  /** The subscription key of the request, when it is one the fake issued. */
  private keyed(request: FakeRequest): string | null {
    const key = request.headers[TMT_PROFILE_KEY_HEADER.toLowerCase()];
    return typeof key === 'string' && this.clients.some((c) => c.subscriptionKey === key)
      ? key
      : null;
  }

  private basicClient(request: FakeRequest): TmtFakeClient | undefined {
    const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!encoded) return undefined;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    let id: string;
    let secret: string;
    try {
      // RFC 6749 §2.3.1: both parts are form-encoded.
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    } catch {
      return undefined;
    }
    return this.clients.find((c) => c.clientId === id && c.clientSecret === secret);
  }
}

const answer = (status: number, body: unknown): FakeResponse => ({
  status,
  contentType: 'application/json',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  malformed: '',
});

/** The person's choice, as a page with two links (no sign-in: this is a fake). */
function decisionPage(url: URL, direction: TmtFakeClient['direction']): FakeResponse {
  const choice = (value: string) => {
    const next = new URL(url);
    next.searchParams.set(DECIDE_PARAM, value);
    return `${next.pathname}${next.search}`.replace(/&/g, '&amp;');
  };
  const what = direction === 'read' ? 'lukea profiilisi' : 'kirjoittaa profiiliisi';
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Lupa (testipalvelu)</title></head>
<body><h1>Työmarkkinatori (testipalvelu)</h1><p>Osaamo pyytää lupaa ${what} tämän yhden kerran.</p>
<p><a href="${choice('grant')}">Anna lupa</a> · <a href="${choice('access_denied')}">Älä anna</a></p></body></html>`,
    malformed: '',
  };
}

const missingKey = () =>
  answer(401, { error: `the ${TMT_PROFILE_KEY_HEADER} header is missing or unknown` });

/** IntervalItem `startDate`: "must be in the past" (employments, projects, business activities). */
function futureStartDates(profile: TmtProfileWrite, today: string): string[] {
  const lists = {
    employments: profile.employments,
    projects: profile.projects,
    businessActivities: profile.businessActivities,
  };
  return Object.entries(lists).flatMap(([name, items]) =>
    (items ?? []).flatMap((item, i) =>
      item.interval?.startDate && item.interval.startDate > today
        ? [`${name}.${i}.interval.startDate`]
        : [],
    ),
  );
}

export type TmtProfileFake = FakeServer & { tmt: TmtProfileFakeState };

export function createTmtProfileFake(options: TmtProfileFakeOptions = {}): TmtProfileFake {
  const state = new TmtProfileFakeState(
    options.clients ?? TMT_FAKE_CLIENTS,
    options.profile ?? sampleProfile(),
    options.today ?? (() => new Date().toISOString().slice(0, 10)),
  );
  const server = new FakeServer('tmt-profile', (request, url) => state.handle(request, url));
  return Object.assign(server, { tmt: state });
}

/** The sample profile of the fixtures, checked against P60 once. */
export function sampleProfile(): TmtProfileRead {
  const file = path.join(PROJECT_ROOT, 'fixtures/external/tmt-profile.sample.json');
  const parsed = TMT_PROFILE_READ.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} breaks the P60 contract: ${parsed.error.message}`);
  return parsed.data;
}
