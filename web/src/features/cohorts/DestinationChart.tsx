import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useMessages } from '../../i18n/i18n';
import { cohortMessages } from './messages';

/** One municipality's or occupation's figures (null where the count is hidden). */
export interface DestinationRow {
  key: string;
  label: string;
  members: number | null;
  absorbable: number | null;
  positions: number;
}

/** Members matching and how many could go, per destination (the table beside has the same). */
export default function DestinationChart({ rows }: { rows: DestinationRow[] }) {
  const t = useMessages(cohortMessages);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ left: 16, right: 24 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 14 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="members" name={t('membersMatching')} fill="#2a6ebb" />
        <Bar dataKey="absorbable" name={t('couldTake')} fill="#c1591f" />
      </BarChart>
    </ResponsiveContainer>
  );
}
