import { CEFR_LEVELS, SPOKEN_LEVELS } from '../../../matching/cefr';
import {
  IMPORTANCES,
  REMOTE_OPTIONS,
  REMOTE_PREFERENCES,
  WORKING_TIMES,
} from '../../../matching/types';

/**
 * The allowed values of the domain's enumerated fields, in one place for the services, the
 * bulk importer and the GraphQL enums (built from these by `enumOf`); the database CHECK
 * constraints say the same. The matcher's own sets live in matching/ and are named here.
 */
export const DOMAIN_VALUES = {
  importance: IMPORTANCES,
  cefr: CEFR_LEVELS,
  languageLevel: SPOKEN_LEVELS,
  remote: REMOTE_OPTIONS,
  remotePreference: REMOTE_PREFERENCES,
  workingTime: WORKING_TIMES,
  contractType: ['permanent', 'fixed_term', 'seasonal', 'apprenticeship'],
  status: ['draft', 'open', 'closed', 'filled'],
  vacancySource: ['local', 'national', 'eures'],
  /** How a vacancy list is ordered (not stored: an argument of the list). */
  vacancyOrder: ['newest', 'deadline', 'title'],
  employmentStatus: ['unemployed', 'laid_off', 'employed', 'student'],
  source: ['self_assessment', 'counsellor_verified', 'imported'],
  assessmentState: ['draft', 'confirmed'],
  assessmentOrigin: ['own_words', 'job_market_finland'],
  /** A competence profile's transfer with Job Market Finland (profile_transfer). */
  transferDirection: ['import', 'export'],
  transferStatus: ['awaiting_permit', 'in_progress', 'completed', 'refused', 'failed', 'expired'],
  /** The part of a Job Market Finland profile a claim stood in (assessed_skill_support.section). */
  profileSection: [
    'employment',
    'education',
    'project',
    'business_activity',
    'experience_description',
  ],
  purpose: ['show_profile_to_employers', 'learning_environment_skill_gaps'],
  mode: ['classroom', 'online', 'blended'],
  outcomeStatus: ['proposed', 'applied', 'interviewed', 'hired', 'rejected'],
  suggestionSource: ['essential_for_occupation', 'optional_for_occupation', 'found_in_text'],
  /** Languages of the taxonomy's labels and of texts. */
  language: ['en', 'fi', 'sv'],
  labelKind: ['preferred', 'alternative', 'hidden'],
  skillRelationKind: ['essential', 'optional'],
  /** A run of the national sync (not stored as a column: reported with the sources). */
  syncKind: ['full', 'incremental'],
  /** How an outside source fared for one query (not stored: reported with the matches). */
  sourceStatus: [
    'OK',
    'STALE',
    'TIMED_OUT',
    'RATE_LIMITED',
    'CIRCUIT_OPEN',
    'UNAVAILABLE',
    'NOT_CONFIGURED',
    'NOT_NEEDED',
  ],
} as const satisfies Record<string, readonly string[]>;

/** An enum object built from a value set: each value under its name in capitals. */
export type EnumOf<V extends string> = { readonly [K in V as Uppercase<K>]: K };

/**
 * The enum object of a value set, for registerEnumType: `enumOf(['nice_to_have'])` is
 * `{ NICE_TO_HAVE: 'nice_to_have' }`, so a GraphQL enum's members are its value set's, in order.
 * Declare `type X = (typeof X)[keyof typeof X]` beside it for the values' type.
 */
export function enumOf<const V extends string>(values: readonly V[]): EnumOf<V> {
  return Object.freeze(
    Object.fromEntries(values.map((value) => [value.toUpperCase(), value])),
  ) as EnumOf<V>;
}
