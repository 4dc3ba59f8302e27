/**
 * What a Job Market Finland profile becomes in Osaamo (import, P60) and what Osaamo sends back
 * (export, P51): the shapes shared by the pure mappers (profile-import-mapping.ts,
 * profile-export-mapping.ts) and the transfer service that stores and sends them.
 */
import type { SpokenLevel } from '../../../matching/cefr';
import { DOMAIN_VALUES } from '../../kernel/validation/domain-values';

/** The part of a profile a claim stood in. */
export const PROFILE_SECTIONS = DOMAIN_VALUES.profileSection;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** Where in the profile a claim stood: the section, and the item's title and dates if any. */
export interface ItemProvenance {
  section: ProfileSection;
  /** The item's title (an employment's title, a degree's name, a project's title), in fi else sv else en; null for a description. */
  itemTitle: string | null;
  /** ISO dates of the item's interval; null when not given. */
  startedOn: string | null;
  endedOn: string | null;
  /** The item is ongoing (employment, project, business) or an education is unfinished. */
  ongoing: boolean;
}

/** One piece of support of a claim: the item's words (its description) and where it stood. */
export interface ClaimSupport extends ItemProvenance {
  /** The item's description text (at most SUPPORT_MAX_LENGTH characters), or its title when it has none. */
  words: string;
  highlightStart: number | null;
  highlightEnd: number | null;
}

/** A skill the profile claims (work history or the experience description), as a draft skill. */
export interface ImportedSkillClaim {
  skillUri: string;
  /** 1–5: MatchParams.unlevelledClaimLevel, since the profile carries no level. */
  proficiency: number;
  /** From the dates of the items that name it (overlaps counted once); null when none has dates. */
  experienceMonths: number | null;
  /** The year it was last used: the current year if an item naming it is ongoing, else the latest end year; null without dates. */
  lastUsedYear: number | null;
  /** Why this level and experience, in words a counsellor can read. */
  levelReason: string;
  /** Every item that names it, in profile order. */
  support: ClaimSupport[];
}

/** An ESCO URI the profile names that Osaamo's taxonomy does not hold: reported, not dropped silently. */
export interface UnknownUri {
  uri: string;
  kind: 'skill' | 'occupation';
  section: ProfileSection | 'job_preference';
}

/** A code of one of KEHA's code sets that the mapping file does not map. */
export interface UnmappedCode {
  codeSet: 'KIELI' | 'KIELITAIDON_TASO' | 'AJOKORTTILUOKKA' | 'LUPA_KORTTI';
  code: string;
}

/** What a read profile offers Osaamo. Nothing is written by the mapper. */
export interface ImportedProfile {
  /** Claims (skills with provenance), strongest support first is not implied: ordered by URI. */
  skills: ImportedSkillClaim[];
  /** Occupations of the work history (employments etc.): kept as provenance, not a wish. */
  workOccupations: { uri: string; provenance: ItemProvenance }[];
  /** The desired-work description's occupations and skills: wishes, not claims. */
  desiredOccupationUris: string[];
  desiredSkillUris: string[];
  /** Languages through matching/cefr.ts; `L1` (mother tongue) is 'native'. One per language code. */
  languages: { language: string; level: SpokenLevel }[];
  /** Osaamo licence codes (driving_licence_b, …) from licence classes and card codes. */
  licences: string[];
  preferredMunicipalityCodes: string[];
  preferredRegionCodes: string[];
  unknownUris: UnknownUri[];
  unmappedCodes: UnmappedCode[];
  /** `generalInfo.meta.lastModified`, ISO; null when absent. */
  profileLastModified: string | null;
}

/** What the export builder reads: a confirmed assessment and the jobseeker's matching data. */
export interface ExportSource {
  skills: {
    skillUri: string;
    proficiency: number;
    /** The supporting words and, for a skill imported from Job Market Finland, its item. */
    support: {
      words: string;
      section: ProfileSection | null;
      itemTitle: string | null;
      startedOn: string | null;
      endedOn: string | null;
      ongoing: boolean;
    }[];
  }[];
  desiredOccupationUris: string[];
  desiredSkillUris: string[];
  languages: { language: string; level: SpokenLevel }[];
  licences: string[];
}
