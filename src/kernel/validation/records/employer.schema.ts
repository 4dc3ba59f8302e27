import { z } from 'zod';
import { isValidBusinessId } from '../../../employers/business-id';
import { fields, optionalText, reference, requiredText, TEXT_LIMITS, uuid } from '../fields';

const BUSINESS_ID = 'is not a valid Y-tunnus (NNNNNNN-C with its check digit)';

/** The fields of an employer, as the API and the JSON Lines import take them. */
const employer = {
  businessId: z.string({ error: BUSINESS_ID }).trim().refine(isValidBusinessId, BUSINESS_ID),
  name: requiredText(TEXT_LIMITS.name),
  /** Checked against the municipalities afterwards (the database, or the import's reference set). */
  municipalityCode: reference(),
};

/** An employer line of the JSON Lines import. */
export const employerRecord = fields({
  type: z.literal('employer'),
  /** The id to create it with, so that tokens can name fixture employers. */
  id: uuid().optional(),
  externalId: requiredText(TEXT_LIMITS.code),
  ...employer,
});

/** createEmployer's input. */
export const createEmployerInput = fields({
  ...employer,
  externalId: optionalText(TEXT_LIMITS.code),
});

/** updateEmployer's input: omitted fields stay. */
export const updateEmployerInput = fields({
  name: employer.name.optional(),
  municipalityCode: employer.municipalityCode.optional(),
});
