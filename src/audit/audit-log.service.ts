/**
 * The audit log for the data protection officer: who read (or tried to read) whose personal
 * data, when, in which operation and for what purpose; newest first, by jobseeker, actor and
 * time. Reading the log is not itself personal data of a jobseeker (ids only), but it is
 * restricted to the data protection officer.
 */
import { DataSource } from 'typeorm';
import { badInput } from '../kernel/errors/domain-error';
import { isUuid } from '../kernel/validation/validators';

export interface AuditQuery {
  jobseekerId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
  first: number;
  /** The id of the last row of the previous page (the resolver opened the sealed cursor). */
  after?: string | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string;
  actorRole: string;
  jobseekerId: string;
  operation: string;
  purpose: string | null;
  outcome: string;
  paramsVersion: string | null;
  matchChangeId: string | null;
  /** JSON text. */
  ranking: string | null;
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
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_role AS "actorRole", jobseeker_id AS "jobseekerId",
              operation, purpose, outcome, params_version AS "paramsVersion",
              match_change_id::text AS "matchChangeId", ranking::text AS ranking
       FROM audit_log
       WHERE ($1::uuid IS NULL OR jobseeker_id = $1) AND ($2::text IS NULL OR actor_id = $2)
         AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at <= $4)
         AND ($5::bigint IS NULL OR id < $5)
       ORDER BY id DESC LIMIT $6`,
      [
        q.jobseekerId ?? null,
        q.actorId ?? null,
        q.from ?? null,
        q.to ?? null,
        q.after ?? null,
        q.first + 1,
      ],
    );
    return { rows: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
  }
}
