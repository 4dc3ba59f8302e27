/**
 * Job Market Finland's vacancies as kept by the national sync (`national_vacancy`), read for
 * the match index: each record mapped to the matcher's vacancy profile exactly as the
 * per-query fallback maps an ad it fetched (toVacancyProfiles: the skills the ad names, else
 * its occupation's or ISCO group's plus those found in its text), so a score is the same
 * whichever way the ad arrived. Outside vacancies are never local ones: their ids are
 * `national:<externalId>`, and they live in an index of their own.
 */
import { VacancyProfile } from '../../matching';
import { toVacancyProfiles } from '../external/external-profiles';
import { ExternalVacancy } from '../external/external-vacancy';
import { Queryable } from './profile-loader';

/** The id an outside national vacancy has in rankings and in the API. */
export function nationalVacancyId(externalId: string): string {
  return `national:${externalId}`;
}

export interface NationalEntry {
  /** The row's stable uuid: what the change feed names. */
  rowId: string;
  profile: VacancyProfile;
  /** The municipality code (the index's tag, for the municipality filter); '' when none. */
  municipality: string;
  /** When the ad stops being offered (ms since the epoch). */
  expiresAt: number;
}

interface NationalRow {
  id: string;
  external_id: string;
  data: ExternalVacancy & { publishedAt: string; expiresAt: string };
  expires_at: Date | string;
}

/** The record as stored, in our terms (its dates revived). */
function recordOf(row: NationalRow): ExternalVacancy {
  return {
    ...row.data,
    source: 'national',
    externalId: row.external_id,
    publishedAt: new Date(row.data.publishedAt),
    expiresAt: new Date(row.expires_at),
  };
}

/**
 * National vacancies as profiles: all of them, or those of the given row ids (a replay: the
 * ids not returned were deleted). Expired ones are left out; the sync removes them later.
 */
export async function loadNationalVacancies(
  db: Queryable,
  rowIds?: string[],
): Promise<NationalEntry[]> {
  const rows: NationalRow[] = await db.query(
    `SELECT id, external_id, data, expires_at FROM national_vacancy
     WHERE expires_at > now() ${rowIds ? 'AND id = ANY($1::uuid[])' : ''}
     ORDER BY external_id`,
    rowIds ? [rowIds] : [],
  );
  const records = rows.map(recordOf);
  const profiles = await toVacancyProfiles(db, records);
  return rows.map((row, i) => ({
    rowId: row.id,
    profile: profiles[i]!,
    municipality: records[i]!.locationCode ?? '',
    expiresAt: records[i]!.expiresAt.getTime(),
  }));
}

/** The stored records of national vacancies by external id (those still stored), for display. */
export async function loadNationalRecords(
  db: Queryable,
  externalIds: string[],
): Promise<Map<string, ExternalVacancy>> {
  if (!externalIds.length) return new Map();
  const rows: NationalRow[] = await db.query(
    `SELECT id, external_id, data, expires_at FROM national_vacancy WHERE external_id = ANY($1)`,
    [externalIds],
  );
  return new Map(rows.map((row) => [row.external_id, recordOf(row)]));
}
