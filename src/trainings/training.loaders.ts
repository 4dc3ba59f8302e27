import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { manyByKey } from '../kernel/batch';
import { TrainingSkill } from './training.entity';
import { TrainingRepository } from './training.repository';

/** DataLoaders of trainings, created per request: one `IN (...)` query per batch, results in key order. */
export interface TrainingLoaders {
  trainingSkillsByTrainingId: DataLoader<string, TrainingSkill[]>;
}

export function createTrainingLoaders(manager: EntityManager): TrainingLoaders {
  const trainings = new TrainingRepository(manager);
  return {
    trainingSkillsByTrainingId: new DataLoader(async (keys) =>
      manyByKey(keys, await trainings.skillsOf(keys), (s) => s.trainingId),
    ),
  };
}
