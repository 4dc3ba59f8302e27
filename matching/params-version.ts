import { createHash } from 'node:crypto';
import { MatchParams } from './params';

/**
 * A stable version of a parameter set: the first 16 hex digits of the SHA-256 of its values as
 * JSON with sorted keys. Equal parameters give the same version whatever their key order; any
 * change of a value gives another. Recorded with each ranking served and shown in `/metrics`,
 * so a ranking can be reproduced with the parameters it was computed with.
 */
export function matchParamsVersion(params: MatchParams): string {
  return createHash('sha256').update(canonicalJson(params)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
