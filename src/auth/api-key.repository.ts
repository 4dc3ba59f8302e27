// Owns table api_key: every statement on it is here.
import { EntityManager } from 'typeorm';

/** A key as the API shows it: never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  operations: string[];
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const VIEW_COLUMNS = `id, name, prefix, operations, created_by AS "createdBy", created_at AS "createdAt",
  revoked_at AS "revokedAt"`;

export class ApiKeyRepository {
  /** Runs on the manager given (a transaction's or the pool's). */
  constructor(private readonly db: EntityManager) {}

  async insert(key: {
    name: string;
    prefix: string;
    keyHash: string;
    operations: string[];
    createdBy: string;
  }): Promise<ApiKeyView> {
    const [row]: ApiKeyView[] = await this.db.query(
      `INSERT INTO api_key (name, prefix, key_hash, operations, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${VIEW_COLUMNS}`,
      [key.name, key.prefix, key.keyHash, key.operations, key.createdBy],
    );
    return row!;
  }

  /** Revokes the key unless it already was (the first revocation's time stays). */
  async revoke(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`,
      [id],
    );
  }

  async findById(id: string): Promise<ApiKeyView | null> {
    const [row]: ApiKeyView[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM api_key WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Newest first. */
  list(): Promise<ApiKeyView[]> {
    return this.db.query(`SELECT ${VIEW_COLUMNS} FROM api_key ORDER BY created_at DESC`);
  }

  /** The key with this hash, unless revoked. */
  async findActiveByHash(keyHash: string): Promise<{ id: string; operations: string[] } | null> {
    const [row]: { id: string; operations: string[] }[] = await this.db.query(
      `SELECT id, operations FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    return row ?? null;
  }
}
