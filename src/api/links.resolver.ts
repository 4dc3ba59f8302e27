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
 * The one mechanism behind every link: a field `options.name` on `type`, of `target`, resolved
 * from the item's key by `load` (null when the item names nothing, for a nullable link).
 */
function link<T extends object, R>(
  type: ClassType<T>,
  options: LinkOptions<T>,
  target: () => ClassType<object>,
  nullable: boolean,
  load: (key: string | null, ctx: RequestContext) => Promise<R | null>,
) {
  @Resolver(() => type)
  class Link {
    @FieldResolver(target, { name: options.name, description: options.description, nullable })
    [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<R | null> {
      return load(options.keyOf(root), ctx);
    }
  }
  return Link;
}

/**
 * A skill by URI. A URI the loaded taxonomy lacks (a taxonomy replaced since the item was
 * stored) still gives its skill, by URI alone, rather than failing the whole answer.
 */
async function skillOf(uri: string | null, ctx: RequestContext): Promise<Skill | null> {
  if (!uri) return null;
  const entity = await ctx.loaders.skillByUri.load(uri);
  return entity ? toSkill(entity) : { uri, skillType: null, reuseLevel: null };
}

/** An occupation by URI; one the loaded taxonomy lacks still gives its occupation, by URI alone. */
async function occupationOf(uri: string, ctx: RequestContext): Promise<Occupation> {
  const entity = await ctx.loaders.occupationByUri.load(uri);
  return entity ? toOccupation(entity) : { uri, code: null, iscoGroupCode: null };
}

interface ListLinkOptions<T> {
  /** The field's name in the schema. */
  name: string;
  description: string;
  /** The ids or URIs the item carries, in order. */
  keysOf: (root: T) => string[];
}

/**
 * A field `options.name` on `type` listing `target`s, one for each key of the item in its order,
 * each loaded by `load` (through DataLoaders: a page of items still costs one batched query).
 */
function listLink<T extends object, R>(
  type: ClassType<T>,
  options: ListLinkOptions<T>,
  target: () => ClassType<object>,
  load: (key: string, ctx: RequestContext) => Promise<R>,
) {
  @Resolver(() => type)
  class ListLink {
    @FieldResolver(() => [target()], { name: options.name, description: options.description })
    [options.name](@Root() root: T, @Ctx() ctx: RequestContext): Promise<R[]> {
      return Promise.all(options.keysOf(root).map((key) => load(key, ctx)));
    }
  }
  return ListLink;
}

/** `name: [Skill!]!`, from a list of skill URIs. */
export function skillListLink<T extends object>(type: ClassType<T>, options: ListLinkOptions<T>) {
  return listLink(
    type,
    options,
    () => Skill,
    async (uri, ctx) => (await skillOf(uri, ctx))!,
  );
}

/** `name: [Occupation!]!`, from a list of occupation URIs. */
export function occupationListLink<T extends object>(
  type: ClassType<T>,
  options: ListLinkOptions<T>,
) {
  return listLink(type, options, () => Occupation, occupationOf);
}

/** `name: Skill!`. */
export function skillLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  return link(type, options, () => Skill, false, skillOf);
}

/** `name: Skill` (nullable): for an item that names a skill only sometimes (a licence does not). */
export function optionalSkillLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  return link(type, options, () => Skill, true, skillOf);
}

/** `name: Occupation` (nullable: the item may name none, or one the taxonomy no longer has). */
export function occupationLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  return link(
    type,
    options,
    () => Occupation,
    true,
    async (uri, ctx) => {
      const entity = uri ? await ctx.loaders.occupationByUri.load(uri) : null;
      return entity ? toOccupation(entity) : null;
    },
  );
}

/**
 * `name: Vacancy` (nullable: none named, or deleted since). Only for vacancies the query that
 * built the item already let the actor see (its own target, or ones ranked for the person).
 */
export function vacancyLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  return link(
    type,
    options,
    () => VacancyType,
    true,
    async (id, ctx): Promise<Vacancy | null> => (id ? ctx.loaders.vacancyById.load(id) : null),
  );
}

/**
 * `name: Training`: trainings are readable by every role. Null if the training was deleted
 * between the suggestion and this read: one gone course must not blank the whole list.
 */
export function trainingLink<T extends object>(type: ClassType<T>, options: LinkOptions<T>) {
  return link(
    type,
    options,
    () => TrainingType,
    true,
    async (id, ctx): Promise<Training | null> =>
      id ? ((await ctx.loaders.trainingById.load(id)) ?? null) : null,
  );
}
