import { Paragraph, StaticChip, Table } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import { jobseekerMessages } from './messages';
import type { Profile } from './JobseekerView';
import { conceptLabel, JobseekerT } from './conceptLabel';
import type { ConceptLabels } from './conceptLabel';

type Assessment = NonNullable<Profile['activeAssessment']>;
type Skill = Assessment['skills'][number];

/**
 * The active assessment's skills by name, strongest first, with the level named as well as
 * numbered; who assessed them and when is said once above (the contract has one source per
 * assessment, not per skill).
 */
export function SkillsTable({
  assessment,
  labels,
}: {
  assessment: Assessment;
  labels: ConceptLabels;
}) {
  const t = useMessages(jobseekerMessages);
  const format = useFormat();
  const name = (skill: Skill) => conceptLabel(labels, skill.skillUri, t);
  const skills = [...assessment.skills].sort(
    (a, b) => b.level - a.level || name(a).localeCompare(name(b), format.locale),
  );
  return (
    <>
      <Paragraph mb="s">
        <StaticChip>
          {t('assessedBy', {
            source: t(`source.${assessment.source}`),
            date: format.date(assessment.assessedAt),
          })}
        </StaticChip>
      </Paragraph>
      <Table
        caption={t('skillsCaption')}
        columns={[
          { key: 'skill', labelText: t('columnSkill') },
          { key: 'level', labelText: t('columnLevel') },
          { key: 'experience', labelText: t('columnExperience') },
          { key: 'lastUsed', labelText: t('columnLastUsed') },
        ]}
        data={skills.map((skill) => ({
          id: skill.skillUri,
          skill: name(skill),
          level: t('levelNamed', { name: levelName(skill.level, t), level: skill.level }),
          experience: experience(skill.experienceMonths, t),
          lastUsed: skill.lastUsedYear ? String(skill.lastUsedYear) : t('notKnown'),
        }))}
      />
    </>
  );
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/** Levels 1 (basic) to 5 (expert), named as the server's level suggestion reads them. */
function levelName(level: number, t: JobseekerT): string {
  const known = LEVELS.find((candidate) => candidate === level);
  return known ? t(`level.${known}`) : String(level);
}

function experience(months: number | null | undefined, t: JobseekerT): string {
  if (months === null || months === undefined) return t('notKnown');
  return months < 12
    ? t('experienceMonths', { months })
    : t('experienceYears', { years: Math.floor(months / 12) });
}
