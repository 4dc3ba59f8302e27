import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { useMessages } from '../i18n/i18n';
import { layoutMessages } from '../layout/messages';
import { Purpose, PURPOSES, usePurpose } from './purpose';

/**
 * The purpose of a counsellor's look-up, chosen from a list: it becomes the X-Osaamo-Purpose
 * header of every request and the audit row of every read of personal data.
 */
export function PurposeChooser() {
  const t = useMessages(layoutMessages);
  const { purpose, setPurpose } = usePurpose();
  return (
    <Dropdown
      id="purpose"
      labelText={t('purposeLabel')}
      hintText={t('purposeHint')}
      visualPlaceholder={t('purposeMissing')}
      value={purpose}
      onChange={(value: string) => setPurpose(value as Purpose)}
    >
      {PURPOSES.map((code) => (
        <DropdownItem key={code} value={code}>
          {t(`purpose.${code}`)}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
