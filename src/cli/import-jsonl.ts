/**
 * npm run import -- <file.jsonl> [--overwrite]: loads employers, vacancies, jobseekers and
 * trainings (format: fixtures/README.md). Records changed through the API are left as they are
 * and reported as conflicts; --overwrite replaces them (reported, and audited for jobseekers).
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { JsonlImporter } from '../import/jsonl-importer';
import { parseCommandLine, runCommand } from './arguments';
import { openMigratedDatabase } from './open-database';

const USAGE = 'Usage: npm run import -- <file.jsonl> [--overwrite]';

/** `<file.jsonl> [--overwrite]`. */
export function parseImportJsonlArgs(argv: string[]): { file: string; overwrite: boolean } {
  const { values, positionals } = parseCommandLine(
    argv,
    { overwrite: { type: 'boolean' } },
    USAGE,
    { min: 1, max: 1, names: 'the file to import' },
  );
  return { file: positionals[0]!, overwrite: values.overwrite ?? false };
}

async function main(): Promise<void> {
  const { file, overwrite } = parseImportJsonlArgs(process.argv.slice(2));
  const erasureSecret = loadConfig().pseudonymSecret;
  const database = await openMigratedDatabase('npm run import');
  try {
    const report = await new JsonlImporter(database.dataSource, {
      erasureSecret,
      overwrite,
    }).importFile(file);
    console.log(`Read ${report.lines} lines in ${(report.elapsedMs / 1000).toFixed(1)} s.`);
    for (const [type, count] of Object.entries(report.loaded))
      console.log(`  ${type}: ${count} loaded`);
    if (report.rejected.length) {
      console.log(`Rejected ${report.rejected.length} lines:`);
      for (const r of report.rejected) console.log(`  line ${r.line}: ${r.field}: ${r.reason}`);
    }
    if (report.conflicts.length) {
      console.log(`Left ${report.conflicts.length} records changed through the API as they are:`);
      for (const c of report.conflicts)
        console.log(`  line ${c.line}: ${c.part} ${c.key}: ${c.reason}`);
    }
    if (report.overwritten.length) {
      console.log(`Overwrote ${report.overwritten.length} records changed through the API:`);
      for (const c of report.overwritten)
        console.log(`  line ${c.line}: ${c.part} ${c.key}: ${c.reason}`);
    }
    process.exitCode = report.rejected.length || report.conflicts.length ? 2 : 0;
  } finally {
    await database.close();
  }
}

if (require.main === module) runCommand(main, 'import failed: ');
