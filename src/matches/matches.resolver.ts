import { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { COMPONENTS, RankedMatch, skillsMet } from '../../matching';
import { Allow } from '../auth/access-policy';
import { HIDDEN_BELOW } from '../disclosure/disclosure-control';
import { Vacancy } from '../vacancies/vacancy.entity';
import { VacancySourceEnum, VacancyType, WorkingTimeEnum } from '../vacancies/vacancies.types';
import { ExternalVacancy } from '../external/external-vacancy';
import { badInput, DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { RequestContext } from '../api/context';
import { CursorScope } from '../kernel/paging/cursor';
import { pageInfoOf } from '../kernel/paging/pagination';
import { forDisplay } from '../kernel/text/display-number';
import { cursorsFor } from '../api/cursors';
import { JobseekerView } from '../jobseekers/jobseeker.service';
import { JobseekerType } from '../jobseekers/jobseekers.types';
import { Language } from '../taxonomy/taxonomy.types';
import { MatchPage } from './match.service';
import { matchSummary } from './match-summary';
import { textLanguage } from '../kernel/messages/messages';
import { skillLink } from '../api/links.resolver';
import {
  MatchedSkillType,
  MissingSkillType,
  SkillMetThroughRelatedType,
  MatchConnection,
  MatchFilterInput,
  MatchOutcomeInput,
  MatchOutcomeType,
  MatchType,
  OutcomeCountType,
} from './matches.types';
import { MatchOutcome, OutcomeStatus } from './match-outcome.entity';

function toMatch(ranked: RankedMatch, external?: ExternalVacancy): MatchType {
  const s = ranked.score;
  return {
    score: forDisplay(s.total),
    exactScore: s.total,
    vacancyId: s.vacancyId,
    source: (external?.source ?? 'local') as VacancySourceEnum,
    externalVacancy: external
      ? {
          ...external,
          source: external.source as VacancySourceEnum,
          workingTime: external.workingTime as WorkingTimeEnum,
        }
      : null,
    candidateId: s.candidateId,
    components: COMPONENTS.map((name) => {
      const { value, weight, contribution } = s.components[name];
      return {
        name,
        value: forDisplay(value),
        weight: forDisplay(weight),
        contribution: forDisplay(contribution),
        exactContribution: contribution,
      };
    }),
    matchedSkills: s.matchedSkills.map((m) => ({
      ...m,
      credit: forDisplay(m.credit),
    })) as MatchType['matchedSkills'],
    relatedSkills: s.relatedSkills.map((m) => ({
      ...m,
      credit: forDisplay(m.credit),
      similarity: forDisplay(m.similarity),
    })) as MatchType['relatedSkills'],
    missingSkills: s.missingSkills as MatchType['missingSkills'],
    skillsMet: skillsMet(s),
    hardFailures: s.hardFailures,
    nearMiss: ranked.nearMiss,
    missingData: s.missingData,
    distanceKm: s.distanceKm,
    breakdown: s,
  };
}

// A ranking has no stable key to page on, so its cursors hold the offset, sealed like every
// cursor (bound to the vacancy or jobseeker, the filter and the actor).
function connection(page: MatchPage, cursors: CursorScope): MatchConnection {
  const edges = page.matches.map((m, i) => ({
    cursor: cursors.seal(String(page.offset + i + 1)),
    node: toMatch(m, page.external.get(m.score.vacancyId)),
  }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, page.hasNextPage, page.offset > 0),
    sources: page.sources.map((r) => ({ ...r, source: r.source as VacancySourceEnum })),
  };
}

function offsetOf(after: string | null | undefined, cursors: CursorScope): number {
  if (!after) return 0;
  const text = cursors.open(after);
  if (!/^\d{1,9}$/.test(text)) throw badInput('after', 'is not a cursor from this list');
  return Number(text);
}

const service = (ctx: RequestContext) => ctx.services.matches;
/** Rankings served are audited with the operation and the purpose stated. */
const requesterOf = (ctx: RequestContext) => ({
  operation: ctx.request.operation,
  purpose: ctx.purpose,
});

@Resolver(() => MatchType)
export class MatchResolver {
  @Allow('counsellor', 'employer', 'admin')
  @Query(() => MatchConnection, {
    description:
      'Jobseekers ranked for a vacancy, with explanations. Roles: counsellor (jobseekers of the area), employer (own vacancies; pseudonymised candidates), admin.',
  })
  async matchesForVacancy(
    @Arg('vacancyId', () => ID, { description: 'The vacancy.' }) vacancyId: string,
    @Arg('filter', () => MatchFilterInput, {
      nullable: true,
      description:
        'Which matches. Without a minScore or includeNearMisses: true, the default floor applies (see MatchFilterInput.minScore).',
    })
    filter: MatchFilterInput | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1 to 100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MatchConnection> {
    const cursors = cursorsFor(ctx, info);
    return connection(
      await service(ctx).forVacancy(
        ctx.actor!,
        vacancyId,
        filter ?? {},
        first,
        offsetOf(after, cursors),
        requesterOf(ctx),
      ),
      cursors,
    );
  }

  @Allow('counsellor', 'jobseeker', 'admin')
  @Query(() => MatchConnection, {
    description:
      'Open vacancies ranked for a jobseeker, with explanations: local ones, Job Market Finland ones the national sync keeps (from the index) and, when those are too few, outside ones fetched per query, all ranked together (see `sources`). Roles: counsellor (own area), jobseeker (self), admin.',
  })
  async matchesForJobseeker(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('includeExternal', () => Boolean, {
      defaultValue: true,
      description:
        'Include outside vacancies: the Job Market Finland ones the national sync keeps, and, when matches are too few, those asked for per query (EURES for jobseekers willing to work abroad or when countries are given; Job Market Finland too until the sync has run).',
    })
    includeExternal: boolean,
    @Arg('filter', () => MatchFilterInput, {
      nullable: true,
      description:
        'Which matches. Without a minScore or includeNearMisses: true, the default floor applies (see MatchFilterInput.minScore).',
    })
    filter: MatchFilterInput | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1 to 100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MatchConnection> {
    const cursors = cursorsFor(ctx, info);
    return connection(
      await service(ctx).forJobseeker(
        ctx.actor!,
        jobseekerId,
        filter ?? {},
        first,
        offsetOf(after, cursors),
        includeExternal,
        requesterOf(ctx),
      ),
      cursors,
    );
  }

  @Allow('counsellor', 'jobseeker', 'admin')
  @Query(() => MatchType, {
    description:
      "One pair's full explanation, even when filtered out (the default floor of the lists included), with its k of n required skills met (skillsMet, as skillGap counts them); a national vacancy (`national:…`) while the national sync keeps it or the cache holds it, a EURES one (`eures:…`) while cached. Roles: counsellor (own area), jobseeker (self), admin.",
  })
  async explainMatch(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('vacancyId', () => ID, { description: 'The vacancy.' }) vacancyId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MatchType> {
    const { ranked, external } = await service(ctx).explain(
      ctx.actor!,
      jobseekerId,
      vacancyId,
      requesterOf(ctx),
    );
    return toMatch(ranked, external);
  }

  @Allow('counsellor', 'employer')
  @Mutation(() => MatchOutcomeType, {
    description:
      'Records what happened to a proposed match. Roles: counsellor (own area), employer (own vacancy, candidate by pseudonym).',
  })
  recordMatchOutcome(
    @Arg('input', {
      description: 'What happened to the match, and to which jobseeker and vacancy.',
    })
    input: MatchOutcomeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MatchOutcome> {
    return service(ctx).recordOutcome(ctx.actor!, {
      ...input,
      status: input.status as OutcomeStatus,
    });
  }

  @Allow('counsellor', 'employer', 'admin')
  @Query(() => [OutcomeCountType], {
    description: `Match outcomes counted by status (latest per pair); exact for a counsellor (the jobseekers of their area), otherwise perturbed by the cell key method and hidden below ${HIDDEN_BELOW} (see OutcomeCount.count). Roles: counsellor, employer (own vacancy), admin.`,
  })
  matchOutcomeSummary(
    @Arg('vacancyId', () => ID, {
      nullable: true,
      description: 'One vacancy; all when omitted (not for employers).',
    })
    vacancyId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return service(ctx).outcomeSummary(ctx.actor!, vacancyId ?? null);
  }

  @FieldResolver(() => String, {
    description:
      'A short summary in words: the fit, how many required skills the pair meets (as skillsMet), the most important missing and met skills by name (essential first, at most three of each), failed hard requirements and what is not known.',
  })
  summary(
    @Root() match: MatchType,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description:
        'The language of the text and of the skill names (English where a skill has no label in it).',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return matchSummary(
      match.breakdown,
      textLanguage(language),
      ctx.loaders.preferredLabelsByConceptUri,
    );
  }

  @FieldResolver(() => JobseekerType, {
    description: 'The jobseeker (pseudonymised for employers).',
  })
  async jobseeker(@Root() match: MatchType, @Ctx() ctx: RequestContext): Promise<JobseekerView> {
    // The actor was authorised for this jobseeker by the query; employers get the pseudonymised
    // view. One batch per page (DataLoader), not a query per match.
    const row = await ctx.loaders.jobseekerRowById.load(match.candidateId);
    // Erased since it was ranked. No id in the message: an employer may not see it.
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'The jobseeker was not found');
    return ctx.services.jobseekers.viewOfRow(ctx.actor!, row);
  }

  @FieldResolver(() => VacancyType, {
    nullable: true,
    description: 'The local vacancy (null for an outside one; then see `externalVacancy`).',
  })
  async vacancy(@Root() match: MatchType, @Ctx() ctx: RequestContext): Promise<Vacancy | null> {
    if (match.externalVacancy) return null;
    // Ranked vacancies are open ones or one the query checked; loaded in one batch per page.
    return (await ctx.loaders.vacancyById.load(match.vacancyId))!;
  }
}

const REQUIRED_SKILL =
  'The required skill itself (its labels, description and relations), from skillUri.';

/** The skills of every match's explanation, linked: one batched load for a whole page. */
export const MATCH_LINKS = [
  skillLink(MatchedSkillType, {
    name: 'skill',
    description: REQUIRED_SKILL,
    keyOf: (s) => s.skillUri,
  }),
  skillLink(SkillMetThroughRelatedType, {
    name: 'skill',
    description: REQUIRED_SKILL,
    keyOf: (s) => s.skillUri,
  }),
  skillLink(SkillMetThroughRelatedType, {
    name: 'viaSkill',
    description: "The jobseeker's related skill that meets it, from viaSkillUri.",
    keyOf: (s) => s.viaSkillUri,
  }),
  skillLink(MissingSkillType, {
    name: 'skill',
    description: REQUIRED_SKILL,
    keyOf: (s) => s.skillUri,
  }),
] as const;
