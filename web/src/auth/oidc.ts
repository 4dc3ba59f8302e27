import type { User, UserManager } from 'oidc-client-ts';
import { mapClaims } from '../../../src/auth/claim-mapping';
import { ConsoleIssuer, consoleConfig } from './console-config';
import type { Role, Session } from './session';

/**
 * OpenID Connect sign-in with oidc-client-ts: authorization code with PKCE, the session renewed
 * with the refresh token (never a hidden iframe: renewal without one ends the session instead).
 * The library loads only when someone signs in this way, so the first load stays small.
 */

/** Which issuer the redirect in flight went to: the callback needs it before it can read anything. */
const PENDING_ISSUER = 'osaamo.oidc.issuer';
export const CALLBACK_PATH = '/sign-in/callback';

const managers = new Map<string, Promise<UserManager>>();

function managerFor(issuer: ConsoleIssuer): Promise<UserManager> {
  let manager = managers.get(issuer.issuer);
  if (!manager) {
    manager = import('oidc-client-ts').then(
      ({ UserManager, WebStorageStateStore }) =>
        new UserManager({
          authority: issuer.issuer,
          client_id: issuer.clientId,
          redirect_uri: `${location.origin}${CALLBACK_PATH}`,
          post_logout_redirect_uri: `${location.origin}/sign-in`,
          response_type: 'code',
          scope: issuer.scope,
          // Renewal is ours (renewSession): only with a refresh token, so no iframe is ever made.
          automaticSilentRenew: false,
          monitorSession: false,
          loadUserInfo: false,
          // Like the session: one tab, gone when it closes.
          userStore: new WebStorageStateStore({ store: sessionStorage }),
        }),
    );
    managers.set(issuer.issuer, manager);
  }
  return manager;
}

async function issuerNamed(issuer: string | null | undefined): Promise<ConsoleIssuer> {
  const found = (await consoleConfig()).issuers.find((candidate) => candidate.issuer === issuer);
  if (!found) throw new Error(`the issuer ${issuer ?? '(none)'} is not configured`);
  return found;
}

/** Leaves for the issuer's sign-in page; PKCE's verifier waits in sessionStorage. */
export async function startSignIn(issuer: ConsoleIssuer, next: string): Promise<void> {
  sessionStorage.setItem(PENDING_ISSUER, issuer.issuer);
  await (await managerFor(issuer)).signinRedirect({ state: { next } });
}

/** Back from the issuer: exchanges the code (with the PKCE verifier) for tokens. */
export async function completeSignIn(): Promise<{ session: Session; next: string }> {
  const issuer = await issuerNamed(sessionStorage.getItem(PENDING_ISSUER));
  sessionStorage.removeItem(PENDING_ISSUER);
  const user = await (await managerFor(issuer)).signinRedirectCallback();
  const state = user.state as { next?: unknown } | undefined;
  return {
    session: sessionFromUser(user, issuer),
    next: typeof state?.next === 'string' ? state.next : '/',
  };
}

/** A fresh access token through the refresh token; null when there is none (sign in again). */
export async function renewSession(issuerUrl: string): Promise<Session | null> {
  const issuer = await issuerNamed(issuerUrl);
  const manager = await managerFor(issuer);
  const user = await manager.getUser();
  if (!user?.refresh_token) return null;
  // With a refresh token, signinSilent is a refresh_token grant at the token endpoint.
  const renewed = await manager.signinSilent();
  return renewed ? sessionFromUser(renewed, issuer) : null;
}

/** Forgets the tokens here, and ends the session at the issuer when it offers that. */
export async function signOutAt(issuerUrl: string): Promise<void> {
  const issuer = await issuerNamed(issuerUrl);
  const manager = await managerFor(issuer);
  const user = await manager.getUser();
  const endSession = await manager.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (user && endSession) return manager.signoutRedirect({ id_token_hint: user.id_token });
  await manager.removeUser();
}

/** The session read from the access token by the issuer's claim mapping, as the server reads it. */
function sessionFromUser(user: User, issuer: ConsoleIssuer): Session {
  const mapped = mapClaims(decodePayload(user.access_token), issuer.claims);
  if ('problem' in mapped) throw new Error(mapped.problem);
  const { id, role, employmentArea, employerId, jobseekerId } = mapped.claims;
  return {
    token: user.access_token,
    user: id,
    role: role as Role,
    employmentArea: employmentArea ?? null,
    employerId: employerId ?? null,
    jobseekerId: jobseekerId ?? null,
    expiresAt: (user.expires_at ?? 0) * 1000,
    via: 'oidc',
    issuer: issuer.issuer,
  };
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('the access token is not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}
