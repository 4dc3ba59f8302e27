/**
 * Guidance: skills found in free text, and draft requirement profiles for employers. Reads the
 * taxonomy and vacancies; authorisation of the vacancy through VacancyService.
 */
import { DataSource } from 'typeorm';
import { SkillGraph } from '../../matching';
import { Actor } from '../auth/actor';
import { VacancyService } from '../vacancies/vacancy.service';
import { badInput } from '../kernel/errors/domain-error';
import { message, quotedList, textLanguage } from '../kernel/messages/messages';
import { TextHit } from '../taxonomy/search/label-index';
import { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';
import { EXTRACTION, ExtractedSkill, extractSkills } from './skill-extraction';

/** How many skills per sentence the precise extraction looks at from the linker. */
const LINKED_PER_SENTENCE = 5;

export interface LinkedSentence {
  start: number;
  end: number;
  text: string;
  skills: (ExtractedSkill & { rank: number })[];
}

export const TEXT_LIMIT = 10_000;
export const LINK_LIMITS = { maxFirst: 20 } as const;
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
    private readonly vacancies: VacancyService,
  ) {}

  /**
   * Precise: the labels found firmly in the text (skill-extraction.ts), and the linker's skills
   * whose calibrated confidence reaches the same threshold (EXTRACTION.minConfidence).
   */
  async extractSkills(text: string, language: string): Promise<ExtractedSkill[]> {
    validateText('text', text, language);
    const graph = await this.skillGraph();
    const labelHits = this.search.findSkillsInText(text, language); // once, for both
    const found = extractSkills(
      text,
      language,
      () => labelHits,
      (a, b) => graph.relation(a, b) !== undefined || graph.relation(b, a) !== undefined,
    );
    const known = new Set(found.map((s) => s.skillUri));
    for (const sentence of this.linkedSentences(text, language, LINKED_PER_SENTENCE, labelHits)) {
      for (const skill of sentence.skills) {
        if (skill.confidence < EXTRACTION.minConfidence || known.has(skill.skillUri)) continue;
        known.add(skill.skillUri);
        found.push(skill);
      }
    }
    return found;
  }

  /**
   * Ranked linking: each sentence of the text with its `first` most likely skills, each with a
   * calibrated confidence (about the share of such answers a counsellor would keep). Recall
   * first: a counsellor or employer picks from the list.
   */
  linkSkills(text: string, language: string, first: number, bySentence = true): LinkedSentence[] {
    validateText('text', text, language);
    if (!Number.isInteger(first) || first < 1 || first > LINK_LIMITS.maxFirst)
      throw badInput('first', `must be between 1 and ${LINK_LIMITS.maxFirst}`);
    return this.linkedSentences(text, language, first, undefined, bySentence);
  }

  private linkedSentences(
    text: string,
    language: string,
    first: number,
    labelHits?: TextHit[],
    bySentence = true,
  ): LinkedSentence[] {
    const reader = textLanguage(language);
    return this.search
      .linkSkills(text, language, first, labelHits, bySentence)
      .map(({ start, end, skills }) => ({
        start,
        end,
        text: text.slice(start, end),
        skills: skills.map((skill, i) => {
          const label =
            skill.matchedLabel ?? this.search.preferredSkillLabel(skill.skillUri, language).label;
          const evidence = skill.spans.map((span) => ({
            ...span,
            text: text.slice(span.start, span.end),
          }));
          return {
            rank: i + 1,
            skillUri: skill.skillUri,
            label,
            confidence: skill.confidence,
            evidence,
            reason: evidence.length
              ? message(reader, 'extract.textSays', {
                  words: quotedList(
                    reader,
                    evidence.map((e) => e.text),
                  ),
                  label,
                })
              : message(reader, 'extract.sentenceMeets', { label }),
          };
        }),
      }));
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
      const vacancy = await this.vacancies.get(actor, args.vacancyId);
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
    const reader = textLanguage(args.language);
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
        reason: message(
          reader,
          essential ? 'suggest.essentialForOccupation' : 'suggest.optionalForOccupation',
        ),
      });
    }
    for (const skill of found) {
      const existing = suggestions.get(skill.skillUri);
      if (existing) {
        existing.sources.push('found_in_text');
        existing.confidence = skill.confidence;
        if (existing.importance === 'nice_to_have') existing.importance = 'important';
        // A skill the linker found from the sentence's meaning has no words of its own to quote.
        const also = skill.evidence.length
          ? message(reader, 'suggest.alsoInText', {
              words: quotedList(
                reader,
                skill.evidence.map((e) => e.text),
              ),
            })
          : message(reader, 'suggest.alsoInTextNoWords');
        existing.reason += ` ${also}`;
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
