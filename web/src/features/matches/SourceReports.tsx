import { InlineAlert } from 'suomifi-ui-components';
import type { VacancyMatchesQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/i18n';
import { vacancyMatchesMessages } from './vacancy-matches.messages';

type Report = VacancyMatchesQuery['matchesForJobseeker']['sources'][number];

/**
 * The outside sources that did not answer as usual, in words: the counsellor should know when
 * Job Market Finland's or EURES's vacancies are missing or old. Nothing when all went well.
 */
export function SourceReports({ reports }: { reports: Report[] }) {
  const t = useMessages(vacancyMatchesMessages);
  const notOk = reports.filter((report) => report.status !== 'OK');
  if (notOk.length === 0) return null;
  return (
    <div className="vacancy-matches-sources">
      {notOk.map((report) => (
        <InlineAlert
          key={report.source}
          // Not asked because it was not needed is no fault; anything else means missing data.
          status={report.status === 'NOT_NEEDED' ? 'neutral' : 'warning'}
        >
          {t(`status.${report.status as Exclude<typeof report.status, 'OK'>}`, {
            source: t(`source.${report.source}`),
          })}
        </InlineAlert>
      ))}
    </div>
  );
}
