import { Bar, BarChart, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { useFormat, useMessages } from '../../i18n/i18n';
import type { ScoreComponentName } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import type { ScorePart } from './ScoreBreakdown';

/** The score's parts as one stacked horizontal bar (ScoreBreakdown's table says the same). */
export default function ScoreChart({
  row,
  parts,
  colours,
}: {
  row: Record<string, number | string>;
  parts: ScorePart[];
  colours: Record<ScoreComponentName, string>;
}) {
  const t = useMessages(explanationMessages);
  const { percent } = useFormat();
  return (
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
      {parts.map((part) => (
        <Bar
          key={part.name}
          dataKey={part.name}
          name={t(`component.${part.name}`)}
          stackId="score"
          barSize={48}
          fill={colours[part.name]}
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
  );
}
