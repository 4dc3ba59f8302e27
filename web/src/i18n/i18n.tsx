import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { IntlMessageFormat } from 'intl-messageformat';

/** The console's languages: Finnish first, Swedish and English selectable. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The GraphQL `Language` enum value for the console's language (labels and texts in answers). */
export function apiLanguage(language: Language): 'FI' | 'SV' | 'EN' {
  return language.toUpperCase() as 'FI' | 'SV' | 'EN';
}

/**
 * One feature's texts in ICU MessageFormat, as on the server: English defines the keys, Finnish
 * and Swedish must give every one of them (a missing key fails the type check).
 */
export type Catalogue<Keys extends string> = Record<Language, Record<Keys, string>>;

export function defineMessages<Keys extends string>(
  en: Record<Keys, string>,
  fi: Record<Keys, string>,
  sv: Record<Keys, string>,
): Catalogue<Keys> {
  return { en, fi, sv };
}

export type Values = Record<string, string | number | Date | boolean | null | undefined>;

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);
const STORAGE_KEY = 'osaamo.language';

/** The language chosen earlier on this device; Finnish first. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'fi';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  document.documentElement.lang = language;
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

const compiled = new Map<string, IntlMessageFormat>();

/** Formats one message; compiled once per text and language. */
export function formatMessage(language: Language, text: string, values?: Values): string {
  const cacheKey = `${language}\u0000${text}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(text, language);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values as Record<string, string | number | Date>));
}

/** `t(key, values)` for one feature's catalogue, in the console's language. */
export function useMessages<Keys extends string>(catalogue: Catalogue<Keys>) {
  const { language } = useLanguage();
  return useCallback(
    (key: Keys, values?: Values) => formatMessage(language, catalogue[language][key], values),
    [catalogue, language],
  );
}

/** Numbers, percentages, distances and dates in the console's language. */
export function useFormat() {
  const { language } = useLanguage();
  return useMemo(() => formatters(language), [language]);
}

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatters(language: Language) {
  const locale = locales[language];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const km = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: 0,
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const asDate = (value: string | Date) =>
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00` : value) : value;
  return {
    locale,
    number: (value: number) => number.format(value),
    /** A share 0…1 as a percentage: 0.47 → "47 %". */
    percent: (share: number) => percent.format(share),
    km: (value: number) => km.format(value),
    date: (value: string | Date) => date.format(asDate(value)),
    dateTime: (value: string | Date) => dateTime.format(asDate(value)),
  };
}
