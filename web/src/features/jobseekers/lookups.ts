import { Language } from '../../i18n/i18n';

/** What the counsellor typed, as the `search` argument of `jobseekers`. */
export type JobseekerSearch = { customerId: string } | { name: string };

/**
 * Names never hold digits and customer ids always do (e.g. KUO-100268), so one box serves both.
 * The customer id is matched exactly (case too), so it is sent as typed, trimmed.
 */
export function searchFor(query: string): JobseekerSearch | null {
  const text = query.trim();
  if (!text) return null;
  return /\d/.test(text) ? { customerId: text } : { name: text };
}

/** The server asks for at least 2 characters of a name. */
export function isTooShortName(search: JobseekerSearch | null): boolean {
  return search !== null && 'name' in search && search.name.length < 2;
}

export interface MunicipalityName {
  code: string;
  nameFi: string;
  nameSv: string;
}

/** A municipality's name in the console's language (Finnish for English), else its code. */
export function municipalityName(
  municipalities: readonly MunicipalityName[] | undefined,
  code: string,
  language: Language,
): string {
  const found = municipalities?.find((m) => m.code === code);
  if (!found) return code;
  return language === 'sv' ? found.nameSv : found.nameFi;
}

/** A language's name ("fi" → "suomi" in Finnish, "finska" in Swedish), else its code. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
