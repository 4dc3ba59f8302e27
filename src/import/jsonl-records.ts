/**
 * The JSON Lines bulk format (one object a line, `type` first). Documented in fixtures/README.md.
 * Every record has an `externalId` (jobseekers: their `customerId`) that makes re-import idempotent.
 */
export interface EmployerRecord {
  type: 'employer';
  /** Optional: the id to create it with (a UUID), so that tokens can name fixture employers. */
  id?: string;
  externalId: string;
  businessId: string;
  name: string;
  municipalityCode: string;
}

export interface RequirementsRecord {
  skills?: {
    skillUri: string;
    importance: 'essential' | 'important' | 'nice_to_have';
    minProficiency: number;
  }[];
  languages?: { language: string; minLevel: string; essential?: boolean }[];
  minEducationLevel?: number | null;
  minExperienceMonths?: number | null;
  licences?: string[];
}

export interface VacancyRecord {
  type: 'vacancy';
  externalId: string;
  employerExternalId: string;
  title: string;
  description?: string;
  occupationUri?: string | null;
  municipalityCode: string;
  latitude?: number | null;
  longitude?: number | null;
  remote?: string;
  workingTime?: string;
  contractType?: string;
  positions?: number;
  startDate?: string | null;
  applicationDeadline?: string | null;
  status?: string;
  requirements?: RequirementsRecord;
}

export interface JobseekerRecord {
  type: 'jobseeker';
  /** Optional: the id to create it with (a UUID). */
  id?: string;
  customerId: string;
  /**
   * Optional: when the customer relationship began (YYYY-MM-DD). A customer in the erasure
   * register is imported again only when this is after the erasure.
   */
  customerSince?: string | null;
  homeMunicipalityCode: string;
  homeLatitude?: number | null;
  homeLongitude?: number | null;
  maxCommuteKm?: number | null;
  willingToRelocate?: boolean;
  willingToWorkAbroad?: boolean;
  remotePreference?: string;
  workingTimePreferences?: string[];
  contractPreferences?: string[];
  earliestStartDate?: string | null;
  desiredOccupationUris?: string[];
  educationLevel?: number | null;
  educationField?: string | null;
  licences?: string[];
  employmentStatus: string;
  birthYear?: number | null;
  personalData: {
    firstName: string;
    lastName: string;
    email?: string | null;
    phone?: string | null;
    streetAddress?: string | null;
    postalCode?: string | null;
    postOffice?: string | null;
  };
  languages?: { language: string; level: string }[];
  assessments?: {
    source: string;
    assessedAt: string;
    skills: {
      skillUri: string;
      proficiency: number;
      experienceMonths?: number | null;
      lastUsedYear?: number | null;
      evidence?: string | null;
    }[];
  }[];
  consents?: { purpose: string; recipient: string; grantedAt?: string }[];
}

export interface TrainingRecord {
  type: 'training';
  externalId: string;
  provider: string;
  title: string;
  durationDays: number;
  mode: string;
  municipalityCode?: string | null;
  startDates?: string[];
  url?: string | null;
  skills: { skillUri: string; levelReached: number }[];
}

export type ImportRecord = EmployerRecord | VacancyRecord | JobseekerRecord | TrainingRecord;
