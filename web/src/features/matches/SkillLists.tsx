import { Heading, Paragraph } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import type { MatchExplanationFieldsFragment } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';

type Match = Pick<
  MatchExplanationFieldsFragment,
  'skillsMet' | 'matchedSkills' | 'relatedSkills' | 'missingSkills'
>;

/** Matched, met through a related skill (naming the held one) and missing, by name and level. */
export function SkillLists({ match }: { match: Match }) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  const label = (skill: { preferredLabel?: string | null }, uri: string) =>
    skill.preferredLabel ?? uri;
  return (
    <section aria-labelledby="skills-heading">
      <Heading variant="h2" id="skills-heading">
        {t('skillsHeading')}
      </Heading>
      <Paragraph>{t('skillsMet', match.skillsMet)}</Paragraph>

      <Heading variant="h3" id="matched-skills" mt="m">
        {t('matchedHeading', { count: match.matchedSkills.length })}
      </Heading>
      <SkillList labelledBy="matched-skills" empty={t('none')}>
        {match.matchedSkills.map((skill) => (
          <li key={skill.skillUri}>
            <strong>{label(skill.skill, skill.skillUri)}</strong>
            {' – '}
            {[
              t(`importance.${skill.importance}`),
              t('levels', { level: skill.level, required: skill.requiredLevel }),
              t('credit', { percent: percent(skill.credit) }),
            ].join(', ')}
          </li>
        ))}
      </SkillList>

      <Heading variant="h3" id="related-skills" mt="m">
        {t('relatedHeading', { count: match.relatedSkills.length })}
      </Heading>
      <SkillList labelledBy="related-skills" empty={t('none')}>
        {match.relatedSkills.map((skill) => (
          <li key={skill.skillUri}>
            <strong>{label(skill.skill, skill.skillUri)}</strong>
            {' – '}
            {[
              t(`importance.${skill.importance}`),
              t('requiredLevel', { required: skill.requiredLevel }),
            ].join(', ')}
            <br />
            {t('heldSkill', {
              skill: skill.viaSkill.preferredLabel ?? '',
              level: skill.level,
              relation: t(`relation.${skill.relation}`),
            })}
          </li>
        ))}
      </SkillList>

      <Heading variant="h3" id="missing-skills" mt="m">
        {t('missingHeading', { count: match.missingSkills.length })}
      </Heading>
      <SkillList labelledBy="missing-skills" empty={t('none')}>
        {match.missingSkills.map((skill) => (
          <li key={skill.skillUri}>
            <strong>{label(skill.skill, skill.skillUri)}</strong>
            {' – '}
            {[
              t(`importance.${skill.importance}`),
              t('requiredLevel', { required: skill.requiredLevel }),
            ].join(', ')}
          </li>
        ))}
      </SkillList>
    </section>
  );
}

function SkillList({
  labelledBy,
  empty,
  children,
}: {
  labelledBy: string;
  empty: string;
  children: React.ReactNode[];
}) {
  if (children.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul aria-labelledby={labelledBy} className="osaamo-skill-list">
      {children}
    </ul>
  );
}
