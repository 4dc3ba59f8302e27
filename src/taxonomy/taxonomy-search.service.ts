import { DataSource } from 'typeorm';
import { badInput } from '../errors/domain-error';
import { log } from '../logger';
import { LabelHit, LabelIndex, LabelInput, TextHit } from './search/label-index';
import { OccupationSearch } from './search/occupation-search';

export const SEARCH_LIMITS = { maxFirst: 50, maxTextLength: 200 } as const;

/**
 * Holds one label index per concept kind, built from the database at start and rebuilt when a
 * newer taxonomy import is seen (another process may import while this one serves).
 */
export class TaxonomySearchService {
  private skills = LabelIndex.build([]);
  private occupations = OccupationSearch.build({ labels: [] });
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
    const [skills, occupations, places, iscoGroups] = await Promise.all([
      this.loadLabels('skill'),
      this.loadLabels('occupation'),
      this.loadPlaces(),
      this.loadIscoGroups(),
    ]);
    this.skills = LabelIndex.build(skills);
    this.occupations = OccupationSearch.build({
      labels: occupations,
      places,
      iscoGroups,
      corpus: skills.map((l) => l.label),
    });
    this.builtFromImport = latest;
    log.info('taxonomy_index_built', {
      skillLabels: skills.length,
      occupationLabels: occupations.length,
      elapsedMs: Date.now() - started,
    });
    return true;
  }

  searchSkills(text: string, language: string, first: number): LabelHit[] {
    validateSearch(text, first);
    return this.skills.search(text, language, first);
  }

  /** Skill labels standing in a free text (see LabelIndex.findInText); the same index as search. */
  findSkillsInText(text: string, language: string): TextHit[] {
    return this.skills.findInText(text, language);
  }

  searchOccupations(text: string, language: string, first: number): LabelHit[] {
    validateSearch(text, first);
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

function validateSearch(text: string, first: number): void {
  if (!text.trim()) throw badInput('text', 'must not be empty');
  if (text.length > SEARCH_LIMITS.maxTextLength) {
    throw badInput('text', `must be at most ${SEARCH_LIMITS.maxTextLength} characters`);
  }
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_LIMITS.maxFirst) {
    throw badInput('first', `must be between 1 and ${SEARCH_LIMITS.maxFirst}`);
  }
}
