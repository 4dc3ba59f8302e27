import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { manyByKey } from '../kernel/batch';
import { TrainingSkill } from './training.entity';

/** DataLoaders of trainings, created per request: one `IN (...)` query per batch, results in key order. */
export interface TrainingLoaders {
  trainingSkillsByTrainingId: DataLoader<string, TrainingSkill[]>;
}

export function createTrainingLoaders(manager: EntityManager): TrainingLoaders {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    trainingSkillsByTrainingId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(TrainingSkill, {
          where: { trainingId: ids(keys) },
          order: { skillUri: 'ASC' },
        }),
        (s) => s.trainingId,
      ),
    ),
  };
}
