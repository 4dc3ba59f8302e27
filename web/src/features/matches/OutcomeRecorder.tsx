import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Button, Heading, InlineAlert, Paragraph, Textarea } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import { errorCode } from '../../api/client';
import type { OutcomeStatus } from '../../gql/graphql';
import { explanationMessages } from './explanation.messages';
import { RecordOutcomeMutation } from './operations';

const STATUSES: OutcomeStatus[] = ['PROPOSED', 'APPLIED', 'INTERVIEWED', 'HIRED', 'REJECTED'];
const MAX_REASON = 500;

/**
 * What happened to the match, in one click; a rejection asks for its reason first. `jobseeker`
 * is the id (counsellors) or the pseudonym the employer was shown.
 */
export function OutcomeRecorder({
  jobseeker,
  vacancyId,
}: {
  jobseeker: string;
  vacancyId: string;
}) {
  const t = useMessages(explanationMessages);
  const { dateTime } = useFormat();
  const [result, record] = useMutation(RecordOutcomeMutation);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const submit = (status: OutcomeStatus, withReason?: string) =>
    void record({ input: { jobseeker, vacancyId, status, reason: withReason } }).then((answer) => {
      if (!answer.error && status === 'REJECTED') {
        setRejecting(false);
        setReason('');
      }
    });

  function submitRejection(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setReasonMissing(!trimmed);
    if (trimmed) submit('REJECTED', trimmed);
  }

  const recorded = result.data?.recordMatchOutcome;
  const failure = result.error
    ? errorCode(result.error) === 'FORBIDDEN'
      ? t('recordForbidden')
      : errorCode(result.error) === 'BAD_USER_INPUT' &&
          result.error.graphQLErrors[0]?.extensions?.field === 'input.reason'
        ? t('reasonRequired')
        : t('recordFailed', {
            reason: result.error.graphQLErrors[0]?.message ?? result.error.message,
          })
    : null;

  return (
    <section aria-labelledby="outcome-heading" data-part="outcome">
      <Heading variant="h2" id="outcome-heading">
        {t('outcomeHeading')}
      </Heading>
      <Paragraph mb="s">{t('outcomeHint')}</Paragraph>
      <div role="group" aria-label={t('outcomeButtons')} className="osaamo-button-row">
        {STATUSES.map((status) => (
          <Button
            key={status}
            variant={status === 'REJECTED' ? 'secondary' : 'default'}
            disabled={result.fetching}
            aria-expanded={status === 'REJECTED' ? rejecting : undefined}
            onClick={() => (status === 'REJECTED' ? setRejecting(true) : submit(status))}
          >
            {t(`status.${status}`)}
          </Button>
        ))}
      </div>
      {rejecting && (
        <form onSubmit={submitRejection} className="osaamo-reject-form">
          <Textarea
            id="reject-reason"
            labelText={t('rejectReason')}
            hintText={t('rejectReasonHint')}
            maxLength={MAX_REASON}
            value={reason}
            status={reasonMissing ? 'error' : 'default'}
            statusText={reasonMissing ? t('reasonRequired') : undefined}
            onChange={(event) => setReason(event.target.value)}
            fullWidth
          />
          <div className="osaamo-button-row">
            <Button type="submit" disabled={result.fetching}>
              {t('recordRejection')}
            </Button>
            <Button variant="secondaryNoBorder" onClick={() => setRejecting(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite" data-part="outcome-state">
        {result.fetching && <Paragraph>{t('recording')}</Paragraph>}
        {!result.fetching && failure && <InlineAlert status="error">{failure}</InlineAlert>}
        {!result.fetching && !failure && recorded && (
          <InlineAlert status="neutral">
            {t('recorded', {
              status: t(`status.${recorded.status}`),
              time: dateTime(recorded.recordedAt),
            })}
            {recorded.reason && ` ${t('recordedReason', { reason: recorded.reason })}`}
          </InlineAlert>
        )}
      </div>
    </section>
  );
}
