import { z } from 'zod';
import { DOMAIN_VALUES } from '../domain-values';
import {
  fields,
  isoDate,
  list,
  oneOf,
  optionalReference,
  reference,
  requiredText,
  TEXT_LIMITS,
  wholeNumber,
} from '../fields';

const MAX_SKILLS = 50;

/** The fields of a training, as the API and the import take them. */
const training = {
  provider: requiredText(TEXT_LIMITS.name),
  title: requiredText(TEXT_LIMITS.title),
  durationDays: wholeNumber(1, 1000),
  mode: oneOf(DOMAIN_VALUES.mode),
  /** Where it is held; checked against the municipalities afterwards. */
  municipalityCode: optionalReference(),
  startDates: list(isoDate(), 50, 'dates').optional(),
  url: z
    .string({ error: 'must be an https link' })
    .refine((url) => !url || /^https:\/\/\S{1,500}$/.test(url), 'must be an https link')
    .nullish(),
  skills: z
    .array(
      fields({
        /** Checked against the ESCO skills afterwards. */
        skillUri: reference(),
        levelReached: wholeNumber(1, 5),
      }),
      {
        error: (issue) =>
          issue.input == null ? `must have 1 to ${MAX_SKILLS} skills` : 'must be a list',
      },
    )
    .min(1, `must have 1 to ${MAX_SKILLS} skills`)
    .max(MAX_SKILLS, `must have 1 to ${MAX_SKILLS} skills`),
};

/** Only an online training is held nowhere. */
const heldSomewhere = (
  value: { mode: string; municipalityCode?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (value.mode !== 'online' && !value.municipalityCode)
    ctx.addIssue({
      code: 'custom',
      path: ['municipalityCode'],
      message: 'is required unless the training is online',
    });
};

/** createTraining's and updateTraining's input. */
export const trainingInput = fields(training).superRefine(heldSomewhere);

/** A training line of the JSON Lines import. */
export const trainingRecord = fields({
  type: z.literal('training'),
  externalId: requiredText(TEXT_LIMITS.code),
  ...training,
}).superRefine(heldSomewhere);
