import { Language } from '../../i18n/i18n';

/** A municipality's name in the user's language (the registry has Finnish and Swedish names). */
export function municipalityName(
  municipality: { nameFi: string; nameSv: string },
  language: Language,
): string {
  return language === 'sv' ? municipality.nameSv : municipality.nameFi;
}

/** A language's name from its ISO 639-1 code, in the user's language ("fi" → "suomi"). */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
