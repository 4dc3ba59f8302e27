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
import type { SkillDemandQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/i18n';
import { demandMessages } from './messages';

/** Open positions and jobseekers per skill in demand (the view's table has the same figures). */
export default function DemandChart({ rows }: { rows: SkillDemandQuery['demandForSkills'] }) {
  const t = useMessages(demandMessages);
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
        <Bar dataKey="positions" name={t('positions')} fill="#2a6ebb" />
        <Bar dataKey="jobseekers" name={t('jobseekers')} fill="#c1591f" />
      </BarChart>
    </ResponsiveContainer>
  );
}
