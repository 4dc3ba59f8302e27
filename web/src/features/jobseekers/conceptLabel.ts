import type { Values } from '../../i18n/i18n';
import { jobseekerMessages } from './messages';
import type { ConceptLabels } from './useConceptLabels';

/** `t` of this feature's catalogue, for helpers outside components. */
export type JobseekerT = (key: keyof (typeof jobseekerMessages)['en'], values?: Values) => string;

/** A skill's or occupation's name; while names load, a short wait text; failing that, its URI. */
export function conceptLabel(labels: ConceptLabels, uri: string, t: JobseekerT): string {
  const label = labels.labels.get(uri);
  if (label) return label;
  return labels.complete ? t('labelMissing', { uri }) : t('labelsLoading');
}
