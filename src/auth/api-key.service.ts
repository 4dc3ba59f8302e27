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
import { ApiKeyRepository, ApiKeyView } from './api-key.repository';

export type { ApiKeyView } from './api-key.repository';

export const API_KEY_HEADER = 'x-api-key';

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export class ApiKeyService {
  private readonly keys: ApiKeyRepository;

  constructor(dataSource: DataSource) {
    this.keys = new ApiKeyRepository(dataSource.manager);
  }

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
    const apiKey = await this.keys.insert({
      name: trimmed,
      prefix,
      keyHash: hash(key),
      operations: [...new Set(operations)].sort(),
      createdBy: actor.id,
    });
    return { key, apiKey };
  }

  async revoke(id: string): Promise<ApiKeyView> {
    if (!isUuid(id)) throw notFound('API key', id);
    await this.keys.revoke(id);
    const row = await this.keys.findById(id);
    if (!row) throw notFound('API key', id);
    return row;
  }

  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  /** The integrator a key stands for; refused alike when unknown or revoked. */
  async verify(key: string): Promise<Actor> {
    const row = await this.keys.findActiveByHash(hash(key));
    if (!row)
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Not authenticated: the API key is not valid',
      );
    return { id: `api-key:${row.id}`, role: 'integrator', operations: row.operations };
  }
}
