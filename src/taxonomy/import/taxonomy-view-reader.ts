import { TaxonomyView } from '../../../matching';
import { readCsvRecords } from './csv-records';
import { locateEscoFiles } from './esco-files';

/** What the matching evaluation needs of a taxonomy, read straight from an ESCO CSV download. */
export function readTaxonomyView(dir: string): TaxonomyView {
  const files = locateEscoFiles(dir, ['en']);
  const occupations = readCsvRecords(files.classification.en.occupations!);
  const skillUris = new Set(
    readCsvRecords(files.classification.en.skills!).map((s) => s.conceptUri),
  );
  const essentialOf = new Map<string, string[]>();
  const optionalOf = new Map<string, string[]>();
  for (const r of readCsvRecords(files.relations.occupationSkill!)) {
    if (!skillUris.has(r.skillUri)) continue;
    const map = r.relationType === 'essential' ? essentialOf : optionalOf;
    map.set(r.occupationUri, [...(map.get(r.occupationUri) ?? []), r.skillUri]);
  }
  return {
    iscoGroupOf: new Map(occupations.map((o) => [o.conceptUri, o.iscoGroup])),
    essentialOf,
    optionalOf,
    broader: files.relations.broaderSkill
      ? readCsvRecords(files.relations.broaderSkill)
          .filter((r) => skillUris.has(r.conceptUri) && skillUris.has(r.broaderUri))
          .map((r) => [r.conceptUri, r.broaderUri])
      : [],
    related: files.relations.skillSkill
      ? readCsvRecords(files.relations.skillSkill).map((r) => [
          r.originalSkillUri,
          r.relatedSkillUri,
          r.relationType,
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
    readCsvRecords(files.classification[language].skills!).flatMap((row) => [
      {
        conceptUri: row.conceptUri,
        label: row.preferredLabel,
        language,
        labelType: 'preferred' as const,
      },
      ...(row.altLabels ?? '')
        .split('\n')
        .map((label) => label.trim())
        .filter(Boolean)
        .map((label) => ({
          conceptUri: row.conceptUri,
          label,
          language,
          labelType: 'alternative' as const,
        })),
    ]),
  );
}
