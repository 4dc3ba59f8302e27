import DataLoader from 'dataloader';
import { MatchScore, NAMED_SKILLS, summaryFacts } from '../../matching';
import { languageName, messagesIn, TextLanguage } from '../kernel/messages/messages';
import type { PreferredLabelRow } from '../taxonomy/loaders/taxonomy-loaders';
import { preferredLabel } from '../taxonomy/preferred-labels';

const UNKNOWN_KEYS = {
  'jobseeker-skills': 'match.unknown.jobseekerSkills',
  education: 'match.unknown.education',
  experience: 'match.unknown.experience',
  location: 'match.unknown.location',
} as const;

/**
 * A match's summary in the reader's language: fit, k of n, the most important unmet and met
 * skills by their preferred labels (through the request's label loader, so a page of matches
 * costs one query), the hard failures and what is not known.
 */
export async function matchSummary(
  score: MatchScore,
  language: TextLanguage,
  preferredLabelsByConceptUri: DataLoader<string, PreferredLabelRow[]>,
): Promise<string> {
  const facts = summaryFacts(score);
  const { t, list } = messagesIn(language);
  const otherUnmet = facts.unmetUris.length - facts.unmetEssential;
  // The unmet skills named: the essential ones when any is missing, else the others.
  const unmet = facts.essentialMissing
    ? {
        uris: facts.unmetUris.slice(0, facts.unmetEssential),
        key: 'match.essentialMissing' as const,
      }
    : { uris: facts.unmetUris, key: 'match.otherMissing' as const };
  const shownUnmet = unmet.uris.slice(0, NAMED_SKILLS);
  const shownMet = facts.metUris.slice(0, NAMED_SKILLS);
  // Every name of the summary in one batch (the loader batches a whole page of summaries too).
  const labels = await preferredLabelsByConceptUri.loadMany([...shownUnmet, ...shownMet]);
  const name = (uri: string, i: number) => {
    const rows = labels[i];
    return (Array.isArray(rows) && preferredLabel(rows, language)) || uri;
  };
  const named = (shown: string[], offset: number, total: number): string => {
    const names = shown.map((uri, i) => name(uri, offset + i));
    if (total > shown.length) names.push(t('match.moreSkills', { n: total - shown.length }));
    return list(names);
  };

  const parts = [t('match.fit', { percent: facts.percent })];
  const { met, required, throughRelated } = facts.counts;
  if (required === 0) parts.push(t('match.noSkills'));
  else {
    parts.push(
      throughRelated
        ? t('match.skillsMetRelated', { met, required, related: throughRelated })
        : t('match.skillsMet', { met, required }),
    );
    const n = facts.essentialMissing || otherUnmet;
    if (n) parts.push(t(unmet.key, { n, skills: named(shownUnmet, 0, unmet.uris.length) }));
    if (shownMet.length)
      parts.push(
        t('match.skillsMetNamed', {
          skills: named(shownMet, shownUnmet.length, facts.metUris.length),
        }),
      );
  }
  for (const failure of facts.hardFailures) parts.push(hardFailure(failure, language));
  for (const code of facts.missingData)
    if (code !== 'vacancy-skills') parts.push(t(UNKNOWN_KEYS[code]));
  return parts.join(' ');
}

/** A hard failure code (licence:x, language:x, location; see scoreMatch) in words. */
function hardFailure(code: string, language: TextLanguage): string {
  const { t } = messagesIn(language);
  if (code === 'location') return t('match.fails.location');
  const [kind, value] = [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)];
  if (kind === 'language')
    return t('match.fails.language', { language: languageName(language, value) });
  if (kind === 'licence') return t('match.fails.licence', { licence: value });
  return t('match.fails.other', { code });
}
