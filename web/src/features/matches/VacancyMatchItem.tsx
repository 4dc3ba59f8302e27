import { Link as RouterDomLink } from 'react-router-dom';
import { ExternalLink, Heading, Paragraph, RouterLink, StaticChip } from 'suomifi-ui-components';
import type { VacancyMatchesQuery } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { vacancyMatchesMessages } from './vacancy-matches.messages';

type Match = VacancyMatchesQuery['matchesForJobseeker']['edges'][number]['node'];
type Municipality = VacancyMatchesQuery['municipalities'][number];

/** One ranked vacancy: its score and source, where and how far, until when, and where to go next. */
export function VacancyMatchItem({
  jobseekerId,
  match,
  municipalities,
}: {
  jobseekerId: string;
  match: Match;
  municipalities: Municipality[];
}) {
  const t = useMessages(vacancyMatchesMessages);
  const { percent, km, date } = useFormat();
  const { language } = useLanguage();
  const local = match.vacancy;
  const outside = match.externalVacancy;
  const title = local?.title ?? outside?.title ?? match.vacancyId;
  const titleId = `vacancy-match-${match.vacancyId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const nameOf = (m: Municipality) => (language === 'sv' ? m.nameSv : m.nameFi);

  const municipality = byCode.get(local?.municipalityCode ?? outside?.locationCode ?? '');
  const place = municipality
    ? nameOf(municipality)
    : outside
      ? new Intl.DisplayNames([language], { type: 'region' }).of(outside.country)
      : undefined;
  // The distance the matcher judged, from where the jobseeker lives (their own coordinates or
  // their home municipality's centre, hence "about").
  const distance = match.distanceKm ?? null;
  const deadline = local ? local.applicationDeadline : outside?.expiresAt;
  const employer = local?.employer.name ?? outside?.employerName;

  return (
    <li className="vacancy-match" aria-labelledby={titleId}>
      <div className="vacancy-match-head">
        <Heading variant="h3" id={titleId} className="vacancy-match-title">
          {title}
        </Heading>
        <span className="vacancy-match-score">{t('score', { percent: percent(match.score) })}</span>
      </div>
      <dl className="vacancy-match-facts">
        <div>
          <dt>{t('source')}</dt>
          <dd>
            <StaticChip className={`vacancy-match-source vacancy-match-source-${match.source}`}>
              {t(`source.${match.source}`)}
            </StaticChip>
          </dd>
        </div>
        {employer && (
          <div>
            <dt>{t('employer')}</dt>
            <dd>{employer}</dd>
          </div>
        )}
        <div>
          <dt>{t('place')}</dt>
          <dd>{place ?? t('placeUnknown')}</dd>
        </div>
        <div>
          <dt>{t('distance')}</dt>
          <dd>
            {distance === null
              ? t('distanceUnknown')
              : t('distanceAbout', { km: km(Math.round(distance)) })}
          </dd>
        </div>
        <div>
          <dt>{t('deadline')}</dt>
          <dd>{deadline ? date(deadline) : t('deadlineNone')}</dd>
        </div>
      </dl>
      <Paragraph className="vacancy-match-summary">{match.summary}</Paragraph>
      <div className="vacancy-match-links">
        {local && (
          <>
            <RouterLink
              asComponent={RouterDomLink}
              to={`/jobseekers/${jobseekerId}/vacancies/${local.id}`}
              aria-label={t('whyLinkFor', { title })}
            >
              {t('whyLink')}
            </RouterLink>
            <RouterLink
              asComponent={RouterDomLink}
              to={`/jobseekers/${jobseekerId}/gap?vacancy=${encodeURIComponent(local.id)}`}
              aria-label={t('gapLinkFor', { title })}
            >
              {t('gapLink')}
            </RouterLink>
          </>
        )}
        {outside?.url && (
          <ExternalLink
            href={outside.url}
            toNewWindow
            labelNewWindow={t('newTab')}
            aria-label={`${t('originalAdFor', { title })} ${t('newTab')}`}
          >
            {t('originalAd')}
          </ExternalLink>
        )}
      </div>
    </li>
  );
}
