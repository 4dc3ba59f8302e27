import { MatchParams } from '../params';
import { RelatedSkill } from '../skill-graph';
import { SkillNumbers } from './skill-numbers';

/** A skill's expansion: skill numbers to visit and the credit factor of each (1 for itself). */
export interface Expansion {
  version: number;
  skills: number[];
  factors: number[];
}

/**
 * Expansions through the skill graph, by URI, cached until new skills are numbered: the skill
 * itself plus the skills its graph edges name that the index holds, each edge capped at the
 * related-skill cap. The candidate index expands a required skill to the skills that meet it;
 * the vacancy index a held skill to the required skills it meets.
 */
export class SkillExpansions {
  private readonly cache = new Map<string, Expansion>();

  constructor(
    private readonly skillNumbers: SkillNumbers,
    private readonly edgesOf: (uri: string) => readonly RelatedSkill[],
    private readonly params: MatchParams,
  ) {}

  of(uri: string): Expansion {
    const cached = this.cache.get(uri);
    if (cached && cached.version === this.skillNumbers.version) return cached;
    const skills: number[] = [];
    const factors: number[] = [];
    const self = this.skillNumbers.of(uri);
    if (self !== undefined) {
      skills.push(self);
      factors.push(1);
    }
    for (const edge of this.edgesOf(uri)) {
      const n = this.skillNumbers.of(edge.skillUri);
      if (n === undefined) continue;
      skills.push(n);
      factors.push(Math.min(edge.similarity, this.params.relatedSkillCap));
    }
    const expansion = { version: this.skillNumbers.version, skills, factors };
    this.cache.set(uri, expansion);
    return expansion;
  }
}
