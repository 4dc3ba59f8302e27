/**
 * What a transfer records of itself, kept with it (profile_transfer.report) so that the
 * jobseeker and counsellor can see what came from where, and what was left out.
 */
import type { ImportedProfile } from '../external/tmt-profile/profile-transfer.types';

/** The changes an import offers the jobseeker's matching data, applied on confirmation. */
export type OfferedChanges = Pick<
  ImportedProfile,
  | 'desiredOccupationUris'
  | 'desiredSkillUris'
  | 'languages'
  | 'licences'
  | 'preferredMunicipalityCodes'
  | 'preferredRegionCodes'
>;

/** What confirming the draft did with the offered changes: no value is silently overwritten. */
export interface AppliedChanges {
  at: string;
  /** Values added, e.g. "licence driving_licence_b", "language en B2". */
  added: string[];
  /** Values that differ from what the jobseeker has: left as they are, e.g. "language en: has C1, profile says B2". */
  conflicts: string[];
  /** Offered values Osaamo's matching data has no place for (preferred municipalities and regions). */
  notApplicable: string[];
}

export interface ImportReport {
  kind: 'import';
  claimedSkills: number;
  offered: OfferedChanges;
  workOccupations: ImportedProfile['workOccupations'];
  unknownUris: ImportedProfile['unknownUris'];
  unmappedCodes: ImportedProfile['unmappedCodes'];
  /** Claims the draft could not hold (more than a draft's limit of skills). */
  leftOut: string[];
  /** Set when the draft is confirmed. */
  applied?: AppliedChanges;
}

export interface ExportReport {
  kind: 'export';
  sentSkills: number;
  /** What the export could not send, in words (a partial export says so). */
  leftOut: string[];
}
