// Owns table idempotency_key: every statement on it is here.
import { EntityManager } from 'typeorm';

/** What a repeat needs of the first request: its hash and, once finished, its answer. */
export interface IdempotencyRecord<Response> {
  requestHash: string;
  response: Response | null;
}

export class IdempotencyKeyRepository {
  /** Runs on the manager given (a transaction's or the pool's). */
  constructor(private readonly db: EntityManager) {}

  /** Frees the caller's key when its first request has run longer than `seconds` unfinished. */
  async releaseAbandoned(caller: string, key: string, seconds: number): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND response IS NULL
         AND created_at < now() - make_interval(secs => $3)`,
      [caller, key, seconds],
    );
  }

  /** Claims the key for this request; false when another request holds it. */
  async claim(caller: string, key: string, requestHash: string): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (caller, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (caller, key) DO NOTHING RETURNING 1`,
      [caller, key, requestHash],
    );
    return inserted.length > 0;
  }

  async find<Response>(caller: string, key: string): Promise<IdempotencyRecord<Response> | null> {
    const [row]: { request_hash: string; response: Response | null }[] = await this.db.query(
      `SELECT request_hash, response FROM idempotency_key WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    return row ? { requestHash: row.request_hash, response: row.response } : null;
  }

  /** Keeps the first request's answer for its repeats. */
  async saveResponse(caller: string, key: string, response: unknown): Promise<void> {
    await this.db.query(`UPDATE idempotency_key SET response = $3 WHERE caller = $1 AND key = $2`, [
      caller,
      key,
      JSON.stringify(response),
    ]);
  }

  /** Forgets keys older than a day. */
  async purge(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE created_at < now() - interval '1 day'`);
  }
}
