import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../kernel/batch';
import { Training, TrainingSkill } from './training.entity';
import { TrainingRepository } from './training.repository';

/** DataLoaders of trainings, created per request: one `IN (...)` query per batch, results in key order. */
export interface TrainingLoaders {
  trainingById: DataLoader<string, Training | null>;
  trainingSkillsByTrainingId: DataLoader<string, TrainingSkill[]>;
}

export function createTrainingLoaders(manager: EntityManager): TrainingLoaders {
  const trainings = new TrainingRepository(manager);
  return {
    trainingById: new DataLoader(async (keys) =>
      oneByKey(keys, await trainings.byIds(keys), (t) => t.id),
    ),
    trainingSkillsByTrainingId: new DataLoader(async (keys) =>
      manyByKey(keys, await trainings.skillsOf(keys), (s) => s.trainingId),
    ),
  };
}
