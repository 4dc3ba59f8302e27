import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, Heading, HintText, Paragraph, SearchInput, Text } from 'suomifi-ui-components';
import { graphql } from '../../gql';
import { apiLanguage, useLanguage, useMessages } from '../../i18n/i18n';
import { guidanceMessages } from './messages';

/** Occupations by name (public taxonomy data: no purpose needed). */
const OccupationSearchQuery = graphql(`
  query SkillGapOccupationSearch($text: String!, $language: Language!) {
    searchOccupations(text: $text, first: 8, language: $language) {
      matchedLabel
      occupation {
        uri
        preferredLabel(language: $language)
      }
    }
  }
`);

/**
 * What the gap is measured against: the vacancy of the URL, or an occupation the counsellor
 * finds by name. The choice lives in the URL (?occupation=), so it survives a reload and the
 * vacancy given can be gone back to.
 */
export function TargetChooser({
  givenVacancyId,
  occupationUri,
  currentTarget,
}: {
  givenVacancyId: string | null;
  occupationUri: string | null;
  currentTarget: { label: string; isVacancy: boolean } | null;
}) {
  const t = useMessages(guidanceMessages);
  const { language } = useLanguage();
  const [, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const searchText = text.trim();

  const [{ data }] = useQuery({
    query: OccupationSearchQuery,
    variables: { text: searchText, language: apiLanguage(language) },
    pause: searchText.length < 2,
  });
  const results = searchText.length < 2 ? null : data?.searchOccupations;

  function compareWith(uri: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (uri) next.set('occupation', uri);
        else next.delete('occupation');
        return next;
      },
      { replace: false },
    );
  }

  return (
    <section aria-labelledby="target-heading">
      <Heading variant="h2" id="target-heading" mt="xl" mb="s">
        {t('targetHeading')}
      </Heading>
      <Paragraph mb="s">
        {currentTarget
          ? currentTarget.isVacancy
            ? t('targetVacancy', { title: currentTarget.label })
            : t('targetOccupation', { label: currentTarget.label })
          : !givenVacancyId && !occupationUri
            ? t('targetMissing')
            : null}
      </Paragraph>
      {givenVacancyId && occupationUri && (
        <Button variant="secondary" onClick={() => compareWith(null)} mb="m">
          {t('backToVacancy')}
        </Button>
      )}
      <SearchInput
        labelText={t('occupationSearchLabel')}
        aria-describedby="occupation-search-hint"
        searchButtonLabel={t('occupationSearchButton')}
        clearButtonLabel={t('occupationSearchClear')}
        value={text}
        debounce={250}
        onChange={(value) => setText(value)}
        onSearch={(value) => setText(value)}
      />
      <HintText id="occupation-search-hint">{t('occupationSearchHint')}</HintText>
      <div role="status">
        {results && (
          <Paragraph mt="s">{t('occupationResults', { count: results.length })}</Paragraph>
        )}
      </div>
      {results && results.length > 0 && (
        <ul className="osaamo-gap-occupations" aria-label={t('occupationResultsLabel')}>
          {results.map(({ occupation, matchedLabel }) => {
            const label = occupation.preferredLabel ?? matchedLabel;
            return (
              <li key={occupation.uri}>
                <Button
                  variant="secondaryNoBorder"
                  aria-pressed={occupation.uri === occupationUri}
                  onClick={() => compareWith(occupation.uri)}
                >
                  {t('chooseOccupation', { label })}
                </Button>
                {matchedLabel.toLowerCase() !== label.toLowerCase() && (
                  <Text smallScreen> {t('matchedAs', { label: matchedLabel })}</Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
