/**
 * Guidance: skills found in free text, and draft requirement profiles for employers. Reads the
 * taxonomy and vacancies; authorisation of the vacancy through VacancyService.
 */
import { DataSource } from 'typeorm';
import { SkillGraph } from '../../matching';
import { Actor } from '../auth/actor';
import { VacancyService } from '../employers/vacancy.service';
import { badInput } from '../errors/domain-error';
import { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';
import { ExtractedSkill, extractSkills } from './skill-extraction';

export const TEXT_LIMIT = 10_000;
const LANGUAGES = new Set(['fi', 'sv', 'en']);

export type SuggestionSource =
  'essential_for_occupation' | 'optional_for_occupation' | 'found_in_text';

export interface RequirementSuggestion {
  skillUri: string;
  label: string;
  importance: 'essential' | 'important' | 'nice_to_have';
  minProficiency: number;
  sources: SuggestionSource[];
  /** For a skill found in the text: how sure, 0–1. */
  confidence: number | null;
  reason: string;
}

export class GuidanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: TaxonomySearchService,
    private readonly skillGraph: () => Promise<SkillGraph>,
  ) {}

  async extractSkills(text: string, language: string): Promise<ExtractedSkill[]> {
    validateText('text', text, language);
    const graph = await this.skillGraph();
    return extractSkills(
      text,
      language,
      (t, l) => this.search.findSkillsInText(t, l),
      (a, b) => graph.relation(a, b) !== undefined || graph.relation(b, a) !== undefined,
    );
  }

  /**
   * A draft requirement profile: the occupation's essential skills (essential, working level 3),
   * its optional ones (nice to have, 2), and skills found in the ad text (important, 3, or raised
   * to essential when the occupation needs them too). Each with its reason; the employer accepts,
   * edits or drops them with updateRequirementProfile.
   */
  async suggestRequirements(
    actor: Actor,
    args: {
      vacancyId?: string | null;
      occupationUri?: string | null;
      text?: string | null;
      language: string;
    },
  ): Promise<RequirementSuggestion[]> {
    if (!args.vacancyId === !args.occupationUri)
      throw badInput('vacancyId', 'give either a vacancy or an occupation, not both or neither');
    let occupationUri = args.occupationUri ?? null;
    let text = args.text ?? '';
    if (args.vacancyId) {
      const vacancy = await new VacancyService(this.dataSource).get(actor, args.vacancyId);
      occupationUri = vacancy.occupationUri;
      if (!text) text = `${vacancy.title}.\n${vacancy.description}`;
    } else {
      const [known] = await this.dataSource.query(`SELECT 1 FROM esco_occupation WHERE uri = $1`, [
        occupationUri,
      ]);
      if (!known) throw badInput('occupationUri', 'is not an occupation of the taxonomy');
    }
    const found = text.trim() ? await this.extractSkills(text, args.language) : [];
    const relations: { skill_uri: string; relation_type: string; label: string }[] = occupationUri
      ? await this.dataSource.query(
          `SELECT os.skill_uri, os.relation_type,
                  coalesce((SELECT l.label FROM esco_label l WHERE l.concept_uri = os.skill_uri AND l.label_type = 'preferred'
                            ORDER BY l.language = $2 DESC, l.language = 'en' DESC LIMIT 1), os.skill_uri) AS label
           FROM esco_occupation_skill os WHERE os.occupation_uri = $1 ORDER BY os.relation_type, os.skill_uri`,
          [occupationUri, args.language],
        )
      : [];
    const suggestions = new Map<string, RequirementSuggestion>();
    for (const r of relations) {
      const essential = r.relation_type === 'essential';
      suggestions.set(r.skill_uri, {
        skillUri: r.skill_uri,
        label: r.label,
        importance: essential ? 'essential' : 'nice_to_have',
        minProficiency: essential ? 3 : 2,
        sources: [essential ? 'essential_for_occupation' : 'optional_for_occupation'],
        confidence: null,
        reason: essential
          ? 'ESCO lists it as essential for the occupation.'
          : 'ESCO lists it as optional for the occupation.',
      });
    }
    for (const skill of found) {
      const existing = suggestions.get(skill.skillUri);
      if (existing) {
        existing.sources.push('found_in_text');
        existing.confidence = skill.confidence;
        if (existing.importance === 'nice_to_have') existing.importance = 'important';
        existing.reason += ` The ad text asks for it too: ${skill.evidence.map((e) => `"${e.text}"`).join(', ')}.`;
      } else {
        suggestions.set(skill.skillUri, {
          skillUri: skill.skillUri,
          label: skill.label,
          importance: 'important',
          minProficiency: 3,
          sources: ['found_in_text'],
          confidence: skill.confidence,
          reason: skill.reason,
        });
      }
    }
    const order = { essential: 0, important: 1, nice_to_have: 2 };
    return [...suggestions.values()].sort(
      (a, b) =>
        order[a.importance] - order[b.importance] ||
        b.sources.length - a.sources.length ||
        (a.skillUri < b.skillUri ? -1 : 1),
    );
  }
}

function validateText(field: string, text: string, language: string): void {
  if (!text.trim()) throw badInput(field, 'must not be empty');
  if (text.length > TEXT_LIMIT) throw badInput(field, `must be at most ${TEXT_LIMIT} characters`);
  if (!LANGUAGES.has(language)) throw badInput('language', 'must be fi, sv or en');
}
