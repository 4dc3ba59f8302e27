import fs from 'node:fs';
import path from 'node:path';

/** A query with the concepts a counsellor would expect among the first results. */
export interface LabelledQuery {
  kind: 'skill' | 'occupation';
  language: string;
  query: string;
  expected: string[];
  note: string;
}

export interface QueryOutcome {
  query: LabelledQuery;
  /** Share of the expected concepts (at most five) found in the first five results. */
  recallAt5: number;
  /** 1 / rank of the first expected concept within the first ten results, else 0. */
  reciprocalRank: number;
  top: string[];
}

export interface EvaluationSummary {
  queries: number;
  recallAt5: number;
  mrr: number;
  outcomes: QueryOutcome[];
}

/**
 * Reads the labelled query file (test/search/labelled-queries.tsv): expected concepts are ESCO
 * UUID prefixes, resolved to full URIs against the concepts of the sample taxonomy.
 */
export function loadLabelledQueries(file: string, sampleSourceDir: string): LabelledQuery[] {
  const uris = ['skills.tsv', 'occupations.tsv'].flatMap((name) =>
    fs
      .readFileSync(path.join(sampleSourceDir, name), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('http'))
      .map((line) => line.split('\t')[0]!),
  );
  const resolve = (prefix: string): string => {
    const found = uris.filter((uri) => uri.slice(uri.lastIndexOf('/') + 1).startsWith(prefix));
    if (found.length !== 1)
      throw new Error(`Expected concept ${prefix} matches ${found.length} sample concepts`);
    return found[0]!;
  };
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [kind, language, query, expected, note] = line.split('\t');
      if (language === undefined || query === undefined || expected === undefined)
        throw new Error(`A labelled query needs kind, language, query and expected: ${line}`);
      if (kind !== 'skill' && kind !== 'occupation') throw new Error(`Bad kind in: ${line}`);
      return {
        kind,
        language,
        query,
        expected: expected.split(' ').filter(Boolean).map(resolve),
        note: note ?? '',
      };
    });
}

/** Runs every query through `search` (returning concept URIs, best first) and averages the metrics. */
export async function evaluate(
  queries: LabelledQuery[],
  search: (query: LabelledQuery) => Promise<string[]> | string[],
): Promise<EvaluationSummary> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const top = (await search(query)).slice(0, 10);
    const relevant = new Set(query.expected);
    const hits = top.slice(0, 5).filter((uri) => relevant.has(uri)).length;
    const firstRank = top.findIndex((uri) => relevant.has(uri));
    outcomes.push({
      query,
      recallAt5: hits / Math.min(5, relevant.size),
      reciprocalRank: firstRank === -1 ? 0 : 1 / (firstRank + 1),
      top,
    });
  }
  const mean = (values: number[]) =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  return {
    queries: outcomes.length,
    recallAt5: mean(outcomes.map((o) => o.recallAt5)),
    mrr: mean(outcomes.map((o) => o.reciprocalRank)),
    outcomes,
  };
}

/**
 * The plain baseline: concepts with a label containing the query as a substring (ILIKE),
 * shortest label first.
 */
export const ILIKE_BASELINE_SQL = `
  SELECT concept_uri FROM esco_label
  WHERE concept_kind = $1 AND label ILIKE '%' || $2 || '%'
  GROUP BY concept_uri ORDER BY min(length(label)), concept_uri LIMIT 10`;
