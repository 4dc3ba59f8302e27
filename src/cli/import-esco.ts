/**
 * npm run import:esco -- <dir> [--languages en,fi,sv]
 * Imports an ESCO CSV download (v1.1.x or v1.2.x layout) into the configured database.
 */
import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { EscoImporter } from '../taxonomy/import/esco-importer';
import { parseCommandLine, runCommand } from './arguments';
import { openMigratedDatabase } from './open-database';

const USAGE = 'Usage: npm run import:esco -- <dir> [--languages en,fi,sv]';

/** `<dir> [--languages en,fi,sv]` (also `--languages=en,fi`). */
export function parseImportEscoArgs(argv: string[]): { dir: string; languages?: string[] } {
  const { values, positionals } = parseCommandLine(argv, { languages: { type: 'string' } }, USAGE, {
    min: 1,
    max: 1,
    names: 'the ESCO download folder',
  });
  const languages = values.languages
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  return { dir: positionals[0]!, languages };
}

async function main(): Promise<void> {
  const { dir, languages } = parseImportEscoArgs(process.argv.slice(2));
  const database = await openMigratedDatabase('npm run import:esco');
  const bar = new SingleBar(
    { format: '{step} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  let currentStep = '';
  const interactive = Boolean(process.stdout.isTTY);
  const importer = new EscoImporter(database.dataSource, (step, done, total) => {
    if (step !== currentStep) {
      if (currentStep && interactive) bar.stop();
      currentStep = step;
      if (interactive) bar.start(total, done, { step: step.padEnd(32) });
      else console.log(`${step}: ${total} rows`);
    } else if (interactive) bar.update(done);
  });
  try {
    const report = await importer.import(dir, languages);
    if (interactive) bar.stop();
    console.log(
      `\nImported ESCO (${report.layout} layout, languages ${report.languages.join(', ')}):`,
    );
    for (const [what, count] of Object.entries(report.counts)) console.log(`  ${what}: ${count}`);
    if (report.skipped.length) {
      console.log('Skipped relations to concepts missing from the download:');
      for (const s of report.skipped)
        console.log(`  ${s.file}: ${s.missingUri} (${s.relations} relations)`);
    }
    for (const m of report.linkingModels ?? [])
      console.log(
        `Skill-linking model (${m.language}): from ${m.learnedFrom}, ${m.queries} held-out labels, MRR ${m.mrrBefore.toFixed(3)} → ${m.mrrAfter.toFixed(3)}, ${(m.elapsedMs / 1000).toFixed(1)} s`,
      );
    console.log(
      `Elapsed: ${(report.elapsedMs / 1000).toFixed(1)} s (+ ${((report.linkingModelMs ?? 0) / 1000).toFixed(1)} s for the linking model)`,
    );
  } finally {
    if (interactive) bar.stop();
    await database.close();
  }
}

if (require.main === module) runCommand(main, 'import:esco failed: ');
