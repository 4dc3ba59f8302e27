import { changedThroughApi } from '../db/change-origin';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { requireCounsellorArea } from '../auth/scope';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { Page, PageArgs, paginate } from '../kernel/paging/pagination';
import { CursorScope } from '../kernel/paging/cursor';
import { ErasureRegister, erasedCustomerProblem, todayUtc } from '../erasure/erasure-register';
import { z } from 'zod';
import { parseInput } from '../kernel/validation/parse';
import {
  competenceAssessmentInput,
  createJobseekerInput,
  jobseekerInput,
  personalData,
} from '../kernel/validation/records/jobseeker.schema';
import { isUuid, requireKnown } from '../kernel/validation/validators';
import { AssessmentSource, CompetenceAssessment } from './competence-assessment.entity';
import { AssessedSkillRepository } from './assessed-skill.repository';
import { CompetenceAssessmentRepository } from './competence-assessment.repository';
import { Consent, ConsentPurpose } from './consent.entity';
import { Jobseeker, JobseekerPersonalData } from './jobseeker.entity';
import { JobseekerRepository, JobseekerRow, JobseekerScope } from './jobseeker.repository';
import { Pseudonyms } from './pseudonyms';
import {
  CompetenceAssessmentInput,
  CreateJobseekerInput,
  JobseekerFilter,
  JobseekerInput,
  PersonalDataInput,
} from './jobseekers.types';
import { requireEveryField } from '../kernel/validation/update-rule';

/** The optional fields `setJobseekerPersonalData` must be given (null clears one). */
const REPLACED_PERSONAL_FIELDS = [
  'email',
  'phone',
  'streetAddress',
  'postalCode',
  'postOffice',
] as const;

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
    const { customerId: _customerId, birthYear: _birthYear, ...row } = jobseeker;
    return this.viewOfRow(actor, row);
  }

  /** The view of a row read without the customer id and birth year (`JobseekerRepository.rowsOf`). */
  viewOfRow(actor: Actor, jobseeker: JobseekerRow): JobseekerView {
    const identified =
      actor.role === 'counsellor' || actor.role === 'admin' || actor.jobseekerId === jobseeker.id;
    const { id, ...rest } = jobseeker;
    return {
      ...rest,
      birthYear: null,
      // Who laid a person off and when would re-identify a pseudonymous candidate (a closing
      // plant's cohort): only those who see the id see them.
      lastEmployerBusinessId: identified ? rest.lastEmployerBusinessId : null,
      laidOffOn: identified ? rest.laidOffOn : null,
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
    const q = this.repository().listQuery(scopeOf(actor), filter);
    return this.viewPage(actor, await paginate(q, 'j', page, cursors));
  }

  /** A page of jobseekers as the actor sees them. */
  viewPage(actor: Actor, page: Page<Jobseeker>): Page<JobseekerView> {
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.view(actor, e.node) })),
    };
  }

  async get(actor: Actor, id: string): Promise<JobseekerView> {
    return this.view(actor, await this.find(actor, id));
  }

  async create(actor: Actor, input: CreateJobseekerInput): Promise<JobseekerView> {
    const created = parseInput(createJobseekerInput, input, 'input');
    const { customerId } = created;
    const customerSince = created.customerSince ?? null;
    const fields = await this.validate(created);
    await requireCounsellorArea(
      this.dataSource.manager,
      actor,
      fields.homeMunicipalityCode!,
      'jobseekers',
    );
    const personal = personalFields(created.personalData);
    return this.dataSource.transaction(async (manager) => {
      const jobseekers = new JobseekerRepository(manager);
      if (await jobseekers.existsByCustomerId(customerId)) {
        throw new DomainError(ErrorCode.CONFLICT, 'A jobseeker with this customer id exists', {
          field: 'input.customerId',
        });
      }
      const erased = erasedCustomerProblem(
        await this.erasureRegister.erasedOn(manager, customerId),
        customerSince,
      );
      if (erased) throw badInput('input.customerId', erased);
      const saved = await jobseekers.create(
        { ...fields, customerId, customerSince, ...changedThroughApi() },
        { ...personal, ...changedThroughApi() },
      );
      await replaceLanguages(jobseekers, saved.id, input);
      return this.view(actor, saved);
    });
  }

  async update(actor: Actor, id: string, input: JobseekerInput): Promise<JobseekerView> {
    const jobseeker = await this.find(actor, id);
    const fields = await this.validate(parseInput(jobseekerInput, input, 'input'));
    if (fields.homeMunicipalityCode)
      await requireCounsellorArea(
        this.dataSource.manager,
        actor,
        fields.homeMunicipalityCode,
        'jobseekers',
      );
    return this.dataSource.transaction(async (manager) => {
      Object.assign(jobseeker, fields, changedThroughApi());
      const jobseekers = new JobseekerRepository(manager);
      const saved = await jobseekers.save(jobseeker);
      await replaceLanguages(jobseekers, id, input);
      return this.view(actor, saved);
    });
  }

  async setPersonalData(actor: Actor, id: string, input: PersonalDataInput): Promise<void> {
    await this.find(actor, id);
    // It replaces the record: a field left out would silently erase what is there.
    requireEveryField(input, REPLACED_PERSONAL_FIELDS, 'input');
    await this.repository().savePersonalData(id, {
      ...personalFields(parseInput(personalData, input, 'input')),
      ...changedThroughApi(),
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
    const { skills } = parseInput(competenceAssessmentInput, input, 'input', {
      proficiency: 'level',
    });
    await requireKnown(
      this.dataSource.manager,
      'esco_skill',
      'uri',
      skills.map((s, i) => ({ field: `input.skills[${i}].skillUri`, value: s.skillUri })),
      'ESCO skill',
    );
    return this.dataSource.transaction(async (manager) => {
      const assessment = await new CompetenceAssessmentRepository(manager).create({
        jobseekerId,
        source: input.source as AssessmentSource,
        assessedAt: new Date(),
        recordedBy: actor.id,
        state: 'confirmed' as const,
      });
      await new AssessedSkillRepository(manager).insert(
        skills.map((s) => ({
          assessmentId: assessment.id,
          skillUri: s.skillUri,
          proficiency: s.proficiency,
          experienceMonths: s.experienceMonths ?? null,
          lastUsedYear: s.lastUsedYear ?? null,
          evidence: s.evidence || null,
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
    return this.repository().grantConsent({
      jobseekerId,
      purpose,
      recipient,
      grantedAt: new Date(),
      revokedAt: null,
    });
  }

  async revokeConsent(actor: Actor, consentId: string): Promise<Consent> {
    const consent = isUuid(consentId) ? await this.repository().consent(consentId) : null;
    if (!consent) throw notFound('Consent', consentId);
    await this.find(actor, consent.jobseekerId).catch(() => {
      throw notFound('Consent', consentId);
    });
    if (!consent.revokedAt) {
      consent.revokedAt = new Date();
      await this.repository().saveConsent(consent);
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
      await new JobseekerRepository(manager).erase([jobseeker.id]);
    });
  }

  /** A jobseeker in the actor's scope; anything else answers NOT_FOUND, so ids cannot be probed. */
  private async find(actor: Actor, id: string): Promise<Jobseeker> {
    const jobseeker = await this.repository().findInScope(isUuid(id) ? id : null, scopeOf(actor));
    if (!jobseeker) throw notFound('Jobseeker', id);
    return jobseeker;
  }

  private repository(): JobseekerRepository {
    return new JobseekerRepository(this.dataSource.manager);
  }

  /** The fields a checked input sets, after its references are checked against the database. */
  private async validate(input: z.output<typeof jobseekerInput>): Promise<Partial<Jobseeker>> {
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
    if (input.maxCommuteKm !== undefined) f.maxCommuteKm = input.maxCommuteKm ?? null;
    if (input.willingToRelocate !== undefined)
      f.willingToRelocate = input.willingToRelocate as boolean;
    if (input.willingToWorkAbroad !== undefined)
      f.willingToWorkAbroad = input.willingToWorkAbroad as boolean;
    if (input.remotePreference !== undefined) f.remotePreference = input.remotePreference;
    if (input.workingTimePreferences != null)
      f.workingTimePreferences = [...new Set(input.workingTimePreferences)];
    if (input.contractPreferences != null)
      f.contractPreferences = [...new Set(input.contractPreferences)];
    if (input.earliestStartDate !== undefined)
      f.earliestStartDate = input.earliestStartDate ?? null;
    if (input.customerRelationshipEndedOn !== undefined)
      f.customerRelationshipEndedOn = input.customerRelationshipEndedOn ?? null;
    if (input.desiredOccupationUris != null) {
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
    if (input.educationLevel !== undefined) f.educationLevel = input.educationLevel ?? null;
    if (input.educationField !== undefined) f.educationField = input.educationField ?? null;
    if (input.licences != null) f.licences = [...new Set(input.licences)];
    if (input.employmentStatus !== undefined) f.employmentStatus = input.employmentStatus;
    if (input.birthYear !== undefined) f.birthYear = input.birthYear ?? null;
    if (input.lastEmployerBusinessId !== undefined)
      f.lastEmployerBusinessId = input.lastEmployerBusinessId ?? null;
    if (input.laidOffOn !== undefined) f.laidOffOn = input.laidOffOn ?? null;
    return f;
  }
}

/** The jobseekers an actor works with. */
function scopeOf(actor: Actor): JobseekerScope {
  switch (actor.role) {
    case 'counsellor':
      return { area: actor.employmentArea ?? '' };
    case 'jobseeker':
      return { self: actor.jobseekerId ?? '00000000-0000-0000-0000-000000000000' };
    case 'employer':
    case 'admin':
      return 'all';
    default:
      return 'none';
  }
}

/** The input's languages replace the jobseeker's, each language once; none given: left as they are. */
async function replaceLanguages(
  jobseekers: JobseekerRepository,
  jobseekerId: string,
  input: JobseekerInput,
): Promise<void> {
  if (!input.languages) return;
  await jobseekers.replaceLanguages(
    jobseekerId,
    new Map(input.languages.map((l) => [l.language, l.level])),
  );
}

/** The personal data row's fields of a checked input (missing ones null). */
function personalFields(
  input: z.output<typeof personalData>,
): Omit<JobseekerPersonalData, 'jobseekerId' | 'lastChangedBy' | 'lastChangedAt'> {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    postOffice: input.postOffice ?? null,
  };
}
