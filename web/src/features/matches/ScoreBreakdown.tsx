import { lazy } from 'react';
import { Heading, Table } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import type { ScoreComponentName } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import { apportionPercent } from './words';
import { ChartSlot } from '../../layout/ChartSlot';

const ScoreChart = lazy(() => import('./ScoreChart'));

export interface ScorePart {
  name: ScoreComponentName;
  value?: number | null;
  weight: number;
  exactContribution: number;
}

/** Suomi.fi palette colours, each at least 3:1 against white, told apart by the legend too. */
const COLOURS: Record<ScoreComponentName, string> = {
  SKILLS: '#2a6ebb',
  OCCUPATION: '#00347a',
  LANGUAGES: '#1a7a5d',
  EDUCATION: '#a3238e',
  EXPERIENCE: '#c0392b',
  LOCATION: '#6b5b00',
  CONDITIONS: '#5f686d',
};

/**
 * The score as one horizontal bar of its parts, which add up to it; the table under it says
 * the same in words and numbers (the chart's text alternative).
 */
export default function ScoreBreakdown({ score, parts }: { score: number; parts: ScorePart[] }) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  const shown = parts.filter((part) => part.exactContribution > 0);
  const points = apportionPercent(
    shown.map((part) => part.exactContribution),
    score,
  );
  const row: Record<string, number | string> = { id: 'score' };
  shown.forEach((part, index) => (row[part.name] = points[index]! / 100));
  const pointsOf = (name: ScoreComponentName) => {
    const index = shown.findIndex((part) => part.name === name);
    return index < 0 ? 0 : points[index]! / 100;
  };
  const scoreText = percent(score);

  return (
    <section aria-labelledby="breakdown-heading">
      <Heading variant="h2" id="breakdown-heading">
        {t('breakdownHeading')}
      </Heading>
      <div role="img" aria-label={t('breakdownChart', { score: scoreText })} data-chart="breakdown">
        <ChartSlot height={150}>
          <ScoreChart row={row} parts={shown} colours={COLOURS} />
        </ChartSlot>
      </div>
      <Table
        caption={t('breakdownCaption')}
        condensed
        columns={[
          { key: 'part', labelText: t('columnPart') },
          { key: 'fit', labelText: t('columnFit'), textAlign: 'right' },
          { key: 'weight', labelText: t('columnWeight'), textAlign: 'right' },
          { key: 'contribution', labelText: t('columnContribution'), textAlign: 'right' },
        ]}
        data={[
          ...parts.map((part) => ({
            id: part.name,
            part: t(`component.${part.name}`),
            fit: part.value == null ? t('notJudged') : percent(part.value),
            weight: percent(part.weight),
            contribution: percent(pointsOf(part.name)),
          })),
          {
            id: 'total',
            part: t('total'),
            fit: '',
            weight: '',
            contribution: scoreText,
          },
        ]}
      />
    </section>
  );
}
