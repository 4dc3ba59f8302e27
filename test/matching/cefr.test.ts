import 'reflect-metadata';
import {
  CEFR_LEVELS,
  cefrCode,
  cefrNumber,
  LanguageLevel,
  LEVEL_NUMBER,
  SPOKEN_LEVELS,
} from '../../matching';
import { DOMAIN_VALUES } from '../../src/kernel/validation/domain-values';
import { CefrLevelEnum } from '../../src/vacancies/vacancies.types';
import { LanguageLevelEnum } from '../../src/jobseekers/jobseekers.types';

describe('the CEFR levels (matching/cefr.ts, their one home)', () => {
  it('run A1 to C2, lowest first, numbered 1 to 6; a native speaker counts as C2', () => {
    expect(CEFR_LEVELS).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(SPOKEN_LEVELS).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']);
    expect(LEVEL_NUMBER).toEqual({ A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 6 });
  });

  it('turn a number into its level and back', () => {
    for (const level of [1, 2, 3, 4, 5, 6] as LanguageLevel[]) {
      expect(cefrNumber(cefrCode(level))).toBe(level);
    }
    expect(cefrCode(3)).toBe('B1');
  });

  it('give no number to what is not a CEFR level (native is not a requirement level)', () => {
    expect(cefrNumber('native')).toBeUndefined();
    expect(cefrNumber('b1')).toBeUndefined();
    expect(cefrNumber('')).toBeUndefined();
  });

  it('are the values validation and the GraphQL enums allow', () => {
    expect(DOMAIN_VALUES.cefr).toEqual(CEFR_LEVELS);
    expect(DOMAIN_VALUES.languageLevel).toEqual(SPOKEN_LEVELS);
    expect(Object.values(CefrLevelEnum)).toEqual(CEFR_LEVELS);
    expect(Object.values(LanguageLevelEnum)).toEqual(SPOKEN_LEVELS);
  });
});
