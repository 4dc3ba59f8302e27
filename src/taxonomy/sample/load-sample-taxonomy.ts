import path from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../config';
import { log } from '../../kernel/logger';
import { EscoImporter } from '../import/esco-importer';

export const SAMPLE_TAXONOMY_DIR = path.join(PROJECT_ROOT, 'fixtures', 'esco-sample', 'csv');

/** Loads the sample taxonomy into a database that has no taxonomy yet; returns whether it did. */
export async function loadSampleTaxonomyIfEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM esco_skill`);
  if (count > 0) return false;
  const report = await new EscoImporter(dataSource).import(SAMPLE_TAXONOMY_DIR);
  log.info('sample_taxonomy_loaded', { ...report.counts, elapsedMs: report.elapsedMs });
  return true;
}
