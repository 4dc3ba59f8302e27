// Owns cohort and cohort_member.
import { EntityManager } from 'typeorm';
import { Cohort, CohortMember, CohortSource } from './cohort.entity';

/** The cohort and cohort_member tables' one owner. */
export class CohortRepository {
  constructor(private readonly db: EntityManager) {}

  /** A cohort and its members, in the caller's transaction. */
  async create(
    cohort: Pick<Cohort, 'name' | 'employmentArea' | 'source' | 'employerBusinessId' | 'createdBy'>,
    memberIds: readonly string[],
  ): Promise<Cohort> {
    const saved = await this.db.save(this.db.create(Cohort, cohort));
    await this.db
      .createQueryBuilder()
      .insert()
      .into(CohortMember)
      .values(memberIds.map((jobseekerId) => ({ cohortId: saved.id, jobseekerId })))
      .execute();
    return saved;
  }

  find(id: string): Promise<Cohort | null> {
    return this.db.findOneBy(Cohort, { id });
  }

  /** Cohorts newest first; of one employment area, or all (null). */
  list(employmentArea: string | null, limit: number): Promise<Cohort[]> {
    return this.db.find(Cohort, {
      where: employmentArea === null ? {} : { employmentArea },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Members of each cohort who still live in its employment area, by cohort id, in id order
   * (one statement for a page of cohorts). One who moved away leaves the analysis: the area's
   * counsellors can no longer list them.
   */
  async membersInArea(cohortIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { cohort_id: string; ids: string[] }[] = await this.db.query(
      `SELECT c.id AS cohort_id, array_agg(j.id ORDER BY j.id)::text[] AS ids
       FROM cohort c JOIN cohort_member cm ON cm.cohort_id = c.id
       JOIN jobseeker j ON j.id = cm.jobseeker_id
       JOIN municipality m ON m.code = j.home_municipality_code AND m.employment_area = c.employment_area
       WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
      [[...cohortIds]],
    );
    return new Map(rows.map((r) => [r.cohort_id, r.ids]));
  }

  /** Of these ids, the jobseekers living in the area. */
  async inArea(ids: readonly string[], employmentArea: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE j.id = ANY($1::uuid[]) AND m.employment_area = $2`,
      [[...ids], employmentArea],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Jobseekers of the area whose customer ids are these: customer id → jobseeker id. */
  async byCustomerIds(
    customerIds: readonly string[],
    employmentArea: string,
  ): Promise<Map<string, string>> {
    const rows: { id: string; customer_id: string }[] = await this.db.query(
      `SELECT j.id, j.customer_id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE j.customer_id = ANY($1::text[]) AND m.employment_area = $2`,
      [[...customerIds], employmentArea],
    );
    return new Map(rows.map((r) => [r.customer_id, r.id]));
  }

  /**
   * The jobseekers laid off by one employer: those of the area (ids), and how many live
   * elsewhere (a count the caller shows only as disclosure allows), with their ids for its key.
   */
  async laidOffBy(
    businessId: string,
    employmentArea: string,
  ): Promise<{ inArea: string[]; elsewhere: string[] }> {
    const rows: { id: string; in_area: boolean }[] = await this.db.query(
      `SELECT j.id, coalesce(m.employment_area = $2, false) AS in_area
       FROM jobseeker j LEFT JOIN municipality m ON m.code = j.home_municipality_code
       WHERE j.last_employer_business_id = $1 ORDER BY j.id`,
      [businessId, employmentArea],
    );
    return {
      inArea: rows.filter((r) => r.in_area).map((r) => r.id),
      elsewhere: rows.filter((r) => !r.in_area).map((r) => r.id),
    };
  }
}

export type { CohortSource };
