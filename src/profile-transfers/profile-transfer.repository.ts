// Owns table profile_transfer: every statement on it is here.
import { EntityManager, In } from 'typeorm';
import { ProfileTransfer, TransferStatus } from './profile-transfer.entity';
import { ExportReport, ImportReport } from './profile-transfer.report';

export type NewTransfer = Omit<
  ProfileTransfer,
  'id' | 'status' | 'outcome' | 'finishedAt' | 'profileModifiedAt' | 'report'
>;

/** Runs on the manager given (a transaction's or the pool's). */
export class ProfileTransferRepository {
  constructor(private readonly db: EntityManager) {}

  create(transfer: NewTransfer): Promise<ProfileTransfer> {
    return this.db.save(ProfileTransfer, {
      ...transfer,
      status: 'awaiting_permit' as const,
      outcome: null,
      finishedAt: null,
      profileModifiedAt: null,
      report: null,
    });
  }

  /**
   * Takes the transfer awaiting a permit with this state hash, once: it moves to in_progress in
   * the same statement, so a second callback with the same state finds nothing. Expired ones are
   * not taken.
   */
  async claim(stateHash: string, now: Date): Promise<ProfileTransfer | null> {
    // A CTE, so that the answer is rows (TypeORM answers a bare UPDATE with [rows, count]).
    const rows: { id: string }[] = await this.db.query(
      `WITH taken AS (
         UPDATE profile_transfer SET status = 'in_progress'
         WHERE state_hash = $1 AND status = 'awaiting_permit' AND expires_at > $2
         RETURNING id)
       SELECT id FROM taken`,
      [stateHash, now],
    );
    return rows.length ? this.db.findOneBy(ProfileTransfer, { id: rows[0]!.id }) : null;
  }

  /** The transfer of a state hash, whatever its status: to tell used from expired from unknown. */
  byStateHash(stateHash: string): Promise<ProfileTransfer | null> {
    return this.db.findOneBy(ProfileTransfer, { stateHash });
  }

  /** Marks transfers whose permit did not come back in time as expired; how many. */
  async expire(now: Date): Promise<number> {
    const [{ n }] = await this.db.query(
      `WITH gone AS (
         UPDATE profile_transfer SET status = 'expired', finished_at = $1
         WHERE status IN ('awaiting_permit', 'in_progress') AND expires_at <= $1 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now],
    );
    return n;
  }

  /** Ends a transfer: completed, refused or failed, with what it brought or why not. */
  async finish(
    id: string,
    status: Extract<TransferStatus, 'completed' | 'refused' | 'failed'>,
    fields: {
      outcome?: string | null;
      assessmentId?: string | null;
      profileModifiedAt?: Date | null;
      report?: ImportReport | ExportReport | null;
    } = {},
  ): Promise<void> {
    await this.db.update(ProfileTransfer, { id }, { status, finishedAt: new Date(), ...fields });
  }

  /** The import that brought this draft, if any. */
  importOf(assessmentId: string): Promise<ProfileTransfer | null> {
    return this.db.findOneBy(ProfileTransfer, { assessmentId, direction: 'import' });
  }

  /** The imports that brought these assessments. */
  importsOf(assessmentIds: readonly string[]): Promise<ProfileTransfer[]> {
    return this.db.findBy(ProfileTransfer, {
      assessmentId: In([...assessmentIds]),
      direction: 'import',
    });
  }

  /** Records what confirming the draft did with the offered changes. */
  async recordApplied(id: string, report: ImportReport): Promise<void> {
    await this.db.update(ProfileTransfer, { id }, { report });
  }

  /** Each jobseeker's transfers, newest first, at most `limit` each. */
  async ofJobseekers(ids: readonly string[], limit: number): Promise<ProfileTransfer[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY jobseeker_id ORDER BY started_at DESC, id) AS n
         FROM profile_transfer WHERE jobseeker_id = ANY($1::uuid[])) t
       WHERE n <= $2`,
      [ids, limit],
    );
    if (rows.length === 0) return [];
    return this.db.find(ProfileTransfer, {
      where: { id: In(rows.map((r) => r.id)) },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Transfers of a jobseeker awaiting a permit now (to cap how many may be open). */
  async openCount(jobseekerId: string, now: Date): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM profile_transfer
       WHERE jobseeker_id = $1 AND status = 'awaiting_permit' AND expires_at > $2`,
      [jobseekerId, now],
    );
    return n;
  }
}
