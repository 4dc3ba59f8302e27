import { DEFAULT_MATCH_PARAMS, SkillGraphWeights } from './params';

/** How two skills relate in the taxonomy. */
export const SKILL_RELATIONS = ['narrower', 'broader', 'related', 'co-essential'] as const;
export type SkillRelationKind = (typeof SKILL_RELATIONS)[number];

export interface RelatedSkill {
  skillUri: string;
  /** In (0, 1): a related skill is never the skill itself. */
  similarity: number;
  relation: SkillRelationKind;
}

export interface SkillGraphInput {
  /** [narrower, broader] skill pairs. */
  broader: [string, string][];
  /** ESCO skill–skill relations: [skill, related skill, 'essential' | 'optional']. */
  related: [string, string, string][];
  /** Each occupation's essential skills, for relatedness by shared occupations. */
  essentialSkillsByOccupation: Map<string, string[]>;
}

/**
 * Which skills can partly stand in for which, derived from the taxonomy alone: the hierarchy,
 * ESCO's skill–skill relations, and skills that the same occupations need.
 */
export class SkillGraph {
  private readonly edges = new Map<string, Map<string, RelatedSkill>>();
  private readonly sortedNeighbours = new Map<string, RelatedSkill[]>();
  private reverseEdges: Map<string, RelatedSkill[]> | undefined;

  private get reverse(): Map<string, RelatedSkill[]> {
    if (!this.reverseEdges) {
      this.reverseEdges = new Map();
      for (const [required, held] of this.edges) {
        for (const edge of held.values()) {
          const list = this.reverseEdges.get(edge.skillUri) ?? [];
          list.push({ skillUri: required, similarity: edge.similarity, relation: edge.relation });
          this.reverseEdges.set(edge.skillUri, list);
        }
      }
    }
    return this.reverseEdges;
  }

  static build(
    input: SkillGraphInput,
    weights: SkillGraphWeights = DEFAULT_MATCH_PARAMS.skillGraph,
  ): SkillGraph {
    const graph = new SkillGraph();
    // An edge required → held: how much holding a skill counts for requiring another; the
    // relation says what the held skill is to the required one.
    for (const [narrower, broader] of input.broader) {
      graph.add(broader, narrower, weights.narrowerForBroader, 'narrower');
      graph.add(narrower, broader, weights.broaderForNarrower, 'broader');
    }
    for (const [skill, related, kind] of input.related) {
      const similarity = kind === 'essential' ? weights.relatedEssential : weights.relatedOptional;
      graph.add(skill, related, similarity, 'related');
      graph.add(related, skill, similarity, 'related');
    }
    // Co-essential: skills a and b whose sets of occupations overlap (Jaccard).
    const occupationsOf = new Map<string, number>();
    const shared = new Map<string, number>();
    for (const skills of input.essentialSkillsByOccupation.values()) {
      const unique = [...new Set(skills)].sort();
      for (const s of unique) occupationsOf.set(s, (occupationsOf.get(s) ?? 0) + 1);
      for (let i = 0; i < unique.length; i++) {
        for (let j = i + 1; j < unique.length; j++) {
          const key = `${unique[i]}\u0000${unique[j]}`;
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    for (const [key, count] of shared) {
      if (count < weights.coEssentialMinShared) continue;
      const [a, b] = key.split('\u0000');
      if (a === undefined || b === undefined) continue;
      const jaccard = count / (occupationsOf.get(a)! + occupationsOf.get(b)! - count);
      const similarity = weights.coEssential * jaccard;
      if (similarity < weights.coEssentialMin) continue;
      graph.add(a, b, similarity, 'co-essential');
      graph.add(b, a, similarity, 'co-essential');
    }
    return graph;
  }

  /**
   * Skills whose holder partly meets a requirement of `skillUri`, most similar first (then by
   * URI). Sorted once and cached: scoring asks for the same lists millions of times.
   */
  neighbours(skillUri: string): readonly RelatedSkill[] {
    let sorted = this.sortedNeighbours.get(skillUri);
    if (!sorted) {
      sorted = [...(this.edges.get(skillUri)?.values() ?? [])].sort(bySimilarityThenUri);
      this.sortedNeighbours.set(skillUri, sorted);
    }
    return sorted;
  }

  /**
   * The reverse of `neighbours`: the required skills that holding `heldUri` partly meets, each
   * with the similarity of that requirement's edge to it. The index walks these from a person's skills.
   */
  requirementsPartlyMetBy(heldUri: string): readonly RelatedSkill[] {
    return this.reverse.get(heldUri) ?? NONE;
  }

  /** How much holding `b` counts for requiring `a`: 1 for the same skill, 0 for unrelated ones. */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    return this.edges.get(a)?.get(b)?.similarity ?? 0;
  }

  relation(a: string, b: string): RelatedSkill | undefined {
    return this.edges.get(a)?.get(b);
  }

  private add(from: string, to: string, similarity: number, relation: SkillRelationKind): void {
    if (from === to) return;
    const clamped = Math.min(0.99, Math.max(0.01, similarity));
    let map = this.edges.get(from);
    if (!map) this.edges.set(from, (map = new Map()));
    const existing = map.get(to);
    if (!existing || existing.similarity < clamped)
      map.set(to, { skillUri: to, similarity: clamped, relation });
  }
}

const NONE: readonly RelatedSkill[] = [];

function bySimilarityThenUri(a: RelatedSkill, b: RelatedSkill): number {
  return b.similarity - a.similarity || (a.skillUri < b.skillUri ? -1 : 1);
}
