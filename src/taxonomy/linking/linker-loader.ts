/**
 * What the skill linker is built from, read from the imported taxonomy: each skill's type and
 * reuse level, and per language the texts of its fields (labels, description, skill groups and
 * broader skills, occupations it belongs to, English labels for another language).
 */
import { tokenize } from '../search/text';
import { FieldText, LinkField } from './field-index';
import { LinkerConcept } from './skill-linker';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface LinkerInputs {
  concepts: LinkerConcept[];
  textsByLanguage: Map<string, FieldText[]>;
  /** Words of the descriptions: words of the language, never read as typos (LabelIndex.build). */
  knownWords: Set<string>;
}

export async function loadLinkerInputs(db: Queryable): Promise<LinkerInputs> {
  const concepts: LinkerConcept[] = (
    await db.query(`SELECT uri, skill_type, reuse_level FROM esco_skill ORDER BY uri`)
  ).map((r: { uri: string; skill_type: string | null; reuse_level: string | null }) => ({
    uri: r.uri,
    skillType: r.skill_type,
    reuseLevel: r.reuse_level,
  }));
  const rows: { uri: string; language: string; field: LinkField; text: string }[] = [
    ...(await db.query(
      `SELECT concept_uri AS uri, language, label_type AS field, label AS text
         FROM esco_label WHERE concept_kind = 'skill'`,
    )),
    ...(await db.query(
      `SELECT d.concept_uri AS uri, d.language, 'description' AS field, d.description AS text
         FROM esco_description d JOIN esco_skill s ON s.uri = d.concept_uri`,
    )),
    ...(await db.query(
      `SELECT b.concept_uri AS uri, l.language, 'group' AS field, l.label AS text
         FROM esco_broader b
         JOIN esco_label l ON l.concept_uri = b.broader_uri AND l.label_type = 'preferred'
        WHERE b.concept_kind = 'skill'`,
    )),
    ...(await db.query(
      `SELECT os.skill_uri AS uri, l.language, 'occupation' AS field, l.label AS text
         FROM esco_occupation_skill os
         JOIN esco_label l ON l.concept_uri = os.occupation_uri AND l.label_type = 'preferred'`,
    )),
  ];
  const languages = new Set(rows.filter((r) => r.field === 'preferred').map((r) => r.language));
  const textsByLanguage = new Map<string, FieldText[]>([...languages].map((l) => [l, []]));
  for (const r of rows) {
    textsByLanguage.get(r.language)?.push({ conceptUri: r.uri, field: r.field, text: r.text });
    // Another language leans on the English labels: tools and technologies keep their names.
    if (r.language === 'en' && (r.field === 'preferred' || r.field === 'alternative')) {
      for (const [language, texts] of textsByLanguage)
        if (language !== 'en') texts.push({ conceptUri: r.uri, field: 'english', text: r.text });
    }
  }
  const knownWords = new Set<string>();
  for (const r of rows)
    if (r.field === 'description') for (const token of tokenize(r.text)) knownWords.add(token);
  return { concepts, textsByLanguage, knownWords };
}
