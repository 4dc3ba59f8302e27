import type { EscoLabel } from './entities';

const LABEL_FALLBACK = ['en', 'fi', 'sv'];

/**
 * The preferred label among a concept's labels (the labelsByConceptUri loader's rows) in the
 * language asked for, else in English, Finnish or Swedish, else any.
 */
export function preferredLabel(
  rows: readonly Pick<EscoLabel, 'language' | 'labelType' | 'label'>[],
  language: string,
): string | null {
  for (const lang of [language, ...LABEL_FALLBACK]) {
    const row = rows.find((r) => r.language === lang && r.labelType === 'preferred');
    if (row) return row.label;
  }
  return rows.find((r) => r.labelType === 'preferred')?.label ?? null;
}

/** Preferred labels of concepts, in a language where there is one, else English, else any. */
export async function preferredLabels(
  queryable: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  uris: string[],
  language: string,
): Promise<Map<string, string>> {
  if (!uris.length) return new Map();
  const rows = (await queryable.query(
    `SELECT DISTINCT ON (concept_uri) concept_uri AS uri, label FROM esco_label
     WHERE concept_uri = ANY($1) AND label_type = 'preferred'
     ORDER BY concept_uri, language = $2 DESC, language = 'en' DESC, language`,
    [[...new Set(uris)], language],
  )) as { uri: string; label: string }[];
  return new Map(rows.map((r) => [r.uri, r.label]));
}
