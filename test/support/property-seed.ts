import fc from 'fast-check';

/**
 * The seed every property test runs with: `OSAAMO_PROPERTY_SEED`, else this fixed number, so a
 * run is repeatable and CI runs the same cases each time. `npm run test:explore` tries fresh
 * seeds and prints the one of any failure; rerun it with `OSAAMO_PROPERTY_SEED=<seed> npx jest …`.
 */
export const DEFAULT_PROPERTY_SEED = 20261130;

export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OSAAMO_PROPERTY_SEED;
  if (raw === undefined || raw === '') return DEFAULT_PROPERTY_SEED;
  const seed = Number(raw);
  // fast-check's seeds are 32-bit integers.
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32)
    throw new Error(`OSAAMO_PROPERTY_SEED must be a 32-bit integer, not ${raw}`);
  return seed;
}

/** Run in every test worker before each test file (jest `setupFiles`). */
export function seedPropertyTests(): void {
  fc.configureGlobal({ seed: propertySeed() });
}
