import { listCost } from '../api/plugins/query-limits';
import { Arg, ClassType, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { badInput } from '../kernel/errors/domain-error';
import { EscoLabel, EscoOccupation, EscoSkill } from './entities';
import {
  Label,
  LabelKind,
  Language,
  Occupation,
  OccupationSearchResult,
  OccupationSkill,
  RelatedSkill,
  Skill,
  SkillOccupation,
  SkillRelationKind,
  SkillSearchResult,
} from './taxonomy.types';
import { LabelHit } from './search/label-index';
import { SEARCH_LIMITS } from './taxonomy-search.service';
import { preferredLabel } from './preferred-labels';

export function toSkill(entity: EscoSkill): Skill {
  return { uri: entity.uri, skillType: entity.skillType, reuseLevel: entity.reuseLevel };
}

export function toOccupation(entity: EscoOccupation): Occupation {
  return { uri: entity.uri, code: entity.code, iscoGroupCode: entity.iscoGroupCode };
}

function toLabels(rows: EscoLabel[], language?: Language): Label[] {
  return rows
    .filter((row) => !language || row.language === language)
    .map((row) => ({
      text: row.label,
      language: row.language as Language,
      kind: row.labelType as LabelKind,
    }));
}

function searchMatch(hit: LabelHit) {
  return {
    score: hit.score,
    matchedLabel: hit.label,
    matchedLanguage: hit.language as Language,
    matchedLabelKind: hit.labelType as LabelKind,
  };
}

/** Loads every related concept; a missing one means a broken relation, which the schema forbids. */
async function loadAll<T>(promises: Promise<T | null>[], what: string): Promise<T[]> {
  const results = await Promise.all(promises);
  return results.map((result) => {
    if (result === null) throw new Error(`A ${what} referenced by a relation is missing`);
    return result;
  });
}

@Resolver()
export class TaxonomyQueryResolver {
  @Public()
  @Query(() => [SkillSearchResult], {
    description:
      'Skills for a text, best first. Up to three words are looked up by label (inflected and ' +
      'compound Finnish forms, Swedish and English, small typos); a longer text (a sentence of ' +
      'an ad or a CV) is linked to the skills it speaks of, scored by calibrated confidence ' +
      '(see linkSkills). Costs 1 + first × result plus 1 per 100 characters of text. Public.',
    complexity: ({ args, childComplexity }) =>
      1 +
      (typeof args.first === 'number' ? args.first : 10) * Math.max(1, childComplexity) +
      Math.ceil((typeof args.text === 'string' ? args.text.length : 0) / 100),
  })
  async searchSkills(
    @Arg('text', {
      description: `What to look for, e.g. "hitsauksen", "forklift" or a sentence; at most ${SEARCH_LIMITS.maxSkillTextLength} characters.`,
    })
    text: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the text.',
    })
    language: Language,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many results, 1 to 50.' })
    first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SkillSearchResult[]> {
    const hits = ctx.services.taxonomySearch.searchSkills(text, language, first);
    const skills = await loadAll(
      hits.map((h) => ctx.loaders.skillByUri.load(h.conceptUri)),
      'skill',
    );
    return hits.map((hit, i) => ({ ...searchMatch(hit), skill: toSkill(skills[i]!) }));
  }

  @Public()
  @Query(() => [OccupationSearchResult], {
    description:
      'Occupations whose labels match the text (job titles as ads write them), best first. Public.',
  })
  async searchOccupations(
    @Arg('text', {
      description: `A job title, e.g. "Lähihoitaja, vakituinen"; at most ${SEARCH_LIMITS.maxOccupationTextLength} characters.`,
    })
    text: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the text.',
    })
    language: Language,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many results, 1 to 50.' })
    first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<OccupationSearchResult[]> {
    const hits = ctx.services.taxonomySearch.searchOccupations(text, language, first);
    const occupations = await loadAll(
      hits.map((h) => ctx.loaders.occupationByUri.load(h.conceptUri)),
      'occupation',
    );
    return hits.map((hit, i) => ({
      ...searchMatch(hit),
      occupation: toOccupation(occupations[i]!),
    }));
  }

  @Public()
  @Query(() => Skill, {
    nullable: true,
    description: 'One skill by its ESCO URI, or null if unknown. Public.',
  })
  async skill(
    @Arg('uri', () => ID, { description: 'The ESCO concept URI.' }) uri: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Skill | null> {
    validateUri(uri);
    const entity = await ctx.loaders.skillByUri.load(uri);
    return entity ? toSkill(entity) : null;
  }

  @Public()
  @Query(() => Occupation, {
    nullable: true,
    description: 'One occupation by its ESCO URI, or null if unknown. Public.',
  })
  async occupation(
    @Arg('uri', () => ID, { description: 'The ESCO concept URI.' }) uri: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Occupation | null> {
    validateUri(uri);
    const entity = await ctx.loaders.occupationByUri.load(uri);
    return entity ? toOccupation(entity) : null;
  }
}

function validateUri(uri: string): void {
  if (uri.length > 300 || !/^https?:\/\/\S+$/.test(uri))
    throw badInput('uri', 'must be an ESCO concept URI');
}

/** Fields every concept has: labels in several languages and descriptions. */
function createConceptFieldResolver<T extends { uri: string }>(objectType: ClassType<T>) {
  @Resolver(() => objectType)
  abstract class ConceptFieldResolver {
    @FieldResolver(() => String, {
      nullable: true,
      description: 'The preferred label, falling back to English, Finnish, Swedish.',
    })
    async preferredLabel(
      @Root() concept: T,
      @Arg('language', () => Language, {
        defaultValue: Language.FI,
        description: 'The wanted language.',
      })
      language: Language,
      @Ctx() ctx: RequestContext,
    ): Promise<string | null> {
      return preferredLabel(await ctx.loaders.labelsByConceptUri.load(concept.uri), language);
    }

    @FieldResolver(() => [Label], {
      complexity: listCost(10),
      description: 'Every label, or those of one language.',
    })
    async labels(
      @Root() concept: T,
      @Arg('language', () => Language, { nullable: true, description: 'Only this language.' })
      language: Language | undefined,
      @Ctx() ctx: RequestContext,
    ): Promise<Label[]> {
      return toLabels(await ctx.loaders.labelsByConceptUri.load(concept.uri), language);
    }

    @FieldResolver(() => String, {
      nullable: true,
      description: 'The description in a language, when the taxonomy has one.',
    })
    async description(
      @Root() concept: T,
      @Arg('language', () => Language, {
        defaultValue: Language.EN,
        description: 'The wanted language.',
      })
      language: Language,
      @Ctx() ctx: RequestContext,
    ): Promise<string | null> {
      const rows = await ctx.loaders.descriptionsByConceptUri.load(concept.uri);
      return rows.find((r) => r.language === language)?.description ?? null;
    }
  }
  return ConceptFieldResolver;
}

@Resolver(() => Skill)
export class SkillFieldResolver extends createConceptFieldResolver(Skill) {
  @FieldResolver(() => [Skill], {
    complexity: listCost(5),
    description: 'Broader skills in the ESCO hierarchy.',
  })
  async broader(@Root() skill: Skill, @Ctx() ctx: RequestContext): Promise<Skill[]> {
    const links = (await ctx.loaders.broaderByConceptUri.load(skill.uri)).filter(
      (b) => b.broaderKind === 'skill',
    );
    return (
      await loadAll(
        links.map((b) => ctx.loaders.skillByUri.load(b.broaderUri)),
        'skill',
      )
    ).map(toSkill);
  }

  @FieldResolver(() => [Skill], {
    complexity: listCost(20),
    description: 'Narrower skills in the ESCO hierarchy.',
  })
  async narrower(@Root() skill: Skill, @Ctx() ctx: RequestContext): Promise<Skill[]> {
    const links = (await ctx.loaders.narrowerByConceptUri.load(skill.uri)).filter(
      (b) => b.conceptKind === 'skill',
    );
    return (
      await loadAll(
        links.map((b) => ctx.loaders.skillByUri.load(b.conceptUri)),
        'skill',
      )
    ).map(toSkill);
  }

  @FieldResolver(() => [RelatedSkill], {
    complexity: listCost(20),
    description: 'Skills ESCO relates to this one (its skill–skill relations).',
  })
  async relatedSkills(@Root() skill: Skill, @Ctx() ctx: RequestContext): Promise<RelatedSkill[]> {
    const relations = await ctx.loaders.relatedSkillsBySkillUri.load(skill.uri);
    const skills = await loadAll(
      relations.map((r) => ctx.loaders.skillByUri.load(r.relatedSkillUri)),
      'skill',
    );
    return relations.map((r, i) => ({
      skill: toSkill(skills[i]!),
      relation: r.relationType as SkillRelationKind,
    }));
  }

  @FieldResolver(() => [SkillOccupation], {
    complexity: listCost(15),
    description: 'Occupations that need this skill, essential ones first.',
  })
  async occupations(@Root() skill: Skill, @Ctx() ctx: RequestContext): Promise<SkillOccupation[]> {
    const relations = await ctx.loaders.occupationsBySkillUri.load(skill.uri);
    const occupations = await loadAll(
      relations.map((r) => ctx.loaders.occupationByUri.load(r.occupationUri)),
      'occupation',
    );
    return relations.map((r, i) => ({
      occupation: toOccupation(occupations[i]!),
      relation: r.relationType as SkillRelationKind,
    }));
  }
}

@Resolver(() => Occupation)
export class OccupationFieldResolver extends createConceptFieldResolver(Occupation) {
  @FieldResolver(() => [OccupationSkill], {
    complexity: listCost(25),
    description: 'Skills essential for the occupation.',
  })
  async essentialSkills(
    @Root() occupation: Occupation,
    @Ctx() ctx: RequestContext,
  ): Promise<OccupationSkill[]> {
    return this.skills(occupation, ctx, SkillRelationKind.ESSENTIAL);
  }

  @FieldResolver(() => [OccupationSkill], {
    complexity: listCost(25),
    description: 'Skills optional for the occupation.',
  })
  async optionalSkills(
    @Root() occupation: Occupation,
    @Ctx() ctx: RequestContext,
  ): Promise<OccupationSkill[]> {
    return this.skills(occupation, ctx, SkillRelationKind.OPTIONAL);
  }

  @FieldResolver(() => [Occupation], {
    complexity: listCost(5),
    description: 'Broader occupations in the ESCO hierarchy.',
  })
  async broader(@Root() occupation: Occupation, @Ctx() ctx: RequestContext): Promise<Occupation[]> {
    const links = (await ctx.loaders.broaderByConceptUri.load(occupation.uri)).filter(
      (b) => b.broaderKind === 'occupation',
    );
    return (
      await loadAll(
        links.map((b) => ctx.loaders.occupationByUri.load(b.broaderUri)),
        'occupation',
      )
    ).map(toOccupation);
  }

  @FieldResolver(() => [Occupation], {
    complexity: listCost(10),
    description: 'Narrower occupations in the ESCO hierarchy.',
  })
  async narrower(
    @Root() occupation: Occupation,
    @Ctx() ctx: RequestContext,
  ): Promise<Occupation[]> {
    const links = (await ctx.loaders.narrowerByConceptUri.load(occupation.uri)).filter(
      (b) => b.conceptKind === 'occupation',
    );
    return (
      await loadAll(
        links.map((b) => ctx.loaders.occupationByUri.load(b.conceptUri)),
        'occupation',
      )
    ).map(toOccupation);
  }

  private async skills(
    occupation: Occupation,
    ctx: RequestContext,
    relation: SkillRelationKind,
  ): Promise<OccupationSkill[]> {
    const relations = (await ctx.loaders.skillsByOccupationUri.load(occupation.uri)).filter(
      (r) => r.relationType === relation,
    );
    const skills = await loadAll(
      relations.map((r) => ctx.loaders.skillByUri.load(r.skillUri)),
      'skill',
    );
    return relations.map((_, i) => ({ skill: toSkill(skills[i]!), relation }));
  }
}
