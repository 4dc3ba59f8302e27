import { DataSource } from 'typeorm';
import { badInput } from '../kernel/errors/domain-error';
import { log } from '../kernel/logger';
import { LabelHit, LabelIndex, LabelInput, TextHit } from './search/label-index';
import { queryTokens } from './search/text';
import { DEFAULT_FIELD_WEIGHTS } from './linking/field-index';
import { loadLinkerInputs } from './linking/linker-loader';
import { loadLinkingWeights } from './linking/linking-model.store';
import { LinkedSkill, SkillLinker } from './linking/skill-linker';
import { OccupationSearch } from './search/occupation-search';

/**
 * Input limits of the searches, stated in the schema: a skill search takes a sentence (what
 * a job ad or a CV says), an occupation search a title.
 */
export const SEARCH_LIMITS = {
  maxFirst: 50,
  maxSkillTextLength: 1000,
  maxOccupationTextLength: 200,
} as const;

/** A skill query of more words than this is a sentence: ranked by the linker, not by label. */
const LABEL_QUERY_MAX_WORDS = 3;

/**
 * Holds one label index per concept kind, built from the database at start and rebuilt when a
 * newer taxonomy import is seen (another process may import while this one serves).
 */
export class TaxonomySearchService {
  private skills = LabelIndex.build([]);
  private occupations = OccupationSearch.build({ labels: [] });
  private linker: SkillLinker | null = null;
  /** Preferred skill labels by language then URI, for the linker's answers. */
  private preferredSkillLabels = new Map<string, Map<string, string>>();
  private builtFromImport: number | null = -1;

  constructor(private readonly dataSource: DataSource) {}

  get ready(): boolean {
    return this.builtFromImport !== -1;
  }

  /** Rebuilds the indexes if the taxonomy changed since they were built; returns whether it did. */
  async refresh(): Promise<boolean> {
    const [{ id }] = await this.dataSource.query(`SELECT max(id) AS id FROM esco_import`);
    const latest = id === null ? null : Number(id);
    if (latest === this.builtFromImport) return false;
    const started = Date.now();
    const [skills, occupations, places, iscoGroups, linkerInputs, learned] = await Promise.all([
      this.loadLabels('skill'),
      this.loadLabels('occupation'),
      this.loadPlaces(),
      this.loadIscoGroups(),
      loadLinkerInputs(this.dataSource),
      loadLinkingWeights(this.dataSource),
    ]);
    this.skills = LabelIndex.build(skills, linkerInputs.knownWords);
    this.occupations = OccupationSearch.build({
      labels: occupations,
      places,
      iscoGroups,
      corpus: skills.map((l) => l.label),
    });
    this.linker = new SkillLinker(
      linkerInputs.concepts,
      linkerInputs.textsByLanguage,
      this.skills,
      new Map(
        [...linkerInputs.textsByLanguage.keys()].map((l) => [
          l,
          learned.get(l) ?? DEFAULT_FIELD_WEIGHTS,
        ]),
      ),
    );
    this.preferredSkillLabels = new Map();
    for (const label of skills) {
      if (label.labelType !== 'preferred') continue;
      let byUri = this.preferredSkillLabels.get(label.language);
      if (!byUri) this.preferredSkillLabels.set(label.language, (byUri = new Map()));
      byUri.set(label.conceptUri, label.label);
    }
    this.builtFromImport = latest;
    log.info('taxonomy_index_built', {
      skillLabels: skills.length,
      occupationLabels: occupations.length,
      elapsedMs: Date.now() - started,
    });
    return true;
  }

  /**
   * A few words are looked up by label (inflection, compounds, typos); a sentence is linked
   * (see SkillLinker): the skills it speaks of, scored by their calibrated confidence.
   */
  searchSkills(text: string, language: string, first: number): LabelHit[] {
    validateSearch(text, first, SEARCH_LIMITS.maxSkillTextLength);
    if (queryTokens(text).length <= LABEL_QUERY_MAX_WORDS || !this.linker)
      return this.skills.search(text, language, first);
    return this.linker.link(text, language, first).map((skill) => {
      const preferred = this.preferredSkillLabel(skill.skillUri, language);
      return {
        conceptUri: skill.skillUri,
        score: skill.confidence,
        label: skill.matchedLabel ?? preferred.label,
        language: preferred.language,
        labelType: skill.matchedLabel ? 'alternative' : 'preferred',
      };
    });
  }

  /** Each sentence (or the whole text as one span) with its skills, best first (SkillLinker). */
  linkSkills(
    text: string,
    language: string,
    first: number,
    labelHits?: TextHit[],
    bySentence = true,
  ): { start: number; end: number; skills: LinkedSkill[] }[] {
    return this.linker?.linkSentences(text, language, first, labelHits, bySentence) ?? [];
  }

  /** A skill's preferred label in a language, else in English, else its URI. */
  preferredSkillLabel(uri: string, language: string): { label: string; language: string } {
    for (const l of [language, 'en']) {
      const label = this.preferredSkillLabels.get(l)?.get(uri);
      if (label) return { label, language: l };
    }
    return { label: uri, language: 'en' };
  }

  /** Skill labels standing in a free text (see LabelIndex.findInText); the same index as search. */
  findSkillsInText(text: string, language: string): TextHit[] {
    return this.skills.findInText(text, language);
  }

  searchOccupations(text: string, language: string, first: number): LabelHit[] {
    validateSearch(text, first, SEARCH_LIMITS.maxOccupationTextLength);
    return this.occupations.search(text, language, first);
  }

  /** Municipality names in Finnish and Swedish: places job titles name and search must ignore. */
  private async loadPlaces(): Promise<string[]> {
    const rows: { name_fi: string; name_sv: string }[] = await this.dataSource.query(
      `SELECT name_fi, name_sv FROM municipality`,
    );
    return [...new Set(rows.flatMap((r) => [r.name_fi, r.name_sv]))];
  }

  private async loadIscoGroups(): Promise<Map<string, string>> {
    const rows: { uri: string; isco_group_code: string | null }[] = await this.dataSource.query(
      `SELECT uri, isco_group_code FROM esco_occupation WHERE isco_group_code IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.uri, r.isco_group_code!]));
  }

  private async loadLabels(kind: 'skill' | 'occupation'): Promise<LabelInput[]> {
    const rows: {
      concept_uri: string;
      label: string;
      language: string;
      label_type: LabelInput['labelType'];
    }[] = await this.dataSource.query(
      `SELECT concept_uri, label, language, label_type FROM esco_label
         WHERE concept_kind = $1 ORDER BY concept_uri, language, label_type DESC, label`,
      [kind],
    );
    return rows.map((r) => ({
      conceptUri: r.concept_uri,
      label: r.label,
      language: r.language,
      labelType: r.label_type,
    }));
  }
}

function validateSearch(text: string, first: number, maxTextLength: number): void {
  if (!text.trim()) throw badInput('text', 'must not be empty');
  if (text.length > maxTextLength) {
    throw badInput('text', `must be at most ${maxTextLength} characters`);
  }
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_LIMITS.maxFirst) {
    throw badInput('first', `must be between 1 and ${SEARCH_LIMITS.maxFirst}`);
  }
}
