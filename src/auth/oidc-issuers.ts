import { z } from 'zod';
import { ROLES } from './actor';
import type { ClaimMapping } from './claim-mapping';

/** The variable that lists the OpenID Connect issuers (JSON, an array). */
export const OIDC_ISSUERS_VARIABLE = 'OSAAMO_OIDC_ISSUERS';

/** The name a person sees on the sign-in button, in each language of the console. */
export interface IssuerName {
  fi: string;
  sv: string;
  en: string;
}

/** One issuer whose tokens the API accepts and the console signs in with. */
export interface OidcIssuerConfig {
  /** Exactly as in its tokens' `iss` and its discovery document. */
  issuer: string;
  /** The console's client registration at the issuer. */
  clientId: string;
  /** The `aud` the API requires in access tokens (default: the client id). */
  audience: string;
  name: IssuerName;
  /** Asked by the console; offline_access brings the refresh token that renews the session. */
  scope: string;
  /** Signature algorithms accepted (asymmetric only: the keys come from the issuer's JWKS). */
  algorithms: string[];
  claims: ClaimMapping;
}

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** https, or http to this machine (a local issuer in tests and development). */
export function isIssuerUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK.test(url.hostname.replace(/^\[|\]$/g, '')))
  );
}

const text = z.string().trim().min(1, 'must not be empty');

const roleValue = z.enum(ROLES as unknown as [string, ...string[]], {
  error: `must be one of ${ROLES.join(', ')}`,
});

/** A rule whose results are roles, or one whose results are anything non-empty. */
const claimRule = (result: z.ZodType<string>) =>
  z.union(
    [
      z.strictObject({ value: result }),
      z.strictObject({ claim: text, values: z.record(z.string(), result).optional() }),
    ],
    { error: 'must be { "value": … } or { "claim": …, "values": { … } }' },
  );

/** A role comes from a constant or through a map: never a value the issuer names unmapped. */
const roleRule = z.union(
  [
    z.strictObject({ value: roleValue }),
    z.strictObject({ claim: text, values: z.record(z.string(), roleValue) }),
  ],
  { error: 'must be { "value": role } or { "claim": …, "values": { claim value: role } }' },
);

const ISSUER = z.strictObject({
  issuer: text.refine(isIssuerUrl, 'must be an https URL (http only on a loopback address)'),
  clientId: text,
  // Required, and the API's own: with the client id as audience an ID token would pass.
  audience: text,
  name: z.union([
    text.transform((name) => ({ fi: name, sv: name, en: name })),
    z.strictObject({ fi: text, sv: text, en: text }),
  ]),
  scope: text.default('openid profile offline_access'),
  algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1).default(['RS256', 'PS256', 'ES256']),
  claims: z.strictObject({
    subject: text.optional(),
    role: roleRule,
    employmentArea: claimRule(text).optional(),
    employerId: claimRule(text).optional(),
    jobseekerId: claimRule(text).optional(),
  }),
});

const ISSUERS = z
  .array(ISSUER)
  .superRefine((issuers, context) => {
    const seen = new Set<string>();
    issuers.forEach(({ issuer }, index) => {
      if (seen.has(issuer))
        context.addIssue({ code: 'custom', path: [index, 'issuer'], message: 'is listed twice' });
      seen.add(issuer);
    });
  })
  .transform((issuers) => issuers.map((issuer): OidcIssuerConfig => issuer));

/**
 * The issuers of OSAAMO_OIDC_ISSUERS; none when unset. Throws an Error whose message names the
 * variable and the place of every problem (`OSAAMO_OIDC_ISSUERS[0].claims.role.value must be …`).
 */
export function readOidcIssuers(
  raw: string | undefined,
  reservedIssuer: string,
): OidcIssuerConfig[] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${OIDC_ISSUERS_VARIABLE} must be JSON: an array of issuers`);
  }
  const result = ISSUERS.safeParse(json);
  if (!result.success)
    throw new Error(
      result.error.issues
        .map((issue) => `${OIDC_ISSUERS_VARIABLE}${pathText(issue.path)} ${issue.message}`)
        .join('; '),
    );
  const clash = result.data.findIndex(({ issuer }) => issuer === reservedIssuer);
  if (clash >= 0)
    throw new Error(
      `${OIDC_ISSUERS_VARIABLE}[${clash}].issuer must not be "${reservedIssuer}": that is the issuer of the server's own tokens`,
    );
  return result.data;
}

function pathText(path: PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}
