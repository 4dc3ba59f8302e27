/**
 * Fields that link an item of an answer (a matched skill, a gap, a suggestion) to the object
 * itself, so a client reads its label, description and relations in the same request instead
 * of one `skill(uri)` call per item. Each resolves through the request's DataLoaders: a page of
 * items costs one batched query per type, whatever its length.
 */
import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from './context';
import { Occupation, Skill } from '../taxonomy/taxonomy.types';
import { toOccupation, toSkill } from '../taxonomy/taxonomy.resolver';
import { TrainingType } from '../trainings/trainings.types';
import { Training } from '../trainings/training.entity';
import { VacancyType } from '../vacancies/vacancies.types';
import { Vacancy } from '../vacancies/vacancy.entity';

// Each method is named after its field: type-graphql finds a field resolver by its method's name,
// so two links on one type (a gap's vacancy and occupation) would otherwise share one.
interface LinkOptions<T> {
  /** The field's name in the schema. */
  name: string;
  description: string;
  /** The id or URI the item carries; null when it links nothing. */
  keyOf: (root: T) => string | null;
}

/**
 * `name: Skill!`. A URI the loaded taxonomy lacks (a taxonomy replaced since the item was stored)
 * still gives its skill, by URI alone, rather than failing the whole answer.
 */
export function skillLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  @Resolver(() => type)
  class SkillLink {
    @FieldResolver(() => Skill, { name: options.name, description: options.description })
    async [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<Skill> {
      const uri = options.keyOf(root)!;
      const entity = await ctx.loaders.skillByUri.load(uri);
      return entity ? toSkill(entity) : { uri, skillType: null, reuseLevel: null };
    }
  }
  return SkillLink;
}

/** `name: Skill` (nullable): for an item that names a skill only sometimes (a licence does not). */
export function optionalSkillLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  @Resolver(() => type)
  class OptionalSkillLink {
    @FieldResolver(() => Skill, {
      name: options.name,
      description: options.description,
      nullable: true,
    })
    async [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<Skill | null> {
      const uri = options.keyOf(root);
      if (!uri) return null;
      const entity = await ctx.loaders.skillByUri.load(uri);
      return entity ? toSkill(entity) : { uri, skillType: null, reuseLevel: null };
    }
  }
  return OptionalSkillLink;
}

/** `name: Occupation` (nullable: the item may name none, or one the taxonomy no longer has). */
export function occupationLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  @Resolver(() => type)
  class OccupationLink {
    @FieldResolver(() => Occupation, {
      name: options.name,
      description: options.description,
      nullable: true,
    })
    async [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<Occupation | null> {
      const uri = options.keyOf(root);
      const entity = uri ? await ctx.loaders.occupationByUri.load(uri) : null;
      return entity ? toOccupation(entity) : null;
    }
  }
  return OccupationLink;
}

/**
 * `name: Vacancy` (nullable: none named, or deleted since). Only for vacancies the query that
 * built the item already let the actor see (its own target, or ones ranked for the person).
 */
export function vacancyLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  @Resolver(() => type)
  class VacancyLink {
    @FieldResolver(() => VacancyType, {
      name: options.name,
      description: options.description,
      nullable: true,
    })
    async [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<Vacancy | null> {
      const id = options.keyOf(root);
      return id ? ctx.loaders.vacancyById.load(id) : null;
    }
  }
  return VacancyLink;
}

/**
 * `name: Training`: trainings are readable by every role. Null if the training was deleted
 * between the suggestion and this read: one gone course must not blank the whole list.
 */
export function trainingLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  @Resolver(() => type)
  class TrainingLink {
    @FieldResolver(() => TrainingType, {
      name: options.name,
      description: options.description,
      nullable: true,
    })
    async [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<Training | null> {
      const training = await ctx.loaders.trainingById.load(options.keyOf(root)!);
      return training ?? null;
    }
  }
  return TrainingLink;
}
