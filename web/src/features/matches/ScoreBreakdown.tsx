import { Bar, BarChart, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { Heading, Table } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import type { ScoreComponentName } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import { apportionPercent } from './words';

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
        <BarChart
          layout="vertical"
          data={[row]}
          responsive
          style={{ width: '100%', maxWidth: 720, height: 150 }}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" domain={[0, 1]} tickFormatter={(value: number) => percent(value)} />
          <YAxis type="category" dataKey="id" hide />
          {/* In the order of the table, not alphabetical. */}
          <Legend itemSorter={null} />
          {shown.map((part) => (
            <Bar
              key={part.name}
              dataKey={part.name}
              name={t(`component.${part.name}`)}
              stackId="score"
              barSize={48}
              fill={COLOURS[part.name]}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={part.name}
                position="center"
                fill="#ffffff"
                formatter={(value: unknown) =>
                  typeof value === 'number' && value >= 0.06 ? percent(value) : ''
                }
              />
            </Bar>
          ))}
        </BarChart>
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
