/**
 * The audit log for the data protection officer: who read (or tried to read) whose personal
 * data, when, in which operation and for what purpose; newest first, by jobseeker, actor and
 * time. Reading the log is not itself personal data of a jobseeker (ids only), but it is
 * restricted to the data protection officer.
 */
import { DataSource } from 'typeorm';
import { badInput } from '../kernel/errors/domain-error';
import { isUuid } from '../kernel/validation/validators';
import { AuditLogRepository, AuditRow } from './audit-log.repository';

export type { AuditRow } from './audit-log.repository';

export interface AuditQuery {
  jobseekerId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
  first: number;
  /** The id of the last row of the previous page (the resolver opened the sealed cursor). */
  after?: string | null;
}

export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: AuditQuery): Promise<{ rows: AuditRow[]; hasNextPage: boolean }> {
    if (!Number.isInteger(q.first) || q.first < 1 || q.first > 500)
      throw badInput('first', 'must be between 1 and 500');
    if (q.after && !/^\d+$/.test(q.after))
      throw badInput('after', 'is not a cursor from this list');
    if (q.from && q.to && q.from > q.to) throw badInput('from', 'must not be after to');
    if (q.jobseekerId && !isUuid(q.jobseekerId))
      throw badInput('jobseekerId', 'is not a jobseeker id');
    const rows = await new AuditLogRepository(this.dataSource).list({
      jobseekerId: q.jobseekerId ?? null,
      actorId: q.actorId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      after: q.after ?? null,
      limit: q.first + 1,
    });
    return { rows: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
  }
}
