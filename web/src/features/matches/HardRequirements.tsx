import { Heading, Paragraph } from 'suomifi-ui-components';
import { useMessages } from '../../i18n/i18n';
import type { MatchExplanationFieldsFragment } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import { useMatchWords } from './words';

type Match = Pick<MatchExplanationFieldsFragment, 'hardFailures' | 'missingData' | 'vacancy'>;

interface Requirement {
  key: string;
  text: string;
  state: 'met' | 'failed' | 'unknown';
}

/**
 * A local vacancy's hard requirements (licences, essential languages, on-site work), each met or
 * not in words; an outside vacancy's requirements are not listed, so only its failures are.
 */
export function HardRequirements({ match }: { match: Match }) {
  const t = useMessages(explanationMessages);
  const words = useMatchWords();
  const failed = new Set(match.hardFailures);
  const requirements: Requirement[] = [];
  const vacancy = match.vacancy;
  if (vacancy) {
    for (const licence of vacancy.requirements.licences)
      requirements.push({
        key: `licence:${licence}`,
        text: t('hardLicence', { licence: words.licence(licence) }),
        state: failed.has(`licence:${licence}`) ? 'failed' : 'met',
      });
    for (const language of vacancy.requirements.languages.filter((l) => l.essential))
      requirements.push({
        key: `language:${language.language}`,
        text: t('hardLanguage', {
          language: words.languageName(language.language),
          level: language.minLevel,
        }),
        state: failed.has(`language:${language.language}`) ? 'failed' : 'met',
      });
    if (vacancy.remote === 'NONE')
      requirements.push({
        key: 'location',
        text: t('hardLocation'),
        state: failed.has('location')
          ? 'failed'
          : match.missingData.includes('location')
            ? 'unknown'
            : 'met',
      });
  }
  // Failures the vacancy's own list does not name (an outside vacancy's, or a newer rule's).
  for (const code of match.hardFailures)
    if (!requirements.some((requirement) => requirement.key === code))
      requirements.push({ key: code, text: words.failure(code), state: 'failed' });

  return (
    <section aria-labelledby="hard-heading">
      <Heading variant="h2" id="hard-heading">
        {t('hardHeading')}
      </Heading>
      {requirements.length === 0 ? (
        <Paragraph>{vacancy ? t('noHardRequirements') : t('noHardFailures')}</Paragraph>
      ) : (
        <ul aria-labelledby="hard-heading" className="osaamo-requirement-list">
          {requirements.map((requirement) => (
            <li key={requirement.key} data-state={requirement.state}>
              <span className={`osaamo-requirement-state osaamo-${requirement.state}`}>
                {t(requirement.state)}
              </span>
              {': '}
              {requirement.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
