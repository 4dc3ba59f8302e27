import { Heading, Paragraph, ExternalLink } from 'suomifi-ui-components';
import type { SkillGapTrainingsQuery } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useViewQuery } from '../../api/view-data';
import { useAfterFirstPaint } from '../../layout/use-after-first-paint';
import { trainingsRequest } from './operations';
import { QueryState } from '../../layout/QueryState';
import { guidanceMessages } from './messages';
import { ScoreRaises } from './ScoreRaises';

type Suggestion = SkillGapTrainingsQuery['trainingSuggestions'][number];
type Municipality = SkillGapTrainingsQuery['municipalities'][number];

/** The score a training must bring a vacancy to for it to count as within reach (the API's). */
const WITHIN_REACH = 0.6;

/**
 * The jobseeker's training suggestions (ranked by the server over all their near vacancies),
 * those covering a skill of this gap first, each with the before and after of their matches.
 */
export function TrainingSuggestions({
  jobseekerId,
  gapSkillUris,
  targetVacancyId,
}: {
  jobseekerId: string;
  gapSkillUris: Set<string> | null;
  targetVacancyId: string | null;
}) {
  const t = useMessages(guidanceMessages);
  const { language } = useLanguage();
  const [result] = useViewQuery(trainingsRequest(jobseekerId, language));
  // Below the gap: drawn after it, so that the trainings and their charts do not hold it back.
  const painted = useAfterFirstPaint();
  const { fetching, error } = result;
  const data = painted ? result.data : undefined;
  const suggestions = data?.trainingSuggestions ?? [];
  const municipalities = data?.municipalities ?? [];
  const covering = (suggestion: Suggestion) =>
    suggestion.closes.filter((closed) => gapSkillUris?.has(closed.skillUri));
  // A stable sort keeps the server's ranking within each group.
  const ordered = [...suggestions].sort(
    (a, b) => Number(covering(b).length > 0) - Number(covering(a).length > 0),
  );
  return (
    <section aria-labelledby="trainings-heading">
      <Heading variant="h2" id="trainings-heading" mt="xl" mb="s">
        {t('trainingsHeading')}
      </Heading>
      <Paragraph mb="m">{t('trainingsIntro')}</Paragraph>
      <QueryState fetching={fetching || !painted} error={error} hasData={Boolean(data)}>
        {data && ordered.length === 0 && <Paragraph>{t('trainingsNone')}</Paragraph>}
        <ol className="osaamo-gap-trainings">
          {ordered.map((suggestion) => (
            <li key={suggestion.trainingId}>
              <TrainingSuggestionCard
                jobseekerId={jobseekerId}
                suggestion={suggestion}
                coveredGapSkills={
                  gapSkillUris ? covering(suggestion).map((closed) => closed.label) : null
                }
                targetVacancyId={targetVacancyId}
                municipalities={municipalities}
              />
            </li>
          ))}
        </ol>
      </QueryState>
    </section>
  );
}

function TrainingSuggestionCard({
  jobseekerId,
  suggestion,
  coveredGapSkills,
  targetVacancyId,
  municipalities,
}: {
  jobseekerId: string;
  suggestion: Suggestion;
  coveredGapSkills: string[] | null;
  targetVacancyId: string | null;
  municipalities: Municipality[];
}) {
  const t = useMessages(guidanceMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const headingId = `training-${suggestion.trainingId}`;
  const municipality = municipalities.find((m) => m.code === suggestion.municipalityCode);
  const place = municipality
    ? language === 'sv'
      ? municipality.nameSv
      : municipality.nameFi
    : null;
  const facts = {
    provider: suggestion.provider,
    mode: t(`mode.${suggestion.mode}`),
    date: format.date(suggestion.nextStart),
  };
  const targetRaise = targetVacancyId
    ? suggestion.raises.find((raise) => raise.vacancyId === targetVacancyId)
    : undefined;
  const gained = suggestion.closes.map((closed) =>
    closed.levelBefore == null
      ? t('skillGained', { label: closed.label, after: closed.levelAfter })
      : t('skillRaised', {
          label: closed.label,
          before: closed.levelBefore,
          after: closed.levelAfter,
        }),
  );

  return (
    <article aria-labelledby={headingId} className="osaamo-gap-training">
      <Heading variant="h3" id={headingId} mb="xxs">
        {suggestion.title}
      </Heading>
      <Paragraph mb="s">
        {place ? t('trainingPlace', { ...facts, place }) : t('trainingFacts', facts)}
      </Paragraph>
      {coveredGapSkills && (
        <Paragraph mb="s">
          <strong>
            {coveredGapSkills.length > 0
              ? t('coversGap', { skills: coveredGapSkills.join(', ') })
              : t('coversNoneOfGap')}
          </strong>
        </Paragraph>
      )}
      {targetRaise && (
        <Paragraph mb="s">
          {t('targetRaise', {
            before: format.percent(targetRaise.before),
            after: format.percent(targetRaise.after),
          })}
        </Paragraph>
      )}
      <Paragraph mb="s">
        {t('broughtWithinReach', {
          count: suggestion.broughtWithinReach,
          threshold: format.percent(WITHIN_REACH),
        })}
      </Paragraph>
      {/* Written by the server in the language asked. */}
      <Paragraph mb="s">{suggestion.reason}</Paragraph>
      {gained.length > 0 && (
        <Paragraph mb="s">{t('skillsGained', { skills: gained.join(', ') })}</Paragraph>
      )}
      {suggestion.raises.length > 0 && (
        <ScoreRaises
          jobseekerId={jobseekerId}
          trainingTitle={suggestion.title}
          raises={suggestion.raises}
          threshold={WITHIN_REACH}
          targetVacancyId={targetVacancyId}
        />
      )}
      {suggestion.training?.url && (
        <ExternalLink href={suggestion.training.url} labelNewWindow={t('opensInNewWindow')}>
          {t('trainingPage')}
        </ExternalLink>
      )}
    </article>
  );
}
