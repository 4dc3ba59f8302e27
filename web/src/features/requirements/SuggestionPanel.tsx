import { FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import {
  Button,
  Heading,
  InlineAlert,
  LoadingSpinner,
  Paragraph,
  StaticChip,
  Text,
  Textarea,
} from 'suomifi-ui-components';
import { graphql } from '../../gql';
import type { Importance, SuggestionSource } from '../../gql/graphql';
import { apiLanguage, useLanguage, useMessages } from '../../i18n/i18n';
import { editorMessages } from './editor.messages';

const SuggestionsQuery = graphql(`
  query RequirementSuggestions($vacancyId: ID!, $text: String, $language: Language!) {
    suggestRequirements(vacancyId: $vacancyId, text: $text, language: $language) {
      skillUri
      label
      reason
      importance
      requiredLevel
      sources
    }
  }
`);

export interface Suggestion {
  skillUri: string;
  label: string;
  reason: string;
  importance: Importance;
  requiredLevel: number;
  sources: SuggestionSource[];
}

/**
 * The ad text in, suggested skills out (with the server's reasons in the user's language): the
 * employer keeps each one into the draft or drops it. A kept one shows as kept while it is in the
 * draft; removing it there offers it again.
 */
export function SuggestionPanel({
  vacancyId,
  inDraft,
  onKeep,
}: {
  vacancyId: string;
  inDraft: (skillUri: string) => boolean;
  onKeep: (suggestion: Suggestion) => void;
}) {
  const t = useMessages(editorMessages);
  const { language } = useLanguage();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [{ data, fetching, error }] = useQuery({
    query: SuggestionsQuery,
    variables: { vacancyId, text: asked?.trim() || null, language: apiLanguage(language) },
    pause: asked === null,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setDropped(new Set());
    setAsked(text);
  }
  const toggleDropped = (skillUri: string, drop: boolean) =>
    setDropped((previous) => {
      const next = new Set(previous);
      if (drop) next.add(skillUri);
      else next.delete(skillUri);
      return next;
    });

  const suggestions = data?.suggestRequirements ?? [];
  return (
    <section aria-labelledby="suggestions-title" className="requirement-section">
      <Heading variant="h2" id="suggestions-title">
        {t('suggestTitle')}
      </Heading>
      <form onSubmit={submit}>
        <Textarea
          id="ad-text"
          labelText={t('adText')}
          hintText={t('adTextHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          fullWidth
          resize="vertical"
          rows={6}
        />
        <Button type="submit" mt="s" disabled={fetching}>
          {t('suggest')}
        </Button>
      </form>
      {fetching && (
        <LoadingSpinner status="loading" text={t('poolUpdating')} textVisibility="hidden" />
      )}
      {error && (
        <InlineAlert status="error">{error.graphQLErrors[0]?.message ?? error.message}</InlineAlert>
      )}
      {data && (
        <>
          <Paragraph mt="m" role="status">
            {t('suggestionsFound', { count: suggestions.length })}
          </Paragraph>
          <ul className="requirement-suggestions" aria-label={t('suggestTitle')}>
            {suggestions.map((suggestion) => (
              <SuggestionItem
                key={suggestion.skillUri}
                suggestion={suggestion}
                state={
                  inDraft(suggestion.skillUri)
                    ? 'kept'
                    : dropped.has(suggestion.skillUri)
                      ? 'dropped'
                      : 'open'
                }
                onKeep={() => onKeep(suggestion)}
                onDrop={(drop) => toggleDropped(suggestion.skillUri, drop)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SuggestionItem({
  suggestion,
  state,
  onKeep,
  onDrop,
}: {
  suggestion: Suggestion;
  state: 'open' | 'kept' | 'dropped';
  onKeep(): void;
  onDrop(drop: boolean): void;
}) {
  const t = useMessages(editorMessages);
  const skill = suggestion.label;
  return (
    <li className="requirement-suggestion" data-state={state}>
      <Text variant="bold">{skill}</Text>{' '}
      {suggestion.sources.map((source) => (
        <StaticChip key={source} className="requirement-chip">
          {t(`source.${source}`)}
        </StaticChip>
      ))}
      <Paragraph>{t('suggestionReason', { reason: suggestion.reason })}</Paragraph>
      <Paragraph>
        {t('suggestionDefaults', {
          importance: t(`importance.${suggestion.importance}`),
          level: suggestion.requiredLevel,
        })}
      </Paragraph>
      <div className="requirement-actions">
        {state === 'kept' && <Text>{t('kept')}</Text>}
        {state === 'dropped' && (
          <>
            <Text>{t('dropped')}</Text>
            <Button
              variant="secondaryNoBorder"
              aria-label={t('undoDropNamed', { skill })}
              onClick={() => onDrop(false)}
            >
              {t('undoDrop')}
            </Button>
          </>
        )}
        {state === 'open' && (
          <>
            <Button variant="secondary" aria-label={t('keepNamed', { skill })} onClick={onKeep}>
              {t('keep')}
            </Button>
            <Button
              variant="secondaryNoBorder"
              aria-label={t('dropNamed', { skill })}
              onClick={() => onDrop(true)}
            >
              {t('drop')}
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
