/**
 * How an OpenID Connect issuer's claims become Osaamo's actor: which claim gives the role, the
 * employment area, the employer and the jobseeker, each with an optional map of values. Free of
 * imports on purpose: the console (web/) uses the same function on the same configuration, so
 * the screens and the server read a token alike.
 */

/** A constant (`{ value }`), or a claim (a dotted path) whose value is used as is or mapped. */
export type ClaimRule =
  | { value: string }
  | {
      claim: string;
      /** Claim value → Osaamo value; a value not in the map is not usable. */
      values?: Record<string, string>;
    };

export interface ClaimMapping {
  /** The claim of the user's stable id (default `sub`). */
  subject?: string;
  role: ClaimRule;
  employmentArea?: ClaimRule;
  employerId?: ClaimRule;
  jobseekerId?: ClaimRule;
}

export interface MappedClaims {
  id: string;
  role: string;
  employmentArea?: string;
  employerId?: string;
  jobseekerId?: string;
}

/** What each role needs besides itself: without it the actor could not be scoped. */
const NEEDED_BY_ROLE: Record<string, keyof Omit<MappedClaims, 'id' | 'role'>> = {
  counsellor: 'employmentArea',
  employer: 'employerId',
  jobseeker: 'jobseekerId',
};

/** The actor's fields, or the reason (naming claims, never their values) why there is none. */
export function mapClaims(
  payload: Record<string, unknown>,
  mapping: ClaimMapping,
): { claims: MappedClaims } | { problem: string } {
  const subjectClaim = mapping.subject ?? 'sub';
  const id = firstText(claimAt(payload, subjectClaim));
  if (!id) return { problem: `the token has no "${subjectClaim}" claim` };
  const roles = new Set(applyAll(payload, mapping.role));
  // Several groups naming different roles: which one is meant is not the list's order to say.
  if (roles.size > 1) return { problem: `${describe(mapping.role)} gives more than one role` };
  const [role] = roles;
  if (!role) return { problem: `${describe(mapping.role)} gives no known role` };
  const claims: MappedClaims = { id, role };
  for (const field of ['employmentArea', 'employerId', 'jobseekerId'] as const) {
    const rule = mapping[field];
    const value = rule ? apply(payload, rule) : undefined;
    if (value) claims[field] = value;
  }
  const needed = NEEDED_BY_ROLE[role];
  if (needed && !claims[needed]) {
    const rule = mapping[needed];
    return {
      problem: rule
        ? `${describe(rule)} gives no ${needed}, which the role ${role} needs`
        : `the role ${role} needs ${needed}, and no claim is mapped to it`,
    };
  }
  return { claims };
}

function apply(payload: Record<string, unknown>, rule: ClaimRule): string | undefined {
  // A list claim (groups, roles): the first value the map knows.
  return applyAll(payload, rule)[0];
}

/** Every value the rule gives: the constant, or each value of the claim (mapped when mapped). */
function applyAll(payload: Record<string, unknown>, rule: ClaimRule): string[] {
  if ('value' in rule) return [rule.value];
  const found = texts(claimAt(payload, rule.claim));
  if (!rule.values) return found;
  const values = rule.values;
  return found
    .filter((value) => Object.prototype.hasOwnProperty.call(values, value))
    .map((value) => values[value])
    .filter((mapped): mapped is string => typeof mapped === 'string');
}

function describe(rule: ClaimRule): string {
  return 'value' in rule ? 'the configured value' : `the claim "${rule.claim}"`;
}

/** `realm_access.roles` reads payload.realm_access.roles; a name with a dot is tried whole first. */
function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(payload, path)) return payload[path];
  let current: unknown = payload;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => (typeof item === 'number' ? String(item) : item))
    .filter((item): item is string => typeof item === 'string' && item !== '');
}

function firstText(value: unknown): string | undefined {
  return texts(value)[0];
}
