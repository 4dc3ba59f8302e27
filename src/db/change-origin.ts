/**
 * Where a record last changed. The JSON Lines importer writes 'import'; every API write marks
 * 'api', and an import leaves such a record alone (reporting a conflict) unless run with
 * --overwrite. Columns `last_changed_by` and `last_changed_at` of employer, vacancy, jobseeker,
 * jobseeker_personal_data and training; requirement profiles use their revision's author.
 */
export type ChangeOrigin = 'api' | 'import';

/** The fields an API write sets on a record it changes. */
export function changedThroughApi(): { lastChangedBy: ChangeOrigin; lastChangedAt: Date } {
  return { lastChangedBy: 'api', lastChangedAt: new Date() };
}
