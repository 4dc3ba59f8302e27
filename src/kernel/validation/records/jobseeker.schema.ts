import { z } from 'zod';
import { isValidBusinessId } from '../../../employers/business-id';
import { DOMAIN_VALUES } from '../domain-values';
import {
  codes,
  coordinate,
  fields,
  flag,
  isoDate,
  isoDateTime,
  languageCode,
  list,
  noRepeats,
  oneOf,
  optionalText,
  reference,
  requiredText,
  TEXT_LIMITS,
  uuid,
  wholeNumber,
} from '../fields';

/** Most skills of one competence assessment. */
export const MAX_ASSESSED_SKILLS = 200;

const thisYear = () => new Date().getUTCFullYear();

/** A skill as a jobseeker has it, in an assessment recorded through the API or imported. */
export const assessedSkill = fields({
  /** Checked against the ESCO skills afterwards. */
  skillUri: reference(),
  proficiency: wholeNumber(1, 5),
  experienceMonths: wholeNumber(0, 600).nullish(),
  lastUsedYear: wholeNumber(1950, thisYear).nullish(),
  evidence: optionalText(TEXT_LIMITS.evidence),
});

/** addAssessment's input: 1 to 200 skills, each once. */
export const competenceAssessmentInput = fields({
  source: oneOf(DOMAIN_VALUES.source),
  skills: z
    .array(assessedSkill)
    .min(1, `must have 1 to ${MAX_ASSESSED_SKILLS} skills`)
    .max(MAX_ASSESSED_SKILLS, `must have 1 to ${MAX_ASSESSED_SKILLS} skills`)
    .superRefine(noRepeats('skillUri')),
});

/** A drafted skill as confirmed (confirmAssessmentDraft): its level, perhaps changed. */
export const confirmedSkill = assessedSkill.pick({
  skillUri: true,
  proficiency: true,
  experienceMonths: true,
});

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A jobseeker's personal data, read only through PersonalDataReader. */
export const personalData = fields({
  firstName: requiredText(TEXT_LIMITS.name),
  lastName: requiredText(TEXT_LIMITS.name),
  email: optionalText(TEXT_LIMITS.name).refine(
    (email) => !email || EMAIL.test(email),
    'is not an email address',
  ),
  phone: optionalText(40),
  streetAddress: optionalText(TEXT_LIMITS.name),
  postalCode: optionalText(10),
  postOffice: optionalText(TEXT_LIMITS.name),
});

/** A personal identity code (henkilötunnus): never stored, the customer id is used instead. */
const PERSONAL_IDENTITY_CODE = /^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/i;

const customerId = requiredText(TEXT_LIMITS.code).refine(
  (id) => !PERSONAL_IDENTITY_CODE.test(id),
  'looks like a personal identity code, which is not stored: use the customer id',
);

/** When the customer relationship began: not after today. */
const customerSince = isoDate()
  .refine((day) => day <= new Date().toISOString().slice(0, 10), 'must not be after today')
  .nullish();

/** The business id of the employer that laid a jobseeker off (Y-tunnus, check digit checked). */
const LAID_OFF_BY = 'must be a Finnish business ID such as 1234567-8';
const lastEmployerBusinessId = z
  .string({ error: LAID_OFF_BY })
  .trim()
  .refine(isValidBusinessId, LAID_OFF_BY)
  .nullish();

/** The first day a lay-off date may be: older ones are no structural change this service follows. */
export const EARLIEST_LAY_OFF = '1990-01-01';

/** When the lay-off took effect: a day that has come, from 1990 on. */
const laidOffOn = isoDate()
  .refine((day) => day >= EARLIEST_LAY_OFF, 'must not be before 1990')
  .refine((day) => day <= new Date().toISOString().slice(0, 10), 'must not be in the future')
  .nullish();

/** How many of each list a jobseeker's matching data holds (desired skills: the profile's own 120). */
export const JOBSEEKER_LIST_LIMITS = {
  desiredOccupations: 10,
  desiredSkills: 120,
  licences: 20,
  languages: 20,
} as const;

/** A jobseeker's matching data, as the API and the import take it; omitted fields stay on update. */
const jobseeker = {
  /** Checked against the municipalities afterwards. */
  homeMunicipalityCode: reference().optional(),
  maxCommuteKm: wholeNumber(0, 500).nullish(),
  willingToRelocate: flag().nullish(),
  willingToWorkAbroad: flag().nullish(),
  remotePreference: oneOf(DOMAIN_VALUES.remotePreference).optional(),
  workingTimePreferences: list(oneOf(DOMAIN_VALUES.workingTime), 2).nullish(),
  contractPreferences: list(oneOf(DOMAIN_VALUES.contractType), 4).nullish(),
  earliestStartDate: isoDate().nullish(),
  /** Checked against the ESCO occupations afterwards. */
  desiredOccupationUris: list(
    reference(),
    JOBSEEKER_LIST_LIMITS.desiredOccupations,
    'occupations',
  ).nullish(),
  educationLevel: wholeNumber(1, 8).nullish(),
  educationField: optionalText(TEXT_LIMITS.name),
  licences: codes(JOBSEEKER_LIST_LIMITS.licences).nullish(),
  employmentStatus: oneOf(DOMAIN_VALUES.employmentStatus).optional(),
  /** For statistics only: matching never reads it. */
  birthYear: wholeNumber(1900, () => thisYear() - 14).nullish(),
  /** For structural-change cohorts: matching never reads them. */
  lastEmployerBusinessId,
  laidOffOn,
  languages: list(
    fields({ language: languageCode(), level: oneOf(DOMAIN_VALUES.languageLevel) }),
    JOBSEEKER_LIST_LIMITS.languages,
    'languages',
  ).nullish(),
};

/** updateJobseeker's input. */
export const jobseekerInput = fields({
  ...jobseeker,
  /** Retention counts from it. */
  customerRelationshipEndedOn: isoDate().nullish(),
});

/** createJobseeker's input: a home, a status, the customer id and personal data are needed. */
export const createJobseekerInput = jobseekerInput.extend({
  customerId,
  customerSince,
  homeMunicipalityCode: reference(),
  employmentStatus: oneOf(DOMAIN_VALUES.employmentStatus),
  personalData,
});

/** A jobseeker line of the JSON Lines import, with assessments and consents. */
export const jobseekerRecord = fields({
  type: z.literal('jobseeker'),
  /** The id to create it with. */
  id: uuid().optional(),
  customerId,
  /** A customer in the erasure register is imported again only when this is after the erasure. */
  customerSince,
  ...jobseeker,
  homeMunicipalityCode: reference(),
  homeLatitude: coordinate(90).nullish(),
  homeLongitude: coordinate(180).nullish(),
  /** Absent: "any" (null too, as in the import's files). */
  remotePreference: oneOf(DOMAIN_VALUES.remotePreference).nullish(),
  employmentStatus: oneOf(DOMAIN_VALUES.employmentStatus),
  personalData,
  assessments: list(
    fields({
      source: oneOf(DOMAIN_VALUES.source),
      assessedAt: isoDateTime(),
      skills: list(assessedSkill, MAX_ASSESSED_SKILLS, 'skills').superRefine(noRepeats('skillUri')),
    }),
    20,
    'assessments',
  ).nullish(),
  consents: list(
    fields({
      purpose: oneOf(DOMAIN_VALUES.purpose),
      recipient: requiredText(TEXT_LIMITS.code),
      grantedAt: isoDateTime().optional(),
    }),
    10,
    'consents',
  ).nullish(),
});
