/**
 * npm run import:esco -- <dir> [--languages en,fi,sv]
 * Imports an ESCO CSV download (v1.1.x or v1.2.x layout) into the configured database.
 */
import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { EscoImporter } from '../taxonomy/import/esco-importer';
import { openMigratedDatabase } from './open-database';

function parseArgs(argv: string[]): { dir: string; languages?: string[] } {
  let dir: string | undefined;
  let languages: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--languages')
      languages = argv[++i]
        ?.split(',')
        .map((l) => l.trim())
        .filter(Boolean);
    else if (argv[i]!.startsWith('--languages='))
      languages = argv[i]!.slice(12).split(',').filter(Boolean);
    else if (!dir) dir = argv[i];
  }
  if (!dir) throw new Error('Usage: npm run import:esco -- <dir> [--languages en,fi,sv]');
  return { dir, languages };
}

async function main(): Promise<void> {
  const { dir, languages } = parseArgs(process.argv.slice(2));
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

main().catch((error) => {
  console.error(`import:esco failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
