import { MatchParams } from './params';

/** The credit a claim at `proficiency` gets for a requirement at `required`, before evidence and recency. */
export function levelFactor(required: number, proficiency: number, params: MatchParams): number {
  return Math.max(0, 1 - params.levelShortfallPenalty * Math.max(0, required - proficiency));
}

/** Evidence and recency factors of a claim, as in scoreMatch, independent of the requirement. */
export function claimFactor(
  verified: boolean,
  experienceMonths: number | null,
  lastUsedYear: number | null,
  params: MatchParams,
): number {
  let factor =
    verified || (experienceMonths ?? 0) >= params.experienceEvidenceMonths
      ? 1
      : params.unverifiedCredit;
  if (lastUsedYear !== null) {
    const staleYears = params.currentYear - lastUsedYear - params.staleAfterYears;
    if (staleYears > 0)
      factor *= Math.max(params.stalenessFloor, 1 - params.stalenessPerYear * staleYears);
  }
  return factor;
}
