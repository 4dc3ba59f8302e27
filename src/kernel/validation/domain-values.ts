import { CEFR_LEVELS, SPOKEN_LEVELS } from '../../../matching/cefr';
import {
  IMPORTANCES,
  REMOTE_OPTIONS,
  REMOTE_PREFERENCES,
  WORKING_TIMES,
} from '../../../matching/types';
import { COMPONENTS } from '../../../matching/score';
import { SKILL_RELATIONS } from '../../../matching/skill-graph';

const ROLES = [
  'counsellor',
  'employer',
  'jobseeker',
  'learning_environment',
  'integrator',
  'admin',
  'data_protection_officer',
] as const;

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
  /** How a held skill stands in for a required one (the matcher's skill graph). */
  skillRelation: SKILL_RELATIONS,
  /** The parts of a match score (the matcher's components). */
  scoreComponent: COMPONENTS,
  /** What a requirement insight is about: a required skill or a required licence. */
  requirementKind: ['skill', 'licence'],
  /** Who is asking (an actor's role; profile_transfer.actor_role). */
  role: ROLES,
  /** Who read personal data (audit_log.actor_role): a role, or the bulk importer's --overwrite. */
  auditActorRole: [...ROLES, 'importer'],
  /** Whether a read of personal data was allowed (audit_entry.outcome). */
  auditOutcome: ['allowed', 'denied'],
  /**
   * The root operations an integrator's API key may be limited to (api_key.operations holds
   * these field names); a test checks they are exactly the operations open to integrators.
   */
  apiOperation: [
    'employers',
    'employer',
    'municipalities',
    'vacancies',
    'vacancy',
    'trainings',
    'training',
    'extractSkills',
    'linkSkills',
    'cohorts',
    'cohortAnalysis',
    'cohortReport',
  ],
  /** How a cohort's members were named (cohort.source). */
  cohortSource: ['jobseekers', 'employer', 'customer_file'],
  /** What a reader gets of a cohort: its people and exact counts, or aggregates only. */
  cohortAccess: ['full', 'aggregate'],
} as const satisfies Record<string, readonly string[]>;

/** One character of an enum name: "-" becomes "_", and a capital after a small letter starts a word. */
type NamePiece<H extends string, Prev extends string> = H extends '-'
  ? '_'
  : H extends Lowercase<H>
    ? Uppercase<H>
    : Prev extends Lowercase<Prev>
      ? Prev extends Uppercase<Prev>
        ? H
        : `_${H}`
      : H;
/** The GraphQL name of a value: `nice_to_have` → `NICE_TO_HAVE`, `co-essential` → `CO_ESSENTIAL`, `extractSkills` → `EXTRACT_SKILLS`. */
export type EnumName<
  S extends string,
  Prev extends string = '',
  Acc extends string = '',
> = S extends `${infer H}${infer T}` ? EnumName<T, H, `${Acc}${NamePiece<H, Prev>}`> : Acc;

/** An enum object built from a value set: each value under its name in capitals. */
export type EnumOf<V extends string> = { readonly [K in V as EnumName<K>]: K };

/** The GraphQL name of a domain value, as EnumName spells it. */
export function enumName(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase();
}

/**
 * The enum object of a value set, for registerEnumType: `enumOf(['nice_to_have'])` is
 * `{ NICE_TO_HAVE: 'nice_to_have' }`, so a GraphQL enum's members are its value set's, in order.
 * Declare `type X = (typeof X)[keyof typeof X]` beside it for the values' type.
 */
export function enumOf<const V extends string>(values: readonly V[]): EnumOf<V> {
  return Object.freeze(
    Object.fromEntries(values.map((value) => [enumName(value), value])),
  ) as EnumOf<V>;
}
