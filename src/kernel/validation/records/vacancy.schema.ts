import { z } from 'zod';
import { DOMAIN_VALUES } from '../domain-values';
import {
  codes,
  coordinate,
  fields,
  flag,
  isoDate,
  languageCode,
  list,
  noRepeats,
  oneOf,
  optionalReference,
  optionalText,
  reference,
  requiredText,
  TEXT_LIMITS,
  wholeNumber,
} from '../fields';

/** Most required skills of a vacancy. */
export const MAX_REQUIRED_SKILLS = 100;

/** A vacancy's requirement profile; the import's lines may leave any part out. */
export const requirementProfile = fields({
  skills: list(
    fields({
      /** Checked against the ESCO skills afterwards. */
      skillUri: reference(),
      importance: oneOf(DOMAIN_VALUES.importance),
      minProficiency: wholeNumber(1, 5),
    }),
    MAX_REQUIRED_SKILLS,
    'skills',
  )
    .superRefine(noRepeats('skillUri'))
    .optional(),
  languages: list(
    fields({
      language: languageCode(),
      minLevel: oneOf(DOMAIN_VALUES.cefr),
      essential: flag().optional(),
    }),
    10,
    'languages',
  )
    .superRefine(noRepeats('language'))
    .optional(),
  minEducationLevel: wholeNumber(1, 8).nullish(),
  minExperienceMonths: wholeNumber(0, 600).nullish(),
  licences: codes(20).optional(),
});

/** The fields of a vacancy, as the API and the import take them; omitted ones stay on update. */
const vacancy = {
  title: requiredText(TEXT_LIMITS.title).optional(),
  description: optionalText(TEXT_LIMITS.description),
  /** Checked against the ESCO occupations afterwards. */
  occupationUri: optionalReference(),
  /** Checked against the municipalities afterwards. */
  municipalityCode: reference().optional(),
  latitude: coordinate(90).nullish(),
  longitude: coordinate(180).nullish(),
  remote: oneOf(DOMAIN_VALUES.remote).nullish(),
  workingTime: oneOf(DOMAIN_VALUES.workingTime).nullish(),
  contractType: oneOf(DOMAIN_VALUES.contractType).nullish(),
  positions: wholeNumber(1, 1000).nullish(),
  startDate: isoDate().nullish(),
  applicationDeadline: isoDate().nullish(),
};

/** updateVacancy's input. */
export const vacancyInput = fields(vacancy);

/** createVacancy's input: a title and a place are needed. */
export const createVacancyInput = fields({
  ...vacancy,
  employerId: reference(),
  title: requiredText(TEXT_LIMITS.title),
  municipalityCode: reference(),
});

/** A vacancy line of the JSON Lines import, with its requirement profile. */
export const vacancyRecord = fields({
  type: z.literal('vacancy'),
  externalId: requiredText(TEXT_LIMITS.code),
  /** An employer in the database or on an earlier line. */
  employerExternalId: reference(),
  ...vacancy,
  title: requiredText(TEXT_LIMITS.title),
  municipalityCode: reference(),
  status: oneOf(DOMAIN_VALUES.status).nullish(),
  requirements: requirementProfile.nullish(),
});
