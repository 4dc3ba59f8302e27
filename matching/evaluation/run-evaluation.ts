import { DEFAULT_MATCH_PARAMS } from '../params';
import { scoreMatch } from '../score';
import { SkillGraph } from '../skill-graph';
import {
  coverageBaseline,
  jaccardBaseline,
  levelCoverageBaseline,
  PairScorer,
  titleBaseline,
} from './baselines';
import { EvaluationData } from './generate';
import { mean, ndcgAt, reciprocalRank } from './metrics';
import { skillGraphOf, TaxonomyView } from './taxonomy-view';

export interface MethodResult {
  method: string;
  vacancyToCandidates: { ndcg10: number; mrr: number };
  candidateToVacancies: { ndcg10: number; mrr: number };
}

export interface EvaluationResult {
  seed: number;
  queries: number;
  methods: MethodResult[];
  /** Share of queries where a fitting candidate from another occupation ranks above a weak same-title one. */
  transferableAboveWeakSameTitle: number;
  /**
   * Share of queries where competence comes before title: every fitting candidate from another
   * occupation (about 80 % of the required skills at level) ranks above every same-occupation
   * candidate holding about half of them (MatchParams.occupationMaxLift).
   */
  competenceAboveSameTitle: number;
  /** Share of queries where the same-occupation candidate with good skills ranks first. */
  goodSameTitleFirst: number;
}

function rankBy<T extends { id: string }>(
  items: { item: T; relevance: number; kind: string }[],
  score: (item: T) => number,
) {
  return items
    .map((j) => ({ ...j, score: score(j.item) }))
    .sort((a, b) => b.score - a.score || tieOrder(a.item.id) - tieOrder(b.item.id));
}

/**
 * Ties are broken by a hash of the id, not the id: ids are given in generation order, which
 * follows relevance, so ordering ties by id would reward a method that ties a lot (titles).
 */
function tieOrder(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The matching evaluation on one seed: the engine, the engine without the skill graph, and four baselines. */
export function runEvaluation(
  taxonomy: TaxonomyView,
  seed: number,
  queries: number,
): EvaluationResult {
  const graph = skillGraphOf(taxonomy, DEFAULT_MATCH_PARAMS.skillGraph);
  const noGraph = SkillGraph.build({
    broader: [],
    related: [],
    essentialSkillsByOccupation: new Map(),
  });
  const data = new EvaluationData(taxonomy, graph, seed);
  const vacancyQueries = data.vacancyQueries(queries);
  const candidateQueries = data.candidateQueries(queries);
  const methods: [string, PairScorer][] = [
    ['engine', (c, v) => scoreMatch(c, v, graph, DEFAULT_MATCH_PARAMS).total],
    ['engine without skill graph', (c, v) => scoreMatch(c, v, noGraph, DEFAULT_MATCH_PARAMS).total],
    ['Jaccard over skill sets', jaccardBaseline],
    ['weighted requirement coverage', coverageBaseline],
    ['level-weighted coverage', levelCoverageBaseline],
    ['occupation-title equality', titleBaseline],
  ];
  const results: MethodResult[] = methods.map(([method, scorer]) => {
    const forward = vacancyQueries.map((q) =>
      rankBy(q.candidates, (c) => scorer(c, q.vacancy)).map((r) => r.relevance),
    );
    const backward = candidateQueries.map((q) =>
      rankBy(q.vacancies, (v) => scorer(q.candidate, v)).map((r) => r.relevance),
    );
    return {
      method,
      vacancyToCandidates: {
        ndcg10: mean(forward.map((r) => ndcgAt(10, r))),
        mrr: mean(forward.map((r) => reciprocalRank(r))),
      },
      candidateToVacancies: {
        ndcg10: mean(backward.map((r) => ndcgAt(10, r))),
        mrr: mean(backward.map((r) => reciprocalRank(r))),
      },
    };
  });
  let transferable = 0;
  let competence = 0;
  let goodFirst = 0;
  for (const q of vacancyQueries) {
    const ranked = rankBy(
      q.candidates,
      (c) => scoreMatch(c, q.vacancy, graph, DEFAULT_MATCH_PARAMS).total,
    );
    const position = (kind: string) => ranked.findIndex((r) => r.kind === kind);
    const lastPosition = (kind: string) => ranked.findLastIndex((r) => r.kind === kind);
    if (position('other-occupation-fits') < position('same-title-weak')) transferable++;
    if (lastPosition('other-occupation-fits') < position('same-title-partial')) competence++;
    if (ranked[0]?.kind === 'same-occupation-good') goodFirst++;
  }
  return {
    seed,
    queries,
    methods: results,
    transferableAboveWeakSameTitle: transferable / vacancyQueries.length,
    competenceAboveSameTitle: competence / vacancyQueries.length,
    goodSameTitleFirst: goodFirst / vacancyQueries.length,
  };
}
