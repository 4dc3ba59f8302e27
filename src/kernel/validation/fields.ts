import { z } from 'zod';
import { isUuid } from './validators';

/**
 * The field kinds of the record schemas (validation/records/), each with the house's message,
 * so that the API and the importer refuse a value in the same words. A message is the reason
 * only; the path (`input.title`, `assessments[0].skills[1].evidence`) is added by parse.ts.
 */

/** Sane limits on free text, so that nobody stores a megabyte in a name. */
export const TEXT_LIMITS = {
  name: 200,
  title: 200,
  description: 20_000,
  evidence: 2_000,
  code: 100,
} as const;

/** Trimmed; empty (or missing) is refused; the limit applies to the trimmed text. */
export const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input == null ? 'must not be empty' : 'must be a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** Null or missing when not given; the limit applies to the text as sent, which is then trimmed. */
export const optionalText = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .trim()
    .nullish();

/** An integer from `min` to `max` (a function for limits that move with the date). */
export const wholeNumber = (min: number, max: number | (() => number)) =>
  z
    .number({
      error: (issue) =>
        issue.input == null
          ? 'must be given'
          : rangeMessage(min, typeof max === 'number' ? max : max()),
    })
    .superRefine((value, ctx) => {
      const upper = typeof max === 'number' ? max : max();
      if (!Number.isInteger(value) || value < min || value > upper)
        ctx.addIssue({ code: 'custom', message: rangeMessage(min, upper) });
    });

const rangeMessage = (min: number, max: number) => `must be a whole number from ${min} to ${max}`;

const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';

/** A calendar date as YYYY-MM-DD (2026-02-30 is refused). */
export const isoDate = () =>
  z
    .string({ error: DATE_MESSAGE })
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
      DATE_MESSAGE,
    );

/** A point in time as ISO 8601 (what Date.parse reads). */
export const isoDateTime = () =>
  z
    .string({ error: 'must be an ISO date-time' })
    .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date-time');

/** One of the allowed values (validation/domain-values.ts). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? 'must be given' : `must be one of ${values.join(', ')}`,
  });

/** Given (not empty), for an identifier checked against the database afterwards. */
export const reference = () =>
  z
    .string({
      error: (issue) => (issue.input == null ? 'must be given' : 'must be a string'),
    })
    .min(1, 'must be given');

/** An identifier that may be left out (null, missing or empty: none), checked afterwards. */
export const optionalReference = () => z.string({ error: 'must be a string' }).nullish();

/** A list of at most `max` items; `what` names them in the message ("skills"; default "items"). */
export const list = <T extends z.ZodType>(item: T, max: number, what = 'items') =>
  z
    .array(item, {
      error: (issue) => (issue.input == null ? 'must be given' : 'must be a list'),
    })
    .max(max, `must have at most ${max} ${what}`);

export const languageCode = () =>
  z
    .string({ error: 'must be an ISO 639-1 code such as "fi"' })
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "fi"');

/** Licence and card codes such as "driving_licence_c". */
export const codes = (max: number) =>
  list(
    z
      .string({ error: 'must be a code of lowercase letters, digits and _' })
      .regex(/^[a-z0-9_]{1,100}$/, 'must be a code of lowercase letters, digits and _'),
    max,
  );

/** WGS84 latitude (90) or longitude (180). */
export const coordinate = (limit: 90 | 180) =>
  z
    .number({ error: `must be between -${limit} and ${limit}` })
    .refine(
      (value) => Number.isFinite(value) && Math.abs(value) <= limit,
      `must be between -${limit} and ${limit}`,
    );

export const flag = () => z.boolean({ error: 'must be true or false' });

export const uuid = () => z.string({ error: 'must be a UUID' }).refine(isUuid, 'must be a UUID');

/**
 * An object that names a field it does not know (`homeMunicipalitycode`) instead of ignoring
 * it; the message suggests the field meant when only the letter case differs.
 */
export function fields<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const meant = known.find((k) => k.toLowerCase() === (issue.keys[0] ?? '').toLowerCase());
        return `unknown field${meant ? ` (did you mean ${meant}?)` : ''}`;
      }
      if (issue.code === 'invalid_type')
        return issue.input == null ? 'must be given' : 'must be an object';
      return undefined;
    },
  });
}

/**
 * Refuses a list naming the same key twice (`skills[3].skillUri: is listed twice`); `key` is
 * the item's field holding it, or absent for a list of plain values.
 */
export function noRepeats<T>(key?: keyof T & string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const value = key ? item[key] : item;
      if (seen.has(value))
        ctx.addIssue({
          code: 'custom',
          message: 'is listed twice',
          path: key ? [i, key] : [i],
        });
      seen.add(value);
    });
  };
}
