import { lazy } from 'react';
import { Paragraph, Table } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import { editorMessages } from './editor.messages';
import { ChartSlot } from '../../layout/ChartSlot';

const CostBars = lazy(() => import('./CostBars'));

export interface CostRow {
  requirement: string;
  label: string;
  kind: 'SKILL' | 'LICENCE';
  importance?: string | null;
  requiredLevel?: number | null;
  ifDropped?: number | null;
  moreIfDropped?: number | null;
  ifOptional?: number | null;
  ifLevelLowered?: number | null;
}

/**
 * What each requirement (of the draft, or of the saved profile) costs: a bar per requirement of how many more would qualify if it
 * were dropped, and the same figures (with nice-to-have and a level lower) in a table, which is
 * the chart's text alternative.
 */
export function CostChart({ rows }: { rows: readonly CostRow[] }) {
  const t = useMessages(editorMessages);
  const { number } = useFormat();
  if (rows.length === 0) return <Paragraph>{t('costEmpty')}</Paragraph>;

  const charted = rows
    .filter((row) => row.moreIfDropped != null)
    .map((row) => ({ label: row.label, more: row.moreIfDropped! }))
    .sort((a, b) => b.more - a.more);
  const count = (value: number | null | undefined) =>
    value == null ? t('costHidden') : number(value);
  const now = (row: CostRow) =>
    row.kind === 'LICENCE'
      ? t('importance.ESSENTIAL')
      : `${t(`importance.${row.importance as 'ESSENTIAL'}`)}, ${t('costLevel', { level: row.requiredLevel ?? 1 })}`;

  const columns = [
    { key: 'requirement', labelText: t('costRequirement') },
    { key: 'now', labelText: t('costNow') },
    { key: 'more', labelText: t('costMoreIfDropped'), textAlign: 'right' },
    { key: 'optional', labelText: t('costIfOptional'), textAlign: 'right' },
    { key: 'lowered', labelText: t('costIfLevelLowered'), textAlign: 'right' },
  ] as const;

  return (
    <>
      <Paragraph mb="s">{t('costIntro')}</Paragraph>
      {charted.length > 0 && (
        <figure className="requirement-cost-chart" aria-label={t('costChartLabel')} role="img">
          <ChartSlot height={48 + charted.length * 36}>
            <CostBars charted={charted} />
          </ChartSlot>
        </figure>
      )}
      <Table
        caption={t('costTableCaption')}
        condensed
        columns={columns}
        data={rows.map((row) => ({
          id: `${row.kind}-${row.requirement}`,
          requirement: row.label,
          now: now(row),
          more:
            row.moreIfDropped == null
              ? t('costHidden')
              : row.moreIfDropped < 0
                ? t('costFewer', { count: -row.moreIfDropped })
                : t('costAdds', { count: row.moreIfDropped }),
          optional: row.kind === 'LICENCE' ? t('costNone') : count(row.ifOptional),
          lowered: row.kind === 'LICENCE' ? t('costNone') : count(row.ifLevelLowered),
        }))}
      />
      <Paragraph mt="xs">{t('costNote')}</Paragraph>
    </>
  );
}
