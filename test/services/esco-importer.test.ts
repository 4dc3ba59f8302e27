import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../../src/kernel/errors/domain-error';
import { EscoImporter } from '../../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../../src/taxonomy/sample/load-sample-taxonomy';
import { writeSampleTaxonomy } from '../../src/taxonomy/sample/sample-taxonomy';
import { describeWithEsco, ESCO_DIR } from '../support/esco-dir';
import { openEmptyDatabase, openTestDatabase, TestDatabase } from '../support/test-database';
import { reportFigure } from '../support/figures';

const TABLES = [
  'esco_skill',
  'esco_occupation',
  'esco_isco_group',
  'esco_label',
  'esco_occupation_skill',
  'esco_skill_relation',
  'esco_broader',
  'esco_description',
];

async function snapshot(dataSource: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

describe('ESCO importer on the sample taxonomy', () => {
  let db: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    db = await openTestDatabase(); // the template already holds the sample taxonomy
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-esco-'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('imports every concept, label language and relation of the sample', async () => {
    const ds = db.database.dataSource;
    const [counts] = await ds.query(`SELECT
      (SELECT count(*) FROM esco_skill)::int AS skills,
      (SELECT count(*) FROM esco_occupation)::int AS occupations,
      (SELECT count(*) FROM esco_occupation_skill)::int AS relations,
      (SELECT count(DISTINCT language) FROM esco_label)::int AS languages`);
    expect(counts).toEqual({ skills: 297, occupations: 47, relations: 838, languages: 3 });
    // A cell with several newline-separated labels becomes several alternative labels.
    const labels = await ds.query(
      `SELECT label FROM esco_label WHERE concept_uri = $1 AND language = 'fi' AND label_type = 'alternative' ORDER BY label`,
      ['http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da'],
    );
    expect(labels.map((l: { label: string }) => l.label)).toEqual([
      'trukin ajo',
      'trukinkuljetus',
      'trukkikortti',
    ]);
  });

  it('changes nothing when the same download is imported again', async () => {
    const before = await snapshot(db.database.dataSource);
    const report = await new EscoImporter(db.database.dataSource).import(SAMPLE_TAXONOMY_DIR);
    expect(report.skipped).toEqual([]);
    expect(await snapshot(db.database.dataSource)).toEqual(before);
  });

  it('reads the v1.2.x layout, where relation files carry a language suffix and label columns', async () => {
    const dir = path.join(scratch, 'v12');
    copyDir(SAMPLE_TAXONOMY_DIR, dir);
    for (const name of fs.readdirSync(path.join(dir, 'relations'))) {
      const file = path.join(dir, 'relations', name);
      const records = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];
      const withLabels = records.map((r) => ({ ...r, skillLabel: 'label column added in v1.2' }));
      fs.writeFileSync(file.replace(/\.csv$/, '_en.csv'), stringify(withLabels, { header: true }));
      fs.rmSync(file);
    }
    const before = await snapshot(db.database.dataSource);
    const report = await new EscoImporter(db.database.dataSource).import(dir);
    expect(report.layout).toBe('v1.2.x');
    expect(report.counts.occupationSkillRelations).toBe(838);
    expect(await snapshot(db.database.dataSource)).toEqual(before);
  });

  it('reports and skips relations to a concept missing from the download', async () => {
    const dir = path.join(scratch, 'missing');
    copyDir(SAMPLE_TAXONOMY_DIR, dir);
    const missing = 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
    const file = path.join(dir, 'relations', 'occupationSkillRelations.csv');
    fs.appendFileSync(
      file,
      `${missing},essential,skill/competence,http://data.europa.eu/esco/skill/a17286c5-238d-4f0b-bc24-29e9121345de\n`,
    );
    fs.appendFileSync(
      file,
      `${missing},optional,skill/competence,http://data.europa.eu/esco/skill/aa238394-8126-4ada-be2f-9dfe065cf314\n`,
    );
    const report = await new EscoImporter(db.database.dataSource).import(dir);
    expect(report.skipped).toEqual([
      { file: 'occupationSkillRelations.csv', missingUri: missing, relations: 2 },
    ]);
    expect(report.counts.occupationSkillRelations).toBe(838);
  });

  it('refuses a folder that is not an ESCO download, writing nothing', async () => {
    const before = await snapshot(db.database.dataSource);
    const empty = path.join(scratch, 'empty');
    fs.mkdirSync(empty);
    const attempt = new EscoImporter(db.database.dataSource).import(empty);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toThrow(/not an ESCO CSV download/);
    await expect(
      new EscoImporter(db.database.dataSource).import(SAMPLE_TAXONOMY_DIR, ['de']),
    ).rejects.toThrow('languages: de not in the download (it has en, fi, sv)');
    expect(await snapshot(db.database.dataSource)).toEqual(before);
  });

  it('rolls back the whole import when a file is broken half-way', async () => {
    const dir = path.join(scratch, 'broken');
    copyDir(SAMPLE_TAXONOMY_DIR, dir);
    // An unterminated quote: the CSV parser fails on the relations, after concepts were written.
    fs.appendFileSync(
      path.join(dir, 'relations', 'skillSkillRelations.csv'),
      '"unterminated,quote\n',
    );
    const before = await snapshot(db.database.dataSource);
    await expect(new EscoImporter(db.database.dataSource).import(dir)).rejects.toThrow();
    expect(await snapshot(db.database.dataSource)).toEqual(before);
  });
});

describe('sample taxonomy files', () => {
  it('are exactly what the generator writes from fixtures/esco-sample/source', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-sample-'));
    try {
      writeSampleTaxonomy(path.join(SAMPLE_TAXONOMY_DIR, '..', 'source'), out);
      const list = (dir: string): string[] =>
        fs
          .readdirSync(dir, { recursive: true, withFileTypes: false })
          .map(String)
          .filter((f) => f.endsWith('.csv'))
          .sort();
      expect(list(out)).toEqual(list(SAMPLE_TAXONOMY_DIR));
      for (const file of list(out)) {
        expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(
          fs.readFileSync(path.join(SAMPLE_TAXONOMY_DIR, file), 'utf8'),
        );
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('ESCO importer learns the skill-linking model', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase();
    await db.database.migrate();
  });
  afterAll(() => db.close());

  it('stores field weights per imported language after the import, from held-out labels', async () => {
    const report = await new EscoImporter(db.database.dataSource).import(SAMPLE_TAXONOMY_DIR);
    expect(report.linkingModels?.map((m) => m.language).sort()).toEqual(['en', 'fi', 'sv']);
    const rows: { language: string; weights: { weights: Record<string, number>; k1: number } }[] =
      await db.database.dataSource.query(
        `SELECT language, weights FROM esco_linking_model ORDER BY language`,
      );
    expect(rows.map((r) => r.language)).toEqual(['en', 'fi', 'sv']);
    for (const row of rows) {
      expect(row.weights.k1).toBeGreaterThan(0);
      expect(row.weights.weights.preferred).toBeGreaterThan(0);
    }
    const english = report.linkingModels!.find((m) => m.language === 'en')!;
    expect(english.queries).toBeGreaterThan(0);
    expect(english.mrrAfter).toBeGreaterThanOrEqual(english.mrrBefore);
  });
});

describeWithEsco('ESCO importer on the full download (ESCO_DIR)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase();
    await db.database.migrate();
  });
  afterAll(() => db.close());

  it('imports the whole English taxonomy, skipping the one occupation v1.1.1 lacks', async () => {
    const report = await new EscoImporter(db.database.dataSource).import(ESCO_DIR!, ['en']);
    expect(report.counts).toMatchObject({
      skills: 13896,
      occupations: 3007,
      iscoGroups: 619,
      skillGroups: 640,
    });
    const missingOccupation = report.skipped.find((s) => s.file === 'occupationSkillRelations.csv');
    expect(missingOccupation).toEqual({
      file: 'occupationSkillRelations.csv',
      missingUri: 'http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e',
      relations: 67,
    });
    expect(report.counts.occupationSkillRelations).toBe(123855 - 67);
    reportFigure(
      `full ESCO import (${db.database.kind}): ${(report.elapsedMs / 1000).toFixed(1)} s`,
    );
    // The import and its linking model take over a minute on a loaded machine.
  }, 300_000);
});
