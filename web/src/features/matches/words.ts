import { useMemo } from 'react';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { explanationMessages, ExplanationKey } from './explanation.messages';

/**
 * Codes of the API in the reader's words: licences (a code the catalogue does not know is
 * shown as it is), languages (the browser's own names) and hard failures (licence:x,
 * language:x, location; see Match.hardFailures).
 */
export function useMatchWords() {
  const t = useMessages(explanationMessages);
  const { language } = useLanguage();
  const { locale } = useFormat();
  return useMemo(() => {
    const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
    const licence = (code: string) => {
      const key = `licence.${code}` as ExplanationKey;
      return key in explanationMessages[language] ? t(key) : code;
    };
    const languageName = (code: string) => languageNames.of(code) ?? code;
    const failure = (code: string) => {
      const [kind, value = ''] = splitCode(code);
      if (kind === 'location') return t('failLocation');
      if (kind === 'licence') return t('failLicence', { licence: licence(value) });
      if (kind === 'language') return t('failLanguage', { language: languageName(value) });
      return code;
    };
    return { licence, languageName, failure };
  }, [t, language, locale]);
}

function splitCode(code: string): [string, string?] {
  const colon = code.indexOf(':');
  return colon < 0 ? [code] : [code.slice(0, colon), code.slice(colon + 1)];
}

/**
 * Whole percentages that add up to the rounded total (largest remainder), so that the bar's
 * and the table's parts add up to the score as shown, not one point off from rounding.
 */
export function apportionPercent(parts: number[], total: number): number[] {
  const target = Math.round(total * 100);
  const exact = parts.map((part) => Math.max(0, part) * 100);
  const floors = exact.map(Math.floor);
  let left = target - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return floors;
}
