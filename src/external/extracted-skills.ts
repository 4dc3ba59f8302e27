import { ExternalVacancy } from './external-vacancy';

/** ESCO skill URIs found in a text (the guidance service's extraction, for outside ads). */
export type SkillsInText = (text: string, language: string) => Promise<string[]>;

/** Extraction reads Finnish, Swedish and English; an ad in German keeps its occupation's skills. */
const EXTRACTION_LANGUAGES = new Set(['fi', 'sv', 'en']);
/** The guidance service's text limit. */
const TEXT_LIMIT = 10_000;

/**
 * Fills `extractedSkillUris` of the ads whose source names no skills, from their title and
 * description: one rule for the per-query fallback and the national sync. A failed extraction
 * leaves the ad with none (its occupation's skills stand in).
 */
export async function addExtractedSkills(
  vacancies: ExternalVacancy[],
  skillsInText: SkillsInText,
): Promise<void> {
  for (const v of vacancies) {
    if (v.skillUris.length || !EXTRACTION_LANGUAGES.has(v.language)) continue;
    const text = `${v.title}.\n${v.description}`.slice(0, TEXT_LIMIT);
    v.extractedSkillUris = await skillsInText(text, v.language).catch(() => []);
  }
}
