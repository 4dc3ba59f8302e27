import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../api/context';
import { VacancySourceEnum } from '../vacancies/vacancies.types';
import { SourceReportType } from './matches.types';
import { SourceSyncType, SyncKindEnum } from './source-sync.types';

@Resolver(() => SourceReportType)
export class SourceReportFieldResolver {
  @FieldResolver(() => SourceSyncType, {
    nullable: true,
    description:
      "NATIONAL: the scheduled sync of Job Market Finland's vacancies (from this instance's memory); null for EURES and when the sync is not configured.",
  })
  sync(@Root() report: SourceReportType, @Ctx() ctx: RequestContext): SourceSyncType | null {
    const status = ctx.services.nationalSync;
    if (report.source !== VacancySourceEnum.NATIONAL || !status) return null;
    const s = status.snapshot();
    return {
      running: s.running !== null,
      runningKind: (s.running?.kind as SyncKindEnum | undefined) ?? null,
      lastRunAt: s.lastRunAt,
      ageSeconds: s.lastRunAt
        ? Math.max(0, Math.floor((Date.now() - s.lastRunAt.getTime()) / 1000))
        : null,
      lastKind: s.lastKind as SyncKindEnum | null,
      complete: s.complete,
      lastCompleteAt: s.lastCompleteAt,
      lastError: s.lastError,
      recordsRead: s.recordsRead,
      rowsWritten: s.rowsWritten,
      rowsDeleted: s.rowsDeleted,
    };
  }
}
