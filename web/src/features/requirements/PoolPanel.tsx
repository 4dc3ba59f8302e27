import { useEffect, useState } from 'react';
import { Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { useMessages } from '../../i18n/i18n';
import type { PoolEstimate } from './draft';
import { editorMessages } from './editor.messages';

/** A value that follows another once it has stayed still for `delay` ms (typing, not keystrokes). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * The pool of the saved profile (exact, as requirementInsights counts it) and an estimate for the
 * draft as it is edited; the threshold that counts is the employer's to set.
 */
export function PoolSummary({
  pool,
  revision,
  estimate,
  edited,
  updating,
  thresholdPercent,
  onThresholdChange,
}: {
  pool: number | null;
  revision: number;
  estimate: PoolEstimate;
  edited: boolean;
  updating: boolean;
  thresholdPercent: string;
  onThresholdChange: (value: string) => void;
}) {
  const t = useMessages(editorMessages);
  return (
    <div className="requirement-pool">
      <Heading variant="h2" id="pool-title">
        {t('poolTitle')}
      </Heading>
      <div aria-live="polite" data-testid="pool-summary">
        <Paragraph className="requirement-pool-figure">
          {pool == null ? t('poolHidden') : t('poolSaved', { pool, revision })}
        </Paragraph>
        {!edited && <Paragraph>{t('poolDraftSame')}</Paragraph>}
        {edited && estimate.knownEdits > 0 && estimate.pool != null && (
          <Paragraph className="requirement-pool-figure">
            {t('poolDraftEstimate', { pool: estimate.pool })}
          </Paragraph>
        )}
        {edited && estimate.unknownEdits > 0 && (
          <Paragraph>{t('poolDraftUnknown', { count: estimate.unknownEdits })}</Paragraph>
        )}
        {updating && <Paragraph>{t('poolUpdating')}</Paragraph>}
      </div>
      <TextInput
        id="pool-threshold"
        mt="s"
        type="number"
        min={0}
        max={100}
        step={5}
        labelText={t('threshold')}
        hintText={t('thresholdHint')}
        value={thresholdPercent}
        onChange={(value) => onThresholdChange(String(value ?? ''))}
      />
    </div>
  );
}
