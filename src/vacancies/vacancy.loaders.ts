import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { manyByKey, oneByKey } from '../kernel/batch';
import {
  RequirementLanguage,
  RequirementProfile,
  RequirementSkill,
} from './requirement-profile.entity';
import { Vacancy } from './vacancy.entity';

/** DataLoaders of vacancies, created per request: one `IN (...)` query per batch, results in key order. */
export interface VacancyLoaders {
  vacancyById: DataLoader<string, Vacancy | null>;
  requirementProfileByVacancyId: DataLoader<string, RequirementProfile | null>;
  requirementSkillsByVacancyId: DataLoader<string, RequirementSkill[]>;
  requirementLanguagesByVacancyId: DataLoader<string, RequirementLanguage[]>;
}

export function createVacancyLoaders(manager: EntityManager): VacancyLoaders {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    vacancyById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Vacancy, { id: ids(keys) }), (v) => v.id),
    ),
    requirementProfileByVacancyId: new DataLoader(async (keys) =>
      oneByKey(
        keys,
        await manager.findBy(RequirementProfile, { vacancyId: ids(keys) }),
        (p) => p.vacancyId,
      ),
    ),
    requirementSkillsByVacancyId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(RequirementSkill, {
          where: { vacancyId: ids(keys) },
          order: { skillUri: 'ASC' },
        }),
        (r) => r.vacancyId,
      ),
    ),
    requirementLanguagesByVacancyId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(RequirementLanguage, {
          where: { vacancyId: ids(keys) },
          order: { language: 'ASC' },
        }),
        (r) => r.vacancyId,
      ),
    ),
  };
}
