import { decodeJwt, jwtVerify, SignJWT, errors } from 'jose';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Actor, Role, ROLES } from './actor';
import type { OidcIssuerConfig } from './oidc-issuers';
import { OidcIssuerVerifier, TokenRefusal } from './oidc-verifier';

export const TOKEN_ISSUER = 'osaamo';
export const TOKEN_AUDIENCE = 'osaamo-api';
/** Pinned: a token signed any other way ("none" included) is refused. */
const ALGORITHM = 'HS256';

/**
 * Issues and verifies the bearer tokens that carry an actor: its own (HS256, issuer `osaamo`) and
 * the access tokens of the configured OpenID Connect issuers, told apart by the token's `iss`.
 */
export class TokenService {
  private readonly key: Uint8Array | undefined;
  private readonly issuers: Map<string, OidcIssuerVerifier>;

  constructor(secret: string | undefined, issuers: OidcIssuerConfig[] = []) {
    this.key = secret ? new TextEncoder().encode(secret) : undefined;
    this.issuers = new Map(
      issuers.map((config) => [config.issuer, new OidcIssuerVerifier(config)]),
    );
  }

  async verify(token: string): Promise<Actor> {
    // Unverified, only to choose the verifier: each checks the issuer again with the signature.
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('the token is not valid');
    }
    if (issuer === TOKEN_ISSUER || (issuer === undefined && this.issuers.size === 0))
      return this.verifyOwn(token);
    const verifier = typeof issuer === 'string' ? this.issuers.get(issuer) : undefined;
    if (!verifier)
      throw unauthenticated(
        typeof issuer === 'string'
          ? `the token's issuer ${JSON.stringify(issuer.slice(0, 200))} is not one this server trusts (OSAAMO_OIDC_ISSUERS)`
          : 'the token names no issuer',
      );
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRefusal) throw unauthenticated(error.message);
      throw error;
    }
  }

  /** A token this server issued (development sign-in, `npm run token`). */
  private async verifyOwn(token: string): Promise<Actor> {
    if (!this.key)
      throw unauthenticated('this server accepts no tokens (OSAAMO_JWT_SECRET is not set)');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp'],
      });
      const role = payload.role as Role;
      if (!ROLES.includes(role)) throw unauthenticated('the token names no known role');
      return {
        id: payload.sub!,
        role,
        employmentArea: stringClaim(payload.area),
        employerId: stringClaim(payload.employer),
        jobseekerId: stringClaim(payload.jobseeker),
      };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const reason =
        error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is not valid';
      throw unauthenticated(reason);
    }
  }

  async issue(actor: Actor, ttlSeconds = 8 * 3600): Promise<string> {
    if (!this.key) throw new Error('Set OSAAMO_JWT_SECRET to issue tokens');
    return new SignJWT({
      role: actor.role,
      area: actor.employmentArea,
      employer: actor.employerId,
      jobseeker: actor.jobseekerId,
    })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(actor.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function unauthenticated(reason: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${reason}`);
}
