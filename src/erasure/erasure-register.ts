// Owns erasure_register.
/**
 * The erasure register: who was erased, as a keyed hash of the customer id only, and on which
 * day. Every erasure (eraseJobseeker, retention) records here in its own transaction; the
 * importer and createJobseeker refuse a registered customer unless the record states a customer
 * relationship that began after the erasure. The one owner of the `erasure_register` table.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** HKDF info: the register's key is a subkey of the server secret, used for nothing else. */
const KEY_INFO = 'osaamo/erasure-register/v1';

export interface ErasureEntry {
  /** HMAC-SHA-256 of the trimmed customer id under the register key, hex. */
  customerHash: string;
  /** The day of the (latest) erasure, YYYY-MM-DD (UTC). */
  erasedOn: string;
}

/** Today in UTC, YYYY-MM-DD: the register's dates are days. */
/**
 * A customer id as the register compares it: compatibility forms folded (full-width letters and
 * digits, NFKC), every Unicode dash and minus as "-", spaces dropped, upper case. A person
 * re-entered as "kuo-100001", "ＫＵＯ-100001" or "KUO‐100001" is the same customer.
 */
export function comparableCustomerId(customerId: string): string {
  return customerId
    .normalize('NFKC')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/\s+/gu, '')
    .toUpperCase();
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export class ErasureRegister {
  private readonly key: Buffer;

  /** `serverSecret`: the pseudonym secret (OSAAMO_PSEUDONYM_SECRET); a subkey is derived. */
  constructor(serverSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', serverSecret, '', KEY_INFO, 32));
  }

  hashOf(customerId: string): string {
    return createHmac('sha256', this.key)
      .update(comparableCustomerId(customerId), 'utf8')
      .digest('hex');
  }

  /** Names the key without revealing it, so that an export is never applied under another key. */
  keyId(): string {
    return createHmac('sha256', this.key).update('key-id').digest('hex').slice(0, 16);
  }

  /** Records erasures (in the caller's transaction); a later erasure moves the date forward. */
  async record(manager: EntityManager, customerIds: string[], erasedOn: string): Promise<void> {
    await this.merge(
      manager,
      customerIds.map((id) => ({ customerHash: this.hashOf(id), erasedOn })),
    );
  }

  async merge(manager: EntityManager, entries: ErasureEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO erasure_register (customer_hash, erased_on)
       SELECT customer_hash, max(erased_on) FROM unnest($1::text[], $2::date[]) AS x(customer_hash, erased_on)
       GROUP BY customer_hash
       ON CONFLICT (customer_hash) DO UPDATE SET erased_on = greatest(erasure_register.erased_on, EXCLUDED.erased_on)`,
      [entries.map((e) => e.customerHash), entries.map((e) => e.erasedOn)],
    );
  }

  /** The whole register by hash (small: one row per erased customer). */
  async entries(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { customer_hash: string; erased_on: string }[] = await manager.query(
      `SELECT customer_hash, to_char(erased_on, 'YYYY-MM-DD') AS erased_on FROM erasure_register ORDER BY customer_hash`,
    );
    return new Map(rows.map((r) => [r.customer_hash, r.erased_on]));
  }

  /** When the customer was erased, or null if never. */
  async erasedOn(manager: EntityManager, customerId: string): Promise<string | null> {
    const rows: { erased_on: string }[] = await manager.query(
      `SELECT to_char(erased_on, 'YYYY-MM-DD') AS erased_on FROM erasure_register WHERE customer_hash = $1`,
      [this.hashOf(customerId)],
    );
    return rows[0]?.erased_on ?? null;
  }
}

/**
 * Why a record of an erased customer is refused, or null when it may be stored: only a customer
 * relationship that began after the day of the erasure makes a new customer.
 */
export function erasedCustomerProblem(
  erasedOn: string | null | undefined,
  customerSince: string | null | undefined,
): string | null {
  if (!erasedOn) return null;
  if (customerSince && customerSince > erasedOn) return null;
  return `belongs to a customer whose data was erased on ${erasedOn}; a customer who registers again is stored only with a customerSince after that day`;
}
