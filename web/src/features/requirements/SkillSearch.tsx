import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, Heading, Paragraph, SearchInput, Text } from 'suomifi-ui-components';
import { graphql } from '../../gql';
import { apiLanguage, useLanguage, useMessages } from '../../i18n/i18n';
import { editorMessages } from './editor.messages';

const SkillSearchQuery = graphql(`
  query RequirementSkillSearch($text: String!, $language: Language!) {
    searchSkills(text: $text, first: 8, language: $language) {
      matchedLabel
      skill {
        uri
        preferredLabel(language: $language)
      }
    }
  }
`);

/** Adding a skill by name: searchSkills on submit, each result with an add button. */
export function SkillSearch({
  inDraft,
  onAdd,
}: {
  inDraft: (skillUri: string) => boolean;
  onAdd: (skill: { skillUri: string; label: string }) => void;
}) {
  const t = useMessages(editorMessages);
  const { language } = useLanguage();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const [{ data }] = useQuery({
    query: SkillSearchQuery,
    variables: { text: searched, language: apiLanguage(language) },
    pause: searched.trim() === '',
  });
  const results = data?.searchSkills ?? [];
  return (
    <div className="requirement-search">
      <Heading variant="h3" id="skill-search-title">
        {t('searchTitle')}
      </Heading>
      <SearchInput
        labelText={t('searchLabel')}
        searchButtonLabel={t('searchButton')}
        clearButtonLabel={t('searchClear')}
        value={text}
        onChange={setText}
        onSearch={(value) => setSearched(value.trim())}
        fullWidth
      />
      {data && searched && (
        <>
          <Paragraph mt="s" role="status">
            {t('searchResults', { count: results.length, text: searched })}
          </Paragraph>
          <ul className="requirement-search-results" aria-labelledby="skill-search-title">
            {results.map(({ skill, matchedLabel }) => {
              const label = skill.preferredLabel ?? matchedLabel;
              return (
                <li key={skill.uri}>
                  <Text>{label}</Text>
                  {inDraft(skill.uri) ? (
                    <Text>{t('added')}</Text>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={t('addNamed', { skill: label })}
                      onClick={() => onAdd({ skillUri: skill.uri, label })}
                    >
                      {t('add')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
