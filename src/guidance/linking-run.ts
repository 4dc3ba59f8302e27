/**
 * Runs the linking evaluation's two systems on one language's sentences: the engine through
 * the services the API uses (ranked linkSkills, precise extractSkills) and the BM25 baseline.
 * Shared by npm run eval:linking and the test that holds the margins.
 */
import { Database } from '../db/database';
import { loadSkillGraph } from '../matches/profile-loader';
import { MatchParams } from '../../matching';
import { bm25BaselineOf } from '../taxonomy/linking/evaluation-taxonomy';
import { LinkingSentence, SystemAnswer } from '../taxonomy/linking/linking-evaluation';
import { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';
import { createGuidanceService } from '../composition-root';
import { LinkedSentence } from './guidance.service';

/** How deep the ranked lists go (MRR counts a hit within it). */
export const RANKED_DEPTH = 20;

export async function runLinkingSystems(
  database: Database,
  language: string,
  sentences: LinkingSentence[],
  /** The matcher's parameters: the skill graph is built with their weights, as the server's is. */
  params: MatchParams,
): Promise<{ engine: SystemAnswer[]; baseline: SystemAnswer[] }> {
  const search = new TaxonomySearchService(database.dataSource);
  await search.refresh();
  const graph = await loadSkillGraph(database.dataSource, params.skillGraph);
  const guidance = createGuidanceService(database.dataSource, search, async () => graph);
  const bm25 = await bm25BaselineOf(database, language);
  const engine: SystemAnswer[] = [];
  const baseline: SystemAnswer[] = [];
  for (const s of sentences) {
    engine.push({
      // Each item is one span (a sentence or two of an ad or CV): linked whole.
      ranked: rankedOverSentences(guidance.linkSkills(s.text, language, RANKED_DEPTH, false)),
      thresholded: (await guidance.extractSkills(s.text, language)).map((x) => x.skillUri),
    });
    baseline.push(bm25.answer(s.text, RANKED_DEPTH));
  }
  return { engine, baseline };
}

/** One list for an item that may hold several sentences: by confidence, each skill once. */
function rankedOverSentences(sentences: LinkedSentence[]): string[] {
  const best = new Map<string, number>();
  for (const s of sentences)
    for (const skill of s.skills)
      best.set(skill.skillUri, Math.max(best.get(skill.skillUri) ?? 0, skill.confidence));
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, RANKED_DEPTH)
    .map(([uri]) => uri);
}
