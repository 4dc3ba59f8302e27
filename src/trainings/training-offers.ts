/**
 * The trainings as the matcher weighs them (their skills and where and when they are held), and
 * which of them a person can reach: the one owner of both, for a person's suggestions and a
 * cohort's.
 */
import { CandidateProfile, commuteKm, distanceKm, MatchParams } from '../../matching';
import { Queryable } from '../matches/profile-loader';

export interface TrainingRow {
  id: string;
  title: string;
  provider: string;
  mode: string;
  municipality_code: string | null;
  start_dates: string[];
  latitude: number | null;
  longitude: number | null;
  skills: { skillUri: string; levelReached: number }[];
}

/** Every training with its skills and its place's coordinates, in id order: one statement. */
export function loadTrainingOffers(db: Queryable): Promise<TrainingRow[]> {
  return db.query(
    `SELECT t.id, t.title, t.provider, t.mode, t.municipality_code, t.start_dates::text[] AS start_dates,
            m.latitude, m.longitude,
            coalesce((SELECT json_agg(json_build_object('skillUri', s.skill_uri, 'levelReached', s.level_reached) ORDER BY s.skill_uri)
                      FROM training_skill s WHERE s.training_id = t.id), '[]') AS skills
     FROM training t LEFT JOIN municipality m ON m.code = t.municipality_code ORDER BY t.id`,
  );
}

/** Online, or within the person's commute (anywhere if they would move); a start date still ahead. */
export function reachableTraining(
  t: TrainingRow,
  candidate: CandidateProfile,
  today: string,
  params: MatchParams,
): boolean {
  if (!t.start_dates.some((d) => d >= today)) return false;
  if (t.mode === 'online' || candidate.willingToRelocate) return true;
  if (t.latitude === null || t.longitude === null || !candidate.location) return false;
  const km = distanceKm(candidate.location, { latitude: t.latitude, longitude: t.longitude });
  return km <= commuteKm(candidate.maxCommuteKm, params);
}
