import { searchOf } from './JobseekerSearch';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Block, Heading, InlineAlert, Paragraph, RouterLink, Text } from 'suomifi-ui-components';
import type { JobseekerProfileQuery } from '../../gql/graphql';
import { PurposeChooser } from '../../api/PurposeChooser';
import { usePurpose } from '../../api/purpose';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { useViewQuery } from '../../api/view-data';
import { jobseekerProfileRequest } from './operations';
import { QueryState } from '../../layout/QueryState';
import { VacancyMatches } from '../matches/VacancyMatches';
import { jobseekerMessages } from './messages';
import type { ConceptLabels } from './conceptLabel';
import { SkillsTable } from './SkillsTable';
import { LanguagesList, LicencesList, WishesSection, WorkAreaSection } from './ProfileSections';
import './jobseekers.css';

export type Profile = JobseekerProfileQuery['jobseeker'];

/**
 * A jobseeker's competence profile for a counsellor: skills with levels and who assessed them,
 * languages, licences, desired work and where they can work; then their ranked vacancies.
 */
export default function JobseekerView() {
  const t = useMessages(jobseekerMessages);
  const { jobseekerId = '' } = useParams();
  const { purpose } = usePurpose();
  const { language } = useLanguage();
  // A new purpose reads the profile again, so that the audit row carries it.
  const context = useMemo(() => ({ purpose }), [purpose]);
  const [{ data, fetching, error }] = useViewQuery({
    ...jobseekerProfileRequest(jobseekerId, language),
    pause: !purpose,
    context,
  });
  const labels = useMemo(() => profileLabels(data?.jobseeker), [data]);
  const person = data?.jobseeker.personalData;
  // Back to the search the counsellor came from, when they came from one.
  const fromSearch = searchOf(useLocation().state);

  return (
    <Block data-view="jobseeker" data-ready={String(Boolean(data))}>
      <RouterLink
        asComponent={Link}
        to="/jobseekers"
        state={fromSearch ? { q: fromSearch } : null}
        className="osaamo-jobseekers-back"
      >
        {t('backToSearch')}
      </RouterLink>
      <Heading variant="h1">
        {person ? `${person.firstName} ${person.lastName}` : t('jobseekerTitle')}
      </Heading>
      <div className="osaamo-jobseekers-controls">
        <PurposeChooser />
      </div>
      {!purpose ? (
        <InlineAlert status="warning">{t('choosePurposeToView')}</InlineAlert>
      ) : (
        <>
          <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
            {data && (
              <ProfileDetails
                profile={data.jobseeker}
                municipalities={data.municipalities}
                labels={labels}
              />
            )}
          </QueryState>
          <VacancyMatches jobseekerId={jobseekerId} />
        </>
      )}
    </Block>
  );
}

/** The names of the profile's skills and occupations, from the links the query asked for. */
function profileLabels(profile: Profile | undefined): ConceptLabels {
  const concepts = [
    ...(profile?.activeAssessment?.skills.map((skill) => skill.skill) ?? []),
    ...(profile?.desiredSkills ?? []),
    ...(profile?.desiredOccupations ?? []),
  ];
  return new Map(concepts.map((c) => [c.uri, c.preferredLabel ?? null]));
}

function ProfileDetails({
  profile,
  municipalities,
  labels,
}: {
  profile: Profile;
  municipalities: JobseekerProfileQuery['municipalities'];
  labels: ConceptLabels;
}) {
  const t = useMessages(jobseekerMessages);
  return (
    <>
      <Paragraph mb="s">
        {profile.customerId && `${t('customerId', { customerId: profile.customerId })} · `}
        {t('statusLine', { status: t(`status.${profile.employmentStatus}`) })}
      </Paragraph>
      <Paragraph mb="l">
        <RouterLink asComponent={Link} to={`/jobseekers/${profile.id ?? ''}/gap`}>
          {t('gapLink')}
        </RouterLink>
      </Paragraph>
      <section aria-labelledby="competences" className="osaamo-jobseekers-section">
        <Heading variant="h2" id="competences">
          {t('competenceTitle')}
        </Heading>
        {profile.activeAssessment ? (
          <SkillsTable assessment={profile.activeAssessment} labels={labels} />
        ) : (
          <Text>{t('noAssessment')}</Text>
        )}
      </section>
      <section aria-labelledby="languages" className="osaamo-jobseekers-section">
        <Heading variant="h2" id="languages">
          {t('languagesTitle')}
        </Heading>
        <LanguagesList languages={profile.languages} />
      </section>
      <section aria-labelledby="licences" className="osaamo-jobseekers-section">
        <Heading variant="h2" id="licences">
          {t('licencesTitle')}
        </Heading>
        <LicencesList licences={profile.licences} />
      </section>
      <WishesSection profile={profile} labels={labels} />
      <WorkAreaSection profile={profile} municipalities={municipalities} />
    </>
  );
}
