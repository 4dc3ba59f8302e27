/** npm run import -- <file.jsonl>: loads employers, vacancies, jobseekers and trainings (format: fixtures/README.md). */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { JsonlImporter } from '../import/jsonl-importer';
import { openMigratedDatabase } from './open-database';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run import -- <file.jsonl>');
  const erasureSecret = loadConfig().pseudonymSecret;
  const database = await openMigratedDatabase('npm run import');
  try {
    const report = await new JsonlImporter(database.dataSource, { erasureSecret }).importFile(file);
    console.log(`Read ${report.lines} lines in ${(report.elapsedMs / 1000).toFixed(1)} s.`);
    for (const [type, count] of Object.entries(report.loaded))
      console.log(`  ${type}: ${count} loaded`);
    if (report.rejected.length) {
      console.log(`Rejected ${report.rejected.length} lines:`);
      for (const r of report.rejected) console.log(`  line ${r.line}: ${r.field}: ${r.reason}`);
    }
    process.exitCode = report.rejected.length ? 2 : 0;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`import failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
