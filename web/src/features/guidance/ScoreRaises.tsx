import { Link } from 'react-router-dom';
import { RouterLink, Table } from 'suomifi-ui-components';
import { Bar, BarChart, Legend, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { SkillGapTrainingsQuery } from '../../gql/graphql';
import { useFormat, useMessages } from '../../i18n/i18n';
import { guidanceMessages } from './messages';

type Raise = SkillGapTrainingsQuery['trainingSuggestions'][number]['raises'][number];

// Suomi.fi colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
const BEFORE_COLOUR = '#5f686d';
const AFTER_COLOUR = '#2a6ebb';

/**
 * A training's effect on the jobseeker's matches: a small bar chart (before and after per
 * vacancy) for those who would rather look, and the same figures as a table, which is the
 * chart's text alternative (the chart itself is hidden from screen readers).
 */
export function ScoreRaises({
  jobseekerId,
  trainingTitle,
  raises,
  threshold,
  targetVacancyId,
}: {
  jobseekerId: string;
  trainingTitle: string;
  raises: Raise[];
  threshold: number;
  targetVacancyId: string | null;
}) {
  const t = useMessages(guidanceMessages);
  const format = useFormat();
  const chartData = raises.map((raise) => ({
    name: raise.vacancyId === targetVacancyId ? `▶ ${raise.title}` : raise.title,
    before: Math.round(raise.before * 100),
    after: Math.round(raise.after * 100),
  }));
  const columns = [
    { key: 'vacancy', labelText: t('columnVacancy') },
    { key: 'before', labelText: t('columnBefore'), textAlign: 'right' },
    { key: 'after', labelText: t('columnAfter'), textAlign: 'right' },
  ] as const;
  const rows = raises.map((raise) => ({
    id: raise.vacancyId,
    vacancy: (
      <RouterLink
        asComponent={Link}
        to={`/jobseekers/${encodeURIComponent(jobseekerId)}/vacancies/${encodeURIComponent(raise.vacancyId)}`}
      >
        {raise.title}
      </RouterLink>
    ),
    before: format.percent(raise.before),
    after: format.percent(raise.after),
  }));

  return (
    <div className="osaamo-gap-raises">
      <div className="osaamo-gap-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={48 + raises.length * 30}>
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
      </div>
      <Table
        caption={t('raisesCaption', { title: trainingTitle })}
        columns={columns}
        data={rows}
        condensed
      />
    </div>
  );
}
