/**
 * API keys for integrators (national services, other employment areas): created by an admin,
 * shown once, stored only as a hash, limited to named operations, refused from the moment they
 * are revoked (every request looks its key up; there is no cache to outlive a revocation).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { ACCESS_RULES } from './access-policy';
import { Actor } from './actor';
import { isUuid } from '../kernel/validation/validators';

export const API_KEY_HEADER = 'x-api-key';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  operations: string[];
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const SELECT_KEYS = `SELECT id, name, prefix, operations, created_by AS "createdBy", created_at AS "createdAt",
  revoked_at AS "revokedAt" FROM api_key`;

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new key; the only time its secret is seen. */
  async create(
    actor: Actor,
    name: string,
    operations: string[],
  ): Promise<{ key: string; apiKey: ApiKeyView }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw badInput('name', 'must be 1 to 100 characters');
    if (!operations.length) throw badInput('operations', 'must name at least one operation');
    operations.forEach((operation, i) => {
      const rule = ACCESS_RULES.get(operation);
      if (!rule || !('roles' in rule) || !rule.roles.includes('integrator'))
        throw badInput(`operations[${i}]`, `${operation} is not an operation integrators may call`);
    });
    const prefix = randomBytes(4).toString('hex');
    const key = `osk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.dataSource.query(
      `INSERT INTO api_key (name, prefix, key_hash, operations, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, name, prefix, operations, created_by AS "createdBy", created_at AS "createdAt", revoked_at AS "revokedAt"`,
      [trimmed, prefix, hash(key), [...new Set(operations)].sort(), actor.id],
    );
    return { key, apiKey: row };
  }

  async revoke(id: string): Promise<ApiKeyView> {
    if (!isUuid(id)) throw notFound('API key', id);
    await this.dataSource.query(
      `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`,
      [id],
    );
    const [row]: ApiKeyView[] = await this.dataSource.query(`${SELECT_KEYS} WHERE id = $1`, [id]);
    if (!row) throw notFound('API key', id);
    return row;
  }

  list(): Promise<ApiKeyView[]> {
    return this.dataSource.query(`${SELECT_KEYS} ORDER BY created_at DESC`);
  }

  /** The integrator a key stands for; refused alike when unknown or revoked. */
  async verify(key: string): Promise<Actor> {
    const [row]: { id: string; operations: string[] }[] = await this.dataSource.query(
      `SELECT id, operations FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hash(key)],
    );
    if (!row)
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Not authenticated: the API key is not valid',
      );
    return { id: `api-key:${row.id}`, role: 'integrator', operations: row.operations };
  }
}
