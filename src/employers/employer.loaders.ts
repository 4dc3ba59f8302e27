import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { oneByKey } from '../kernel/batch';
import { Employer } from './employer.entity';

/** DataLoaders of employers, created per request: one `IN (...)` query per batch, results in key order. */
export interface EmployerLoaders {
  employerById: DataLoader<string, Employer | null>;
}

export function createEmployerLoaders(manager: EntityManager): EmployerLoaders {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    employerById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Employer, { id: ids(keys) }), (e) => e.id),
    ),
  };
}
