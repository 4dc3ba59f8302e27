import { changedThroughApi } from '../db/change-origin';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../auth/actor';
import { requireCounsellorArea } from '../auth/scope';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import { ErasureRegister, erasedCustomerProblem, todayUtc } from '../erasure/erasure-register';
import {
  isUuid,
  optionalDate,
  optionalText,
  requireCodes,
  requireIntInRange,
  requireKnown,
  requireLanguageCode,
  requireText,
  TEXT_LIMITS,
} from '../kernel/validation/validators';
import {
  AssessedSkill,
  AssessmentSource,
  CompetenceAssessment,
} from './competence-assessment.entity';
import { ACTIVE_ASSESSMENT_VIEW } from './active-assessment';
import { Consent, ConsentPurpose } from './consent.entity';
import { Jobseeker, JobseekerLanguage, JobseekerPersonalData } from './jobseeker.entity';
import { Pseudonyms } from './pseudonyms';
import {
  CompetenceAssessmentInput,
  CreateJobseekerInput,
  JobseekerFilter,
  JobseekerInput,
  PersonalDataInput,
} from './jobseekers.types';

/**
 * What the API shows of a jobseeker: employers get a pseudonym (a field resolver) instead of
 * ids. The customer id is not here: it is read through the audited PersonalDataReader, as
 * personal data is.
 */
export interface JobseekerView extends Omit<Jobseeker, 'id' | 'customerId'> {
  id: string | null;
  /** The real id, for field resolvers; never a GraphQL field. */
  jobseekerId: string;
}

const REMOTE_PREFERENCES: readonly string[] = DOMAIN_VALUES.remotePreference;
const WORKING_TIMES: readonly string[] = DOMAIN_VALUES.workingTime;
const CONTRACTS: readonly string[] = DOMAIN_VALUES.contractType;

/**
 * Jobseekers' matching data, assessments and consents. Counsellors work with the jobseekers of
 * their employment area, a jobseeker with themself; employers see pseudonymised profiles.
 * Personal data is not read here but through PersonalDataReader, which audits.
 */
export class JobseekerService {
  private readonly pseudonyms: Pseudonyms;
  /** Keyed by a subkey of the same server secret as the pseudonyms. */
  private readonly erasureRegister: ErasureRegister;

  constructor(
    private readonly dataSource: DataSource,
    pseudonymSecret: string,
  ) {
    this.pseudonyms = new Pseudonyms(pseudonymSecret);
    this.erasureRegister = new ErasureRegister(pseudonymSecret);
  }

  view(actor: Actor, jobseeker: Jobseeker): JobseekerView {
    const identified =
      actor.role === 'counsellor' || actor.role === 'admin' || actor.jobseekerId === jobseeker.id;
    const { id, customerId: _customerId, birthYear: _birthYear, ...rest } = jobseeker;
    return {
      ...rest,
      birthYear: null,
      id: identified ? id : null,
      jobseekerId: id,
    };
  }

  /**
   * The pseudonyms the actor sees for these jobseekers, in their order: an employer its own,
   * recorded as handed out (one statement for them all) so that it can name them back.
   */
  pseudonymsFor(actor: Actor | null, jobseekerIds: readonly string[]): Promise<string[]> {
    return this.pseudonyms.handOut(this.dataSource.manager, actor, jobseekerIds);
  }

  /**
   * The jobseeker an employer names by a pseudonym it was given. Another employer's pseudonym
   * for the same person, or one never handed out, is refused like any unknown one.
   */
  async byPseudonym(actor: Actor, pseudonym: string, field: string): Promise<string> {
    const id = actor.employerId
      ? await this.pseudonyms.resolve(this.dataSource.manager, actor.employerId, pseudonym)
      : null;
    if (!id) throw badInput(field, 'is not the pseudonym of a candidate');
    return id;
  }

  async list(
    actor: Actor,
    filter: JobseekerFilter | undefined,
    page: PageArgs,
    cursors: CursorScope,
  ): Promise<Page<JobseekerView>> {
    const q = this.dataSource.getRepository(Jobseeker).createQueryBuilder('j').where('1 = 1');
    this.scope(actor, q);
    if (filter?.municipalityCodes?.length)
      q.andWhere('j.home_municipality_code IN (:...codes)', { codes: filter.municipalityCodes });
    if (filter?.statuses?.length)
      q.andWhere('j.employment_status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.occupationUri)
      q.andWhere(':occupation = ANY(j.desired_occupation_uris)', {
        occupation: filter.occupationUri,
      });
    if (filter?.skillUri) {
      q.andWhere(
        `EXISTS (
        SELECT 1 FROM assessed_skill s JOIN ${ACTIVE_ASSESSMENT_VIEW} a ON a.id = s.assessment_id
        WHERE a.jobseeker_id = j.id AND s.skill_uri = :skill)`,
        { skill: filter.skillUri },
      );
    }
    const result = await paginate(q, 'j', page, cursors);
    return {
      ...result,
      edges: result.edges.map((e) => ({ cursor: e.cursor, node: this.view(actor, e.node) })),
    };
  }

  async get(actor: Actor, id: string): Promise<JobseekerView> {
    return this.view(actor, await this.find(actor, id));
  }

  async create(actor: Actor, input: CreateJobseekerInput): Promise<JobseekerView> {
    const customerId = requireText('input.customerId', input.customerId, TEXT_LIMITS.code);
    if (/^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/i.test(customerId)) {
      throw badInput(
        'input.customerId',
        'looks like a personal identity code, which is not stored: use the customer id',
      );
    }
    if (!input.homeMunicipalityCode) throw badInput('input.homeMunicipalityCode', 'must be given');
    if (!input.employmentStatus) throw badInput('input.employmentStatus', 'must be given');
    const fields = await this.validate(input);
    await requireCounsellorArea(
      this.dataSource.manager,
      actor,
      fields.homeMunicipalityCode!,
      'jobseekers',
    );
    const customerSince = optionalDate('input.customerSince', input.customerSince);
    if (customerSince && customerSince > todayUtc())
      throw badInput('input.customerSince', 'must not be after today');
    const personal = this.validatePersonal(input.personalData);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Jobseeker, { customerId })) {
        throw new DomainError(ErrorCode.CONFLICT, 'A jobseeker with this customer id exists', {
          field: 'input.customerId',
        });
      }
      const erased = erasedCustomerProblem(
        await this.erasureRegister.erasedOn(manager, customerId),
        customerSince,
      );
      if (erased) throw badInput('input.customerId', erased);
      const saved = await manager.save(Jobseeker, {
        ...fields,
        customerId,
        customerSince,
        ...changedThroughApi(),
      });
      await manager.insert(JobseekerPersonalData, {
        ...personal,
        ...changedThroughApi(),
        jobseekerId: saved.id,
      });
      await this.replaceLanguages(manager, saved.id, input);
      return this.view(actor, saved);
    });
  }

  async update(actor: Actor, id: string, input: JobseekerInput): Promise<JobseekerView> {
    const jobseeker = await this.find(actor, id);
    const fields = await this.validate(input);
    if (fields.homeMunicipalityCode)
      await requireCounsellorArea(
        this.dataSource.manager,
        actor,
        fields.homeMunicipalityCode,
        'jobseekers',
      );
    return this.dataSource.transaction(async (manager) => {
      Object.assign(jobseeker, fields, changedThroughApi());
      const saved = await manager.save(jobseeker);
      await this.replaceLanguages(manager, id, input);
      return this.view(actor, saved);
    });
  }

  async setPersonalData(actor: Actor, id: string, input: PersonalDataInput): Promise<void> {
    await this.find(actor, id);
    await this.dataSource.manager.save(JobseekerPersonalData, {
      ...this.validatePersonal(input),
      ...changedThroughApi(),
      jobseekerId: id,
    });
  }

  async addAssessment(
    actor: Actor,
    jobseekerId: string,
    input: CompetenceAssessmentInput,
  ): Promise<CompetenceAssessment> {
    await this.find(actor, jobseekerId);
    if (actor.role === 'jobseeker' && input.source !== 'self_assessment') {
      throw badInput('input.source', 'a jobseeker records self-assessments only');
    }
    if (input.skills.length === 0 || input.skills.length > 200)
      throw badInput('input.skills', 'must have 1 to 200 skills');
    const thisYear = new Date().getUTCFullYear();
    const seen = new Set<string>();
    input.skills.forEach((s, i) => {
      requireIntInRange(`input.skills[${i}].proficiency`, s.proficiency, 1, 5);
      if (s.experienceMonths != null)
        requireIntInRange(`input.skills[${i}].experienceMonths`, s.experienceMonths, 0, 600);
      if (s.lastUsedYear != null)
        requireIntInRange(`input.skills[${i}].lastUsedYear`, s.lastUsedYear, 1950, thisYear);
      optionalText(`input.skills[${i}].evidence`, s.evidence, TEXT_LIMITS.evidence);
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
    return this.dataSource.transaction(async (manager) => {
      const assessment = await manager.save(CompetenceAssessment, {
        jobseekerId,
        source: input.source as AssessmentSource,
        assessedAt: new Date(),
        recordedBy: actor.id,
        state: 'confirmed' as const,
      });
      await manager.insert(
        AssessedSkill,
        input.skills.map((s) => ({
          assessmentId: assessment.id,
          skillUri: s.skillUri,
          proficiency: s.proficiency,
          experienceMonths: s.experienceMonths ?? null,
          lastUsedYear: s.lastUsedYear ?? null,
          evidence: s.evidence?.trim() || null,
        })),
      );
      return assessment;
    });
  }

  async grantConsent(
    actor: Actor,
    jobseekerId: string,
    purpose: ConsentPurpose,
    recipient: string,
  ): Promise<Consent> {
    await this.find(actor, jobseekerId);
    const allowedRecipient =
      purpose === 'learning_environment_skill_gaps'
        ? recipient === 'learning_environment'
        : recipient === 'all_employers' || isUuid(recipient);
    if (!allowedRecipient) throw badInput('recipient', `is not a recipient for ${purpose}`);
    if (isUuid(recipient))
      await requireKnown(
        this.dataSource.manager,
        'employer',
        'id',
        [{ field: 'recipient', value: recipient }],
        'employer',
      );
    return this.dataSource.manager.save(Consent, {
      jobseekerId,
      purpose,
      recipient,
      grantedAt: new Date(),
      revokedAt: null,
    });
  }

  async revokeConsent(actor: Actor, consentId: string): Promise<Consent> {
    const consent = isUuid(consentId)
      ? await this.dataSource.manager.findOneBy(Consent, { id: consentId })
      : null;
    if (!consent) throw notFound('Consent', consentId);
    await this.find(actor, consent.jobseekerId).catch(() => {
      throw notFound('Consent', consentId);
    });
    if (!consent.revokedAt) {
      consent.revokedAt = new Date();
      await this.dataSource.manager.save(consent);
    }
    return consent;
  }

  /**
   * Erases a jobseeker: their personal data, competence profiles (drafts and the words that
   * support them too), languages, consents and match outcomes go with the row (foreign keys
   * cascade); the audit trail stays (it holds ids only); the change feed removes them from every
   * instance's match index. The erasure register keeps a keyed hash of the customer id, so that
   * no import brings them back.
   */
  async erase(actor: Actor, id: string): Promise<void> {
    const jobseeker = await this.find(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await this.erasureRegister.record(manager, [jobseeker.customerId], todayUtc());
      await manager.query(`DELETE FROM jobseeker WHERE id = $1`, [jobseeker.id]);
    });
  }

  /** A jobseeker in the actor's scope; anything else answers NOT_FOUND, so ids cannot be probed. */
  private async find(actor: Actor, id: string): Promise<Jobseeker> {
    const q = this.dataSource
      .getRepository(Jobseeker)
      .createQueryBuilder('j')
      .where('j.id = :id', { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' });
    this.scope(actor, q);
    const jobseeker = await q.getOne();
    if (!jobseeker) throw notFound('Jobseeker', id);
    return jobseeker;
  }

  private scope(actor: Actor, q: SelectQueryBuilder<Jobseeker>): void {
    switch (actor.role) {
      case 'counsellor':
        q.andWhere(
          `j.home_municipality_code IN (SELECT code FROM municipality WHERE employment_area = :area)`,
          { area: actor.employmentArea ?? '' },
        );
        break;
      case 'jobseeker':
        q.andWhere('j.id = :self', {
          self: actor.jobseekerId ?? '00000000-0000-0000-0000-000000000000',
        });
        break;
      case 'employer':
      case 'admin':
        break;
      default:
        q.andWhere('1 = 0');
    }
  }

  private async validate(input: JobseekerInput): Promise<Partial<Jobseeker>> {
    const f: Partial<Jobseeker> = {};
    if (input.homeMunicipalityCode !== undefined) {
      await requireKnown(
        this.dataSource.manager,
        'municipality',
        'code',
        [{ field: 'input.homeMunicipalityCode', value: input.homeMunicipalityCode }],
        'municipality code',
      );
      f.homeMunicipalityCode = input.homeMunicipalityCode;
    }
    if (input.maxCommuteKm !== undefined)
      f.maxCommuteKm =
        input.maxCommuteKm === null
          ? null
          : requireIntInRange('input.maxCommuteKm', input.maxCommuteKm, 0, 500);
    if (input.willingToRelocate !== undefined) f.willingToRelocate = input.willingToRelocate;
    if (input.willingToWorkAbroad !== undefined) f.willingToWorkAbroad = input.willingToWorkAbroad;
    if (input.remotePreference !== undefined) {
      if (!REMOTE_PREFERENCES.includes(input.remotePreference))
        throw badInput('input.remotePreference', `must be one of ${REMOTE_PREFERENCES.join(', ')}`);
      f.remotePreference = input.remotePreference;
    }
    if (input.workingTimePreferences !== undefined)
      f.workingTimePreferences = oneOf(
        'input.workingTimePreferences',
        input.workingTimePreferences,
        WORKING_TIMES,
      );
    if (input.contractPreferences !== undefined)
      f.contractPreferences = oneOf(
        'input.contractPreferences',
        input.contractPreferences,
        CONTRACTS,
      );
    if (input.earliestStartDate !== undefined)
      f.earliestStartDate = optionalDate('input.earliestStartDate', input.earliestStartDate);
    if (input.customerRelationshipEndedOn !== undefined)
      f.customerRelationshipEndedOn = optionalDate(
        'input.customerRelationshipEndedOn',
        input.customerRelationshipEndedOn,
      );
    if (input.desiredOccupationUris !== undefined) {
      if (input.desiredOccupationUris.length > 10)
        throw badInput('input.desiredOccupationUris', 'must have at most 10 occupations');
      await requireKnown(
        this.dataSource.manager,
        'esco_occupation',
        'uri',
        input.desiredOccupationUris.map((value, i) => ({
          field: `input.desiredOccupationUris[${i}]`,
          value,
        })),
        'ESCO occupation',
      );
      f.desiredOccupationUris = [...new Set(input.desiredOccupationUris)];
    }
    if (input.educationLevel !== undefined)
      f.educationLevel =
        input.educationLevel === null
          ? null
          : requireIntInRange('input.educationLevel', input.educationLevel, 1, 8);
    if (input.educationField !== undefined)
      f.educationField = optionalText(
        'input.educationField',
        input.educationField,
        TEXT_LIMITS.name,
      );
    if (input.licences !== undefined)
      f.licences = requireCodes('input.licences', input.licences, 20);
    if (input.employmentStatus !== undefined) f.employmentStatus = input.employmentStatus;
    if (input.birthYear !== undefined)
      f.birthYear =
        input.birthYear === null
          ? null
          : requireIntInRange(
              'input.birthYear',
              input.birthYear,
              1900,
              new Date().getUTCFullYear() - 14,
            );
    input.languages?.forEach((l, i) =>
      requireLanguageCode(`input.languages[${i}].language`, l.language),
    );
    return f;
  }

  private validatePersonal(
    input: PersonalDataInput,
  ): Omit<JobseekerPersonalData, 'jobseekerId' | 'lastChangedBy' | 'lastChangedAt'> {
    const email = optionalText('input.personalData.email', input.email, TEXT_LIMITS.name);
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw badInput('input.personalData.email', 'is not an email address');
    return {
      firstName: requireText('input.personalData.firstName', input.firstName, TEXT_LIMITS.name),
      lastName: requireText('input.personalData.lastName', input.lastName, TEXT_LIMITS.name),
      email,
      phone: optionalText('input.personalData.phone', input.phone, 40),
      streetAddress: optionalText(
        'input.personalData.streetAddress',
        input.streetAddress,
        TEXT_LIMITS.name,
      ),
      postalCode: optionalText('input.personalData.postalCode', input.postalCode, 10),
      postOffice: optionalText('input.personalData.postOffice', input.postOffice, TEXT_LIMITS.name),
    };
  }

  private async replaceLanguages(
    manager: EntityManager,
    jobseekerId: string,
    input: JobseekerInput,
  ): Promise<void> {
    if (!input.languages) return;
    const unique = new Map(input.languages.map((l) => [l.language, l.level]));
    await manager.delete(JobseekerLanguage, { jobseekerId });
    if (unique.size)
      await manager.insert(
        JobseekerLanguage,
        [...unique].map(([language, level]) => ({ jobseekerId, language, level })),
      );
  }
}

function oneOf(field: string, values: string[], allowed: readonly string[]): string[] {
  values.forEach((v, i) => {
    if (!allowed.includes(v))
      throw badInput(`${field}[${i}]`, `must be one of ${allowed.join(', ')}`);
  });
  return [...new Set(values)];
}
