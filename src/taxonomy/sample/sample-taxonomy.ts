import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

/**
 * The project's sample taxonomy: real ESCO URIs and relation pairs with labels that the
 * project wrote itself in Finnish, Swedish and English. The source is a few tab-separated
 * files (fixtures/esco-sample/source/); this writes them out in the layout of the official
 * ESCO v1.1.x CSV download, so that the one importer loads both.
 */
export const SAMPLE_LANGUAGES = ['en', 'fi', 'sv'] as const;

/** Rows of a source file by the columns the writer reads; a file without one of them is an error. */
export function readSampleSource<C extends string>(
  file: string,
  columns: readonly C[],
): Record<C, string>[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const header = (lines[0] ?? '').split('\t');
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length) throw new Error(`${file}: no column ${missing.join(', ')}`);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()]));
    return row as Record<C, string>;
  });
}

/** "preferred | alt | alt" → [preferred, [alts]] */
function splitLabelCell(cell: string): [string, string[]] {
  const labels = cell
    .split('|')
    .map((label) => label.trim())
    .filter(Boolean);
  return [labels[0] ?? '', labels.slice(1)];
}

function writeCsv(file: string, header: string[], rows: string[][]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, stringify([header, ...rows], { quoted_match: /[\n,"]/ }));
}

const NOTE = 'Label written by the Osaamo project (not an official ESCO translation).';

export function writeSampleTaxonomy(sourceDir: string, outDir: string): void {
  const skills = readSampleSource(path.join(sourceDir, 'skills.tsv'), [
    'uri',
    'skillType',
    'reuseLevel',
    ...SAMPLE_LANGUAGES,
  ]);
  const occupations = readSampleSource(path.join(sourceDir, 'occupations.tsv'), [
    'uri',
    'iscoGroup',
    'code',
    ...SAMPLE_LANGUAGES,
  ]);
  const iscoGroups = readSampleSource(path.join(sourceDir, 'isco-groups.tsv'), [
    'uri',
    'code',
    ...SAMPLE_LANGUAGES,
  ]);
  const occupationSkill = readSampleSource(path.join(sourceDir, 'occupation-skill.tsv'), [
    'occupationUri',
    'skillUri',
    'relationType',
  ]);
  const skillSkill = readSampleSource(path.join(sourceDir, 'skill-skill.tsv'), [
    'skillUri',
    'relatedSkillUri',
    'relationType',
  ]);
  const broader = readSampleSource(path.join(sourceDir, 'broader.tsv'), [
    'conceptUri',
    'broaderUri',
  ]);

  for (const lang of SAMPLE_LANGUAGES) {
    const dir = path.join(outDir, `classification-${lang}`);
    writeCsv(
      path.join(dir, `skills_${lang}.csv`),
      [
        'conceptType',
        'conceptUri',
        'skillType',
        'reuseLevel',
        'preferredLabel',
        'altLabels',
        'hiddenLabels',
        'status',
        'modifiedDate',
        'scopeNote',
        'definition',
        'inScheme',
        'description',
      ],
      skills.map((s) => {
        const [preferred, alts] = splitLabelCell(s[lang]);
        return [
          'KnowledgeSkillCompetence',
          s.uri,
          s.skillType,
          s.reuseLevel,
          preferred,
          alts.join('\n'),
          '',
          'released',
          '',
          NOTE,
          '',
          '',
          '',
        ];
      }),
    );
    writeCsv(
      path.join(dir, `occupations_${lang}.csv`),
      [
        'conceptType',
        'conceptUri',
        'iscoGroup',
        'preferredLabel',
        'altLabels',
        'hiddenLabels',
        'status',
        'modifiedDate',
        'regulatedProfessionNote',
        'scopeNote',
        'definition',
        'inScheme',
        'description',
        'code',
      ],
      occupations.map((o) => {
        const [preferred, alts] = splitLabelCell(o[lang]);
        return [
          'Occupation',
          o.uri,
          o.iscoGroup,
          preferred,
          alts.join('\n'),
          '',
          'released',
          '',
          '',
          NOTE,
          '',
          '',
          '',
          o.code,
        ];
      }),
    );
    writeCsv(
      path.join(dir, `ISCOGroups_${lang}.csv`),
      [
        'conceptType',
        'conceptUri',
        'code',
        'preferredLabel',
        'status',
        'altLabels',
        'inScheme',
        'description',
      ],
      iscoGroups.map((g) => {
        const [preferred, alts] = splitLabelCell(g[lang]);
        return ['ISCOGroup', g.uri, g.code, preferred, 'released', alts.join('\n'), '', ''];
      }),
    );
  }

  const kindOf = new Map<string, string>();
  for (const s of skills) kindOf.set(s.uri, 'KnowledgeSkillCompetence');
  for (const o of occupations) kindOf.set(o.uri, 'Occupation');
  for (const g of iscoGroups) kindOf.set(g.uri, 'ISCOGroup');
  const relations = path.join(outDir, 'relations');
  writeCsv(
    path.join(relations, 'occupationSkillRelations.csv'),
    ['occupationUri', 'relationType', 'skillType', 'skillUri'],
    occupationSkill.map((r) => [
      r.occupationUri,
      r.relationType,
      skills.find((s) => s.uri === r.skillUri)?.skillType ?? '',
      r.skillUri,
    ]),
  );
  writeCsv(
    path.join(relations, 'skillSkillRelations.csv'),
    [
      'originalSkillUri',
      'originalSkillType',
      'relationType',
      'relatedSkillType',
      'relatedSkillUri',
    ],
    skillSkill.map((r) => [r.skillUri, '', r.relationType, '', r.relatedSkillUri]),
  );
  const header = ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'];
  const rowsOf = (pillar: 'skill' | 'occupation') =>
    broader
      .filter(
        (b) => (kindOf.get(b.conceptUri) === 'KnowledgeSkillCompetence') === (pillar === 'skill'),
      )
      .map((b) => [
        kindOf.get(b.conceptUri)!,
        b.conceptUri,
        kindOf.get(b.broaderUri)!,
        b.broaderUri,
      ]);
  writeCsv(path.join(relations, 'broaderRelationsSkillPillar.csv'), header, rowsOf('skill'));
  writeCsv(path.join(relations, 'broaderRelationsOccPillar.csv'), header, rowsOf('occupation'));
}
