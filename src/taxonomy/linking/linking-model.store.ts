// Owns esco_linking_model.
/**
 * Builds the linker's model of every imported language after an import and stores it in
 * esco_linking_model; the server only loads it (loadLinkingWeights). A language without
 * alternative labels (ESCO's Finnish and Swedish skills have only preferred ones) has no pairs
 * to learn from: it takes the English weights when English was learned, else the defaults.
 */
import { DEFAULT_FIELD_WEIGHTS, FieldWeights } from './field-index';
import { loadLinkerInputs } from './linker-loader';
import { learnFieldWeights } from './linking-model';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface LinkingModelReport {
  language: string;
  learnedFrom: 'own labels' | 'English' | 'defaults';
  queries: number;
  mrrBefore: number;
  mrrAfter: number;
  elapsedMs: number;
}

export async function buildLinkingModels(db: Queryable): Promise<LinkingModelReport[]> {
  const inputs = await loadLinkerInputs(db);
  const uris = inputs.concepts.map((c) => c.uri);
  const languages = [...inputs.textsByLanguage.keys()].sort((a, b) =>
    a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : 1,
  );
  const reports: LinkingModelReport[] = [];
  let english: FieldWeights | undefined;
  for (const language of languages) {
    const started = Date.now();
    const texts = inputs.textsByLanguage.get(language)!;
    const learned = learnFieldWeights(uris, texts, language);
    let weights = learned.weights;
    let learnedFrom: LinkingModelReport['learnedFrom'] = 'own labels';
    if (!learned.queries) {
      weights = english
        ? {
            ...english,
            weights: { ...english.weights, english: DEFAULT_FIELD_WEIGHTS.weights.english },
          }
        : DEFAULT_FIELD_WEIGHTS;
      learnedFrom = english ? 'English' : 'defaults';
    }
    if (language === 'en' && learned.queries) english = weights;
    const report: LinkingModelReport = {
      language,
      learnedFrom,
      queries: learned.queries,
      mrrBefore: learned.mrrBefore,
      mrrAfter: learned.mrrAfter,
      elapsedMs: Date.now() - started,
    };
    await db.query(
      `INSERT INTO esco_linking_model (language, weights, quality, elapsed_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (language) DO UPDATE SET weights = EXCLUDED.weights, quality = EXCLUDED.quality,
         elapsed_ms = EXCLUDED.elapsed_ms, built_at = now()`,
      [
        language,
        JSON.stringify(weights),
        JSON.stringify({
          queries: report.queries,
          mrrBefore: report.mrrBefore,
          mrrAfter: report.mrrAfter,
        }),
        report.elapsedMs,
      ],
    );
    reports.push(report);
  }
  return reports;
}

/** The stored weights per language; a language without a stored model uses the defaults. */
export async function loadLinkingWeights(db: Queryable): Promise<Map<string, FieldWeights>> {
  const rows: { language: string; weights: FieldWeights }[] = await db.query(
    `SELECT language, weights FROM esco_linking_model`,
  );
  return new Map(rows.map((r) => [r.language, r.weights]));
}
