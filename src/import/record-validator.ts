import { z } from 'zod';
import { firstProblem } from '../kernel/validation/parse';
import { employerRecord } from '../kernel/validation/records/employer.schema';
import { jobseekerRecord } from '../kernel/validation/records/jobseeker.schema';
import { trainingRecord } from '../kernel/validation/records/training.schema';
import { vacancyRecord } from '../kernel/validation/records/vacancy.schema';
import { ImportRecord } from './jsonl-records';

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

/** Each line's schema by its `type`: the same records (and limits) as the API's inputs. */
const SCHEMAS = {
  employer: employerRecord,
  vacancy: vacancyRecord,
  jobseeker: jobseekerRecord,
  training: trainingRecord,
} as const satisfies Record<ImportRecord['type'], z.ZodType>;

/**
 * Checks one parsed line; throws RecordError naming the field (an unknown field by its name).
 * The record's schema first, then its references, checked in memory against reference sets so
 * that 10,000 lines need no query each. Returns the record as its schema reads it (text trimmed).
 */
export function validateRecord(record: unknown, refs: ReferenceData): ImportRecord {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    throw new RecordError('line', 'must be a JSON object');
  const type = (record as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type))
    throw new RecordError('type', 'must be employer, vacancy, jobseeker or training');
  const result = SCHEMAS[type as ImportRecord['type']].safeParse(record);
  if (!result.success) {
    const { field, reason } = firstProblem(result.error, '');
    throw new RecordError(field, reason);
  }
  const parsed = result.data as ImportRecord;
  for (const { field, value, set, what } of references(parsed)) {
    if (!refs[set].has(value))
      throw new RecordError(field, `unknown ${what}: ${value.slice(0, 120)}`);
  }
  return parsed;
}

interface Reference {
  field: string;
  value: string;
  set: keyof ReferenceData;
  what: string;
}

/** The identifiers a record names, in the order of its fields. */
function references(record: ImportRecord): Reference[] {
  const out: Reference[] = [];
  const add = (
    field: string,
    value: string | null | undefined,
    set: keyof ReferenceData,
    what: string,
  ) => {
    if (value != null) out.push({ field, value, set, what });
  };
  switch (record.type) {
    case 'employer':
      add('municipalityCode', record.municipalityCode, 'municipalities', 'municipality code');
      break;
    case 'vacancy':
      add(
        'employerExternalId',
        record.employerExternalId,
        'employers',
        'employer (import it before its vacancies)',
      );
      add('occupationUri', record.occupationUri || null, 'occupations', 'ESCO occupation');
      add('municipalityCode', record.municipalityCode, 'municipalities', 'municipality code');
      record.requirements?.skills?.forEach((s, i) =>
        add(`requirements.skills[${i}].skillUri`, s.skillUri, 'skills', 'ESCO skill'),
      );
      break;
    case 'jobseeker':
      add(
        'homeMunicipalityCode',
        record.homeMunicipalityCode,
        'municipalities',
        'municipality code',
      );
      record.desiredOccupationUris?.forEach((uri, i) =>
        add(`desiredOccupationUris[${i}]`, uri, 'occupations', 'ESCO occupation'),
      );
      record.assessments?.forEach((a, i) =>
        a.skills.forEach((s, j) =>
          add(`assessments[${i}].skills[${j}].skillUri`, s.skillUri, 'skills', 'ESCO skill'),
        ),
      );
      break;
    case 'training':
      add(
        'municipalityCode',
        record.municipalityCode || null,
        'municipalities',
        'municipality code',
      );
      record.skills.forEach((s, i) =>
        add(`skills[${i}].skillUri`, s.skillUri, 'skills', 'ESCO skill'),
      );
      break;
  }
  return out;
}
