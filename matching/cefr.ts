import { LanguageLevel } from './types';

/**
 * The CEFR levels, lowest first: the one home of their order. A level's number as the matcher
 * counts it (LanguageLevel) is its place here plus one, A1 = 1 … C2 = 6.
 */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** What a jobseeker may say of a language: a CEFR level, or native. A requirement is never native. */
export const SPOKEN_LEVELS = [...CEFR_LEVELS, 'native'] as const;
export type SpokenLevel = (typeof SPOKEN_LEVELS)[number];

/** Each level's number; a native speaker counts as C2. */
export const LEVEL_NUMBER = Object.freeze({
  ...(Object.fromEntries(CEFR_LEVELS.map((code, place) => [code, place + 1])) as Record<
    CefrLevel,
    LanguageLevel
  >),
  native: 6,
}) satisfies Readonly<Record<SpokenLevel, LanguageLevel>>;

/** A CEFR level's number (not native's), or undefined for anything else: for unchecked strings. */
export function cefrNumber(code: string): LanguageLevel | undefined {
  const place = (CEFR_LEVELS as readonly string[]).indexOf(code);
  return place < 0 ? undefined : ((place + 1) as LanguageLevel);
}

/** The CEFR level of a number (1 = A1 … 6 = C2). */
export function cefrCode(level: LanguageLevel): CefrLevel {
  return CEFR_LEVELS[level - 1]!;
}
