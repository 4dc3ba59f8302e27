/**
 * What the matcher reads. Deliberately without protected attributes (age, gender,
 * nationality, health, work ability): a field that is not here cannot reach a score.
 */
export type Importance = 'essential' | 'important' | 'nice_to_have';
export type WorkingTime = 'full_time' | 'part_time';
export type RemoteOption = 'none' | 'hybrid' | 'full';

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
  remotePreference: 'none' | 'hybrid' | 'full' | 'any';
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
