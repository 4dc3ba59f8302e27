import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { apiLanguage, useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { QueryState } from '../../layout/QueryState';
import { explanationMessages } from './explanation.messages';
import { CandidatesQuery, JobseekerNearMissesQuery } from './operations';
import { useMatchWords } from './words';

/** At most this many near misses are listed: the best-scoring ones. */
const SHOWN = 10;

interface NearMiss {
  key: string;
  name: string;
  href: string;
  score: number;
  failure: string;
}

/**
 * Pairs failing exactly one hard requirement, asked for only when the user wants them (the
 * ranking without the floor costs more): a jobseeker's vacancies or a vacancy's candidates.
 */
export function NearMisses(
  props: { jobseekerId: string } | { vacancyId: string; pseudonymised: boolean },
) {
  const t = useMessages(explanationMessages);
  const [asked, setAsked] = useState(false);
  return (
    <section aria-labelledby="near-misses-heading" data-part="near-misses">
      <Heading variant="h2" id="near-misses-heading">
        {t('nearMissesHeading')}
      </Heading>
      <Paragraph mb="s">
        {'jobseekerId' in props ? t('nearMissesForJobseeker') : t('nearMissesForVacancy')}
      </Paragraph>
      {!asked ? (
        <Button variant="secondary" onClick={() => setAsked(true)}>
          {t('showNearMisses')}
        </Button>
      ) : 'jobseekerId' in props ? (
        <JobseekerNearMisses jobseekerId={props.jobseekerId} />
      ) : (
        <VacancyNearMisses vacancyId={props.vacancyId} pseudonymised={props.pseudonymised} />
      )}
    </section>
  );
}

function JobseekerNearMisses({ jobseekerId }: { jobseekerId: string }) {
  const { language } = useLanguage();
  const words = useMatchWords();
  const [{ data, fetching, error }] = useQuery({
    query: JobseekerNearMissesQuery,
    variables: { jobseekerId, language: apiLanguage(language) },
  });
  const items: NearMiss[] = (data?.matchesForJobseeker.edges ?? [])
    .filter(({ node }) => node.nearMiss)
    .map(({ node }) => ({
      key: node.vacancyId,
      name: node.vacancy?.title ?? node.externalVacancy?.title ?? node.vacancyId,
      href: `/jobseekers/${encodeURIComponent(jobseekerId)}/vacancies/${encodeURIComponent(node.vacancyId)}`,
      score: node.score,
      failure: words.failure(node.nearMiss!),
    }));
  return (
    <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
      <NearMissList items={items} />
    </QueryState>
  );
}

function VacancyNearMisses({
  vacancyId,
  pseudonymised,
}: {
  vacancyId: string;
  pseudonymised: boolean;
}) {
  const { language } = useLanguage();
  const t = useMessages(explanationMessages);
  const words = useMatchWords();
  const [{ data, fetching, error }] = useQuery({
    query: CandidatesQuery,
    variables: {
      vacancyId,
      language: apiLanguage(language),
      first: 100,
      withId: !pseudonymised,
      filter: { includeNearMisses: true, minScore: 0.2 },
    },
  });
  const items: NearMiss[] = (data?.matchesForVacancy.edges ?? [])
    .filter(({ node }) => node.nearMiss)
    .map(({ node }) => {
      const jobseeker = node.jobseeker.id ?? node.jobseeker.pseudonym;
      return {
        key: jobseeker,
        name: t('candidateLink', { name: node.jobseeker.pseudonym }),
        href: `/vacancies/${encodeURIComponent(vacancyId)}/candidates/${encodeURIComponent(jobseeker)}`,
        score: node.score,
        failure: words.failure(node.nearMiss!),
      };
    });
  return (
    <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
      <NearMissList items={items} />
    </QueryState>
  );
}

function NearMissList({ items }: { items: NearMiss[] }) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  if (items.length === 0) return <Paragraph>{t('noNearMisses')}</Paragraph>;
  return (
    <ul className="osaamo-match-list" aria-labelledby="near-misses-heading">
      {items.slice(0, SHOWN).map((item) => (
        <li key={item.key}>
          <Link to={item.href}>{item.name}</Link>
          {` – ${t('score', { score: percent(item.score) })}; ${item.failure}`}
        </li>
      ))}
    </ul>
  );
}
