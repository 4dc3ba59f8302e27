import { MatchParams } from '../params';
import { VacancyProfile } from '../types';

/**
 * Slack added to every upper bound: the index adds the same numbers in another order than
 * scoreMatch, and a bound a rounding error too low would prune a result that belongs.
 */
export const BOUND_SLACK = 1e-9;

/**
 * The weight of the components other than skills that can be judged for this vacancy (those
 * the vacancy leaves undescribed never are). Each scores at most 1.
 */
export function otherComponentsWeight(vacancy: VacancyProfile, params: MatchParams): number {
  let weight = params.locationWeight + params.conditionsWeight;
  if (vacancy.occupationUri) weight += params.occupationWeight;
  if (vacancy.languages.length) weight += params.languagesWeight;
  if ((vacancy.minEducationLevel ?? 0) > 0) weight += params.educationWeight;
  if ((vacancy.minExperienceMonths ?? 0) > 0) weight += params.experienceWeight;
  return weight;
}

/**
 * The highest total a pair can reach when its skills component is `skillValue`: the other
 * components at 1 and all judged. With skills judged, the total is a weighted mean of the
 * components, and adding a component that scores 1 never lowers it, so this bounds every case.
 * A vacancy without skill requirements is bounded by 1.
 */
export function upperBound(
  skillValue: number,
  skillsJudged: boolean,
  skillsWeight: number,
  otherWeight: number,
): number {
  if (!skillsJudged || skillsWeight + otherWeight === 0) return 1 + BOUND_SLACK;
  return (skillsWeight * skillValue + otherWeight) / (skillsWeight + otherWeight) + BOUND_SLACK;
}
