import fc from 'fast-check';
import { DEFAULT_PROPERTY_SEED, propertySeed } from '../support/property-seed';

describe('property test seed', () => {
  it('runs every property of the suite with the seed OSAAMO_PROPERTY_SEED names, or the fixed one', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed());
    expect(propertySeed({})).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed({ OSAAMO_PROPERTY_SEED: '1088039729' })).toBe(1088039729);
  });

  it('refuses a seed that is not a 32-bit integer', () => {
    expect(() => propertySeed({ OSAAMO_PROPERTY_SEED: 'abc' })).toThrow(/32-bit integer/);
    expect(() => propertySeed({ OSAAMO_PROPERTY_SEED: '1.5' })).toThrow(/32-bit integer/);
  });

  it('gives the same cases for the same seed', () => {
    const draw = () => fc.sample(fc.integer(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });
});
