/**
 * What the matcher reads. Deliberately without protected attributes (age, gender,
 * nationality, health, work ability): a field that is not here cannot reach a score.
 */
/** How much a required skill matters, most first (the one home of the set). */
export const IMPORTANCES = ['essential', 'important', 'nice_to_have'] as const;
export type Importance = (typeof IMPORTANCES)[number];
export const WORKING_TIMES = ['full_time', 'part_time'] as const;
export type WorkingTime = (typeof WORKING_TIMES)[number];
/** Whether a vacancy's work can be done remotely. */
export const REMOTE_OPTIONS = ['none', 'hybrid', 'full'] as const;
export type RemoteOption = (typeof REMOTE_OPTIONS)[number];
/** What a jobseeker accepts: a vacancy's remote option, or any. */
export const REMOTE_PREFERENCES = [...REMOTE_OPTIONS, 'any'] as const;
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number];

/** CEFR as a number: A1 = 1 … C2 = 6; a native speaker counts as C2. */
export type LanguageLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface SkillClaim {
  skillUri: string;
  /** 1 (basic) to 5 (expert). */
  proficiency: number;
  /** Verified by a counsellor (rather than self-assessed). */
  verified: boolean;
  experienceMonths: number | null;
  lastUsedYear: number | null;
}

export interface CandidateProfile {
  id: string;
  skills: SkillClaim[];
  /** ISO 639-1 code → level. */
  languages: Map<string, LanguageLevel>;
  educationLevel: number | null;
  /** Longest relevant experience in months, if known (the most of any skill's experience). */
  experienceMonths: number | null;
  licences: Set<string>;
  location: GeoPoint | null;
  maxCommuteKm: number | null;
  willingToRelocate: boolean;
  /** 'none' (on site only), 'hybrid', 'full' (remote only) or 'any'. */
  remotePreference: RemotePreference;
  workingTimes: WorkingTime[];
  contractTypes: string[];
  earliestStart: string | null;
  desiredOccupationUris: string[];
  /** ISCO-08 unit groups of the desired occupations. */
  desiredIscoGroups: string[];
}

export interface SkillRequirement {
  skillUri: string;
  importance: Importance;
  /** 1–5. */
  minProficiency: number;
}

export interface LanguageRequirement {
  language: string;
  minLevel: LanguageLevel;
  essential: boolean;
}

export interface VacancyProfile {
  id: string;
  occupationUri: string | null;
  /** ISCO-08 unit group of the occupation, for occupation fit. */
  iscoGroup: string | null;
  skills: SkillRequirement[];
  languages: LanguageRequirement[];
  minEducationLevel: number | null;
  minExperienceMonths: number | null;
  licences: string[];
  location: GeoPoint | null;
  remote: RemoteOption;
  workingTime: WorkingTime;
  contractType: string;
  startDate: string | null;
}
