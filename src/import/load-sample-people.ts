import path from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../config';
import { EmployerRepository } from '../employers/employer.repository';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
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
  const manager = dataSource.manager;
  if (
    (await new JobseekerRepository(manager).any()) ||
    (await new EmployerRepository(manager).any())
  )
    return false;
  const report = await new JsonlImporter(dataSource, options).importFile(SAMPLE_PEOPLE_FILE);
  log.info('sample_people_loaded', {
    ...report.loaded,
    rejected: report.rejected.length,
    elapsedMs: report.elapsedMs,
  });
  return true;
}
