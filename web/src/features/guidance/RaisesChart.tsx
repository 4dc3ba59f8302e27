import { Bar, BarChart, Legend, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useFormat, useMessages } from '../../i18n/i18n';
import { guidanceMessages } from './messages';

// Suomi.fi colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
const BEFORE_COLOUR = '#5f686d';
const AFTER_COLOUR = '#2a6ebb';

/** Before and after per vacancy, with the threshold as a line (ScoreRaises' table says the same). */
export default function RaisesChart({
  chartData,
  threshold,
}: {
  chartData: { name: string; before: number; after: number }[];
  threshold: number;
}) {
  const t = useMessages(guidanceMessages);
  const format = useFormat();
  return (
    <ResponsiveContainer width="100%" height={48 + chartData.length * 30}>
      <BarChart
        data={chartData}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={(value: number) => format.percent(value / 100)}
        />
        <YAxis type="category" dataKey="name" width={170} interval={0} />
        <ReferenceLine x={threshold * 100} stroke="#212121" strokeDasharray="4 3" />
        <Bar dataKey="before" name={t('chartBefore')} fill={BEFORE_COLOUR} barSize={10} />
        <Bar dataKey="after" name={t('chartAfter')} fill={AFTER_COLOUR} barSize={10} />
        <Legend />
      </BarChart>
    </ResponsiveContainer>
  );
}
