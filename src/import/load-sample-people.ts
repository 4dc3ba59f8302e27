import path from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../config';
import { log } from '../kernel/logger';
import { JsonlImporter, JsonlImportOptions } from './jsonl-importer';

export const SAMPLE_PEOPLE_FILE = path.join(
  PROJECT_ROOT,
  'fixtures',
  'people',
  'kuopio-area.jsonl',
);

/** Loads the invented people, employers, vacancies and trainings into a database that has none. */
export async function loadSamplePeopleIfEmpty(
  dataSource: DataSource,
  options: JsonlImportOptions = {},
): Promise<boolean> {
  const [{ count }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM jobseeker) + (SELECT count(*) FROM employer) AS count`,
  );
  if (Number(count) > 0) return false;
  const report = await new JsonlImporter(dataSource, options).importFile(SAMPLE_PEOPLE_FILE);
  log.info('sample_people_loaded', {
    ...report.loaded,
    rejected: report.rejected.length,
    elapsedMs: report.elapsedMs,
  });
  return true;
}
