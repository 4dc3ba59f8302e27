import { SkillsMet } from '../../matching';
import { messagesIn, TextLanguage } from '../kernel/messages/messages';

/** skillGap's explanation in the reader's language: k of n (skillsMet), what is lacking, and whether related skills are held. */
export function gapExplanation(
  language: TextLanguage,
  target: string,
  counts: SkillsMet,
  gaps: { missing: number; under: number; closeToHeld: boolean },
): string {
  const { t } = messagesIn(language);
  const { met, required, throughRelated } = counts;
  const parts = [
    throughRelated
      ? t('gap.meetsRelated', { met, required, target, related: throughRelated })
      : t('gap.meets', { met, required, target }),
    t('gap.counts', { missing: gaps.missing, under: gaps.under }),
  ];
  if (gaps.closeToHeld) parts.push(t('gap.closeToHeld'));
  return parts.join(' ');
}
