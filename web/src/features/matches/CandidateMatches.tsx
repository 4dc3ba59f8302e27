import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { explanationMessages } from './explanation.messages';
import { candidatesRequest, CANDIDATES_PAGE } from './operations';
import { useViewQuery } from '../../api/view-data';
import { NearMisses } from './NearMisses';
import './matches.css';

/**
 * A vacancy's ranked candidates with their score and summary, each linking to its explanation.
 * Employers see pseudonyms only (the API gives no id to them, and none is asked for).
 */
export function CandidateMatches({ vacancyId }: { vacancyId: string }) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  const { language } = useLanguage();
  const pseudonymised = useSignedIn().role === 'employer';
  const [first, setFirst] = useState(CANDIDATES_PAGE);
  const [{ data, fetching, error }] = useViewQuery(
    candidatesRequest(vacancyId, language, first, pseudonymised),
  );
  const edges = data?.matchesForVacancy.edges ?? [];

  return (
    <section
      data-view="candidate-matches"
      data-ready={String(Boolean(data))}
      aria-labelledby="candidates-heading"
    >
      <Heading variant="h2" id="candidates-heading">
        {t('candidatesHeading')}
      </Heading>
      {pseudonymised && <Paragraph>{t('candidatesPseudonymised')}</Paragraph>}
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
        {edges.length === 0 ? (
          <Paragraph>{t('noCandidates')}</Paragraph>
        ) : (
          <ol className="osaamo-match-list" aria-labelledby="candidates-heading">
            {edges.map(({ node }) => {
              const jobseeker = node.jobseeker.id ?? node.jobseeker.pseudonym;
              return (
                <li key={jobseeker}>
                  <Link
                    to={`/vacancies/${encodeURIComponent(vacancyId)}/candidates/${encodeURIComponent(jobseeker)}`}
                  >
                    {t('candidateLink', { name: node.jobseeker.pseudonym })}
                  </Link>
                  {' – '}
                  <strong>{t('candidateScore', { score: percent(node.score) })}</strong>
                  <br />
                  {node.summary}
                </li>
              );
            })}
          </ol>
        )}
        {data?.matchesForVacancy.pageInfo.hasNextPage && (
          <Button
            variant="secondary"
            onClick={() => setFirst((n) => Math.min(100, n + CANDIDATES_PAGE))}
          >
            {t('showMore')}
          </Button>
        )}
      </QueryState>
      <NearMisses vacancyId={vacancyId} pseudonymised={pseudonymised} />
    </section>
  );
}
