import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditLogRepository, NO_JOBSEEKER } from '../audit/audit-log.repository';
import { badInput, DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { CursorScope } from '../kernel/paging/cursor';
import { paginateByKeys } from '../kernel/paging/keyset';
import { Page, PageArgs } from '../kernel/paging/pagination';
import { Jobseeker } from './jobseeker.entity';
import { JobseekerPersonalData } from './jobseeker.entity';
import { JobseekerRepository, NAME_ORDER } from './jobseeker.repository';
import { JobseekerFilter, JobseekerSearchInput } from './jobseekers.types';
import { parseJobseekerSearch } from './name-search';

interface ReadContext {
  actor: Actor | null;
  purpose: string | null;
  request: { operation: string };
}

/**
 * The one way to read jobseekers' personal data. It decides per jobseeker whether the actor
 * may read it, and writes an audit row (actor, role, jobseeker, operation, purpose, outcome)
 * for every read and every refusal, in the same statement batch, so no resolver can forget.
 *
 * Who may read: a counsellor of the jobseeker's employment area, stating a purpose; the
 * jobseeker themself; an employer only where the jobseeker consented to show their profile to
 * employers (all, or that employer). Nobody else.
 *
 * The customer id (a direct identifier: it names the person in the national customer system)
 * is read here too, by the counsellor of the area with a purpose and by the jobseeker
 * themself; an employer's consent to see a profile does not extend to it.
 */
export class PersonalDataReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(
    ctx: ReadContext,
    jobseekerIds: string[],
  ): Promise<Map<string, JobseekerPersonalData>> {
    const result = new Map<string, JobseekerPersonalData>();
    const allowed = await this.authorise(ctx, jobseekerIds, { employersWithConsent: true });
    if (allowed.size === 0) return result;
    const rows = await this.jobseekers().personalDataOf([...allowed]);
    for (const row of rows) result.set(row.jobseekerId, row);
    return result;
  }

  /** Customer ids by jobseeker id, where the actor may read them; audited as every read. */
  async readCustomerIds(ctx: ReadContext, jobseekerIds: string[]): Promise<Map<string, string>> {
    const allowed = await this.authorise(ctx, jobseekerIds, { employersWithConsent: false });
    if (allowed.size === 0) return new Map();
    return this.jobseekers().customerIds([...allowed]);
  }

  /**
   * Finds jobseekers by customer id or name: a read of personal data (the search matches on
   * it, and a hit tells who is a customer), so a counsellor's only, within their area, with a
   * purpose. Each jobseeker on the page gets an audit row; a search that finds no one (or is
   * refused for want of a purpose) gets one naming no jobseeker. Nothing outside the area is
   * counted or shown: the area is in the query's WHERE, and the page is all it returns.
   */
  async findJobseekers(
    ctx: ReadContext,
    input: JobseekerSearchInput,
    filter: JobseekerFilter | undefined,
    page: PageArgs,
    cursors: CursorScope,
  ): Promise<Page<Jobseeker>> {
    const { actor } = ctx;
    if (actor?.role !== 'counsellor')
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only a counsellor may search jobseekers by customer id or name',
      );
    const search = parseJobseekerSearch(input);
    if (!ctx.purpose) {
      await this.audit(ctx, [NO_JOBSEEKER], new Set());
      throw badInput(
        'X-Osaamo-Purpose',
        'a counsellor must state the purpose of reading personal data',
      );
    }
    const area = actor.employmentArea ? { area: actor.employmentArea } : ('none' as const);
    const query = this.jobseekers().searchQuery(area, filter, search);
    const found = await paginateByKeys(query, 'j', NAME_ORDER, page, cursors);
    const ids = found.edges.map((e) => e.node.id);
    const audited = ids.length ? ids : [NO_JOBSEEKER];
    await this.audit(ctx, audited, new Set(audited));
    // Not counted: a count would tell how many people of the area bear a name, none of them audited.
    return { ...found, totalCount: null };
  }

  /** The ids the actor may read, after the audit rows of every one asked are written. */
  private async authorise(
    ctx: ReadContext,
    jobseekerIds: string[],
    options: { employersWithConsent: boolean },
  ): Promise<Set<string>> {
    const { actor } = ctx;
    if (!actor || jobseekerIds.length === 0) return new Set();
    if (actor.role === 'counsellor' && !ctx.purpose) {
      await this.audit(ctx, jobseekerIds, new Set());
      throw badInput(
        'X-Osaamo-Purpose',
        'a counsellor must state the purpose of reading personal data',
      );
    }
    const allowed =
      actor.role === 'employer' && !options.employersWithConsent
        ? new Set<string>()
        : await this.allowedIds(actor, jobseekerIds);
    await this.audit(ctx, jobseekerIds, allowed);
    return allowed;
  }

  private async allowedIds(actor: Actor, ids: string[]): Promise<Set<string>> {
    switch (actor.role) {
      case 'jobseeker':
        return new Set(ids.filter((id) => id === actor.jobseekerId));
      case 'counsellor': {
        if (!actor.employmentArea) return new Set();
        return this.jobseekers().inArea(ids, actor.employmentArea);
      }
      case 'employer': {
        if (!actor.employerId) return new Set();
        const consents = await this.jobseekers().consentsFor(ids, 'show_profile_to_employers');
        return new Set(
          consents
            .filter(
              (c) =>
                c.revokedAt === null &&
                (c.recipient === 'all_employers' || c.recipient === actor.employerId),
            )
            .map((c) => c.jobseekerId),
        );
      }
      default:
        return new Set();
    }
  }

  private jobseekers(): JobseekerRepository {
    return new JobseekerRepository(this.dataSource.manager);
  }

  private async audit(ctx: ReadContext, ids: string[], allowed: Set<string>): Promise<void> {
    const actor = ctx.actor!;
    await new AuditLogRepository(this.dataSource).recordReads(
      {
        actorId: actor.id,
        actorRole: actor.role,
        operation: ctx.request.operation,
        purpose: ctx.purpose,
      },
      ids,
      allowed,
    );
  }
}
