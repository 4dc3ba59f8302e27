import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Heading, Paragraph, StatusText } from 'suomifi-ui-components';
import type { VacancyMatchesQuery } from '../../gql/graphql';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { useViewQuery } from '../../api/view-data';
import { useAfterFirstPaint } from '../../layout/use-after-first-paint';
import { usePurpose } from '../../api/purpose';
import { QueryState } from '../../layout/QueryState';
import { vacancyMatchesMessages } from './vacancy-matches.messages';
import { MatchFilters } from './MatchFilters';
import { withoutPaging } from './filter-params';
import { vacancyMatchesRequest } from './operations';
import { SourceReports } from './SourceReports';
import { MatchPaging } from './MatchPaging';
import { VacancyMatchItem } from './VacancyMatchItem';
import './vacancy-matches.css';

/**
 * The ranked vacancies for a jobseeker (local, Job Market Finland and EURES together), with the
 * filters the API offers kept in the address, so a filtered list can be bookmarked and shared.
 */
export function VacancyMatches({ jobseekerId }: { jobseekerId: string }) {
  const t = useMessages(vacancyMatchesMessages);
  const { language } = useLanguage();
  const { purpose } = usePurpose();
  const [params, setParams] = useSearchParams();
  const after = params.get('after');
  const [{ data, fetching, error }] = useViewQuery({
    ...vacancyMatchesRequest(jobseekerId, params, language),
    pause: !purpose,
  });
  // The last answer stays on screen while a changed filter loads, so the filters do not vanish.
  // Only this jobseeker's: another person's list never shows while theirs loads.
  const lastData = useRef<{ jobseekerId: string; data: VacancyMatchesQuery } | undefined>(
    undefined,
  );
  if (data) lastData.current = { jobseekerId, data };
  // Below the profile: drawn after it, so that twenty ranked vacancies do not hold it back.
  const painted = useAfterFirstPaint();
  const shown = !painted
    ? undefined
    : (data ?? (lastData.current?.jobseekerId === jobseekerId ? lastData.current.data : undefined));
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
      data-ready={String(Boolean(data) && painted)}
      aria-labelledby="vacancy-matches-title"
      className="vacancy-matches"
    >
      <Heading variant="h2" id="vacancy-matches-title">
        {t('title')}
      </Heading>
      <Paragraph mb="s">{t('intro')}</Paragraph>
      {purpose && (
        <QueryState fetching={fetching || !painted} error={error} hasData={Boolean(shown)}>
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
