import { useCallback } from 'react';
import { useFormat } from '../../i18n/i18n';

/**
 * A count of people as shown: null is a count the server hid (disclosure control), shown as a
 * dash that the view's `hiddenCount` note explains.
 */
export function useCount() {
  const format = useFormat();
  return useCallback(
    (value: number | null | undefined) => (value == null ? '–' : format.number(value)),
    [format],
  );
}
