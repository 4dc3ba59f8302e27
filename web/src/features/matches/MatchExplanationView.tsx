import { ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Block, ExternalLink, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { apiLanguage, useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { PurposeChooser } from '../../api/PurposeChooser';
import { usePurpose } from '../../api/purpose';
import { QueryState } from '../../layout/QueryState';
import type { MatchExplanationFieldsFragment } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import { CandidateByPseudonymQuery, explainMatchRequest } from './operations';
import { useViewQuery } from '../../api/view-data';
import ScoreBreakdown from './ScoreBreakdown';
import { SkillLists } from './SkillLists';
import { HardRequirements } from './HardRequirements';
import { OutcomeRecorder } from './OutcomeRecorder';
import { NearMisses } from './NearMisses';
import { useMatchWords } from './words';
import './matches.css';

type Direction = 'forJobseeker' | 'forVacancy';

/**
 * Why this match: the score and its parts, the skills met, met through a related skill and
 * missing, the hard requirements, recording an outcome and near misses on request. Counsellors
 * read it through explainMatch (a purpose first); employers, who may not, by the candidate's
 * pseudonym in their vacancy's ranking.
 */
export default function MatchExplanationView({ direction }: { direction: Direction }) {
  const { jobseekerId = '', vacancyId = '' } = useParams();
  const session = useSignedIn();
  return session.role === 'employer' ? (
    <CandidateExplanation vacancyId={vacancyId} pseudonym={jobseekerId} />
  ) : (
    <CounsellorExplanation jobseekerId={jobseekerId} vacancyId={vacancyId} direction={direction} />
  );
}

function Page({ ready, children }: { ready: boolean; children: ReactNode }) {
  const t = useMessages(explanationMessages);
  return (
    <Block data-view="match-explanation" data-ready={String(ready)}>
      <Heading variant="h1" mb="m">
        {t('title')}
      </Heading>
      {children}
    </Block>
  );
}

function CounsellorExplanation({
  jobseekerId,
  vacancyId,
  direction,
}: {
  jobseekerId: string;
  vacancyId: string;
  direction: Direction;
}) {
  const t = useMessages(explanationMessages);
  const { language } = useLanguage();
  const { purpose } = usePurpose();
  const [{ data, fetching, error }] = useViewQuery({
    ...explainMatchRequest(jobseekerId, vacancyId, language),
    pause: !purpose,
  });
  const match = data?.explainMatch;
  const person = match?.jobseeker;
  return (
    <Page ready={Boolean(match)}>
      <PurposeChooser />
      <QueryState fetching={fetching} error={error} hasData={Boolean(match)}>
        {match && (
          <Explanation
            match={match}
            direction={direction}
            jobseekerId={jobseekerId}
            who={
              person?.personalData
                ? t('jobseeker', {
                    name: `${person.personalData.firstName} ${person.personalData.lastName}`,
                    customerId: person.customerId ?? '',
                  })
                : null
            }
          />
        )}
      </QueryState>
    </Page>
  );
}

/** Which page of the ranking to look in: the listed candidates first, then near misses too. */
interface Search {
  after: string | null;
  nearMisses: boolean;
}

function CandidateExplanation({ vacancyId, pseudonym }: { vacancyId: string; pseudonym: string }) {
  const t = useMessages(explanationMessages);
  const { language } = useLanguage();
  const [search, setSearch] = useState<Search>({ after: null, nearMisses: false });
  const [{ data, fetching, error }] = useQuery({
    query: CandidateByPseudonymQuery,
    variables: {
      vacancyId,
      language: apiLanguage(language),
      after: search.after,
      filter: search.nearMisses ? { includeNearMisses: true } : null,
    },
  });
  const page = data?.matchesForVacancy;
  const match = page?.edges.find(({ node }) => node.jobseeker.pseudonym === pseudonym)?.node;
  const exhausted = Boolean(page && !match && !page.pageInfo.hasNextPage && search.nearMisses);
  useEffect(() => {
    if (!page || match || fetching) return;
    if (page.pageInfo.hasNextPage)
      setSearch((current) => ({ ...current, after: page.pageInfo.endCursor ?? null }));
    else if (!search.nearMisses) setSearch({ after: null, nearMisses: true });
  }, [page, match, fetching, search.nearMisses]);

  return (
    <Page ready={Boolean(match) || exhausted}>
      <QueryState fetching={fetching} error={error} hasData={Boolean(match) || exhausted}>
        {match ? (
          <Explanation
            match={match}
            direction="forVacancy"
            jobseekerId={pseudonym}
            who={t('candidate', { pseudonym })}
            pseudonymised
          />
        ) : (
          <InlineAlert status="warning">{t('candidateNotFound')}</InlineAlert>
        )}
      </QueryState>
    </Page>
  );
}

function Explanation({
  match,
  direction,
  jobseekerId,
  who,
  pseudonymised = false,
}: {
  match: MatchExplanationFieldsFragment;
  direction: Direction;
  /** The id, or for an employer the pseudonym. */
  jobseekerId: string;
  who: string | null;
  pseudonymised?: boolean;
}) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  const { language } = useLanguage();
  const words = useMatchWords();
  const vacancy = match.vacancy;
  const outside = match.externalVacancy;
  const place = vacancy
    ? language === 'sv'
      ? vacancy.municipality.nameSv
      : vacancy.municipality.nameFi
    : null;
  const back =
    direction === 'forJobseeker'
      ? { to: `/jobseekers/${encodeURIComponent(jobseekerId)}`, text: t('backToJobseeker') }
      : { to: `/vacancies/${encodeURIComponent(match.vacancyId)}`, text: t('backToVacancy') };

  return (
    <>
      <Paragraph mt="m">
        <Link to={back.to}>{back.text}</Link>
      </Paragraph>
      <section aria-labelledby="match-heading" className="osaamo-match-context">
        <Heading variant="h2" id="match-heading">
          {t('vacancy', { title: vacancy?.title ?? outside?.title ?? match.vacancyId })}
        </Heading>
        {vacancy && (
          <Paragraph>
            {t('vacancyEmployer', { employer: vacancy.employer.name, place: place ?? '' })}
          </Paragraph>
        )}
        {outside?.employerName && <Paragraph>{outside.employerName}</Paragraph>}
        <Paragraph>{t('source', { source: t(`source.${match.source}`) })}</Paragraph>
        {outside && (
          <ExternalLink href={outside.url} toNewWindow labelNewWindow={t('newWindow')}>
            {t('openOriginal')}
          </ExternalLink>
        )}
        {who && <Paragraph mt="s">{who}</Paragraph>}
      </section>

      <section aria-labelledby="score-heading" className="osaamo-score">
        <Heading variant="h2" id="score-heading">
          {t('scoreHeading')}
        </Heading>
        <p className="osaamo-score-value" data-part="score">
          {percent(match.score)}
        </p>
        <Paragraph data-part="summary">{match.summary}</Paragraph>
        {match.nearMiss && (
          <InlineAlert status="warning">
            {t('nearMissNotice', { failure: words.failure(match.nearMiss) })}
          </InlineAlert>
        )}
      </section>

      <ScoreBreakdown score={match.score} parts={match.components} />
      <SkillLists match={match} />
      <HardRequirements match={match} />
      {match.source === 'LOCAL' ? (
        <OutcomeRecorder jobseeker={jobseekerId} vacancyId={match.vacancyId} />
      ) : (
        <section aria-labelledby="outcome-heading">
          <Heading variant="h2" id="outcome-heading">
            {t('outcomeHeading')}
          </Heading>
          <Paragraph>{t('outcomeOnlyLocal')}</Paragraph>
        </section>
      )}
      {direction === 'forJobseeker' ? (
        <NearMisses jobseekerId={jobseekerId} />
      ) : (
        <NearMisses vacancyId={match.vacancyId} pseudonymised={pseudonymised} />
      )}
    </>
  );
}
