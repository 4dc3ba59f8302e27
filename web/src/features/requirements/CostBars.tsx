import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useFormat, useMessages } from '../../i18n/i18n';
import { editorMessages } from './editor.messages';

// Suomi.fi highlight blue: 4.9:1 against white, for the bars and their labels.
const BAR_COLOUR = '#2a6ebb';

/** How many more would qualify without each requirement, a bar each (CostChart's table too). */
export default function CostBars({ charted }: { charted: { label: string; more: number }[] }) {
  const t = useMessages(editorMessages);
  const { number } = useFormat();
  return (
    <ResponsiveContainer width="100%" height={48 + charted.length * 36}>
      <BarChart
        data={charted}
        layout="vertical"
        margin={{ left: 8, right: 24 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={number} />
        <YAxis type="category" dataKey="label" width={220} interval={0} />
        <Bar
          dataKey="more"
          name={t('costBarName')}
          fill={BAR_COLOUR}
          isAnimationActive={false}
          label={{
            position: 'right',
            fill: '#1f2a33',
            formatter: (value: unknown) => (typeof value === 'number' ? number(value) : ''),
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
