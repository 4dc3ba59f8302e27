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

export function sameAs(draft: Draft, saved: Draft): boolean {
  return JSON.stringify(toInput(draft)) === JSON.stringify(toInput(saved));
}

/** What requirementInsights says of one saved requirement. */
export interface Effect {
  kind: 'SKILL' | 'LICENCE';
  requirement: string;
  importance?: Importance | null;
  requiredLevel?: number | null;
  ifDropped?: number | null;
  ifOptional?: number | null;
  ifLevelLowered?: number | null;
}

export interface PoolEstimate {
  /** The pool with the edits whose effect the insights tell; null when one of them is hidden. */
  pool: number | null;
  /** Edits whose effect is known only after saving (additions, raised requirements, …). */
  unknownEdits: number;
  /** Edits whose effect the insights tell. */
  knownEdits: number;
}

/**
 * The pool of the draft, estimated from the saved profile's insights: requirementInsights counts
 * only the saved profile, with each requirement dropped, nice to have or a level lower. Each such
 * edit adds its difference; any other edit is counted as unknown until saved. The differences of
 * perturbed counts are not exact, and the edits are not independent: hence "about".
 */
export function estimatePool(
  saved: Draft,
  draft: Draft,
  pool: number | null,
  effects: readonly Effect[],
): PoolEstimate {
  let change = 0;
  let hidden = false;
  let known = 0;
  let unknown = 0;
  const add = (variant: number | null | undefined) => {
    known += 1;
    if (variant == null || pool == null) hidden = true;
    else change += variant - pool;
  };
  const draftSkills = new Map(draft.skills.map((s) => [s.skillUri, s]));
  const savedSkills = new Map(saved.skills.map((s) => [s.skillUri, s]));
  for (const effect of effects) {
    if (effect.kind === 'LICENCE') {
      if (!draft.licences.includes(effect.requirement)) add(effect.ifDropped);
      continue;
    }
    const before = savedSkills.get(effect.requirement);
    const after = draftSkills.get(effect.requirement);
    if (!before) continue;
    if (!after) {
      add(effect.ifDropped);
      continue;
    }
    const importanceChanged = after.importance !== before.importance;
    const levelChange = after.requiredLevel - before.requiredLevel;
    if (importanceChanged && after.importance === 'NICE_TO_HAVE' && levelChange === 0)
      add(effect.ifOptional);
    else if (!importanceChanged && levelChange === -1) add(effect.ifLevelLowered);
    else if (importanceChanged || levelChange !== 0) unknown += 1;
  }
  unknown += draft.skills.filter((s) => !savedSkills.has(s.skillUri)).length;
  unknown += draft.licences.filter((l) => !saved.licences.includes(l)).length;
  if (JSON.stringify(draft.languages) !== JSON.stringify(saved.languages)) unknown += 1;
  if (draft.minEducationLevel !== saved.minEducationLevel) unknown += 1;
  if (draft.minExperienceMonths !== saved.minExperienceMonths) unknown += 1;
  return {
    pool: hidden || pool == null ? null : Math.max(0, pool + change),
    unknownEdits: unknown,
    knownEdits: known,
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
