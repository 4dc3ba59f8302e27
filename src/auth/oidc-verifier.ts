import { createRemoteJWKSet, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { log } from '../kernel/logger';
import { mapClaims } from './claim-mapping';
import { isIssuerUrl, OidcIssuerConfig } from './oidc-issuers';
import { Actor, Role, ROLES } from './actor';

/** Why a token was refused: becomes "Not authenticated: <reason>". */
export class TokenRefusal extends Error {}

/**
 * Verifies one issuer's access tokens with the keys it publishes: discovery document →
 * `jwks_uri` → jose's remote key set (cached, fetched again when a token names an unknown key).
 * Issuer, audience, expiry and algorithm are checked; the claims become an actor by the
 * issuer's mapping.
 */
export class OidcIssuerVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(
    readonly config: OidcIssuerConfig,
    private readonly fetchTimeoutMs = 5_000,
  ) {}

  async verify(token: string): Promise<Actor> {
    const keys = await this.keySet();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        requiredClaims: ['exp'],
        clockTolerance: 30,
      }));
    } catch (error) {
      throw new TokenRefusal(reasonOf(error));
    }
    // An ID token is for the client, not for the API: it carries these, an access token does not.
    if (['nonce', 'at_hash', 'c_hash'].some((claim) => claim in payload))
      throw new TokenRefusal('an ID token is not an access token');
    const mapped = mapClaims(payload, this.config.claims);
    if ('problem' in mapped) throw new TokenRefusal(`${mapped.problem} (${this.config.issuer})`);
    const { id, role, ...scope } = mapped.claims;
    if (!ROLES.includes(role as Role))
      throw new TokenRefusal(`the claims give no known role (${this.config.issuer})`);
    // The subject is unique within its issuer only: the id names both, so two issuers' users
    // (or one of them and a fixture user) never share audit rows, rate limits or idempotency keys.
    return { id: `${this.config.issuer}#${id}`, role: role as Role, ...scope };
  }

  /** Discovered once; a failed discovery is tried again on the next token. */
  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: Error) => {
      this.keys = undefined;
      log.warn('oidc_discovery_failed', { issuer: this.config.issuer, reason: error.message });
      throw new TokenRefusal(
        `the published keys of ${this.config.issuer} cannot be fetched at the moment`,
      );
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const address = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(address, { signal: AbortSignal.timeout(this.fetchTimeoutMs) });
    if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // The discovery document must be the issuer's own (OpenID Connect Discovery 1.0, 4.3).
    if (document.issuer !== this.config.issuer)
      throw new Error('the discovery document names another issuer');
    if (typeof document.jwks_uri !== 'string' || !isIssuerUrl(document.jwks_uri))
      throw new Error('the discovery document has no usable jwks_uri');
    return createRemoteJWKSet(new URL(document.jwks_uri), {
      timeoutDuration: this.fetchTimeoutMs,
    });
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'the token is meant for another audience';
    if (error.claim === 'iss') return 'the token names another issuer';
    return `the token's "${error.claim}" claim is not valid`;
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the token is signed with a key its issuer does not publish';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the token signature is not valid';
  // A network failure while fetching the key set is no JOSEError.
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
    return 'the published keys of the issuer cannot be fetched at the moment';
  return 'the token is not valid';
}
