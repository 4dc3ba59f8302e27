// Owns employer_pseudonym.
import { EntityManager } from 'typeorm';

/** Statements on `employer_pseudonym`, run on the manager given (a transaction's or the pool's). */
export class EmployerPseudonymRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Records the pseudonyms handed to an employer, in one statement; a jobseeker or employer that
   * does not exist is skipped. After the secret changed, the pseudonym handed out now replaces
   * the one recorded. In id order, so that two requests writing the same rows cannot deadlock.
   */
  async record(employerId: string, jobseekerIds: string[], pseudonyms: string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO employer_pseudonym (employer_id, pseudonym, jobseeker_id)
       SELECT e.id, given.pseudonym, j.id
       FROM unnest($2::uuid[], $3::text[]) AS given(jobseeker_id, pseudonym)
       JOIN jobseeker j ON j.id = given.jobseeker_id
       JOIN employer e ON e.id = $1
       ORDER BY j.id
       ON CONFLICT (employer_id, jobseeker_id) DO UPDATE SET pseudonym = EXCLUDED.pseudonym
         WHERE employer_pseudonym.pseudonym <> EXCLUDED.pseudonym`,
      [employerId, jobseekerIds, pseudonyms],
    );
  }

  /** The jobseeker behind a pseudonym handed to this employer, or null. */
  async jobseekerOf(employerId: string, pseudonym: string): Promise<string | null> {
    const rows: { jobseekerId: string }[] = await this.db.query(
      `SELECT jobseeker_id AS "jobseekerId" FROM employer_pseudonym
       WHERE employer_id = $1 AND pseudonym = $2`,
      [employerId, pseudonym],
    );
    return rows[0]?.jobseekerId ?? null;
  }
}
