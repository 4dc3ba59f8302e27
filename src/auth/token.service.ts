import { jwtVerify, SignJWT, errors } from 'jose';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Actor, Role, ROLES } from './actor';

export const TOKEN_ISSUER = 'osaamo';
export const TOKEN_AUDIENCE = 'osaamo-api';
/** Pinned: a token signed any other way ("none" included) is refused. */
const ALGORITHM = 'HS256';

/** Issues and verifies the bearer tokens that carry an actor. */
export class TokenService {
  private readonly key: Uint8Array | undefined;

  constructor(secret: string | undefined) {
    this.key = secret ? new TextEncoder().encode(secret) : undefined;
  }

  async verify(token: string): Promise<Actor> {
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
