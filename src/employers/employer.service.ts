import { changedThroughApi } from '../db/change-origin';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { requireCounsellorPlace } from '../auth/scope';
import { DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import { parseInput } from '../kernel/validation/parse';
import {
  createEmployerInput,
  updateEmployerInput,
} from '../kernel/validation/records/employer.schema';
import { isUuid, requireKnown } from '../kernel/validation/validators';
import { Employer } from './employer.entity';
import { EmployerRepository } from './employer.repository';
import { CreateEmployerInput, UpdateEmployerInput } from './employers.types';

/**
 * Employers: listed and read by counsellors, integrators and admins; an employer user sees its
 * own. Counsellors add and change employers located in their employment area.
 */
export class EmployerService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, page: PageArgs, cursors: CursorScope): Promise<Page<Employer>> {
    const query = this.employers().listQuery(
      actor.role === 'employer'
        ? (actor.employerId ?? '00000000-0000-0000-0000-000000000000')
        : undefined,
    );
    return paginate(query, 'e', page, cursors);
  }

  async get(actor: Actor, id: string): Promise<Employer> {
    const employer = isUuid(id) ? await this.employers().byId(id) : null;
    // Another employer's record answers as if it did not exist: ids are not to be probed.
    if (!employer || (actor.role === 'employer' && actor.employerId !== id))
      throw notFound('Employer', id);
    return employer;
  }

  async create(actor: Actor, input: CreateEmployerInput): Promise<Employer> {
    const { businessId, name, municipalityCode, externalId } = parseInput(
      createEmployerInput,
      input,
      'input',
    );
    await requireKnown(
      this.dataSource.manager,
      'municipality',
      'code',
      [{ field: 'input.municipalityCode', value: municipalityCode }],
      'municipality code',
    );
    await requireCounsellorPlace(this.dataSource.manager, actor, municipalityCode, 'employers');
    if (await this.employers().existsByBusinessId(businessId)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `An employer with business ID ${businessId} exists`,
        { field: 'input.businessId' },
      );
    }
    return this.employers().save({
      businessId,
      name,
      municipalityCode,
      externalId: externalId ?? null,
      ...changedThroughApi(),
    });
  }

  async update(actor: Actor, id: string, input: UpdateEmployerInput): Promise<Employer> {
    const employer = await this.get(actor, id);
    await requireCounsellorPlace(
      this.dataSource.manager,
      actor,
      employer.municipalityCode,
      'employers',
    );
    const changes = parseInput(updateEmployerInput, input, 'input');
    if (changes.name !== undefined) employer.name = changes.name;
    if (changes.municipalityCode !== undefined) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: changes.municipalityCode }],
        'municipality code',
      );
      await requireCounsellorPlace(
        this.dataSource.manager,
        actor,
        changes.municipalityCode,
        'employers',
      );
      employer.municipalityCode = changes.municipalityCode;
    }
    Object.assign(employer, changedThroughApi());
    return this.employers().save(employer);
  }

  private employers(): EmployerRepository {
    return new EmployerRepository(this.dataSource.manager);
  }
}
