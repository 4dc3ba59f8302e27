/**
 * Job Market Finland's competence-profile interfaces (fixtures/external/tmt-profile.contract.ts):
 * the permit page a person is sent to, the token endpoint, and the profile API, read (P60,
 * `GET /v1/profile`) or written (P51, `PUT /v1/profile`). One client per registration: reading
 * and writing have their own client id, secret, key and addresses. A permit serves one transfer:
 * a code is exchanged once, a token used once. A profile the contract refuses is an error, never
 * returned in part; a profile to write is checked against the contract before it is sent.
 * Nothing here logs: codes, tokens, the secret and the profile are personal or secret.
 */
import {
  TMT_OAUTH,
  TMT_PROFILE_CONTENT_TYPE,
  TMT_PROFILE_KEY_HEADER,
  TMT_PROFILE_PATH,
  TMT_PROFILE_PUT_STATUS,
  TMT_PROFILE_READ,
  TMT_PROFILE_WRITE,
  TmtLanguage,
  TmtProfileRead,
  TmtProfileWrite,
} from '../../../fixtures/external/tmt-profile.contract';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  MalformedPayloadError,
  readLimitedText,
  retryAfterMs,
  USER_AGENT,
} from '../http-client';
import { z } from 'zod';

/** JOD's client waits 10 s for an answer ([J] TmtSecurityConfig's read timeout). */
export const DEFAULT_TMT_TIMEOUT_MS = 10_000;

/** One registration at KEHA: import (P60) or export (P51). Every address comes from KEHA. */
export interface TmtRegistration {
  /** Base URL of the profile API; `/v1/profile` is added. */
  apiUrl: string;
  /** The token endpoint, whole. */
  tokenUrl: string;
  /** The permit page in each language ([J] keeps a localised path per language). */
  permitUrls: Record<TmtLanguage, string>;
  /** Where the permit page sends the person back; registered with KEHA. */
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  /** Sent as `KIPA-Subscription-Key` on every server call, the token request included. */
  subscriptionKey: string;
  /** The longest one call may take (default 10 s). */
  timeoutMs?: number;
  /** The largest answer read (default 5 MB). */
  maxResponseBytes?: number;
}

export enum TmtProfileErrorCode {
  /** The person or the permit page refused (`access_denied`, `server_error`, `invalid_request`). */
  PERMIT_REFUSED = 'PERMIT_REFUSED',
  /** The token endpoint refused the code or the client (`invalid_grant`, `invalid_client`, …). */
  TOKEN_REFUSED = 'TOKEN_REFUSED',
  /** The API refused the token (used already, expired, forged): 401 or 403. */
  TOKEN_INVALID = 'TOKEN_INVALID',
  /** The profile read is not what the contract describes: nothing of it is used. */
  PROFILE_OFF_CONTRACT = 'PROFILE_OFF_CONTRACT',
  /** The profile to write breaks the contract: it was not sent. */
  WRITE_OFF_CONTRACT = 'WRITE_OFF_CONTRACT',
  /** Any other refusal or fault of the service (4xx, 5xx, 429, a bad token answer). */
  SERVICE_ERROR = 'SERVICE_ERROR',
  /** No answer within the timeout. */
  TIMEOUT = 'TIMEOUT',
  /** The answer is larger than the limit. */
  TOO_LARGE = 'TOO_LARGE',
}

/** One error class for the module; `detail` names paths and codes, never values. */
export class TmtProfileError extends Error {
  constructor(
    readonly code: TmtProfileErrorCode,
    readonly detail: string,
    readonly extra: { status?: number; oauthError?: string; retryAfterMs?: number | null } = {},
  ) {
    super(`Job Market Finland profile: ${code}: ${detail}`);
    this.name = 'TmtProfileError';
  }
}

/**
 * A granted permit, good for one call: the client takes it once and refuses a second use itself
 * (the service does too). Held in a private field, so it is never serialised or logged.
 */
export class TmtAccessToken {
  #value: string | null;
  constructor(value: string) {
    this.#value = value;
  }
  get used(): boolean {
    return this.#value === null;
  }
  /** The token, once. */
  take(): string {
    const value = this.#value;
    if (value === null)
      throw new TmtProfileError(TmtProfileErrorCode.TOKEN_INVALID, 'the permit was used already');
    this.#value = null;
    return value;
  }
  toJSON(): string {
    return '[TMT access token]';
  }
}

/** The token endpoint's answer ([MA]); `expires_in` is not relied on (see the contract). */
const TOKEN_ANSWER = z.object({
  access_token: z.string().min(1).max(4993), // `Bearer ` + token fits the 5000 of the header
  token_type: z.string().refine((t) => t.toLowerCase() === TMT_OAUTH.tokenType),
});

/** The first few problems of a zod parse, as paths and messages (no values: personal data). */
export function describeIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.join('.') || '(profile)'}: ${issue.message}`)
    .join('; ');
}

export class TmtProfileClient {
  constructor(private readonly registration: TmtRegistration) {}

  /** The permit page for one transfer, in the person's language; `state` binds the answer. */
  permitUrl(state: string, language: TmtLanguage = 'fi'): string {
    if (!state) throw new Error('a permit needs a state');
    const url = new URL(this.registration.permitUrls[language]);
    // [MA] the four parameters `/authorize` requires; no scope ([J] declares none).
    url.searchParams.set('response_type', TMT_OAUTH.responseType);
    url.searchParams.set('client_id', this.registration.clientId);
    url.searchParams.set('redirect_uri', this.registration.redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  }

  /**
   * The permit page's answer at the redirect URI: the code and state, or PERMIT_REFUSED with the
   * OAuth error. Whether `state` is ours is the caller's check.
   */
  static readCallback(query: URLSearchParams): { code: string; state: string } {
    const state = query.get('state') ?? '';
    const error = query.get('error');
    if (error) {
      const known = (TMT_OAUTH.authorizeErrors as readonly string[]).includes(error);
      throw new TmtProfileError(TmtProfileErrorCode.PERMIT_REFUSED, known ? error : 'unknown', {
        oauthError: known ? error : undefined,
      });
    }
    const code = query.get('code');
    if (!code || !state)
      throw new TmtProfileError(TmtProfileErrorCode.PERMIT_REFUSED, 'no code or state');
    return { code, state };
  }

  /** Exchanges a code for a token: form POST, client_secret_basic, the key ([MA], [J]). */
  async exchangeCode(code: string, signal?: AbortSignal): Promise<TmtAccessToken> {
    const { clientId, clientSecret, redirectUri, tokenUrl } = this.registration;
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
    ).toString('base64');
    const response = await this.call(
      tokenUrl,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: TMT_OAUTH.grantType,
          code,
          redirect_uri: redirectUri,
        }).toString(),
      },
      signal,
    );
    const text = await this.readBody(response);
    if (!response.ok) {
      const oauthError = oauthErrorOf(text);
      const known = (TMT_OAUTH.tokenErrors as readonly string[]).includes(oauthError ?? '');
      throw new TmtProfileError(
        known || response.status === 401
          ? TmtProfileErrorCode.TOKEN_REFUSED
          : TmtProfileErrorCode.SERVICE_ERROR,
        `the token endpoint answered ${response.status}${known ? ` ${oauthError}` : ''}`,
        { status: response.status, oauthError: known ? oauthError : undefined },
      );
    }
    const answer = TOKEN_ANSWER.safeParse(parseJson(text));
    if (!answer.success)
      throw new TmtProfileError(
        TmtProfileErrorCode.SERVICE_ERROR,
        'the token answer is not {access_token, token_type: bearer}',
      );
    return new TmtAccessToken(answer.data.access_token);
  }

  /** Reads the person's profile once (P60). A profile off the contract is refused whole. */
  async readProfile(token: TmtAccessToken, signal?: AbortSignal): Promise<TmtProfileRead> {
    const response = await this.call(
      this.profileUrl(),
      { method: 'GET', headers: this.apiHeaders(token, { accept: TMT_PROFILE_CONTENT_TYPE }) },
      signal,
    );
    const text = await this.readBody(response);
    this.checkStatus(response, 200);
    const value = parseJson(text);
    if (value === undefined)
      throw new TmtProfileError(TmtProfileErrorCode.PROFILE_OFF_CONTRACT, 'the answer is not JSON');
    const parsed = TMT_PROFILE_READ.safeParse(value);
    if (!parsed.success)
      throw new TmtProfileError(
        TmtProfileErrorCode.PROFILE_OFF_CONTRACT,
        describeIssues(parsed.error),
      );
    return parsed.data;
  }

  /** Writes a profile (P51), checked against the contract first: a refused one is not sent. */
  async writeProfile(
    token: TmtAccessToken,
    profile: TmtProfileWrite,
    signal?: AbortSignal,
  ): Promise<void> {
    const parsed = TMT_PROFILE_WRITE.safeParse(profile);
    if (!parsed.success)
      throw new TmtProfileError(
        TmtProfileErrorCode.WRITE_OFF_CONTRACT,
        describeIssues(parsed.error),
      );
    const response = await this.call(
      this.profileUrl(),
      {
        method: 'PUT',
        headers: this.apiHeaders(token, { 'content-type': TMT_PROFILE_CONTENT_TYPE }),
        body: JSON.stringify(parsed.data),
      },
      signal,
    );
    await this.readBody(response);
    this.checkStatus(response, TMT_PROFILE_PUT_STATUS);
  }

  private profileUrl(): string {
    return this.registration.apiUrl.replace(/\/$/, '') + TMT_PROFILE_PATH;
  }

  private apiHeaders(token: TmtAccessToken, extra: Record<string, string>) {
    return { authorization: `Bearer ${token.take()}`, ...extra };
  }

  /** One call with the key, the timeout, and no redirects followed. */
  private async call(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.registration.timeoutMs ?? DEFAULT_TMT_TIMEOUT_MS);
    const timed = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await fetch(url, {
        ...init,
        redirect: 'error',
        headers: {
          'user-agent': USER_AGENT,
          ...(init.headers as Record<string, string>),
          [TMT_PROFILE_KEY_HEADER]: this.registration.subscriptionKey,
        },
        signal: timed,
      });
    } catch (error) {
      throw this.failure(error, timeout);
    }
  }

  /** The whole body as text, within the size limit (the providers' reader). */
  private async readBody(response: Response): Promise<string> {
    const max = this.registration.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    try {
      return await readLimitedText(response, max);
    } catch (error) {
      if (error instanceof MalformedPayloadError)
        throw new TmtProfileError(
          TmtProfileErrorCode.TOO_LARGE,
          `the answer is more than ${max} bytes`,
        );
      throw this.failure(error);
    }
  }

  private checkStatus(response: Response, expected: number): void {
    if (response.status === expected) return;
    const retry = retryAfterMs(response.headers.get('retry-after'));
    // [MA] answers a used or unknown token with 403 `invalid_token`.
    if (response.status === 401 || response.status === 403)
      throw new TmtProfileError(
        TmtProfileErrorCode.TOKEN_INVALID,
        `the API answered ${response.status}`,
        { status: response.status },
      );
    throw new TmtProfileError(
      TmtProfileErrorCode.SERVICE_ERROR,
      `the API answered ${response.status}`,
      {
        status: response.status,
        retryAfterMs: retry,
      },
    );
  }

  private failure(error: unknown, timeout?: AbortSignal): TmtProfileError {
    const name = (error as Error)?.name;
    if (timeout?.aborted || name === 'TimeoutError')
      return new TmtProfileError(TmtProfileErrorCode.TIMEOUT, 'no answer in time');
    return new TmtProfileError(
      TmtProfileErrorCode.SERVICE_ERROR,
      name === 'AbortError' ? 'aborted' : 'the call failed',
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `error` of an OAuth error answer (RFC 6749 §5.2; [MA] sends it in a problem document). */
function oauthErrorOf(text: string): string | undefined {
  const value = parseJson(text) as { error?: unknown; detail?: unknown } | undefined;
  if (typeof value?.error === 'string') return value.error;
  return typeof value?.detail === 'string' ? value.detail : undefined;
}
