/**
 * The full ESCO for the linking evaluation, imported with the project's importer: English from
 * ESCO_DIR, Finnish and Swedish (with English) from ESCO_MULTILINGUAL_DIR (default: a sibling
 * `v1.1.1-multilingual` of ESCO_DIR). With DATABASE_URL the imports are kept between runs in
 * `<database>_en` and `<database>_multi` on that server (created when missing, re-imported only
 * when their last import is of other languages); without it they go to an in-memory database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Database } from '../../db/database';
import { EscoImporter } from '../import/esco-importer';
import { Bm25Document, Bm25Index } from './bm25-baseline';
import { buildLinkingModels } from './linking-model.store';

export type EvaluationTaxonomy = 'en' | 'multi';

export function evaluationTaxonomyFor(language: string): EvaluationTaxonomy {
  return language === 'en' ? 'en' : 'multi';
}

export function escoDirFor(which: EvaluationTaxonomy): string | undefined {
  const english = process.env.ESCO_DIR;
  if (which === 'en') return english;
  const multilingual =
    process.env.ESCO_MULTILINGUAL_DIR ??
    (english ? path.join(path.dirname(path.resolve(english)), 'v1.1.1-multilingual') : undefined);
  return multilingual && fs.existsSync(multilingual) ? multilingual : undefined;
}

const LANGUAGES: Record<EvaluationTaxonomy, string[]> = { en: ['en'], multi: ['en', 'fi', 'sv'] };

/** Opens (and imports when needed) the taxonomy; undefined when its folder is not configured. */
export async function openEvaluationTaxonomy(
  which: EvaluationTaxonomy,
  log: (line: string) => void = () => undefined,
): Promise<Database | undefined> {
  const dir = escoDirFor(which);
  if (!dir) return undefined;
  const languages = LANGUAGES[which];
  const url = process.env.DATABASE_URL
    ? await scratchDatabase(process.env.DATABASE_URL, which)
    : '';
  const database = await Database.open({
    databaseUrl: url || undefined,
    embeddedDataDir: 'memory://',
  });
  await database.migrate();
  const [last] = await database.dataSource.query(
    `SELECT languages FROM esco_import ORDER BY id DESC LIMIT 1`,
  );
  if (last?.languages !== languages.join(',')) {
    log(`Importing ${dir} (${languages.join(', ')}) …`);
    const report = await new EscoImporter(database.dataSource).import(dir, languages);
    log(`  imported in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  }
  const [{ models }] = await database.dataSource.query(
    `SELECT count(*)::int AS models FROM esco_linking_model`,
  );
  if (!models) {
    // A database imported before the linking model existed: learn it now, as an import would.
    const started = Date.now();
    await buildLinkingModels(database.dataSource);
    log(`  linking model learned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return database;
}

async function scratchDatabase(baseUrl: string, which: EvaluationTaxonomy): Promise<string> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.replace(/^\//, '') || 'osaamo'}_${which}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unusable database name ${name}`);
  const adminUrl = new URL(baseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The BM25 baseline of one language: each concept's labels and description in that language
 * as one document; skills by default, occupations for titles.
 */
export async function bm25BaselineOf(
  database: Database,
  language: string,
  concepts: 'esco_skill' | 'esco_occupation' = 'esco_skill',
): Promise<Bm25Index> {
  const rows: { uri: string; text: string }[] = await database.dataSource.query(
    `SELECT s.uri,
            concat_ws(' ',
              (SELECT string_agg(l.label, ' ' ORDER BY l.label_type, l.label) FROM esco_label l
                WHERE l.concept_uri = s.uri AND l.language = $1),
              (SELECT d.description FROM esco_description d
                WHERE d.concept_uri = s.uri AND d.language = $1)) AS text
       FROM ${concepts} s ORDER BY s.uri`,
    [language],
  );
  const documents: Bm25Document[] = rows
    .filter((r) => r.text.trim())
    .map((r) => ({ conceptUri: r.uri, text: r.text }));
  return new Bm25Index(documents);
}
