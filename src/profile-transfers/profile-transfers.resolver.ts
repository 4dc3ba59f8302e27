import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { listCost } from '../api/plugins/query-limits';
import { Language } from '../taxonomy/taxonomy.types';
import { CompetenceAssessment } from '../jobseekers/competence-assessment.entity';
import { JobseekerView } from '../jobseekers/jobseeker.service';
import { CompetenceAssessmentType, JobseekerType } from '../jobseekers/jobseekers.types';
import { TmtLanguage } from '../../fixtures/external/tmt-profile.contract';
import { ProfileTransfer, TransferDirection } from './profile-transfer.entity';
import { ProfileTransferStartType, ProfileTransferType } from './profile-transfers.types';
import { PERMIT_LIFETIME_MS } from './profile-transfer.service';

const ROLES_NOTE =
  'Roles: jobseeker (self), counsellor (own area, stating a purpose in X-Osaamo-Purpose, which is recorded with the transfer); audited.';

@Resolver()
export class ProfileTransferResolver {
  @Allow('jobseeker', 'counsellor')
  @Mutation(() => ProfileTransferStartType, {
    description: `Starts reading the jobseeker's Job Market Finland profile (P60) into a draft assessment. Returns the permit page: the jobseeker signs in there and grants this one transfer within ${PERMIT_LIFETIME_MS / 60_000} minutes. The profile arrives as a draft with each skill's provenance (section, item, dates); nothing changes a match until the draft is confirmed (confirmAssessment), which also adds the languages, licences and desired occupations and skills it offers without overwriting any. SERVICE_UNAVAILABLE where the import is not configured; CONFLICT with 3 transfers already awaiting a permit. ${ROLES_NOTE}`,
  })
  startProfileImport(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: "The permit page's language: fi, sv or en.",
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfileTransferStartType> {
    return this.start(ctx, jobseekerId, 'import', language, null);
  }

  @Allow('jobseeker', 'counsellor')
  @Mutation(() => ProfileTransferStartType, {
    description: `Starts writing a confirmed assessment to the jobseeker's Job Market Finland profile (P51), under a permit the jobseeker grants on the page returned (within ${PERMIT_LIFETIME_MS / 60_000} minutes). Skills travel as ESCO URIs (levels cannot), grouped into the work-history items they came from, with their supporting words as the items' descriptions; desired occupations and skills, languages and licences go too. Nothing empty is sent; what does not fit the service's limits is listed in the transfer's leftOut. ${ROLES_NOTE}`,
  })
  startProfileExport(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('assessmentId', () => ID, {
      nullable: true,
      description: "A confirmed assessment of the jobseeker's; omitted: the active one.",
    })
    assessmentId: string | null,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: "The permit page's language: fi, sv or en.",
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfileTransferStartType> {
    return this.start(ctx, jobseekerId, 'export', language, assessmentId ?? null);
  }

  private async start(
    ctx: RequestContext,
    jobseekerId: string,
    direction: TransferDirection,
    language: Language,
    assessmentId: string | null,
  ): Promise<ProfileTransferStartType> {
    const { transfer, permitUrl } = await ctx.services.profileTransfers.start(
      ctx,
      jobseekerId,
      direction,
      language as TmtLanguage,
      assessmentId,
    );
    return { transferId: transfer.id, permitUrl, expiresAt: transfer.expiresAt };
  }
}

@Resolver(() => JobseekerType)
export class JobseekerTransfersFieldResolver {
  @FieldResolver(() => [ProfileTransferType], {
    complexity: listCost(5),
    description:
      'Transfers of competence profiles with Job Market Finland, newest first (at most 20): what was imported or exported, from where and when. For the jobseeker and counsellors of their area stating a purpose (else empty); audited.',
  })
  async profileTransfers(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfileTransferType[]> {
    const rows = await ctx.loaders.profileTransfersByJobseekerId.load(jobseeker.jobseekerId);
    return rows.map(transferView);
  }
}

@Resolver(() => CompetenceAssessmentType)
export class AssessmentImportFieldResolver {
  @FieldResolver(() => ProfileTransferType, {
    nullable: true,
    description:
      "For an assessment imported from Job Market Finland: the transfer that brought it (when, the profile's last-modified time, what was reported). For the jobseeker and counsellors of their area stating a purpose (else null); audited.",
  })
  async importedFrom(
    @Root() assessment: CompetenceAssessment,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfileTransferType | null> {
    if (assessment.origin !== 'job_market_finland') return null;
    const transfer = await ctx.loaders.importByAssessmentId.load(assessment.id);
    return transfer ? transferView(transfer) : null;
  }
}

/** A transfer as the API shows it: its report spread into fields. */
export function transferView(transfer: ProfileTransfer): ProfileTransferType {
  const report = transfer.report;
  const imported = report?.kind === 'import' ? report : null;
  return {
    id: transfer.id,
    direction: transfer.direction,
    status: transfer.status,
    purpose: transfer.purpose,
    startedByRole: transfer.actorRole,
    outcome: transfer.outcome,
    startedAt: transfer.startedAt,
    expiresAt: transfer.expiresAt,
    finishedAt: transfer.finishedAt,
    assessmentId: transfer.assessmentId,
    profileModifiedAt: transfer.profileModifiedAt,
    skillCount: imported
      ? imported.claimedSkills
      : report?.kind === 'export'
        ? report.sentSkills
        : null,
    offered: imported?.offered ?? null,
    applied: imported?.applied ?? null,
    workOccupations: (imported?.workOccupations ?? []).map((w) => ({
      uri: w.uri,
      section: w.provenance.section,
      itemTitle: w.provenance.itemTitle,
      startedOn: w.provenance.startedOn,
      endedOn: w.provenance.endedOn,
    })),
    unknownUris: imported?.unknownUris ?? [],
    unmappedCodes: imported?.unmappedCodes ?? [],
    leftOut: report?.leftOut ?? [],
  };
}
