import { Actor } from '../auth/actor';
import { SMALL_COUNT } from '../matches/match.service';

/**
 * Counts of people shown to any role but a counsellor are hidden below 5 (Tervo has 110
 * jobseekers: a count of 1 can single a person out). Zero stays zero: it singles out nobody.
 */
export function shownCount(actor: Actor, count: number): number | null {
  return actor.role !== 'counsellor' && count > 0 && count < SMALL_COUNT ? null : count;
}

/** A difference between two counts is a count of people too. */
export function shownDifference(actor: Actor, from: number, to: number): number | null {
  const shownFrom = shownCount(actor, from);
  const shownTo = shownCount(actor, to);
  if (shownFrom === null || shownTo === null) return null;
  return shownCount(actor, Math.abs(to - from)) === null ? null : to - from;
}
