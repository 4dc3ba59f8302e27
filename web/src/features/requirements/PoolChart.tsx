import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { RevisionComparisonQuery } from '../../gql/graphql';
import { useFormat, useMessages } from '../../i18n/i18n';
import { revisionMessages } from './revisions.messages';

type Comparison = RevisionComparisonQuery['compareRevisions'];

// Suomi.fi highlight blue: 4.9:1 against white.
const BAR_COLOUR = '#2a6ebb';

/** Before and after as two bars; hidden from screen readers, which read the table below. */
export default function PoolChart({ comparison }: { comparison: Comparison }) {
  const t = useMessages(revisionMessages);
  const { number } = useFormat();
  const data = [
    { name: t('revision', { revision: comparison.from }), pool: comparison.poolFrom },
    { name: t('revision', { revision: comparison.to }), pool: comparison.poolTo },
  ];
  if (data.every((bar) => bar.pool == null)) return null;
  return (
    <div className="osaamo-pool-chart" aria-hidden="true">
      <BarChart
        width={480}
        height={220}
        data={data.map((bar) => ({ ...bar, pool: bar.pool ?? 0 }))}
        margin={{ top: 24, right: 16, left: 0, bottom: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} />
        <XAxis dataKey="name" />
        <YAxis allowDecimals={false} tickFormatter={number} />
        <Bar dataKey="pool" fill={BAR_COLOUR} isAnimationActive={false}>
          <LabelList dataKey="pool" position="top" fill="#1f2a33" formatter={formatLabel(number)} />
        </Bar>
      </BarChart>
    </div>
  );
}

function formatLabel(number: (value: number) => string) {
  return (value: unknown) => (typeof value === 'number' ? number(value) : '');
}
