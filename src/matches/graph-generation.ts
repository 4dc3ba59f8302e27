import { SkillGraph } from '../../matching';

/** A number per skill graph built: a new taxonomy's graph gets a new one (part of a cache key). */
const graphGenerations = new WeakMap<SkillGraph, number>();
let lastGraphGeneration = 0;
export function graphGeneration(graph: SkillGraph): number {
  let generation = graphGenerations.get(graph);
  if (generation === undefined) {
    generation = ++lastGraphGeneration;
    graphGenerations.set(graph, generation);
  }
  return generation;
}
