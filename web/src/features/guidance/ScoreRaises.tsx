import { lazy } from 'react';
import { Link } from 'react-router-dom';
import { RouterLink, Table } from 'suomifi-ui-components';
import type { SkillGapTrainingsQuery } from '../../gql/graphql';
import { useFormat, useMessages } from '../../i18n/i18n';
import { guidanceMessages } from './messages';
import { ChartSlot } from '../../layout/ChartSlot';

const RaisesChart = lazy(() => import('./RaisesChart'));

type Raise = SkillGapTrainingsQuery['trainingSuggestions'][number]['raises'][number];

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
        <ChartSlot height={48 + raises.length * 30}>
          <RaisesChart chartData={chartData} threshold={threshold} />
        </ChartSlot>
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
