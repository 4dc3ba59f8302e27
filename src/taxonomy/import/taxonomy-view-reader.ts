import { TaxonomyView } from '../../../matching';
import { readCsvRecords, requiredColumn } from './csv-records';
import { locateEscoFiles } from './esco-files';

/** What the matching evaluation needs of a taxonomy, read straight from an ESCO CSV download. */
export function readTaxonomyView(dir: string): TaxonomyView {
  const files = locateEscoFiles(dir, ['en']);
  const occupations = readCsvRecords(files.classification.en!.occupations!);
  const skillUris = new Set(
    readCsvRecords(files.classification.en!.skills!).map((s) => requiredColumn(s, 'conceptUri')),
  );
  const essentialOf = new Map<string, string[]>();
  const optionalOf = new Map<string, string[]>();
  for (const r of readCsvRecords(files.relations.occupationSkill!)) {
    const skillUri = requiredColumn(r, 'skillUri');
    if (!skillUris.has(skillUri)) continue;
    const occupationUri = requiredColumn(r, 'occupationUri');
    const map = r.relationType === 'essential' ? essentialOf : optionalOf;
    map.set(occupationUri, [...(map.get(occupationUri) ?? []), skillUri]);
  }
  return {
    iscoGroupOf: new Map(
      occupations.map((o) => [requiredColumn(o, 'conceptUri'), requiredColumn(o, 'iscoGroup')]),
    ),
    essentialOf,
    optionalOf,
    broader: files.relations.broaderSkill
      ? readCsvRecords(files.relations.broaderSkill)
          .map((r): [string, string] => [
            requiredColumn(r, 'conceptUri'),
            requiredColumn(r, 'broaderUri'),
          ])
          .filter(([concept, broader]) => skillUris.has(concept) && skillUris.has(broader))
      : [],
    related: files.relations.skillSkill
      ? readCsvRecords(files.relations.skillSkill).map((r): [string, string, string] => [
          requiredColumn(r, 'originalSkillUri'),
          requiredColumn(r, 'relatedSkillUri'),
          requiredColumn(r, 'relationType'),
        ])
      : [],
  };
}

/** Skill labels (preferred and alternative) of an ESCO CSV download, as the label index takes them. */
export function readSkillLabels(
  dir: string,
  languages: string[],
): {
  conceptUri: string;
  label: string;
  language: string;
  labelType: 'preferred' | 'alternative';
}[] {
  const files = locateEscoFiles(dir, languages);
  return languages.flatMap((language) =>
    readCsvRecords(files.classification[language]!.skills!).flatMap((row) => [
      {
        conceptUri: requiredColumn(row, 'conceptUri'),
        label: requiredColumn(row, 'preferredLabel'),
        language,
        labelType: 'preferred' as const,
      },
      ...(row.altLabels ?? '')
        .split('\n')
        .map((label) => label.trim())
        .filter(Boolean)
        .map((label) => ({
          conceptUri: requiredColumn(row, 'conceptUri'),
          label,
          language,
          labelType: 'alternative' as const,
        })),
    ]),
  );
}
