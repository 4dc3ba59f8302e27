import { DataSource } from 'typeorm';
import { changedThroughApi } from '../db/change-origin';
import { Actor } from '../auth/actor';
import { requireCounsellorPlace } from '../auth/scope';
import { notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import { requireEveryField } from '../kernel/validation/update-rule';
import { parseInput } from '../kernel/validation/parse';
import { trainingInput } from '../kernel/validation/records/training.schema';
import { isUuid, requireKnown } from '../kernel/validation/validators';
import { Training, TrainingMode } from './training.entity';
import { TrainingRepository } from './training.repository';
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
    const q = new TrainingRepository(this.dataSource.manager).listQuery(filter);
    return paginate(q, 't', page, cursors);
  }

  async get(id: string): Promise<Training> {
    const training = isUuid(id)
      ? await new TrainingRepository(this.dataSource.manager).byId(id)
      : null;
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
    // After the access check: a caller who may not write it learns nothing of the input.
    if (id) requireEveryField(input, ['municipalityCode', 'url'], 'input');
    const fields = await this.validate(input);
    await requireCounsellorPlace(manager, actor, fields.municipalityCode, 'trainings');
    return this.dataSource.transaction((manager) =>
      new TrainingRepository(manager).save(
        { ...(id ? { id } : {}), ...fields, ...changedThroughApi() },
        input.skills.map((s) => ({ skillUri: s.skillUri, levelReached: s.level })),
      ),
    );
  }

  private async validate(
    input: TrainingInput,
  ): Promise<Omit<Training, 'id' | 'externalId' | 'lastChangedBy' | 'lastChangedAt'>> {
    const training = parseInput(trainingInput, input, 'input', { levelReached: 'level' });
    await requireKnown(
      this.dataSource.manager,
      'esco_skill',
      'uri',
      training.skills.map((s, i) => ({ field: `input.skills[${i}].skillUri`, value: s.skillUri })),
      'ESCO skill',
    );
    if (training.municipalityCode) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: training.municipalityCode }],
        'municipality code',
      );
    }
    return {
      provider: training.provider,
      title: training.title,
      durationDays: training.durationDays,
      mode: training.mode as TrainingMode,
      municipalityCode: training.municipalityCode ?? null,
      startDates: [...(training.startDates ?? [])].sort(),
      url: training.url ?? null,
    };
  }
}
