import { changedThroughApi } from '../db/change-origin';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import {
  isUuid,
  optionalCoordinate,
  optionalDate,
  optionalText,
  requireCodes,
  requireIntInRange,
  requireKnown,
  requireLanguageCode,
  requireText,
  TEXT_LIMITS,
} from '../kernel/validation/validators';
import { requireCounsellorArea } from '../auth/scope';
import {
  CreateVacancyInput,
  RequirementProfileInput,
  VacancyFilter,
  VacancyInput,
} from '../employers/employers.types';
import { RequirementProfile } from './requirement-profile.entity';
import { Vacancy, VacancyStatus } from './vacancy.entity';

/** The status changes a vacancy allows. A filled vacancy is final. */
export const STATUS_TRANSITIONS: Record<VacancyStatus, VacancyStatus[]> = {
  draft: ['open', 'closed'],
  open: ['closed', 'filled'],
  closed: ['open'],
  filled: [],
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
    return paginate(q, 'v', page, cursors);
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

  maySee(actor: Actor, vacancy: Vacancy): boolean {
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
      const vacancy = await manager.save(Vacancy, {
        ...fields,
        employerId: input.employerId,
        status: 'draft',
        source: 'local',
        ...changedThroughApi(),
      });
      await manager.insert(RequirementProfile, {
        vacancyId: vacancy.id,
        revision: 1,
        licences: [],
        minEducationLevel: null,
        minExperienceMonths: null,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      await manager.query(
        `INSERT INTO requirement_profile_revision (vacancy_id, revision, author, created_at, snapshot) VALUES ($1, 1, $2, now(), $3)`,
        [
          vacancy.id,
          actor.id,
          JSON.stringify({
            skills: [],
            languages: [],
            licences: [],
            minEducationLevel: null,
            minExperienceMonths: null,
          }),
        ],
      );
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
    return this.dataSource.manager.save(vacancy);
  }

  async setStatus(actor: Actor, id: string, status: VacancyStatus): Promise<Vacancy> {
    const vacancy = await this.getWritable(actor, id);
    if (!STATUS_TRANSITIONS[vacancy.status].includes(status)) {
      throw badInput(
        'status',
        `a ${vacancy.status} vacancy cannot become ${status} (allowed: ${STATUS_TRANSITIONS[vacancy.status].join(', ') || 'none'})`,
      );
    }
    // Conditional on the status read, so two concurrent changes cannot both pass the check.
    const result = await this.dataSource.query(
      `UPDATE vacancy SET status = $1, updated_at = now(), last_changed_by = 'api', last_changed_at = now()
       WHERE id = $2 AND status = $3`,
      [status, id, vacancy.status],
    );
    if (rowCount(result) === 0)
      throw new DomainError(ErrorCode.CONFLICT, 'The vacancy changed meanwhile; read it again');
    vacancy.status = status;
    return vacancy;
  }

  /** Closes open vacancies whose application deadline has passed; returns how many. */
  async closeExpired(today: string = new Date().toISOString().slice(0, 10)): Promise<number> {
    const result = await this.dataSource.query(
      `UPDATE vacancy SET status = 'closed', updated_at = now() WHERE status = 'open' AND application_deadline < $1`,
      [today],
    );
    return rowCount(result);
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
    const profile = await this.validateRequirements(input);
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `UPDATE requirement_profile
         SET revision = revision + 1, min_education_level = $3, min_experience_months = $4, licences = $5,
             updated_by = $6, updated_at = now()
         WHERE vacancy_id = $1 AND revision = $2
         RETURNING revision`,
        [
          vacancyId,
          baseRevision,
          profile.minEducationLevel,
          profile.minExperienceMonths,
          profile.licences,
          actor.id,
        ],
      );
      const rows = Array.isArray(updated[0]) ? updated[0] : updated;
      if (rows.length === 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Revision ${baseRevision} is not the current one: another change landed first`,
          { field: 'baseRevision' },
        );
      }
      const revision = rows[0].revision as number;
      await manager.query(`DELETE FROM requirement_skill WHERE vacancy_id = $1`, [vacancyId]);
      await manager.query(`DELETE FROM requirement_language WHERE vacancy_id = $1`, [vacancyId]);
      if (profile.skills.length) {
        await manager.query(
          `INSERT INTO requirement_skill (vacancy_id, skill_uri, importance, min_proficiency)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::smallint[])`,
          [
            vacancyId,
            profile.skills.map((s) => s.skillUri),
            profile.skills.map((s) => s.importance),
            profile.skills.map((s) => s.minProficiency),
          ],
        );
      }
      if (profile.languages.length) {
        await manager.query(
          `INSERT INTO requirement_language (vacancy_id, language, min_level, essential)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::boolean[])`,
          [
            vacancyId,
            profile.languages.map((l) => l.language),
            profile.languages.map((l) => l.minLevel),
            profile.languages.map((l) => l.essential),
          ],
        );
      }
      await manager.query(
        `INSERT INTO requirement_profile_revision (vacancy_id, revision, author, created_at, snapshot) VALUES ($1, $2, $3, now(), $4)`,
        [vacancyId, revision, actor.id, JSON.stringify(profile)],
      );
      await manager.query(`UPDATE vacancy SET updated_at = now() WHERE id = $1`, [vacancyId]);
      return (await manager.findOneBy(RequirementProfile, { vacancyId }))!;
    });
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

  private async validateFields(input: VacancyInput, creating: boolean): Promise<Partial<Vacancy>> {
    const fields: Partial<Vacancy> = {};
    if (creating || input.title !== undefined)
      fields.title = requireText('input.title', input.title, TEXT_LIMITS.title);
    if (input.description !== undefined)
      fields.description =
        optionalText('input.description', input.description, TEXT_LIMITS.description) ?? '';
    if (creating || input.municipalityCode !== undefined) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.municipalityCode', value: input.municipalityCode ?? '' }],
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
    if (input.latitude !== undefined)
      fields.latitude = optionalCoordinate('input.latitude', input.latitude, 90);
    if (input.longitude !== undefined)
      fields.longitude = optionalCoordinate('input.longitude', input.longitude, 180);
    if (input.remote) fields.remote = input.remote;
    if (input.workingTime) fields.workingTime = input.workingTime;
    if (input.contractType) fields.contractType = input.contractType;
    if (input.positions !== undefined && input.positions !== null)
      fields.positions = requireIntInRange('input.positions', input.positions, 1, 1000);
    if (input.startDate !== undefined)
      fields.startDate = optionalDate('input.startDate', input.startDate);
    if (input.applicationDeadline !== undefined)
      fields.applicationDeadline = optionalDate(
        'input.applicationDeadline',
        input.applicationDeadline,
      );
    return fields;
  }

  private async validateRequirements(input: RequirementProfileInput) {
    if (input.skills.length > 100) throw badInput('input.skills', 'must have at most 100 skills');
    const seen = new Set<string>();
    input.skills.forEach((s, i) => {
      requireIntInRange(`input.skills[${i}].minProficiency`, s.minProficiency, 1, 5);
      if (seen.has(s.skillUri)) throw badInput(`input.skills[${i}].skillUri`, 'is listed twice');
      seen.add(s.skillUri);
    });
    await requireKnown(
      this.dataSource.manager,
      'esco_skill',
      'uri',
      input.skills.map((s, i) => ({ field: `input.skills[${i}].skillUri`, value: s.skillUri })),
      'ESCO skill',
    );
    const languages = new Set<string>();
    input.languages.forEach((l, i) => {
      requireLanguageCode(`input.languages[${i}].language`, l.language);
      if (languages.has(l.language))
        throw badInput(`input.languages[${i}].language`, 'is listed twice');
      languages.add(l.language);
    });
    return {
      skills: input.skills.map((s) => ({
        skillUri: s.skillUri,
        importance: s.importance,
        minProficiency: s.minProficiency,
      })),
      languages: input.languages.map((l) => ({
        language: l.language,
        minLevel: l.minLevel,
        essential: l.essential ?? true,
      })),
      minEducationLevel:
        input.minEducationLevel == null
          ? null
          : requireIntInRange('input.minEducationLevel', input.minEducationLevel, 1, 8),
      minExperienceMonths:
        input.minExperienceMonths == null
          ? null
          : requireIntInRange('input.minExperienceMonths', input.minExperienceMonths, 0, 600),
      licences: requireCodes('input.licences', input.licences, 20),
    };
  }
}

/** Rows changed by an UPDATE through TypeORM's raw query (shape differs by driver call). */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return (result as { rowCount?: number })?.rowCount ?? 0;
}
