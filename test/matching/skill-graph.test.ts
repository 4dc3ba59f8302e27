import { DEFAULT_MATCH_PARAMS, SkillGraph } from '../../matching';

describe('skill graph', () => {
  const graph = SkillGraph.build({
    broader: [['welding/arc', 'welding']],
    related: [['java', 'jvm', 'optional']],
    essentialSkillsByOccupation: new Map([
      ['welder', ['welding', 'grinding', 'safety']],
      ['sheet-metal-worker', ['welding', 'grinding', 'bending']],
      ['plumber', ['safety', 'pipes']],
      ['nurse', ['care']],
    ]),
  });

  it('relates narrower and broader skills both ways, the specific one counting more for the general', () => {
    // Requiring welding, holding arc welding (narrower): 0.6; requiring arc welding, holding welding: 0.45.
    expect(graph.relation('welding', 'welding/arc')).toMatchObject({
      relation: 'narrower',
      similarity: 0.6,
    });
    expect(graph.relation('welding/arc', 'welding')).toMatchObject({
      relation: 'broader',
      similarity: 0.45,
    });
  });

  it('relates skills essential to the same occupations, by how much their occupations overlap', () => {
    // welding and grinding share both their occupations: Jaccard 1 → 0.5.
    expect(graph.relation('welding', 'grinding')).toMatchObject({
      relation: 'co-essential',
      similarity: 0.5,
    });
    // safety and welding share one occupation only: below the minimum of two shared.
    expect(graph.similarity('safety', 'welding')).toBe(0);
    expect(graph.similarity('care', 'welding')).toBe(0);
  });

  it('keeps every similarity in (0, 1) and 1 only for the skill itself', () => {
    for (const skill of ['welding', 'welding/arc', 'grinding', 'java', 'jvm']) {
      expect(graph.similarity(skill, skill)).toBe(1);
      for (const n of graph.neighbours(skill)) {
        expect(n.similarity).toBeGreaterThan(0);
        expect(n.similarity).toBeLessThan(1);
      }
    }
    expect(graph.neighbours('welding').map((n) => n.skillUri)).toEqual(
      ['welding/arc', 'grinding'].sort(
        (a, b) =>
          graph.similarity('welding', b) - graph.similarity('welding', a) || (a < b ? -1 : 1),
      ),
    );
  });

  it('is built by default with the matcher’s default weights, as before they moved into MatchParams', () => {
    expect(DEFAULT_MATCH_PARAMS.skillGraph).toEqual({
      narrowerForBroader: 0.6,
      broaderForNarrower: 0.45,
      relatedEssential: 0.6,
      relatedOptional: 0.4,
      coEssential: 0.5,
      coEssentialMinShared: 2,
      coEssentialMin: 0.1,
    });
    const input = {
      broader: [['welding/arc', 'welding']] as [string, string][],
      related: [['java', 'jvm', 'optional']] as [string, string, string][],
      essentialSkillsByOccupation: new Map([
        ['welder', ['welding', 'grinding']],
        ['sheet-metal-worker', ['welding', 'grinding']],
      ]),
    };
    const explicit = SkillGraph.build(input, DEFAULT_MATCH_PARAMS.skillGraph);
    for (const skill of ['welding', 'welding/arc', 'grinding', 'java', 'jvm'])
      expect(explicit.neighbours(skill)).toEqual(SkillGraph.build(input).neighbours(skill));
  });

  it('takes each relation’s similarity from the weights it is built with', () => {
    const graph = SkillGraph.build(
      {
        broader: [['welding/arc', 'welding']],
        related: [['java', 'jvm', 'essential']],
        essentialSkillsByOccupation: new Map([
          ['welder', ['welding', 'grinding']],
          ['sheet-metal-worker', ['welding', 'grinding']],
        ]),
      },
      {
        ...DEFAULT_MATCH_PARAMS.skillGraph,
        narrowerForBroader: 0.7,
        broaderForNarrower: 0.3,
        relatedEssential: 0.55,
        coEssential: 0.8,
      },
    );
    expect(graph.similarity('welding', 'welding/arc')).toBe(0.7);
    expect(graph.similarity('welding/arc', 'welding')).toBe(0.3);
    expect(graph.similarity('java', 'jvm')).toBe(0.55);
    expect(graph.similarity('grinding', 'welding')).toBe(0.8);
  });
});
