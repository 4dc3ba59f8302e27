import { isValidBusinessId } from '../employers/business-id';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import {
  EmployerRecord,
  ImportRecord,
  JobseekerRecord,
  RequirementsRecord,
  TrainingRecord,
  VacancyRecord,
} from './jsonl-records';

/** What the validator checks references against, loaded once per import. */
export interface ReferenceData {
  skills: Set<string>;
  occupations: Set<string>;
  municipalities: Set<string>;
  /** Employers by external id: those in the database and those accepted earlier in the file. */
  employers: Set<string>;
}

export class RecordError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const ENUMS: Record<keyof typeof DOMAIN_VALUES, readonly string[]> = DOMAIN_VALUES;

const text = (field: string, value: unknown, max: number, required = true): string | null => {
  if (value === undefined || value === null || value === '') {
    if (required) throw new RecordError(field, 'must not be empty');
    return null;
  }
  if (typeof value !== 'string') throw new RecordError(field, 'must be a string');
  if (value.length > max) throw new RecordError(field, `must be at most ${max} characters`);
  return value.trim();
};
const int = (
  field: string,
  value: unknown,
  min: number,
  max: number,
  required = false,
): number | null => {
  if (value === undefined || value === null) {
    if (required) throw new RecordError(field, 'must be given');
    return null;
  }
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new RecordError(field, `must be a whole number from ${min} to ${max}`);
  }
  return value as number;
};
const oneOf = (
  field: string,
  value: unknown,
  allowed: readonly string[],
  fallback?: string,
): string => {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new RecordError(field, `must be one of ${allowed.join(', ')}`);
  return value;
};
const date = (field: string, value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new RecordError(field, 'must be a date as YYYY-MM-DD');
  }
  return value;
};
const known = (field: string, value: unknown, set: Set<string>, what: string): string => {
  if (typeof value !== 'string' || !set.has(value))
    throw new RecordError(field, `unknown ${what}: ${String(value).slice(0, 120)}`);
  return value;
};
const list = <T>(field: string, value: unknown, max: number): T[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RecordError(field, 'must be a list');
  if (value.length > max) throw new RecordError(field, `must have at most ${max} items`);
  return value as T[];
};
const codes = (field: string, value: unknown): string[] =>
  list<string>(field, value, 20).map((code, i) => {
    if (typeof code !== 'string' || !/^[a-z0-9_]{1,100}$/.test(code))
      throw new RecordError(`${field}[${i}]`, 'must be a code of lowercase letters, digits and _');
    return code;
  });

/**
 * Checks one parsed line; throws RecordError naming the field. The same rules as the API's
 * services, applied in memory against reference sets so that 10,000 lines need no query each.
 */
export function validateRecord(record: unknown, refs: ReferenceData): ImportRecord {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    throw new RecordError('line', 'must be a JSON object');
  const r = record as Record<string, unknown>;
  switch (r.type) {
    case 'employer':
      return validateEmployer(r as unknown as EmployerRecord, refs);
    case 'vacancy':
      return validateVacancy(r as unknown as VacancyRecord, refs);
    case 'jobseeker':
      return validateJobseeker(r as unknown as JobseekerRecord, refs);
    case 'training':
      return validateTraining(r as unknown as TrainingRecord, refs);
    default:
      throw new RecordError('type', 'must be employer, vacancy, jobseeker or training');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalId = (value: unknown) => {
  if (value !== undefined && (typeof value !== 'string' || !UUID.test(value)))
    throw new RecordError('id', 'must be a UUID');
};

function validateEmployer(r: EmployerRecord, refs: ReferenceData): EmployerRecord {
  optionalId(r.id);
  text('externalId', r.externalId, 100);
  if (typeof r.businessId !== 'string' || !isValidBusinessId(r.businessId))
    throw new RecordError('businessId', 'is not a valid Y-tunnus');
  text('name', r.name, 200);
  known('municipalityCode', r.municipalityCode, refs.municipalities, 'municipality code');
  return r;
}

function validateRequirements(req: RequirementsRecord | undefined, refs: ReferenceData): void {
  if (!req) return;
  const seen = new Set<string>();
  list<NonNullable<RequirementsRecord['skills']>[number]>(
    'requirements.skills',
    req.skills,
    100,
  ).forEach((s, i) => {
    const uri = known(`requirements.skills[${i}].skillUri`, s.skillUri, refs.skills, 'ESCO skill');
    if (seen.has(uri))
      throw new RecordError(`requirements.skills[${i}].skillUri`, 'is listed twice');
    seen.add(uri);
    oneOf(`requirements.skills[${i}].importance`, s.importance, ENUMS.importance);
    int(`requirements.skills[${i}].minProficiency`, s.minProficiency, 1, 5, true);
  });
  list<NonNullable<RequirementsRecord['languages']>[number]>(
    'requirements.languages',
    req.languages,
    10,
  ).forEach((l, i) => {
    if (typeof l.language !== 'string' || !/^[a-z]{2}$/.test(l.language))
      throw new RecordError(`requirements.languages[${i}].language`, 'must be an ISO 639-1 code');
    oneOf(`requirements.languages[${i}].minLevel`, l.minLevel, ENUMS.cefr);
  });
  int('requirements.minEducationLevel', req.minEducationLevel, 1, 8);
  int('requirements.minExperienceMonths', req.minExperienceMonths, 0, 600);
  codes('requirements.licences', req.licences);
}

function validateVacancy(r: VacancyRecord, refs: ReferenceData): VacancyRecord {
  text('externalId', r.externalId, 100);
  known(
    'employerExternalId',
    r.employerExternalId,
    refs.employers,
    'employer (import it before its vacancies)',
  );
  text('title', r.title, 200);
  text('description', r.description, 20_000, false);
  if (r.occupationUri) known('occupationUri', r.occupationUri, refs.occupations, 'ESCO occupation');
  known('municipalityCode', r.municipalityCode, refs.municipalities, 'municipality code');
  oneOf('remote', r.remote, ENUMS.remote, 'none');
  oneOf('workingTime', r.workingTime, ENUMS.workingTime, 'full_time');
  oneOf('contractType', r.contractType, ENUMS.contractType, 'permanent');
  oneOf('status', r.status, ENUMS.status, 'draft');
  int('positions', r.positions, 1, 1000);
  date('startDate', r.startDate);
  date('applicationDeadline', r.applicationDeadline);
  validateRequirements(r.requirements, refs);
  return r;
}

function validateJobseeker(r: JobseekerRecord, refs: ReferenceData): JobseekerRecord {
  optionalId(r.id);
  const customerId = text('customerId', r.customerId, 100)!;
  if (/^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/i.test(customerId))
    throw new RecordError('customerId', 'looks like a personal identity code, which is not stored');
  const customerSince = date('customerSince', r.customerSince);
  if (customerSince && customerSince > new Date().toISOString().slice(0, 10))
    throw new RecordError('customerSince', 'must not be after today');
  known('homeMunicipalityCode', r.homeMunicipalityCode, refs.municipalities, 'municipality code');
  int('maxCommuteKm', r.maxCommuteKm, 0, 500);
  oneOf('remotePreference', r.remotePreference, ENUMS.remotePreference, 'any');
  list<string>('workingTimePreferences', r.workingTimePreferences, 2).forEach((v, i) =>
    oneOf(`workingTimePreferences[${i}]`, v, ENUMS.workingTime),
  );
  list<string>('contractPreferences', r.contractPreferences, 4).forEach((v, i) =>
    oneOf(`contractPreferences[${i}]`, v, ENUMS.contractType),
  );
  date('earliestStartDate', r.earliestStartDate);
  list<string>('desiredOccupationUris', r.desiredOccupationUris, 10).forEach((v, i) =>
    known(`desiredOccupationUris[${i}]`, v, refs.occupations, 'ESCO occupation'),
  );
  int('educationLevel', r.educationLevel, 1, 8);
  text('educationField', r.educationField, 200, false);
  codes('licences', r.licences);
  oneOf('employmentStatus', r.employmentStatus, ENUMS.employmentStatus);
  int('birthYear', r.birthYear, 1900, new Date().getUTCFullYear() - 14);
  if (!r.personalData || typeof r.personalData !== 'object')
    throw new RecordError('personalData', 'must be given');
  text('personalData.firstName', r.personalData.firstName, 200);
  text('personalData.lastName', r.personalData.lastName, 200);
  const email = text('personalData.email', r.personalData.email, 200, false);
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new RecordError('personalData.email', 'is not an email address');
  list<{ language: string; level: string }>('languages', r.languages, 20).forEach((l, i) => {
    if (typeof l.language !== 'string' || !/^[a-z]{2}$/.test(l.language))
      throw new RecordError(`languages[${i}].language`, 'must be an ISO 639-1 code');
    oneOf(`languages[${i}].level`, l.level, ENUMS.languageLevel);
  });
  const thisYear = new Date().getUTCFullYear();
  list<NonNullable<JobseekerRecord['assessments']>[number]>(
    'assessments',
    r.assessments,
    20,
  ).forEach((a, i) => {
    oneOf(`assessments[${i}].source`, a.source, ENUMS.source);
    if (typeof a.assessedAt !== 'string' || Number.isNaN(Date.parse(a.assessedAt)))
      throw new RecordError(`assessments[${i}].assessedAt`, 'must be an ISO date-time');
    const seen = new Set<string>();
    list<(typeof a.skills)[number]>(`assessments[${i}].skills`, a.skills, 200).forEach((s, j) => {
      const field = `assessments[${i}].skills[${j}]`;
      const uri = known(`${field}.skillUri`, s.skillUri, refs.skills, 'ESCO skill');
      if (seen.has(uri)) throw new RecordError(`${field}.skillUri`, 'is listed twice');
      seen.add(uri);
      int(`${field}.proficiency`, s.proficiency, 1, 5, true);
      int(`${field}.experienceMonths`, s.experienceMonths, 0, 600);
      int(`${field}.lastUsedYear`, s.lastUsedYear, 1950, thisYear);
      text(`${field}.evidence`, s.evidence, 2000, false);
    });
  });
  list<{ purpose: string; recipient: string }>('consents', r.consents, 10).forEach((c, i) => {
    oneOf(`consents[${i}].purpose`, c.purpose, ENUMS.purpose);
    text(`consents[${i}].recipient`, c.recipient, 100);
  });
  return r;
}

function validateTraining(r: TrainingRecord, refs: ReferenceData): TrainingRecord {
  text('externalId', r.externalId, 100);
  text('provider', r.provider, 200);
  text('title', r.title, 200);
  int('durationDays', r.durationDays, 1, 1000, true);
  const mode = oneOf('mode', r.mode, ENUMS.mode);
  if (mode !== 'online' && !r.municipalityCode)
    throw new RecordError('municipalityCode', 'is required unless the training is online');
  if (r.municipalityCode)
    known('municipalityCode', r.municipalityCode, refs.municipalities, 'municipality code');
  list<string>('startDates', r.startDates, 50).forEach((d, i) => date(`startDates[${i}]`, d));
  if (r.url && !/^https:\/\/\S{1,500}$/.test(r.url))
    throw new RecordError('url', 'must be an https link');
  const skills = list<TrainingRecord['skills'][number]>('skills', r.skills, 50);
  if (skills.length === 0) throw new RecordError('skills', 'must have 1 to 50 skills');
  skills.forEach((s, i) => {
    known(`skills[${i}].skillUri`, s.skillUri, refs.skills, 'ESCO skill');
    int(`skills[${i}].levelReached`, s.levelReached, 1, 5, true);
  });
  return r;
}
