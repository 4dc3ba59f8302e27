import { ReactNode } from 'react';
import { Heading, Text } from 'suomifi-ui-components';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import type { JobseekerProfileQuery } from '../../gql/graphql';
import { jobseekerMessages, NAMED_LICENCES } from './messages';
import type { Profile } from './JobseekerView';
import { conceptLabel, JobseekerT } from './conceptLabel';
import type { ConceptLabels } from './conceptLabel';
import { languageName, municipalityName } from './lookups';

export function LanguagesList({ languages }: { languages: Profile['languages'] }) {
  const t = useMessages(jobseekerMessages);
  const { locale } = useFormat();
  if (languages.length === 0) return <Text>{t('noLanguages')}</Text>;
  return (
    <ul className="osaamo-jobseekers-list">
      {languages.map((spoken) => (
        <li key={spoken.language}>
          {t('languageWithLevel', {
            language: capitalise(languageName(spoken.language, locale), locale),
            level: t(`languageLevel.${spoken.level}`),
          })}
        </li>
      ))}
    </ul>
  );
}

export function LicencesList({ licences }: { licences: readonly string[] }) {
  const t = useMessages(jobseekerMessages);
  if (licences.length === 0) return <Text>{t('noLicences')}</Text>;
  return (
    <ul className="osaamo-jobseekers-list">
      {licences.map((code) => (
        <li key={code}>{licenceName(code, t)}</li>
      ))}
    </ul>
  );
}

const DRIVING_LICENCE = /^driving_licence_([a-z0-9]+)$/;

/** Osaamo's licence codes by name; a code the console does not know is shown as it is. */
function licenceName(code: string, t: JobseekerT): string {
  const driving = DRIVING_LICENCE.exec(code);
  if (driving?.[1]) return t('drivingLicence', { class: driving[1].toUpperCase() });
  const named = NAMED_LICENCES.find((known) => known === code);
  return named ? t(`licence.${named}`) : code;
}

/** Desired occupations and skills: wishes, never scored. */
export function WishesSection({ profile, labels }: { profile: Profile; labels: ConceptLabels }) {
  const t = useMessages(jobseekerMessages);
  const names = (uris: readonly string[]) =>
    uris.length === 0 ? (
      t('noneRecorded')
    ) : (
      <ul className="osaamo-jobseekers-list">
        {uris.map((uri) => (
          <li key={uri}>{conceptLabel(labels, uri, t)}</li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="wishes" className="osaamo-jobseekers-section">
      <Heading variant="h2" id="wishes">
        {t('wishesTitle')}
      </Heading>
      <Facts
        facts={[
          [t('desiredOccupations'), names(profile.desiredOccupationUris)],
          [t('desiredSkills'), names(profile.desiredSkillUris)],
          [
            t('workingTimes'),
            listed(
              profile.workingTimePreferences.map((w) => t(`workingTime.${w}`)),
              t,
            ),
          ],
          [
            t('contractTypes'),
            listed(
              profile.contractPreferences.map((c) => t(`contract.${c}`)),
              t,
            ),
          ],
        ]}
      />
    </section>
  );
}

/** Where the jobseeker can work: home municipality, commute, moving, abroad, remote work, when. */
export function WorkAreaSection({
  profile,
  municipalities,
}: {
  profile: Profile;
  municipalities: JobseekerProfileQuery['municipalities'];
}) {
  const t = useMessages(jobseekerMessages);
  const { language } = useLanguage();
  const format = useFormat();
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  return (
    <section aria-labelledby="work-area" className="osaamo-jobseekers-section">
      <Heading variant="h2" id="work-area">
        {t('workAreaTitle')}
      </Heading>
      <Facts
        facts={[
          [
            t('homeMunicipality'),
            municipalityName(municipalities, profile.homeMunicipalityCode, language),
          ],
          [
            t('maxCommute'),
            profile.maxCommuteKm === null || profile.maxCommuteKm === undefined
              ? t('notKnown')
              : format.km(profile.maxCommuteKm),
          ],
          [t('willingToRelocate'), yesNo(profile.willingToRelocate)],
          [t('willingToWorkAbroad'), yesNo(profile.willingToWorkAbroad)],
          [t('remotePreference'), t(`remote.${profile.remotePreference}`)],
          [
            t('earliestStart'),
            profile.earliestStartDate ? format.date(profile.earliestStartDate) : t('notKnown'),
          ],
        ]}
      />
    </section>
  );
}

/** Term–value pairs as a description list, which screen readers read as pairs. */
function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="osaamo-jobseekers-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function listed(values: string[], t: JobseekerT): string {
  return values.length === 0 ? t('noneRecorded') : values.join(', ');
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
