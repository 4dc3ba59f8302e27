// Owns table match_outcome: every statement on it is here.
import { EntityManager } from 'typeorm';
import { MatchOutcome, OutcomeStatus } from './match-outcome.entity';

/** The latest outcome of one (vacancy, jobseeker) pair. */
export interface LatestOutcome {
  status: OutcomeStatus;
  jobseekerId: string;
}

export class MatchOutcomeRepository {
  /** Runs on the manager given (a transaction's or the pool's). */
  constructor(private readonly db: EntityManager) {}

  record(outcome: {
    vacancyId: string;
    jobseekerId: string;
    status: OutcomeStatus;
    reason: string | null;
    recordedBy: string;
  }): Promise<MatchOutcome> {
    return this.db.save(MatchOutcome, outcome);
  }

  /**
   * The latest outcome of each pair, of one vacancy (or all when null), of jobseekers living in
   * `homeMunicipalities` when given.
   */
  async latestPerPair(
    vacancyId: string | null,
    homeMunicipalities: Set<string> | null,
  ): Promise<LatestOutcome[]> {
    const rows: { status: OutcomeStatus; jobseeker_id: string }[] = await this.db.query(
      `SELECT DISTINCT ON (o.vacancy_id, o.jobseeker_id) o.status, o.jobseeker_id FROM match_outcome o
       ${homeMunicipalities ? 'JOIN jobseeker j ON j.id = o.jobseeker_id AND j.home_municipality_code = ANY($2::text[])' : ''}
       WHERE ($1::uuid IS NULL OR o.vacancy_id = $1)
       ORDER BY o.vacancy_id, o.jobseeker_id, o.recorded_at DESC`,
      homeMunicipalities ? [vacancyId, [...homeMunicipalities]] : [vacancyId],
    );
    return rows.map((r) => ({ status: r.status, jobseekerId: r.jobseeker_id }));
  }
}
