import DataLoader from 'dataloader';
import { manyByKey, oneByKey } from '../../kernel/batch';
import { DataSource, In } from 'typeorm';
import {
  EscoBroader,
  EscoDescription,
  EscoLabel,
  EscoOccupation,
  EscoOccupationSkill,
  EscoSkill,
  EscoSkillRelation,
} from '../entities';

/**
 * The taxonomy's DataLoaders, created per request: each batches every key asked for in one
 * tick into a single `IN (...)` query and returns results in key order.
 */
export interface TaxonomyLoaders {
  skillByUri: DataLoader<string, EscoSkill | null>;
  occupationByUri: DataLoader<string, EscoOccupation | null>;
  labelsByConceptUri: DataLoader<string, EscoLabel[]>;
  /**
   * Only the preferred labels (every language), for names in running text: a page of match
   * summaries names ~100 concepts, whose every alternative and hidden label it never shows.
   */
  preferredLabelsByConceptUri: DataLoader<string, PreferredLabelRow[]>;
  descriptionsByConceptUri: DataLoader<string, EscoDescription[]>;
  skillsByOccupationUri: DataLoader<string, EscoOccupationSkill[]>;
  occupationsBySkillUri: DataLoader<string, EscoOccupationSkill[]>;
  relatedSkillsBySkillUri: DataLoader<string, EscoSkillRelation[]>;
  broaderByConceptUri: DataLoader<string, EscoBroader[]>;
  narrowerByConceptUri: DataLoader<string, EscoBroader[]>;
}

/** A preferred label, read without building an entity. */
export type PreferredLabelRow = Pick<EscoLabel, 'conceptUri' | 'language' | 'labelType' | 'label'>;

const LABEL_TYPE_ORDER = { preferred: 0, alternative: 1, hidden: 2 };

/** Language, then preferred before alternative before hidden, then text by code point: the same on every database collation. */
function compareLabels(a: PreferredLabelRow, b: PreferredLabelRow): number {
  return (
    cmp(a.language, b.language) ||
    LABEL_TYPE_ORDER[a.labelType] - LABEL_TYPE_ORDER[b.labelType] ||
    cmp(a.label, b.label)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createTaxonomyLoaders(dataSource: DataSource): TaxonomyLoaders {
  const repo = dataSource.manager;
  return {
    skillByUri: new DataLoader(async (uris) =>
      oneByKey(uris, await repo.findBy(EscoSkill, { uri: In([...uris]) }), (s) => s.uri),
    ),
    occupationByUri: new DataLoader(async (uris) =>
      oneByKey(uris, await repo.findBy(EscoOccupation, { uri: In([...uris]) }), (o) => o.uri),
    ),
    labelsByConceptUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        (await repo.findBy(EscoLabel, { conceptUri: In([...uris]) })).sort(compareLabels),
        (l) => l.conceptUri,
      ),
    ),
    preferredLabelsByConceptUri: new DataLoader(async (uris) => {
      const rows: PreferredLabelRow[] = await repo.query(
        `SELECT concept_uri AS "conceptUri", language, label_type AS "labelType", label
         FROM esco_label WHERE concept_uri = ANY($1) AND label_type = 'preferred'`,
        [[...uris]],
      );
      return manyByKey(uris, rows.sort(compareLabels), (l) => l.conceptUri);
    }),
    descriptionsByConceptUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.findBy(EscoDescription, { conceptUri: In([...uris]) }),
        (d) => d.conceptUri,
      ),
    ),
    skillsByOccupationUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.find(EscoOccupationSkill, {
          where: { occupationUri: In([...uris]) },
          order: { relationType: 'ASC', skillUri: 'ASC' },
        }),
        (r) => r.occupationUri,
      ),
    ),
    occupationsBySkillUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.find(EscoOccupationSkill, {
          where: { skillUri: In([...uris]) },
          order: { relationType: 'ASC', occupationUri: 'ASC' },
        }),
        (r) => r.skillUri,
      ),
    ),
    relatedSkillsBySkillUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.find(EscoSkillRelation, {
          where: { skillUri: In([...uris]) },
          order: { relationType: 'ASC', relatedSkillUri: 'ASC' },
        }),
        (r) => r.skillUri,
      ),
    ),
    broaderByConceptUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.find(EscoBroader, {
          where: { conceptUri: In([...uris]) },
          order: { broaderUri: 'ASC' },
        }),
        (b) => b.conceptUri,
      ),
    ),
    narrowerByConceptUri: new DataLoader(async (uris) =>
      manyByKey(
        uris,
        await repo.find(EscoBroader, {
          where: { broaderUri: In([...uris]) },
          order: { conceptUri: 'ASC' },
        }),
        (b) => b.broaderUri,
      ),
    ),
  };
}
