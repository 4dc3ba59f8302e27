import { DEFAULT_MATCH_PARAMS, SkillGraphWeights } from '../params';
import { SkillGraph } from '../skill-graph';

/** The parts of a taxonomy the evaluation generates data from. */
export interface TaxonomyView {
  /** Occupation URI → ISCO unit group. */
  iscoGroupOf: Map<string, string>;
  essentialOf: Map<string, string[]>;
  optionalOf: Map<string, string[]>;
  broader: [string, string][];
  related: [string, string, string][];
}

/** The skill graph of a taxonomy view (hierarchy, skill relations, co-essential skills). */
export function skillGraphOf(
  view: TaxonomyView,
  weights: SkillGraphWeights = DEFAULT_MATCH_PARAMS.skillGraph,
): SkillGraph {
  return SkillGraph.build(
    {
      broader: view.broader,
      related: view.related,
      essentialSkillsByOccupation: view.essentialOf,
    },
    weights,
  );
}
