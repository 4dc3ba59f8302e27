import { Heading, Paragraph, Table } from 'suomifi-ui-components';
import type { SkillGapItemFieldsFragment } from '../../gql/graphql';
import { useMessages } from '../../i18n/i18n';
import { guidanceMessages } from './messages';

/** The gap's skills by name: those missing, then those held below the level asked. */
export function GapSkills({
  missing,
  underLevel,
}: {
  missing: SkillGapItemFieldsFragment[];
  underLevel: SkillGapItemFieldsFragment[];
}) {
  const t = useMessages(guidanceMessages);
  return (
    <>
      <Heading variant="h3" id="missing-heading" mt="l" mb="s">
        {t('missingHeading')}
      </Heading>
      {missing.length === 0 ? (
        <Paragraph>{t('missingNone')}</Paragraph>
      ) : (
        <GapTable items={missing} labelledBy="missing-heading" />
      )}
      <Heading variant="h3" id="under-level-heading" mt="l" mb="s">
        {t('underLevelHeading')}
      </Heading>
      {underLevel.length === 0 ? (
        <Paragraph>{t('underLevelNone')}</Paragraph>
      ) : (
        <GapTable items={underLevel} labelledBy="under-level-heading" />
      )}
    </>
  );
}

function GapTable({
  items,
  labelledBy,
}: {
  items: SkillGapItemFieldsFragment[];
  labelledBy: string;
}) {
  const t = useMessages(guidanceMessages);
  const columns = [
    { key: 'skill', labelText: t('columnSkill') },
    { key: 'importance', labelText: t('columnImportance') },
    { key: 'required', labelText: t('columnRequired') },
    { key: 'held', labelText: t('columnHeld') },
    { key: 'related', labelText: t('columnRelated') },
  ] as const;
  const rows = items.map((item) => ({
    id: item.skillUri,
    skill: item.label,
    importance: t(`importance.${item.importance}`),
    required: t('level', { level: item.requiredLevel }),
    held: item.level == null ? t('notHeld') : t('level', { level: item.level }),
    related:
      item.related.length === 0
        ? t('noRelated')
        : item.related
            .map((held) =>
              t('relatedSkill', {
                label: held.label,
                level: t('level', { level: held.level }),
                relation: t(`relation.${held.relation}`),
              }),
            )
            .join('; '),
  }));
  return <Table aria-labelledby={labelledBy} columns={columns} data={rows} condensed />;
}
