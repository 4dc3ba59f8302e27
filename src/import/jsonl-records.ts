import { z } from 'zod';
import { employerRecord } from '../kernel/validation/records/employer.schema';
import { jobseekerRecord } from '../kernel/validation/records/jobseeker.schema';
import { trainingRecord } from '../kernel/validation/records/training.schema';
import { requirementProfile, vacancyRecord } from '../kernel/validation/records/vacancy.schema';

/**
 * The JSON Lines bulk format (one object a line, `type` first). Documented in fixtures/README.md;
 * the fields and their limits are the record schemas' (validation/records/), as checked.
 * Every record has an `externalId` (jobseekers: their `customerId`) that makes re-import idempotent.
 */
export type EmployerRecord = z.output<typeof employerRecord>;
export type RequirementsRecord = z.output<typeof requirementProfile>;
export type VacancyRecord = z.output<typeof vacancyRecord>;
export type JobseekerRecord = z.output<typeof jobseekerRecord>;
export type TrainingRecord = z.output<typeof trainingRecord>;

export type ImportRecord = EmployerRecord | VacancyRecord | JobseekerRecord | TrainingRecord;
