// Owns table municipality (rows come from migrations only): the reads of places and employment areas.
import { Queryable } from '../matches/profile-loader';

export class MunicipalityRepository {
  /** Runs on the connection or transaction given. */
  constructor(private readonly db: Queryable) {}

  /** The employment area a municipality belongs to; null for an unknown code. */
  async employmentAreaOf(code: string): Promise<string | null> {
    const [row]: { employment_area: string }[] = await this.db.query(
      `SELECT employment_area FROM municipality WHERE code = $1`,
      [code],
    );
    return row ? row.employment_area : null;
  }

  /** The codes of an employment area's municipalities. */
  async codesInArea(employmentArea: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM municipality WHERE employment_area = $1`,
      [employmentArea],
    );
    return rows.map((r) => r.code);
  }

  /** Every municipality's centre. */
  centres(): Promise<{ code: string; latitude: number; longitude: number }[]> {
    return this.db.query(`SELECT code, latitude, longitude FROM municipality`);
  }
}
