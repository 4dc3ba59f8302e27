/**
 * The mapping file between KEHA's national code lists, as Job Market Finland profiles use them,
 * and Osaamo's own codes. The code lists themselves (tyomarkkinatori.fi/api/codes/v1/kopa/…)
 * could not be read from here: what is mapped is what the public sources state, and every code
 * not mapped is reported by the import, never dropped silently nor guessed.
 *
 * - AJOKORTTILUOKKA (driving licence classes): the classes of the EU driving licence directive
 *   (2006/126/EC) as Finland issues them, plus T (tractor) and the trailer combinations; each
 *   becomes `driving_licence_<class>` in lower case, the form Osaamo's data already uses
 *   (driving_licence_b, driving_licence_ce, driving_licence_d).
 * - TYÖNHAKUPROFIILI_LUPA_KORTTI (cards and permits, three-character codes): no public source
 *   gives the meaning of a code (the mock's `001` and `002` come without labels), so none is
 *   mapped; each is reported, and the card's free text stays with the profile.
 * - KIELI (languages): ISO 639-1 two-letter codes ([M] `fi`, `sv`, `en`, `af`), taken as they
 *   are; any other form is reported.
 * - Language levels: the six CEFR levels and `L1`, mother tongue, which is Osaamo's 'native'
 *   (matching/cefr.ts counts it as C2).
 */
import { CEFR_LEVELS, SpokenLevel } from '../../../matching/cefr';

/** Driving licence classes as the code list spells them (upper case). */
export const DRIVING_LICENCE_CLASSES = [
  'AM', 'A1', 'A2', 'A', 'B', 'BE', 'B96', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'T',
] as const; // prettier-ignore

const LICENCE_PREFIX = 'driving_licence_';

/** Osaamo's licence code of a driving licence class, or null for a class not in the list. */
export function licenceOfClass(licenceClass: string): string | null {
  const upper = licenceClass.trim().toUpperCase();
  return (DRIVING_LICENCE_CLASSES as readonly string[]).includes(upper)
    ? LICENCE_PREFIX + upper.toLowerCase()
    : null;
}

/** The driving licence class of an Osaamo licence code, or null when it is not one. */
export function classOfLicence(licence: string): string | null {
  if (!licence.startsWith(LICENCE_PREFIX)) return null;
  const upper = licence.slice(LICENCE_PREFIX.length).toUpperCase();
  return (DRIVING_LICENCE_CLASSES as readonly string[]).includes(upper) ? upper : null;
}

/** Card and permit codes (TYÖNHAKUPROFIILI_LUPA_KORTTI) with a known meaning: none yet (see above). */
export const CARD_CODES: Readonly<Record<string, string>> = Object.freeze({});

/** Osaamo's licence code of a card code, or null when unmapped. */
export function licenceOfCard(cardCode: string): string | null {
  return CARD_CODES[cardCode] ?? null;
}

/** The card code of an Osaamo licence, or null when none is mapped. */
export function cardOfLicence(licence: string): string | null {
  const found = Object.entries(CARD_CODES).find(([, value]) => value === licence);
  return found ? found[0] : null;
}

/** Osaamo's language code (ISO 639-1) of a KIELI code, or null when it is not one. */
export function languageOfCode(code: string): string | null {
  const lower = code.trim().toLowerCase();
  return /^[a-z]{2}$/.test(lower) ? lower : null;
}

/** The level of a profile's language skill; `L1`, mother tongue, is 'native'. */
export function levelOfTmt(level: string): SpokenLevel | null {
  if (level === 'L1') return 'native';
  return (CEFR_LEVELS as readonly string[]).includes(level) ? (level as SpokenLevel) : null;
}

/** The profile's level of an Osaamo language level. */
export function tmtLevelOf(level: SpokenLevel): string {
  return level === 'native' ? 'L1' : level;
}
