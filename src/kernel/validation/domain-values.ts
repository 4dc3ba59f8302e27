import { CEFR_LEVELS, SPOKEN_LEVELS } from '../../../matching/cefr';

/**
 * The allowed values of the domain's enumerated fields, in one place for the services and the
 * bulk importer (the GraphQL enums and the database CHECK constraints say the same).
 */
export const DOMAIN_VALUES = {
  importance: ['essential', 'important', 'nice_to_have'],
  cefr: CEFR_LEVELS,
  languageLevel: SPOKEN_LEVELS,
  remote: ['none', 'hybrid', 'full'],
  remotePreference: ['none', 'hybrid', 'full', 'any'],
  workingTime: ['full_time', 'part_time'],
  contractType: ['permanent', 'fixed_term', 'seasonal', 'apprenticeship'],
  status: ['draft', 'open', 'closed', 'filled'],
  employmentStatus: ['unemployed', 'laid_off', 'employed', 'student'],
  source: ['self_assessment', 'counsellor_verified', 'imported'],
  purpose: ['show_profile_to_employers', 'learning_environment_skill_gaps'],
  mode: ['classroom', 'online', 'blended'],
} as const satisfies Record<string, readonly string[]>;
