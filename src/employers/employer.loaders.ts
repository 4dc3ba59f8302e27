import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { oneByKey } from '../kernel/batch';
import { Employer } from './employer.entity';
import { EmployerRepository } from './employer.repository';

/** DataLoaders of employers, created per request: one `IN (...)` query per batch, results in key order. */
export interface EmployerLoaders {
  employerById: DataLoader<string, Employer | null>;
}

export function createEmployerLoaders(manager: EntityManager): EmployerLoaders {
  const employers = new EmployerRepository(manager);
  return {
    employerById: new DataLoader(async (keys) =>
      oneByKey(keys, await employers.byIds(keys), (e) => e.id),
    ),
  };
}
