import { changedThroughApi } from '../db/change-origin';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs } from '../kernel/paging/pagination';
import { KeysetOrder, paginateByKeys } from '../kernel/paging/keyset';
import { escapeLike, foldedWords, foldTextSql } from '../kernel/text/fold';
import { CursorScope } from '../kernel/paging/cursor';
import { requireEveryField } from '../kernel/validation/update-rule';
import { parseInput } from '../kernel/validation/parse';
import {
  createVacancyInput,
  requirementProfile,
  vacancyInput,
} from '../kernel/validation/records/vacancy.schema';
import { isUuid, requireKnown } from '../kernel/validation/validators';
import { requireCounsellorArea } from '../auth/scope';
import {
  CreateVacancyInput,
  RequirementProfileInput,
  VacancyFilter,
  VacancyInput,
  VacancyOrder,
} from './vacancies.types';
import { RequirementProfile } from './requirement-profile.entity';
import {
  RequirementProfileRepository,
  requirementSnapshot,
  RequirementSnapshot,
} from './requirement-profile.repository';
import { Vacancy, VacancyStatus } from './vacancy.entity';
import { VacancyRepository } from './vacancy.repository';

/** The status changes a vacancy allows. A filled vacancy is final. */
export const STATUS_TRANSITIONS: Record<VacancyStatus, VacancyStatus[]> = {
  draft: ['open', 'closed'],
  open: ['closed', 'filled'],
  closed: ['open'],
  filled: [],
};

const MAX_TEXT_CHARS = 200;

/** The keys of each order, the id last (see kernel/paging/keyset.ts). */
const VACANCY_ORDERS: Record<VacancyOrder, KeysetOrder> = {
  [VacancyOrder.NEWEST]: {
    keys: [
      { sql: 'v.created_at', cast: 'timestamptz' },
      { sql: 'v.id', cast: 'uuid' },
    ],
    direction: 'DESC',
  },
  [VacancyOrder.DEADLINE]: {
    // No deadline: after every date.
    keys: [
      { sql: `coalesce(v.application_deadline, CAST('infinity' AS date))`, cast: 'date' },
      { sql: 'v.id', cast: 'uuid' },
    ],
    direction: 'ASC',
  },
  [VacancyOrder.TITLE]: {
    keys: [
      { sql: foldTextSql('v.title'), cast: 'text' },
      { sql: 'v.id', cast: 'uuid' },
    ],
    direction: 'ASC',
  },
};

const READ_ALL_ROLES = new Set(['counsellor', 'admin']);
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Vacancies and their requirement profiles. Employers see and change their own; counsellors
 * see all and change those in their area; other roles see open local vacancies only.
 */
export class VacancyService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    filter: VacancyFilter | undefined,
    page: PageArgs,
    cursors: CursorScope,
    orderBy: VacancyOrder = VacancyOrder.NEWEST,
  ): Promise<Page<Vacancy>> {
    const q = this.dataSource.getRepository(Vacancy).createQueryBuilder('v');
    q.where('1 = 1');
    if (actor.role === 'employer')
      q.andWhere('v.employer_id = :own', { own: actor.employerId ?? NO_ID });
    else if (!READ_ALL_ROLES.has(actor.role))
      q.andWhere(`v.status = 'open' AND v.source = 'local'`);
    if (filter?.municipalityCodes?.length)
      q.andWhere('v.municipality_code IN (:...codes)', { codes: filter.municipalityCodes });
    if (filter?.occupationUri)
      q.andWhere('v.occupation_uri = :occupation', { occupation: filter.occupationUri });
    if (filter?.statuses?.length)
      q.andWhere('v.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.employerId)
      q.andWhere('v.employer_id = :employer', {
        employer: isUuid(filter.employerId) ? filter.employerId : NO_ID,
      });
    if (filter?.skillUri) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM requirement_skill rs WHERE rs.vacancy_id = v.id AND rs.skill_uri = :skill)',
        { skill: filter.skillUri },
      );
    }
    if (filter?.text != null) {
      // Substrings, not full-text lexemes: a Finnish compound ("putkihitsaaja") holds the word
      // searched for ("hitsaaja"), which the 'simple' configuration would not find.
      if ([...filter.text].length > MAX_TEXT_CHARS)
        throw badInput('filter.text', `must be at most ${MAX_TEXT_CHARS} characters`);
      const searched = foldTextSql(`v.title || ' ' || v.description`);
      foldedWords(filter.text).forEach((word, i) =>
        q.andWhere(`${searched} LIKE :text${i}`, { [`text${i}`]: `%${escapeLike(word)}%` }),
      );
    }
    return paginateByKeys(q, 'v', VACANCY_ORDERS[orderBy], page, cursors);
  }

  /** A vacancy the actor may see; anything else answers NOT_FOUND, so ids cannot be probed. */
  async get(
    actor: Actor,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Vacancy> {
    const vacancy = isUuid(id) ? await manager.findOneBy(Vacancy, { id }) : null;
    if (!vacancy || !this.maySee(actor, vacancy)) throw notFound('Vacancy', id);
    return vacancy;
  }

  maySee(actor: Actor, vacancy: Pick<Vacancy, 'employerId' | 'status' | 'source'>): boolean {
    if (actor.role === 'employer') return vacancy.employerId === actor.employerId;
    if (READ_ALL_ROLES.has(actor.role)) return true;
    return vacancy.status === 'open' && vacancy.source === 'local';
  }

  async create(actor: Actor, input: CreateVacancyInput): Promise<Vacancy> {
    if (actor.role === 'employer' && input.employerId !== actor.employerId)
      throw notFound('Employer', input.employerId);
    if (!isUuid(input.employerId)) throw badInput('input.employerId', 'unknown employer');
    await requireKnown(
      this.dataSource.manager,
      'employer',
      'id',
      [{ field: 'input.employerId', value: input.employerId }],
      'employer',
    );
    const fields = await this.validateFields(input, true);
    await requireCounsellorArea(
      this.dataSource.manager,
      actor,
      fields.municipalityCode!,
      'vacancies',
    );
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await new VacancyRepository(manager).create({
        ...fields,
        employerId: input.employerId,
        status: 'draft',
        source: 'local',
        ...changedThroughApi(),
      });
      await new RequirementProfileRepository(manager).start(vacancy.id, actor.id);
      return vacancy;
    });
  }

  async update(actor: Actor, id: string, input: VacancyInput): Promise<Vacancy> {
    const vacancy = await this.getWritable(actor, id);
    const fields = await this.validateFields(input, false);
    if (fields.municipalityCode)
      await requireCounsellorArea(
        this.dataSource.manager,
        actor,
        fields.municipalityCode,
        'vacancies',
      );
    Object.assign(vacancy, fields, changedThroughApi());
    return new VacancyRepository(this.dataSource.manager).save(vacancy);
  }

  async setStatus(actor: Actor, id: string, status: VacancyStatus): Promise<Vacancy> {
    const vacancy = await this.getWritable(actor, id);
    if (!STATUS_TRANSITIONS[vacancy.status].includes(status)) {
      throw badInput(
        'status',
        `${/^[aeiou]/.test(vacancy.status) ? 'an' : 'a'} ${vacancy.status} vacancy cannot become ${status} (allowed: ${STATUS_TRANSITIONS[vacancy.status].join(', ') || 'none'})`,
      );
    }
    // Conditional on the status read, so two concurrent changes cannot both pass the check.
    const changed = await new VacancyRepository(this.dataSource.manager).changeStatus(
      id,
      vacancy.status,
      status,
    );
    if (!changed)
      throw new DomainError(ErrorCode.CONFLICT, 'The vacancy changed meanwhile; read it again');
    vacancy.status = status;
    return vacancy;
  }

  /** Closes open vacancies whose application deadline has passed; returns how many. */
  async closeExpired(today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
    return new VacancyRepository(this.dataSource.manager).closeExpired(today);
  }

  /**
   * Replaces the requirement profile as a new revision. `baseRevision` is the revision the
   * change was made from; if another change landed first the UPDATE matches no row and the
   * caller gets CONFLICT: checked by the database, not by a read before the write.
   */
  async updateRequirements(
    actor: Actor,
    vacancyId: string,
    baseRevision: number,
    input: RequirementProfileInput,
  ): Promise<RequirementProfile> {
    await this.getWritable(actor, vacancyId);
    const profile = requirementSnapshot(await this.validateRequirements(input));
    return this.dataSource.transaction(async (manager) => {
      const requirements = new RequirementProfileRepository(manager);
      const revision = await requirements.replace(vacancyId, baseRevision, profile, actor.id);
      if (revision === null) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Revision ${baseRevision} is not the current one: another change landed first`,
          { field: 'baseRevision' },
        );
      }
      await new VacancyRepository(manager).touch(vacancyId);
      return (await requirements.current(vacancyId))!;
    });
  }

  /**
   * A profile being edited, validated as updateRequirementProfile validates it (errors name
   * `<field>.…`) and not saved: requirementInsights counts its pool.
   */
  async draftRequirements(
    given: RequirementProfileInput,
    field: string,
  ): Promise<RequirementSnapshot> {
    return requirementSnapshot(await this.validateRequirements(given, field));
  }

  private async getWritable(actor: Actor, id: string): Promise<Vacancy> {
    const vacancy = await this.get(actor, id);
    if (actor.role === 'counsellor')
      await requireCounsellorArea(
        this.dataSource.manager,
        actor,
        vacancy.municipalityCode,
        'vacancies',
      );
    else if (actor.role !== 'employer' && actor.role !== 'admin') throw notFound('Vacancy', id);
    return vacancy;
  }

  private async validateFields(given: VacancyInput, creating: boolean): Promise<Partial<Vacancy>> {
    const input = parseInput(creating ? createVacancyInput : vacancyInput, given, 'input');
    const fields: Partial<Vacancy> = {};
    if (input.title !== undefined) fields.title = input.title;
    if (input.description !== undefined) fields.description = input.description ?? '';
    if (input.municipalityCode !== undefined) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: input.municipalityCode }],
        'municipality code',
      );
      fields.municipalityCode = input.municipalityCode;
    }
    if (input.occupationUri) {
      await requireKnown(
        this.dataSource.manager,
        'esco_occupation',
        'uri',
        [{ field: 'input.occupationUri', value: input.occupationUri }],
        'ESCO occupation',
      );
      fields.occupationUri = input.occupationUri;
    } else if (input.occupationUri === null) fields.occupationUri = null;
    if (input.latitude !== undefined) fields.latitude = input.latitude ?? null;
    if (input.longitude !== undefined) fields.longitude = input.longitude ?? null;
    if (input.remote) fields.remote = input.remote;
    if (input.workingTime) fields.workingTime = input.workingTime;
    if (input.contractType) fields.contractType = input.contractType;
    if (input.positions != null) fields.positions = input.positions;
    if (input.startDate !== undefined) fields.startDate = input.startDate ?? null;
    if (input.applicationDeadline !== undefined)
      fields.applicationDeadline = input.applicationDeadline ?? null;
    return fields;
  }

  private async validateRequirements(given: RequirementProfileInput, field = 'input') {
    requireEveryField(given, ['minEducationLevel', 'minExperienceMonths'], field);
    const input = parseInput(requirementProfile, given, field, {
      minProficiency: 'requiredLevel',
    });
    const skills = input.skills ?? [];
    await requireKnown(
      this.dataSource.manager,
      'esco_skill',
      'uri',
      skills.map((s, i) => ({ field: `${field}.skills[${i}].skillUri`, value: s.skillUri })),
      'ESCO skill',
    );
    return {
      skills: skills.map((s) => ({
        skillUri: s.skillUri,
        importance: s.importance,
        minProficiency: s.minProficiency,
      })),
      languages: (input.languages ?? []).map((l) => ({
        language: l.language,
        minLevel: l.minLevel,
        essential: l.essential ?? true,
      })),
      minEducationLevel: input.minEducationLevel ?? null,
      minExperienceMonths: input.minExperienceMonths ?? null,
      licences: [...new Set(input.licences)],
    };
  }
}
