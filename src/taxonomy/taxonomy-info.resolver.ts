import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../auth/access-policy';
import { RequestContext } from '../api/context';

@ObjectType({ description: 'What taxonomy the service holds.' })
export class TaxonomyInfo {
  @Field(() => Int, { description: 'Number of skills and knowledge concepts.' })
  skills!: number;

  @Field(() => Int, { description: 'Number of occupations.' })
  occupations!: number;

  @Field(() => [String], { description: 'Languages that have labels, e.g. ["en", "fi", "sv"].' })
  languages!: string[];

  @Field(() => Date, { nullable: true, description: 'When the taxonomy was last imported.' })
  lastImportedAt!: Date | null;

  @Field({
    description: 'The attribution ESCO requires wherever its data is shown.',
  })
  attribution!: string;
}

@Resolver()
export class TaxonomyInfoResolver {
  @Public()
  @Query(() => TaxonomyInfo, {
    description: 'Counts, languages and provenance of the taxonomy. Public.',
  })
  async taxonomyInfo(@Ctx() ctx: RequestContext): Promise<TaxonomyInfo> {
    const [row] = await ctx.services.dataSource.query(`
      SELECT (SELECT count(*) FROM esco_skill)::int AS skills,
             (SELECT count(*) FROM esco_occupation)::int AS occupations,
             (SELECT coalesce(array_agg(DISTINCT language ORDER BY language), '{}') FROM esco_label) AS languages,
             (SELECT max(imported_at) FROM esco_import) AS last_imported_at`);
    return {
      skills: row.skills,
      occupations: row.occupations,
      languages: row.languages,
      lastImportedAt: row.last_imported_at,
      attribution: 'This service uses the ESCO classification of the European Commission.',
    };
  }
}
