import { changedThroughApi } from '../db/change-origin';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { requireCounsellorPlace } from '../auth/scope';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import { isUuid, requireKnown, requireText, TEXT_LIMITS } from '../kernel/validation/validators';
import { isValidBusinessId } from './business-id';
import { Employer } from './employer.entity';
import { CreateEmployerInput, UpdateEmployerInput } from './employers.types';

/**
 * Employers: listed and read by counsellors, integrators and admins; an employer user sees its
 * own. Counsellors add and change employers located in their employment area.
 */
export class EmployerService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, page: PageArgs, cursors: CursorScope): Promise<Page<Employer>> {
    const query = this.dataSource.getRepository(Employer).createQueryBuilder('e');
    if (actor.role === 'employer')
      query.where('e.id = :own', {
        own: actor.employerId ?? '00000000-0000-0000-0000-000000000000',
      });
    return paginate(query, 'e', page, cursors);
  }

  async get(actor: Actor, id: string): Promise<Employer> {
    const employer = isUuid(id) ? await this.dataSource.manager.findOneBy(Employer, { id }) : null;
    // Another employer's record answers as if it did not exist: ids are not to be probed.
    if (!employer || (actor.role === 'employer' && actor.employerId !== id))
      throw notFound('Employer', id);
    return employer;
  }

  async create(actor: Actor, input: CreateEmployerInput): Promise<Employer> {
    const businessId = input.businessId.trim();
    if (!isValidBusinessId(businessId))
      throw badInput(
        'input.businessId',
        'is not a valid Y-tunnus (NNNNNNN-C with its check digit)',
      );
    const name = requireText('input.name', input.name, TEXT_LIMITS.name);
    await requireKnown(
      this.dataSource.manager,
      'municipality',
      'code',
      [{ field: 'input.municipalityCode', value: input.municipalityCode }],
      'municipality code',
    );
    await requireCounsellorPlace(
      this.dataSource.manager,
      actor,
      input.municipalityCode,
      'employers',
    );
    if (await this.dataSource.manager.existsBy(Employer, { businessId })) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `An employer with business ID ${businessId} exists`,
        { field: 'input.businessId' },
      );
    }
    return this.dataSource.manager.save(Employer, {
      businessId,
      name,
      municipalityCode: input.municipalityCode,
      externalId: input.externalId ?? null,
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
    if (input.name !== undefined)
      employer.name = requireText('input.name', input.name, TEXT_LIMITS.name);
    if (input.municipalityCode !== undefined) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: input.municipalityCode }],
        'municipality code',
      );
      await requireCounsellorPlace(
        this.dataSource.manager,
        actor,
        input.municipalityCode,
        'employers',
      );
      employer.municipalityCode = input.municipalityCode;
    }
    Object.assign(employer, changedThroughApi());
    return this.dataSource.manager.save(employer);
  }
}
