// Owns table audit_log (append-only: a trigger refuses UPDATE and DELETE): every statement on it is here.
import { Queryable } from '../matches/profile-loader';

/**
 * The jobseeker of a row that names none: a search for a jobseeker that found no one, or that
 * was refused before it ran. (jobseeker_id is NOT NULL; the nil UUID is never a jobseeker's.)
 */
export const NO_JOBSEEKER = '00000000-0000-0000-0000-000000000000';

/** One row of the log as the data protection officer reads it. */
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

/** Which rows to read, newest first; `after` is the id of the previous page's last row. */
export interface AuditFilter {
  jobseekerId: string | null;
  actorId: string | null;
  from: Date | null;
  to: Date | null;
  after: string | null;
  limit: number;
}

/** Who read, in which operation, for what purpose. */
export interface AuditReader {
  actorId: string;
  actorRole: string;
  operation: string;
  purpose: string | null;
}

/** A ranking's rows: one per person listed, each with the trace and the person's place. */
export interface RankingRows {
  reader: AuditReader;
  paramsVersion: string;
  matchChangeId: number;
  /** The question asked, as JSON; each row adds its `position`. */
  question: Record<string, unknown>;
  jobseekerIds: string[];
  firstPosition: number;
}

export class AuditLogRepository {
  /** Runs on the connection or transaction given. */
  constructor(private readonly db: Queryable) {}

  /** Newest first by id: the column, not its text (as text, 9 would sort before 10). */
  list(f: AuditFilter): Promise<AuditRow[]> {
    return this.db.query(
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_role AS "actorRole", jobseeker_id AS "jobseekerId",
              operation, purpose, outcome, params_version AS "paramsVersion",
              match_change_id::text AS "matchChangeId", ranking::text AS ranking
       FROM audit_log
       WHERE ($1::uuid IS NULL OR jobseeker_id = $1) AND ($2::text IS NULL OR actor_id = $2)
         AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at <= $4)
         AND ($5::bigint IS NULL OR id < $5)
       ORDER BY audit_log.id DESC LIMIT $6`,
      [f.jobseekerId, f.actorId, f.from, f.to, f.after, f.limit],
    );
  }

  /** One row per jobseeker read or refused: 'allowed' for those in `allowed`. One statement. */
  async recordReads(reader: AuditReader, ids: string[], allowed: Set<string>): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, jobseeker_id, operation, purpose, outcome)
       SELECT $1, $2, id, $3, $4, CASE WHEN id = ANY($5::uuid[]) THEN 'allowed' ELSE 'denied' END
       FROM unnest($6::uuid[]) AS id`,
      [reader.actorId, reader.actorRole, reader.operation, reader.purpose, [...allowed], ids],
    );
  }

  /** Allowed changes, each with its own operation (the importer's overwrites). One statement. */
  async recordChanges(
    actor: { actorId: string; actorRole: string; purpose: string | null },
    changes: { jobseekerId: string; operation: string }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, jobseeker_id, operation, purpose, outcome)
       SELECT $1, $2, jobseeker_id, operation, $3, 'allowed'
       FROM jsonb_to_recordset($4::jsonb) AS x(jobseeker_id uuid, operation text)`,
      [
        actor.actorId,
        actor.actorRole,
        actor.purpose,
        JSON.stringify(
          changes.map((c) => ({ jobseeker_id: c.jobseekerId, operation: c.operation })),
        ),
      ],
    );
  }

  /** One statement, whatever the page size. */
  async recordRanking(rows: RankingRows): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, jobseeker_id, operation, purpose, outcome,
                              params_version, match_change_id, ranking)
       SELECT $1, $2, t.id, $3, $4, 'allowed', $5, $6,
              $7::jsonb || jsonb_build_object('position', $8::int + t.ord::int - 1)
       FROM unnest($9::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [
        rows.reader.actorId,
        rows.reader.actorRole,
        rows.reader.operation,
        rows.reader.purpose,
        rows.paramsVersion,
        rows.matchChangeId,
        JSON.stringify(rows.question),
        rows.firstPosition,
        rows.jobseekerIds,
      ],
    );
  }
}
