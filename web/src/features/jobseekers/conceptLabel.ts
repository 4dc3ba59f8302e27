import type { Values } from '../../i18n/i18n';
import { jobseekerMessages } from './messages';

/** `t` of this feature's catalogue, for helpers outside components. */
export type JobseekerT = (key: keyof (typeof jobseekerMessages)['en'], values?: Values) => string;

/** Preferred labels of skills and occupations by URI; null where the taxonomy has none. */
export type ConceptLabels = ReadonlyMap<string, string | null>;

/** A skill's or occupation's name; failing that (a URI the taxonomy lacks), its URI. */
export function conceptLabel(labels: ConceptLabels, uri: string, t: JobseekerT): string {
  return labels.get(uri) ?? t('labelMissing', { uri });
}
