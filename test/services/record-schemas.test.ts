import { RecordError, ReferenceData, validateRecord } from '../../src/import/record-validator';
import { parseInput } from '../../src/kernel/validation/parse';
import { createEmployerInput } from '../../src/kernel/validation/records/employer.schema';
import {
  competenceAssessmentInput,
  jobseekerInput,
} from '../../src/kernel/validation/records/jobseeker.schema';
import { requirementProfile } from '../../src/kernel/validation/records/vacancy.schema';
import { DomainError } from '../../src/kernel/errors/domain-error';

/** The record schemas alone: one rule for the API's inputs and the import's lines. */
describe('record schemas', () => {
  const SKILL = 'http://data.europa.eu/esco/skill/x';
  const refs = (): ReferenceData => ({
    skills: new Set([SKILL]),
    occupations: new Set(),
    municipalities: new Set(['297']),
    employers: new Set(['e-1']),
  });
  const jobseeker = (change: Record<string, unknown> = {}) => ({
    type: 'jobseeker',
    customerId: 'C-1',
    homeMunicipalityCode: '297',
    employmentStatus: 'unemployed',
    personalData: { firstName: 'Aino', lastName: 'Esimerkki' },
    ...change,
  });
  const refusal = (record: unknown) => {
    try {
      validateRecord(record, refs());
    } catch (error) {
      if (error instanceof RecordError) return { field: error.field, message: error.message };
      throw error;
    }
    return null;
  };

  it('returns a valid line with its text trimmed', () => {
    const record = validateRecord(jobseeker({ customerId: ' C-1 ' }), refs());
    expect(record).toMatchObject({ type: 'jobseeker', customerId: 'C-1' });
  });

  it('names an unknown field of a line, before the field it misspells is missed', () => {
    const { homeMunicipalityCode, ...rest } = jobseeker();
    expect(refusal({ ...rest, homeMunicipalitycode: homeMunicipalityCode })).toEqual({
      field: 'homeMunicipalitycode',
      message: 'homeMunicipalitycode: unknown field (did you mean homeMunicipalityCode?)',
    });
    expect(
      refusal(
        jobseeker({ personalData: { firstName: 'A', lastName: 'B', nickname: 'x', age: 3 } }),
      ),
    ).toEqual({
      field: 'personalData.nickname',
      message: 'personalData.nickname: unknown field (also unknown: age)',
    });
    expect(
      refusal({
        type: 'employer',
        externalId: 'e',
        businessId: '0737546-2',
        name: 'X',
        municipalityCode: '297',
        employees: 3,
      }),
    ).toEqual({
      field: 'employees',
      message: 'employees: unknown field',
    });
  });

  it('says a missing field must be given, rather than "unknown municipality code: undefined"', () => {
    const { homeMunicipalityCode: _, ...rest } = jobseeker();
    expect(refusal(rest)).toEqual({
      field: 'homeMunicipalityCode',
      message: 'homeMunicipalityCode: must be given',
    });
  });

  it('checks references after the shape, in memory', () => {
    expect(refusal(jobseeker({ homeMunicipalityCode: '999' }))).toEqual({
      field: 'homeMunicipalityCode',
      message: 'homeMunicipalityCode: unknown municipality code: 999',
    });
  });

  it('refuses a vacancy naming a required language twice (one rule with the API)', () => {
    const vacancy = {
      type: 'vacancy',
      externalId: 'v',
      employerExternalId: 'e-1',
      title: 'Hitsaaja',
      municipalityCode: '297',
      requirements: {
        languages: [
          { language: 'fi', minLevel: 'B1' },
          { language: 'fi', minLevel: 'B2' },
        ],
      },
    };
    expect(refusal(vacancy)).toEqual({
      field: 'requirements.languages[1].language',
      message: 'requirements.languages[1].language: is listed twice',
    });
  });

  it('gives the API the same limits and words, under the argument path', () => {
    const bad = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof DomainError) return error.details;
        throw error;
      }
      return null;
    };
    expect(
      bad(() =>
        parseInput(
          createEmployerInput,
          { businessId: '0737546-2', name: 'x'.repeat(201), municipalityCode: '297' },
          'input',
        ),
      ),
    ).toEqual({ field: 'input.name', reason: 'must be at most 200 characters' });
    expect(
      refusal({
        type: 'employer',
        externalId: 'e',
        businessId: '0737546-2',
        name: 'x'.repeat(201),
        municipalityCode: '297',
      }),
    ).toEqual({ field: 'name', message: 'name: must be at most 200 characters' });
    expect(
      bad(() =>
        parseInput(
          competenceAssessmentInput,
          {
            source: 'self_assessment',
            skills: [
              { skillUri: SKILL, proficiency: 3 },
              { skillUri: SKILL, proficiency: 6 },
            ],
          },
          'input',
        ),
      ),
    ).toEqual({
      field: 'input.skills[1].proficiency',
      reason: 'must be a whole number from 1 to 5',
    });
  });

  it('gives the API the list limits the import had (required languages, preferences)', () => {
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof DomainError) return error.details;
        throw error;
      }
      return null;
    };
    const languages = 'abcdefghijk'.split('').map((c) => ({ language: `f${c}`, minLevel: 'B1' }));
    expect(
      refused(() =>
        parseInput(requirementProfile, { skills: [], languages, licences: [] }, 'input'),
      ),
    ).toEqual({ field: 'input.languages', reason: 'must have at most 10 languages' });
    expect(
      refused(() =>
        parseInput(
          jobseekerInput,
          { workingTimePreferences: ['full_time', 'part_time', 'full_time'] },
          'input',
        ),
      ),
    ).toEqual({ field: 'input.workingTimePreferences', reason: 'must have at most 2 items' });
    expect(parseInput(jobseekerInput, { workingTimePreferences: ['part_time'] }, 'input')).toEqual({
      workingTimePreferences: ['part_time'],
    });
  });
});
