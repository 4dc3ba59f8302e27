import { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Block, Heading, Paragraph, Table, Text } from 'suomifi-ui-components';
import type { VacancyViewQuery } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { CandidateMatches } from '../matches/CandidateMatches';
import { vacancyMessages } from './messages';
import { useViewQuery } from '../../api/view-data';
import { vacancyViewRequest } from './operations';
import { languageName, municipalityName } from './names';
import './vacancies.css';

type Vacancy = VacancyViewQuery['vacancy'];
type Requirements = Vacancy['requirements'];

const IMPORTANCE_ORDER = { ESSENTIAL: 0, IMPORTANT: 1, NICE_TO_HAVE: 2 } as const;

/** /vacancies/:vacancyId: the vacancy, its requirement profile by name, and its candidates. */
export default function VacancyView() {
  const { vacancyId = '' } = useParams();
  const { language } = useLanguage();
  const [result] = useViewQuery(vacancyViewRequest(vacancyId, language));
  const vacancy = result.data?.vacancy;
  return (
    <Block data-view="vacancy" data-ready={String(Boolean(vacancy))}>
      <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(vacancy)}>
        {vacancy && <VacancyDetails vacancy={vacancy} />}
      </QueryState>
      {vacancy && <CandidateMatches vacancyId={vacancy.id} />}
    </Block>
  );
}

function VacancyDetails({ vacancy }: { vacancy: Vacancy }) {
  const t = useMessages(vacancyMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const session = useSignedIn();
  const ownVacancy = session.role === 'employer' && session.employerId === vacancy.employerId;
  const requirements = vacancy.requirements;
  return (
    <>
      <Paragraph mb="s">
        <Link to="/vacancies">{t('backToList')}</Link>
      </Paragraph>
      <Heading variant="h1" mb="m">
        {vacancy.title}
      </Heading>
      <nav aria-label={t('actionsLabel')} className="osaamo-vacancy-actions">
        {ownVacancy && (
          <Link to={`/vacancies/${vacancy.id}/requirements`}>{t('linkEditRequirements')}</Link>
        )}
        <Link to={`/vacancies/${vacancy.id}/revisions`}>{t('linkRevisions')}</Link>
      </nav>
      <section aria-labelledby="vacancy-details">
        <Heading variant="h2" id="vacancy-details" mb="s">
          {t('detailsHeading')}
        </Heading>
        <dl className="osaamo-facts">
          <Fact label={t('employer')}>{vacancy.employer.name}</Fact>
          <Fact label={t('place')}>{municipalityName(vacancy.municipality, language)}</Fact>
          <Fact label={t('status')}>{t(`status.${vacancy.status}`)}</Fact>
          <Fact label={t('deadline')}>
            {vacancy.applicationDeadline ? format.date(vacancy.applicationDeadline) : t('notSet')}
          </Fact>
          <Fact label={t('startDate')}>
            {vacancy.startDate ? format.date(vacancy.startDate) : t('notSet')}
          </Fact>
          <Fact label={t('positions')}>{format.number(vacancy.positions)}</Fact>
          <Fact label={t('workingTime')}>{t(`workingTime.${vacancy.workingTime}`)}</Fact>
          <Fact label={t('contract')}>{t(`contract.${vacancy.contractType}`)}</Fact>
          <Fact label={t('remote')}>{t(`remote.${vacancy.remote}`)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="vacancy-requirements">
        <Heading variant="h2" id="vacancy-requirements" mb="xs">
          {t('requirementsHeading')}
        </Heading>
        <Paragraph mb="m">
          {t('requirementsRevision', {
            revision: requirements.revision,
            date: format.dateTime(requirements.updatedAt),
            user: requirements.updatedBy,
          })}
        </Paragraph>
        <RequiredSkills skills={requirements.skills} />
        <RequiredLanguages languages={requirements.languages} />
        <RequiredLicences licences={requirements.licences} />
        <EducationAndExperience requirements={requirements} />
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function RequiredSkills({ skills }: { skills: Requirements['skills'] }) {
  const t = useMessages(vacancyMessages);
  const { language } = useLanguage();
  const nameOf = (skill: Requirements['skills'][number]) =>
    skill.skill.preferredLabel ?? skill.skillUri;
  const sorted = [...skills].sort(
    (a, b) =>
      IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] ||
      b.requiredLevel - a.requiredLevel ||
      nameOf(a).localeCompare(nameOf(b), language),
  );
  return (
    <>
      <Heading variant="h3" mb="xs">
        {t('skillsHeading')}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph mb="m">{t('noSkills')}</Paragraph>
      ) : (
        <Table
          caption={t('skillsCaption', { count: sorted.length })}
          columns={[
            { key: 'skill', labelText: t('colSkill') },
            { key: 'importance', labelText: t('colImportance') },
            { key: 'level', labelText: t('colLevel') },
          ]}
          data={sorted.map((skill) => ({
            id: skill.skillUri,
            skill: nameOf(skill),
            importance: t(`importance.${skill.importance}`),
            level: t('levelValue', { level: skill.requiredLevel }),
          }))}
          condensed
          mb="m"
        />
      )}
    </>
  );
}

function RequiredLanguages({ languages }: { languages: Requirements['languages'] }) {
  const t = useMessages(vacancyMessages);
  const { language } = useLanguage();
  return (
    <>
      <Heading variant="h3" mb="xs">
        {t('languagesHeading')}
      </Heading>
      {languages.length === 0 ? (
        <Paragraph mb="m">{t('noLanguages')}</Paragraph>
      ) : (
        <ul className="osaamo-plain-list">
          {[...languages]
            .sort((a, b) => Number(b.essential) - Number(a.essential))
            .map((required) => (
              <li key={required.language}>
                <Text>
                  {t('languageItem', {
                    language: languageName(required.language, language),
                    level: required.minLevel,
                  })}{' '}
                  ({required.essential ? t('languageEssential') : t('languageOptional')})
                </Text>
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

function RequiredLicences({ licences }: { licences: string[] }) {
  const t = useMessages(vacancyMessages);
  return (
    <>
      <Heading variant="h3" mb="xs">
        {t('licencesHeading')}
      </Heading>
      {licences.length === 0 ? (
        <Paragraph mb="m">{t('noLicences')}</Paragraph>
      ) : (
        <ul className="osaamo-plain-list">
          {licences.map((code) => (
            <li key={code}>
              <Text>{code}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function EducationAndExperience({ requirements }: { requirements: Requirements }) {
  const t = useMessages(vacancyMessages);
  return (
    <>
      <Heading variant="h3" mb="xs">
        {t('educationHeading')}
      </Heading>
      <ul className="osaamo-plain-list">
        <li>
          <Text>
            {requirements.minEducationLevel == null
              ? t('noEducation')
              : t('education', { level: requirements.minEducationLevel })}
          </Text>
        </li>
        {requirements.minExperienceMonths != null && requirements.minExperienceMonths > 0 && (
          <li>
            <Text>{t('experience', { months: requirements.minExperienceMonths })}</Text>
          </li>
        )}
      </ul>
    </>
  );
}
