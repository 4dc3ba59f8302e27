// Owns esco_import, esco_skill, esco_skill_group, esco_occupation, esco_isco_group, esco_label, esco_description, esco_broader, esco_occupation_skill and esco_skill_relation (the taxonomy; concept rows through batch-writer.ts).
import { DataSource, QueryRunner } from 'typeorm';
import { ConceptKind } from '../entities/esco-label.entity';
import { EscoFiles, locateEscoFiles } from './esco-files';
import { readCsvRecords, requiredColumn, splitLabels } from './csv-records';
import { insertBatched, upsertClause } from './batch-writer';
import { log } from '../../kernel/logger';
import { LinkingModelReport, buildLinkingModels } from '../linking/linking-model.store';

/** A relation that names a concept the download does not have: reported, not fatal. */
export interface SkippedRelation {
  file: string;
  missingUri: string;
  relations: number;
}

export interface ImportReport {
  layout: EscoFiles['layout'];
  languages: string[];
  counts: Record<string, number>;
  skipped: SkippedRelation[];
  elapsedMs: number;
  /** The skill linker's model per language, learned after the import, and its build time. */
  linkingModels?: LinkingModelReport[];
  linkingModelMs?: number;
}

export type ProgressListener = (step: string, done: number, total: number) => void;

type Row = (string | number | null)[];

const KIND_BY_CONCEPT_TYPE: Record<string, ConceptKind> = {
  KnowledgeSkillCompetence: 'skill',
  SkillGroup: 'skill_group',
  Occupation: 'occupation',
  ISCOGroup: 'isco_group',
};

/**
 * Imports an official ESCO CSV download (or the project's sample in the same format) in one
 * transaction: concepts and labels are upserted, each imported language's labels replaced,
 * and relations of the imported concepts replaced, so a second import of the same files
 * changes nothing.
 */
export class EscoImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onProgress: ProgressListener = () => undefined,
  ) {}

  async import(dir: string, languages?: string[]): Promise<ImportReport> {
    const report = await this.importTaxonomy(dir, languages);
    // The linker's model is learned from what was just imported, after the transaction and
    // its connection are let go (the embedded database has one): a model that fails to build
    // leaves the taxonomy imported and the linker on its default weights.
    const modelStarted = Date.now();
    try {
      report.linkingModels = await buildLinkingModels(this.dataSource);
    } catch (error) {
      log.error('linking_model_failed', { error: String(error) });
    }
    report.linkingModelMs = Date.now() - modelStarted;
    return report;
  }

  private async importTaxonomy(dir: string, languages?: string[]): Promise<ImportReport> {
    const started = Date.now();
    const files = locateEscoFiles(dir, languages);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const report = await this.importInTransaction(runner, files);
      report.elapsedMs = Date.now() - started;
      await runner.query(
        `INSERT INTO esco_import (layout, languages, counts, skipped_relations, elapsed_ms)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          report.layout,
          report.languages.join(','),
          JSON.stringify(report.counts),
          report.skipped.reduce((sum, s) => sum + s.relations, 0),
          report.elapsedMs,
        ],
      );
      await runner.commitTransaction();
      return report;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async importInTransaction(runner: QueryRunner, files: EscoFiles): Promise<ImportReport> {
    const counts: Record<string, number> = {};
    const skipped: SkippedRelation[] = [];
    const known = new Map<string, ConceptKind>();

    for (const lang of files.languages) {
      const set = files.classification[lang]!;
      if (set.skills) {
        const records = readCsvRecords(set.skills);
        await this.write(
          runner,
          'esco_skill',
          `skills (${lang})`,
          ['uri', 'skill_type', 'reuse_level', 'status'],
          records.map((r) => [
            requiredColumn(r, 'conceptUri'),
            r.skillType || null,
            r.reuseLevel || null,
            r.status || 'released',
          ]),
          ['uri'],
          ['skill_type', 'reuse_level', 'status'],
        );
        await this.writeLabels(runner, 'skill', lang, records, known);
        counts.skills = records.length;
      }
      if (set.occupations) {
        const records = readCsvRecords(set.occupations);
        await this.write(
          runner,
          'esco_occupation',
          `occupations (${lang})`,
          ['uri', 'isco_group_code', 'code', 'status'],
          records.map((r) => [
            requiredColumn(r, 'conceptUri'),
            r.iscoGroup || null,
            r.code || null,
            r.status || 'released',
          ]),
          ['uri'],
          ['isco_group_code', 'code', 'status'],
        );
        await this.writeLabels(runner, 'occupation', lang, records, known);
        counts.occupations = records.length;
      }
      if (set.iscoGroups) {
        const records = readCsvRecords(set.iscoGroups);
        await this.write(
          runner,
          'esco_isco_group',
          `ISCO groups (${lang})`,
          ['uri', 'code'],
          records.map((r) => [requiredColumn(r, 'conceptUri'), r.code ?? null]),
          ['uri'],
          ['code'],
        );
        await this.writeLabels(runner, 'isco_group', lang, records, known);
        counts.iscoGroups = records.length;
      }
      if (set.skillGroups) {
        const records = readCsvRecords(set.skillGroups);
        await this.write(
          runner,
          'esco_skill_group',
          `skill groups (${lang})`,
          ['uri', 'code'],
          records.map((r) => [requiredColumn(r, 'conceptUri'), r.code || null]),
          ['uri'],
          ['code'],
        );
        await this.writeLabels(runner, 'skill_group', lang, records, known);
        counts.skillGroups = records.length;
      }
    }

    const kindOf = (uri: string) => known.get(uri);
    if (files.relations.occupationSkill) {
      const rows = this.keepKnown(
        files.relations.occupationSkill,
        skipped,
        readCsvRecords(files.relations.occupationSkill).map((r) => ({
          uris: [requiredColumn(r, 'occupationUri'), requiredColumn(r, 'skillUri')],
          row: [r.occupationUri, r.skillUri, r.relationType] as Row,
        })),
        (uri, i) => kindOf(uri) === (i === 0 ? 'occupation' : 'skill'),
      );
      await runner.query(
        `DELETE FROM esco_occupation_skill WHERE occupation_uri = ANY($1::text[])`,
        [urisOf(known, 'occupation')],
      );
      await this.write(
        runner,
        'esco_occupation_skill',
        'occupation–skill relations',
        ['occupation_uri', 'skill_uri', 'relation_type'],
        rows,
        ['occupation_uri', 'skill_uri'],
        ['relation_type'],
      );
      counts.occupationSkillRelations = rows.length;
    }
    if (files.relations.skillSkill) {
      const rows = this.keepKnown(
        files.relations.skillSkill,
        skipped,
        readCsvRecords(files.relations.skillSkill).map((r) => ({
          uris: [requiredColumn(r, 'originalSkillUri'), requiredColumn(r, 'relatedSkillUri')],
          row: [r.originalSkillUri, r.relatedSkillUri, r.relationType] as Row,
        })),
        (uri) => kindOf(uri) === 'skill',
      );
      await runner.query(`DELETE FROM esco_skill_relation WHERE skill_uri = ANY($1::text[])`, [
        urisOf(known, 'skill'),
      ]);
      await this.write(
        runner,
        'esco_skill_relation',
        'skill–skill relations',
        ['skill_uri', 'related_skill_uri', 'relation_type'],
        rows,
        ['skill_uri', 'related_skill_uri'],
        ['relation_type'],
      );
      counts.skillSkillRelations = rows.length;
    }
    const broaderRows: Row[] = [];
    for (const file of [files.relations.broaderSkill, files.relations.broaderOccupation]) {
      if (!file) continue;
      broaderRows.push(
        ...this.keepKnown(
          file,
          skipped,
          readCsvRecords(file).map((r) => ({
            uris: [requiredColumn(r, 'conceptUri'), requiredColumn(r, 'broaderUri')],
            row: [
              r.conceptUri,
              r.broaderUri,
              KIND_BY_CONCEPT_TYPE[r.conceptType ?? ''] ?? null,
              KIND_BY_CONCEPT_TYPE[r.broaderType ?? ''] ?? null,
            ] as Row,
          })),
          (uri) => known.has(uri),
        ),
      );
    }
    if (broaderRows.length) {
      // The kinds come from what was imported, which is authoritative over the file's type column.
      for (const row of broaderRows) {
        row[2] = kindOf(row[0] as string)!;
        row[3] = kindOf(row[1] as string)!;
      }
      await runner.query(`DELETE FROM esco_broader WHERE concept_uri = ANY($1::text[])`, [
        [...known.keys()],
      ]);
      await this.write(
        runner,
        'esco_broader',
        'broader relations',
        ['concept_uri', 'broader_uri', 'concept_kind', 'broader_kind'],
        broaderRows,
        ['concept_uri', 'broader_uri'],
        ['concept_kind', 'broader_kind'],
      );
      counts.broaderRelations = broaderRows.length;
    }
    return { layout: files.layout, languages: files.languages, counts, skipped, elapsedMs: 0 };
  }

  /** Keeps rows whose concepts were imported; counts the others by the missing concept. */
  private keepKnown(
    file: string,
    skipped: SkippedRelation[],
    items: { uris: string[]; row: Row }[],
    isKnown: (uri: string, position: number) => boolean,
  ): Row[] {
    const missing = new Map<string, number>();
    const kept: Row[] = [];
    const seen = new Set<string>();
    for (const { uris, row } of items) {
      const unknown = uris.find((uri, i) => !isKnown(uri, i));
      if (unknown) {
        missing.set(unknown, (missing.get(unknown) ?? 0) + 1);
        continue;
      }
      const key = uris.join(' ');
      if (seen.has(key)) continue; // a duplicate line would fail the batched upsert
      seen.add(key);
      kept.push(row);
    }
    const name = file.split(/[\\/]/).pop()!;
    for (const [missingUri, relations] of missing)
      skipped.push({ file: name, missingUri, relations });
    return kept;
  }

  private async writeLabels(
    runner: QueryRunner,
    kind: ConceptKind,
    lang: string,
    records: Record<string, string>[],
    known: Map<string, ConceptKind>,
  ): Promise<void> {
    const labels: Row[] = [];
    const descriptions: Row[] = [];
    for (const r of records) {
      const uri = requiredColumn(r, 'conceptUri');
      known.set(uri, kind);
      const seen = new Set<string>();
      const add = (type: string, label: string) => {
        const key = `${type}\u0000${label}`;
        if (seen.has(key)) return;
        seen.add(key);
        labels.push([uri, lang, type, label, kind]);
      };
      for (const label of splitLabels(r.preferredLabel)) add('preferred', label);
      for (const label of splitLabels(r.altLabels)) add('alternative', label);
      for (const label of splitLabels(r.hiddenLabels)) add('hidden', label);
      const description = (r.description || r.definition || '').trim();
      if (description) descriptions.push([uri, lang, description]);
    }
    await runner.query(`DELETE FROM esco_label WHERE language = $1 AND concept_kind = $2`, [
      lang,
      kind,
    ]);
    await this.write(
      runner,
      'esco_label',
      `${kind} labels (${lang})`,
      ['concept_uri', 'language', 'label_type', 'label', 'concept_kind'],
      labels,
      ['concept_uri', 'language', 'label_type', 'label'],
      [],
    );
    await runner.query(
      `DELETE FROM esco_description WHERE language = $1 AND concept_uri = ANY($2::text[])`,
      [lang, records.map((r) => r.conceptUri)],
    );
    await this.write(
      runner,
      'esco_description',
      `${kind} descriptions (${lang})`,
      ['concept_uri', 'language', 'description'],
      descriptions,
      ['concept_uri', 'language'],
      ['description'],
    );
  }

  private async write(
    runner: QueryRunner,
    table: string,
    step: string,
    columns: string[],
    rows: Row[],
    keys: string[],
    updated: string[],
  ): Promise<void> {
    this.onProgress(step, 0, rows.length);
    await insertBatched(
      runner,
      table,
      columns.map((name) => ({ name, type: 'text' })),
      rows,
      upsertClause(keys, updated),
      (done) => this.onProgress(step, done, rows.length),
    );
  }
}

function urisOf(known: Map<string, ConceptKind>, kind: ConceptKind): string[] {
  return [...known].filter(([, k]) => k === kind).map(([uri]) => uri);
}
