import { DataSource } from 'typeorm';
import { changedThroughApi } from '../db/change-origin';
import { Actor } from '../auth/actor';
import { requireCounsellorPlace } from '../auth/scope';
import { badInput, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import {
  isUuid,
  optionalDate,
  requireIntInRange,
  requireKnown,
  requireText,
  TEXT_LIMITS,
} from '../kernel/validation/validators';
import { Training, TrainingMode, TrainingSkill } from './training.entity';
import { TrainingFilter, TrainingInput } from './trainings.types';

/**
 * Trainings, readable by every role, written by admins and by counsellors where they are held
 * in the counsellor's area (online ones held nowhere: any counsellor).
 */
export class TrainingService {
  constructor(private readonly dataSource: DataSource) {}

  list(
    filter: TrainingFilter | undefined,
    page: PageArgs,
    cursors: CursorScope,
  ): Promise<Page<Training>> {
    const q = this.dataSource.getRepository(Training).createQueryBuilder('t').where('1 = 1');
    if (filter?.municipalityCodes?.length) {
      q.andWhere(`(t.municipality_code IN (:...codes) OR t.mode = 'online')`, {
        codes: filter.municipalityCodes,
      });
    }
    if (filter?.skillUri)
      q.andWhere(
        'EXISTS (SELECT 1 FROM training_skill ts WHERE ts.training_id = t.id AND ts.skill_uri = :skill)',
        { skill: filter.skillUri },
      );
    return paginate(q, 't', page, cursors);
  }

  async get(id: string): Promise<Training> {
    const training = isUuid(id) ? await this.dataSource.manager.findOneBy(Training, { id }) : null;
    if (!training) throw notFound('Training', id);
    return training;
  }

  async save(actor: Actor, id: string | null, input: TrainingInput): Promise<Training> {
    const manager = this.dataSource.manager;
    if (id)
      await requireCounsellorPlace(
        manager,
        actor,
        (await this.get(id)).municipalityCode,
        'trainings',
      );
    const fields = await this.validate(input);
    await requireCounsellorPlace(manager, actor, fields.municipalityCode, 'trainings');
    return this.dataSource.transaction(async (manager) => {
      const training = await manager.save(Training, {
        ...(id ? { id } : {}),
        ...fields,
        ...changedThroughApi(),
      });
      await manager.delete(TrainingSkill, { trainingId: training.id });
      await manager.insert(
        TrainingSkill,
        input.skills.map((s) => ({
          trainingId: training.id,
          skillUri: s.skillUri,
          levelReached: s.levelReached,
        })),
      );
      return training;
    });
  }

  private async validate(
    input: TrainingInput,
  ): Promise<Omit<Training, 'id' | 'externalId' | 'lastChangedBy' | 'lastChangedAt'>> {
    if (input.skills.length < 1 || input.skills.length > 50)
      throw badInput('input.skills', 'must have 1 to 50 skills');
    input.skills.forEach((s, i) =>
      requireIntInRange(`input.skills[${i}].levelReached`, s.levelReached, 1, 5),
    );
    await requireKnown(
      this.dataSource.manager,
      'esco_skill',
      'uri',
      input.skills.map((s, i) => ({ field: `input.skills[${i}].skillUri`, value: s.skillUri })),
      'ESCO skill',
    );
    if (input.mode !== 'online' && !input.municipalityCode)
      throw badInput('input.municipalityCode', 'is required unless the training is online');
    if (input.municipalityCode) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: input.municipalityCode }],
        'municipality code',
      );
    }
    if (input.url && !/^https:\/\/\S{1,500}$/.test(input.url))
      throw badInput('input.url', 'must be an https link');
    if (input.startDates.length > 50)
      throw badInput('input.startDates', 'must have at most 50 dates');
    return {
      provider: requireText('input.provider', input.provider, TEXT_LIMITS.name),
      title: requireText('input.title', input.title, TEXT_LIMITS.title),
      durationDays: requireIntInRange('input.durationDays', input.durationDays, 1, 1000),
      mode: input.mode as TrainingMode,
      municipalityCode: input.municipalityCode ?? null,
      startDates: input.startDates.map((d, i) => optionalDate(`input.startDates[${i}]`, d)!).sort(),
      url: input.url ?? null,
    };
  }
}
