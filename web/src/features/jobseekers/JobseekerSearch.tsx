import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Block,
  Heading,
  InlineAlert,
  Paragraph,
  RouterLink,
  SearchInput,
  Table,
  Text,
} from 'suomifi-ui-components';
import { graphql } from '../../gql';
import type { FindJobseekersQuery } from '../../gql/graphql';
import { PurposeChooser } from '../../api/PurposeChooser';
import { usePurpose } from '../../api/purpose';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { QueryState } from '../../layout/QueryState';
import { jobseekerMessages } from './messages';
import { isTooShortName, municipalityName, searchFor } from './lookups';
import './jobseekers.css';

/** More than this and the counsellor is asked to narrow the search rather than page. */
const PAGE_SIZE = 50;

const FindJobseekers = graphql(`
  query FindJobseekers($search: JobseekerSearchInput!, $first: Int!) {
    jobseekers(search: $search, first: $first) {
      edges {
        node {
          id
          customerId
          employmentStatus
          homeMunicipalityCode
          personalData {
            firstName
            lastName
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    municipalities {
      code
      nameFi
      nameSv
    }
  }
`);

/**
 * The counsellor finds a jobseeker of their area by name or customer id. The query text lives
 * in the history entry's state, not in the address: names and customer ids stay out of URLs
 * (history, logs, the sign-in's `next`), and back and forward still move between searches.
 */
export default function JobseekerSearch() {
  const t = useMessages(jobseekerMessages);
  const navigate = useNavigate();
  const query = searchOf(useLocation().state);
  const [draft, setDraft] = useState(query);
  const { purpose } = usePurpose();

  // Back and forward change the address: the box follows it.
  useEffect(() => setDraft(query), [query]);

  const search = useMemo(() => searchFor(query), [query]);
  const tooShort = isTooShortName(search);
  // The purpose goes in the header, not the variables: a new purpose runs the look-up again so
  // that the audit row carries it.
  const context = useMemo(() => ({ purpose }), [purpose]);
  const [result] = useQuery({
    query: FindJobseekers,
    variables: { search: search ?? { name: '' }, first: PAGE_SIZE },
    pause: !purpose || !search || tooShort,
    context,
  });
  const { data, fetching, error } = result;
  const ready = !search || tooShort || Boolean(data);

  function submit(value: string) {
    const text = value.trim();
    void navigate('/jobseekers', { state: text ? { q: text } : null });
  }

  return (
    <Block data-view="jobseeker-search" data-ready={String(ready)}>
      <Heading variant="h1">{t('searchTitle')}</Heading>
      <Paragraph mb="m">{t('searchIntro')}</Paragraph>
      <div className="osaamo-jobseekers-controls">
        <PurposeChooser />
        <div role="search" aria-label={t('searchTitle')}>
          <SearchInput
            labelText={t('searchLabel')}
            aria-describedby="jobseeker-search-hint"
            clearButtonLabel={t('clearButton')}
            searchButtonLabel={t('searchButton')}
            value={draft}
            onChange={setDraft}
            onSearch={submit}
            status={tooShort ? 'error' : 'default'}
            statusText={tooShort ? t('nameTooShort') : undefined}
            fullWidth
          />
          <Text id="jobseeker-search-hint" smallScreen className="osaamo-jobseekers-hint">
            {t('searchHint')}
          </Text>
        </div>
      </div>
      {search && !tooShort && !purpose && (
        <InlineAlert status="warning">{t('choosePurposeToSearch')}</InlineAlert>
      )}
      {search && !tooShort && purpose && (
        <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
          {data && <SearchResults query={query} data={data} />}
        </QueryState>
      )}
    </Block>
  );
}

function SearchResults({ query, data }: { query: string; data: FindJobseekersQuery }) {
  const t = useMessages(jobseekerMessages);
  const { language } = useLanguage();
  const found = data.jobseekers.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="jobseeker-results" className="osaamo-jobseekers-results">
      <Heading variant="h2" id="jobseeker-results">
        {t('resultsTitle')}
      </Heading>
      {found.length === 0 ? (
        <InlineAlert status="neutral" data-testid="no-jobseekers-found">
          {t('noneFound', { query })}
        </InlineAlert>
      ) : (
        <>
          <Paragraph mb="s" aria-live="polite">
            {t('resultCount', { count: found.length })}
          </Paragraph>
          {data.jobseekers.pageInfo.hasNextPage && (
            <InlineAlert status="neutral">{t('moreResults', { count: found.length })}</InlineAlert>
          )}
          <Table
            caption={t('resultsCaption', { query })}
            columns={[
              { key: 'name', labelText: t('columnName') },
              { key: 'customerId', labelText: t('columnCustomerId') },
              { key: 'municipality', labelText: t('columnMunicipality') },
              { key: 'status', labelText: t('columnStatus') },
            ]}
            data={found.flatMap((jobseeker) =>
              jobseeker.id
                ? [
                    {
                      id: jobseeker.id,
                      name: (
                        <RouterLink
                          asComponent={Link}
                          to={`/jobseekers/${jobseeker.id}`}
                          state={{ q: query }}
                        >
                          {jobseeker.personalData
                            ? `${jobseeker.personalData.lastName}, ${jobseeker.personalData.firstName}`
                            : t('nameHidden')}
                        </RouterLink>
                      ),
                      customerId: jobseeker.customerId ?? '–',
                      municipality: municipalityName(
                        data.municipalities,
                        jobseeker.homeMunicipalityCode,
                        language,
                      ),
                      status: t(`status.${jobseeker.employmentStatus}`),
                    },
                  ]
                : [],
            )}
          />
        </>
      )}
    </section>
  );
}

/** The search text a history entry carries (see above). */
export function searchOf(state: unknown): string {
  const q = (state as { q?: unknown } | null)?.q;
  return typeof q === 'string' ? q : '';
}
