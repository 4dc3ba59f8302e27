import type { CefrLevel, Importance, RequirementProfileInput } from '../../gql/graphql';

/** A requirement profile as the editor holds it while the employer edits. */
export interface Draft {
  skills: DraftSkill[];
  languages: DraftLanguage[];
  licences: string[];
  minEducationLevel: number | null;
  minExperienceMonths: number | null;
}

export interface DraftSkill {
  skillUri: string;
  importance: Importance;
  requiredLevel: number;
  /** The label when the skill was added, shown until a label in the current language comes. */
  label: string;
}

export interface DraftLanguage {
  language: string;
  minLevel: CefrLevel;
  essential: boolean;
}

export const IMPORTANCES: Importance[] = ['ESSENTIAL', 'IMPORTANT', 'NICE_TO_HAVE'];
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export const CEFR_LEVELS: CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
export const EQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
/** Languages offered for a requirement, in ISO 639-1; named in the user's language by Intl. */
export const REQUIRABLE_LANGUAGES = ['fi', 'sv', 'en', 'de', 'ru', 'et', 'fr', 'es', 'ar', 'so'];
/** Licence and card codes the service knows (those the fixtures and the ads use). */
export const KNOWN_LICENCES = [
  'driving_licence_b',
  'driving_licence_c',
  'driving_licence_ce',
  'driving_licence_d',
  'professional_competence_card',
  'hygiene_passport',
  'alcohol_passport',
  'forklift_licence',
  'hot_work_card',
  'electrical_safety_card',
  'occupational_safety_card',
  'security_guard_card',
] as const;

interface SavedProfile {
  skills: {
    skillUri: string;
    importance: Importance;
    requiredLevel: number;
    /** The linked skill; a URI the taxonomy lacks has no label and shows as itself. */
    skill: { preferredLabel?: string | null };
  }[];
  languages: { language: string; minLevel: CefrLevel; essential: boolean }[];
  licences: string[];
  minEducationLevel?: number | null;
  minExperienceMonths?: number | null;
}

export function draftFrom(profile: SavedProfile): Draft {
  return {
    skills: profile.skills.map((s) => ({
      skillUri: s.skillUri,
      importance: s.importance,
      requiredLevel: s.requiredLevel,
      label: s.skill.preferredLabel ?? s.skillUri,
    })),
    languages: profile.languages.map((l) => ({ ...l })),
    licences: [...profile.licences],
    minEducationLevel: profile.minEducationLevel ?? null,
    minExperienceMonths: profile.minExperienceMonths ?? null,
  };
}

/** The whole record updateRequirementProfile takes: every field given. */
export function toInput(draft: Draft): RequirementProfileInput {
  return {
    skills: draft.skills.map(({ skillUri, importance, requiredLevel }) => ({
      skillUri,
      importance,
      requiredLevel,
    })),
    languages: draft.languages.map(({ language, minLevel, essential }) => ({
      language,
      minLevel,
      essential,
    })),
    licences: draft.licences,
    minEducationLevel: draft.minEducationLevel,
    minExperienceMonths: draft.minExperienceMonths,
  };
}

/** Whether two profiles require the same: the order of the lists does not matter (a saved revision comes back in the server's order). */
export function sameAs(draft: Draft, saved: Draft): boolean {
  return JSON.stringify(canonical(draft)) === JSON.stringify(canonical(saved));
}

function canonical(draft: Draft): RequirementProfileInput {
  const input = toInput(draft);
  return {
    ...input,
    skills: [...input.skills].sort((a, b) => String(a.skillUri).localeCompare(String(b.skillUri))),
    languages: [...input.languages].sort((a, b) => a.language.localeCompare(b.language)),
    licences: [...input.licences].sort(),
  };
}

export type ProfileField = 'skills' | 'languages' | 'licences' | 'education' | 'experience';

/** Which parts of the profile differ between two revisions (what someone else changed). */
export function changedFields(before: Draft, after: Draft): ProfileField[] {
  const a = toInput(before);
  const b = toInput(after);
  const differs = (x: unknown, y: unknown) => JSON.stringify(x) !== JSON.stringify(y);
  const fields: ProfileField[] = [];
  if (differs(a.skills, b.skills)) fields.push('skills');
  if (differs(a.languages, b.languages)) fields.push('languages');
  if (differs(a.licences, b.licences)) fields.push('licences');
  if (a.minEducationLevel !== b.minEducationLevel) fields.push('education');
  if (a.minExperienceMonths !== b.minExperienceMonths) fields.push('experience');
  return fields;
}
