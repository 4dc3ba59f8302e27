import { MatchParams, occupationWeight } from '../params';
import { VacancyProfile } from '../types';

/**
 * Slack added to every upper bound: the index adds the same numbers in another order than
 * scoreMatch, and a bound a rounding error too low would prune a result that belongs.
 */
export const BOUND_SLACK = 1e-9;

/**
 * The weight of the components other than skills and occupation that can be judged for this
 * vacancy (those the vacancy leaves undescribed never are). Each scores at most 1.
 */
export function restWeight(vacancy: VacancyProfile, params: MatchParams): number {
  let weight = params.locationWeight + params.conditionsWeight;
  if (vacancy.languages.length) weight += params.languagesWeight;
  if ((vacancy.minEducationLevel ?? 0) > 0) weight += params.educationWeight;
  if ((vacancy.minExperienceMonths ?? 0) > 0) weight += params.experienceWeight;
  return weight;
}

/**
 * The highest total a pair can reach with this skills component (null: not judged) and this
 * occupation fit (null: not judged), the rest at 1 and all judged. The total is a weighted
 * mean of the judged components, and adding a component that scores 1 never lowers a mean,
 * so this bounds every case. The occupation counts times the skills value (as in scoreMatch),
 * so the bound rises with the skills value: one taken on a skills bound is a bound.
 */
export function upperBound(
  skillsValue: number | null,
  occupationValue: number | null,
  params: MatchParams,
  rest: number,
): number {
  let weighted = rest;
  let weights = rest;
  if (skillsValue !== null) {
    weighted += params.skillsWeight * skillsValue;
    weights += params.skillsWeight;
  }
  if (occupationValue !== null) {
    const weight = occupationWeight(params);
    weighted += weight * occupationValue * (skillsValue ?? 1);
    weights += weight;
  }
  return (weights === 0 ? 1 : weighted / weights) + BOUND_SLACK;
}
