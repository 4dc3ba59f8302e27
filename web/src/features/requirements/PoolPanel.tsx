import { useEffect, useState } from 'react';
import { Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { useMessages } from '../../i18n/i18n';
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
 * The pool as requirementInsights counts it: of the saved profile, or of the draft as it is
 * edited (sent as `draft`), with the saved revision's pool beside it. A draft's pool is exact
 * for a counsellor and perturbed for others; the threshold that counts is the user's to set.
 */
export function PoolSummary({
  saved,
  drafted,
  edited,
  draftFailed,
  updating,
  thresholdPercent,
  onThresholdChange,
}: {
  saved: { pool: number | null; revision: number };
  /** The draft's pool; undefined until counted. */
  drafted: number | null | undefined;
  edited: boolean;
  draftFailed: boolean;
  updating: boolean;
  thresholdPercent: string;
  onThresholdChange: (value: string) => void;
}) {
  const t = useMessages(editorMessages);
  const savedPool =
    saved.pool == null ? t('poolDraftSavedHidden') : t('poolDraftSaved', { pool: saved.pool });
  return (
    <div className="requirement-pool">
      <Heading variant="h2" id="pool-title">
        {t('poolTitle')}
      </Heading>
      <div aria-live="polite" data-testid="pool-summary">
        {!edited && (
          <>
            <Paragraph className="requirement-pool-figure">
              {saved.pool == null
                ? t('poolHidden')
                : t('poolSaved', { pool: saved.pool, revision: saved.revision })}
            </Paragraph>
            <Paragraph>{t('poolDraftSame')}</Paragraph>
          </>
        )}
        {edited && draftFailed && <Paragraph>{t('poolDraftInvalid')}</Paragraph>}
        {edited && !draftFailed && drafted !== undefined && (
          <>
            <Paragraph className="requirement-pool-figure" data-testid="pool-draft">
              {drafted == null ? t('poolDraftHidden') : t('poolDraft', { pool: drafted })}
            </Paragraph>
            <Paragraph data-testid="pool-saved">{savedPool}</Paragraph>
          </>
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
