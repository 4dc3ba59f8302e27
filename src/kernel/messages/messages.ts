import { IntlMessageFormat, PrimitiveType } from 'intl-messageformat';
import { EN, MessageKey } from './en';
import { FI } from './fi';
import { SV } from './sv';

export type { MessageKey } from './en';

/** The languages people read Osaamo's texts in (the GraphQL `Language` enum's values). */
export type TextLanguage = 'fi' | 'sv' | 'en';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['fi', 'sv', 'en'];

export const CATALOGUE: Readonly<Record<TextLanguage, Readonly<Record<MessageKey, string>>>> = {
  fi: FI,
  sv: SV,
  en: EN,
};

export type MessageValues = Record<string, PrimitiveType>;

// Parsing a message costs more than formatting it: each is parsed once, when first used.
const compiled = new Map<string, IntlMessageFormat>();

/** The text of `key` in `language` with `values` put in (ICU plural and number rules of that language). */
export function message(
  language: TextLanguage,
  key: MessageKey,
  values: MessageValues = {},
): string {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUE[language][key], language);
    compiled.set(cacheKey, format);
  }
  return format.format(values) as string;
}

const listFormats = new Map<TextLanguage, Intl.ListFormat>();

/** "a, b and c" / "a, b ja c" / "a, b och c": names joined as the language joins them. */
export function listOf(language: TextLanguage, items: readonly string[]): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(items);
}

/** A `Language` value from the API, or any other code, as a text language (English otherwise). */
export function textLanguage(code: string | null | undefined): TextLanguage {
  return code === 'fi' || code === 'sv' ? code : 'en';
}

/** A text with its language bound, for code that writes several messages in one language. */
export function messagesIn(language: TextLanguage) {
  return {
    language,
    t: (key: MessageKey, values?: MessageValues) => message(language, key, values),
    list: (items: readonly string[]) => listOf(language, items),
  };
}

/** A language code ("sv") as the reader says it ("ruotsi", "svenska", "Swedish"); the code when Intl has no name. */
export function languageName(language: TextLanguage, code: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const QUOTES: Record<TextLanguage, [string, string]> = {
  fi: ['”', '”'],
  sv: ['”', '”'],
  en: ['“', '”'],
};

/** Words quoted as the language quotes them and joined as a list: “a” and “b” / ”a” ja ”b”. */
export function quotedList(language: TextLanguage, texts: readonly string[]): string {
  const [open, close] = QUOTES[language];
  return listOf(
    language,
    texts.map((text) => `${open}${text}${close}`),
  );
}
