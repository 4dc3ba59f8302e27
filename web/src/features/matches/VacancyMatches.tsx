import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Heading, Paragraph, StatusText } from 'suomifi-ui-components';
import { graphql } from '../../gql';
import type { VacancyMatchesQuery } from '../../gql/graphql';
import { apiLanguage, useLanguage, useMessages } from '../../i18n/i18n';
import { usePurpose } from '../../api/purpose';
import { QueryState } from '../../layout/QueryState';
import { vacancyMatchesMessages } from './vacancy-matches.messages';
import { filterFromParams, MatchFilters, withoutPaging } from './MatchFilters';
import { SourceReports } from './SourceReports';
import { MatchPaging } from './MatchPaging';
import { VacancyMatchItem } from './VacancyMatchItem';
import './vacancy-matches.css';

const PAGE_SIZE = 20;

// One query: the ranked page (each match with the distance the matcher judged), the outside
// sources' states and the municipalities (names, for the places and the filter).
const VacancyMatchesDocument = graphql(`
  query VacancyMatches(
    $jobseekerId: ID!
    $filter: MatchFilterInput
    $first: Int!
    $after: String
    $language: Language!
  ) {
    municipalities {
      code
      nameFi
      nameSv
    }
    matchesForJobseeker(jobseekerId: $jobseekerId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          vacancyId
          score
          source
          summary(language: $language)
          distanceKm
          vacancy {
            id
            title
            applicationDeadline
            municipalityCode
            employer {
              id
              name
            }
          }
          externalVacancy {
            title
            url
            expiresAt
            locationCode
            country
            employerName
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      sources {
        source
        status
      }
    }
  }
`);

/**
 * The ranked vacancies for a jobseeker (local, Job Market Finland and EURES together), with the
 * filters the API offers kept in the address, so a filtered list can be bookmarked and shared.
 */
export function VacancyMatches({ jobseekerId }: { jobseekerId: string }) {
  const t = useMessages(vacancyMatchesMessages);
  const { language } = useLanguage();
  const { purpose } = usePurpose();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const after = params.get('after');
  const [{ data, fetching, error }] = useQuery({
    query: VacancyMatchesDocument,
    variables: {
      jobseekerId,
      filter,
      first: PAGE_SIZE,
      after,
      language: apiLanguage(language),
    },
    pause: !purpose,
  });
  // The last answer stays on screen while a changed filter loads, so the filters do not vanish.
  // Only this jobseeker's: another person's list never shows while theirs loads.
  const lastData = useRef<{ jobseekerId: string; data: VacancyMatchesQuery } | undefined>(
    undefined,
  );
  if (data) lastData.current = { jobseekerId, data };
  const shown =
    data ?? (lastData.current?.jobseekerId === jobseekerId ? lastData.current.data : undefined);
  // The cursors of the pages before this one, for "previous page" (the API pages forward only).
  const earlierCursors = useRef<(string | null)[]>([]);

  function goTo(cursor: string | null) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (cursor) next.set('after', cursor);
      else next.delete('after');
      return next;
    });
  }

  return (
    <section
      data-view="vacancy-matches"
      data-ready={String(Boolean(data))}
      aria-labelledby="vacancy-matches-title"
      className="vacancy-matches"
    >
      <Heading variant="h2" id="vacancy-matches-title">
        {t('title')}
      </Heading>
      <Paragraph mb="s">{t('intro')}</Paragraph>
      {purpose && (
        <QueryState fetching={fetching} error={error} hasData={Boolean(shown)}>
          {shown && (
            <>
              <MatchFilters
                municipalities={shown.municipalities}
                params={params}
                onChange={(change) => {
                  earlierCursors.current = [];
                  setParams((current) => withoutPaging(change(new URLSearchParams(current))));
                }}
              />
              <SourceReports reports={shown.matchesForJobseeker.sources} />
              <StatusText aria-live="polite" id="vacancy-matches-status">
                {fetching && !data
                  ? t('updating')
                  : t('shown', { count: shown.matchesForJobseeker.edges.length })}
              </StatusText>
              {shown.matchesForJobseeker.edges.length === 0 ? (
                <Paragraph mt="s">{t('none')}</Paragraph>
              ) : (
                <ol className="vacancy-matches-list" aria-labelledby="vacancy-matches-title">
                  {shown.matchesForJobseeker.edges.map(({ node }) => (
                    <VacancyMatchItem
                      key={node.vacancyId}
                      jobseekerId={jobseekerId}
                      match={node}
                      municipalities={shown.municipalities}
                    />
                  ))}
                </ol>
              )}
              <MatchPaging
                after={after}
                pageInfo={shown.matchesForJobseeker.pageInfo}
                earlierCursors={earlierCursors.current}
                goTo={goTo}
              />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
