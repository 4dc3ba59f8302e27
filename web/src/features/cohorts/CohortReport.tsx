import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Button } from 'suomifi-ui-components';
import { usePurpose } from '../../api/purpose';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { QueryState } from '../../layout/QueryState';
import { cohortReportRequest } from './operations';
import { cohortMessages } from './messages';

/**
 * The working group's one-page report, asked for in the console's language when opened, shown
 * in a frame that runs no scripts (the HTML is the server's, but it carries people's data and
 * needs none); same-origin and modals only so that the Print button may call its print().
 */
export function CohortReport({ cohortId }: { cohortId: string }) {
  const t = useMessages(cohortMessages);
  const { language } = useLanguage();
  const { purpose } = usePurpose();
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const context = useMemo(() => ({ purpose }), [purpose]);
  const [{ data, fetching, error }] = useQuery({
    ...cohortReportRequest(cohortId, language),
    pause: !open,
    context,
  });
  return (
    <section className="osaamo-cohort-report" aria-label={t('reportTitle')}>
      <div className="osaamo-button-row">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls="cohort-report"
          onClick={() => setOpen(!open)}
        >
          {open ? t('closeReport') : t('report')}
        </Button>
        {open && data && (
          <Button variant="secondary" onClick={() => frame.current?.contentWindow?.print()}>
            {t('print')}
          </Button>
        )}
      </div>
      <div id="cohort-report">
        {open && (
          <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
            {data && (
              <iframe
                ref={frame}
                title={t('reportTitle')}
                sandbox="allow-same-origin allow-modals"
                srcDoc={data.cohortReport}
                data-part="cohort-report"
              />
            )}
          </QueryState>
        )}
      </div>
    </section>
  );
}
