import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { oneByKey } from '../kernel/batch';
import { Municipality } from './municipality.entity';

/** DataLoaders of municipalities, created per request: one `IN (...)` query per batch, results in key order. */
export interface MunicipalityLoaders {
  municipalityByCode: DataLoader<string, Municipality | null>;
}

export function createMunicipalityLoaders(manager: EntityManager): MunicipalityLoaders {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    municipalityByCode: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Municipality, { code: ids(keys) }), (m) => m.code),
    ),
  };
}
