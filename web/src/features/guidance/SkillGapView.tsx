import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { useViewQuery } from '../../api/view-data';
import { gapTarget, skillGapRequest } from './operations';
import { PurposeChooser } from '../../api/PurposeChooser';
import { usePurpose } from '../../api/purpose';
import { QueryState } from '../../layout/QueryState';
import { guidanceMessages } from './messages';
import './guidance.css';
import { TargetChooser } from './TargetChooser';
import { GapSkills } from './GapSkills';
import { TrainingSuggestions } from './TrainingSuggestions';

/**
 * A jobseeker's skill gap against a vacancy (?vacancy=<id>) or an occupation
 * (?occupation=<uri>, which wins when both are given, so the vacancy can be returned to), with
 * the trainings that would close it and what they do to the jobseeker's matches.
 */
export default function SkillGapView() {
  const t = useMessages(guidanceMessages);
  const { language } = useLanguage();
  const { purpose } = usePurpose();
  const { jobseekerId = '' } = useParams();
  const [params] = useSearchParams();
  const givenVacancyId = params.get('vacancy');
  const { occupationUri, hasTarget } = gapTarget(params);
  const [{ data, fetching, error }] = useViewQuery({
    ...skillGapRequest(jobseekerId, params, language),
    pause: !purpose || !hasTarget,
  });
  const gap = data?.skillGap;
  // Null until the gap is there: no training is said to cover none of it before that.
  const gapSkillUris = useMemo(
    () => (gap ? new Set([...gap.missing, ...gap.underLevel].map((item) => item.skillUri)) : null),
    [gap],
  );

  return (
    <div data-view="skill-gap" data-ready={String(Boolean(gap))}>
      <RouterLink asComponent={Link} to={`/jobseekers/${encodeURIComponent(jobseekerId)}`}>
        {t('backToJobseeker')}
      </RouterLink>
      <Heading variant="h1" mt="s" mb="m">
        {t('title')}
      </Heading>
      <PurposeChooser />
      {!purpose && <Paragraph mt="s">{t('choosePurposeFirst')}</Paragraph>}

      <TargetChooser
        givenVacancyId={givenVacancyId}
        occupationUri={occupationUri}
        currentTarget={gap ? { label: gap.target, isVacancy: Boolean(gap.vacancyId) } : null}
      />

      {purpose && hasTarget && (
        <>
          <QueryState fetching={fetching} error={error} hasData={Boolean(gap)}>
            {gap && (
              <section aria-labelledby="gap-heading">
                <Heading variant="h2" id="gap-heading" mt="xl" mb="s">
                  {t('gapHeading', { target: gap.target })}
                </Heading>
                {/* Written by the server in the language asked: k of n met, what is missing. */}
                <Paragraph mb="m">{gap.explanation}</Paragraph>
                <GapSkills missing={gap.missing} underLevel={gap.underLevel} />
              </section>
            )}
          </QueryState>
          <TrainingSuggestions
            jobseekerId={jobseekerId}
            gapSkillUris={gapSkillUris}
            targetVacancyId={gap?.vacancyId ?? null}
          />
        </>
      )}
    </div>
  );
}
