/**
 * Page cursors: opaque and tamper-evident. A cursor is the position in the list (a row id or an
 * offset) sealed with AES-256-GCM under a key derived from the server's pseudonym secret
 * (HKDF-SHA256, info `osaamo/cursor/v1`), with the list it belongs to as additional data: the
 * field, its arguments other than `first` and `after`, and the actor. Nothing in it can be read
 * by the caller, and a cursor that was forged, altered, cut short or made for another list,
 * other arguments or another actor fails authentication and is refused as bad input.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Actor } from '../../auth/actor';
import { badInput } from '../errors/domain-error';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** No position we seal is longer than this; anything longer is not ours (and not worth decoding). */
const MAX_CURSOR_CHARS = 256;
const HKDF_INFO = 'osaamo/cursor/v1';

/** Seals and opens the cursors of one list, as asked by one actor with one set of arguments. */
export interface CursorScope {
  seal(position: string): string;
  /** The position in a cursor of this list; BAD_USER_INPUT naming `after` for anything else. */
  open(cursor: string): string;
}

/** What a cursor is bound to: a cursor of one binding is refused under any other. */
export interface CursorBinding {
  /** The list field, e.g. `Query.jobseekers`. */
  field: string;
  /** The field's arguments other than `first` and `after` (filters, the vacancy, ...). */
  args: Record<string, unknown>;
  actor: Actor | null;
}

export class CursorCodec {
  private readonly key: Buffer;

  /** `secret`: the server secret the cursor key is derived from (never used as the key itself). */
  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', HKDF_INFO, 32));
  }

  scope(binding: CursorBinding): CursorScope {
    const aad = Buffer.from(
      canonicalJson([VERSION, binding.field, binding.args, actorKey(binding.actor)]),
    );
    return {
      seal: (position) => this.seal(aad, position),
      open: (cursor) => this.open(aad, cursor),
    };
  }

  private seal(aad: Buffer, position: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(aad);
    const sealed = Buffer.concat([cipher.update(position, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString(
      'base64url',
    );
  }

  private open(aad: Buffer, cursor: string): string {
    const refuse = () => badInput('after', 'is not a cursor from this list');
    // Node's base64url decoder skips characters it does not know: check the alphabet first.
    if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES + 1 || bytes[0] !== VERSION) throw refuse();
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const sealed = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES })
        .setAAD(aad)
        .setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    } catch {
      // One answer for every failure: which check failed is nobody's business.
      throw refuse();
    }
  }
}

/** Everything that sets an actor's scope: a cursor of one actor is refused to another. */
function actorKey(actor: Actor | null): unknown {
  if (!actor) return null;
  const { id, role, employmentArea, employerId, jobseekerId } = actor;
  return { id, role, employmentArea, employerId, jobseekerId };
}

/**
 * JSON with sorted keys and without null or absent values: an argument left out and one given
 * as null select the same list, so they bind the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, normalise(v)]);
    return Object.fromEntries(entries);
  }
  return value;
}
