/**
 * Which trainings would raise a jobseeker's match to real open vacancies the most: each
 * training's skills (at the level it reaches, as verified) are added to the profile and the
 * vacancies the person nearly matches are scored again, weighted by their open positions.
 * Unlike the share of a course's skills the person lacks, this does not favour small courses
 * that happen to overlap: a skill counts by what it does to real matches. A vacancy counts more
 * the nearer the person already is to it (one they could actually get, not a far-off one) and the
 * more its occupation is one they are heading for (their desired occupations), so a nurse is
 * offered what nursing vacancies lack before a course that nudges many unrelated ones.
 */
import { MatchParams } from './params';
import { occupationFit, scoreMatch } from './score';
import { SkillGraph } from './skill-graph';
import { CandidateProfile, SkillClaim, VacancyProfile } from './types';

export interface TrainingOffer {
  id: string;
  skills: { skillUri: string; levelReached: number }[];
}

export interface NearVacancy {
  profile: VacancyProfile;
  /** The person's score now. */
  score: number;
  /** Demand weight: open positions. */
  positions: number;
}

/** How the near vacancies are weighed when trainings are ranked (passed in; see DEFAULT_TRAINING_PARAMS). */
export interface TrainingParams {
  /**
   * Weight of a vacancy in a desired occupation relative to one in an occupation the person is
   * not heading for; a vacancy of the same ISCO unit group gets the share `sameIscoGroupCredit`
   * of the difference (see occupationFit). Range ≥ 1 (1: where the person is heading does not
   * matter); default 10: a nurse's nursing vacancy outweighs nine open positions in an
   * occupation she is not heading for. Without desired occupations every vacancy weighs 1.
   */
  headingWeight: number;
  /**
   * How steeply a vacancy counts less the further the person is from the threshold now: the
   * weight is min(1, score ÷ threshold) to this power. Range ≥ 0 (0: every near vacancy alike);
   * default 2, so a vacancy at half the threshold counts a quarter.
   */
  reachExponent: number;
}

export const DEFAULT_TRAINING_PARAMS: TrainingParams = { headingWeight: 10, reachExponent: 2 };

/** The desired occupation whose near vacancies a training raises most, and how many of them. */
export interface TrainingHeading {
  occupationUri: string;
  vacancies: number;
  /** Skills the training adds or raises that those vacancies ask for. */
  skillUris: string[];
}

export interface TrainingEffect {
  trainingId: string;
  /** Σ positions × heading weight × reach weight × score gain over the near vacancies. */
  value: number;
  /** Skills the training adds or raises that the near vacancies ask for. */
  closes: { skillUri: string; levelBefore: number | null; levelAfter: number }[];
  /** Vacancies whose score rises, before and after, best gain first. */
  raises: { vacancyId: string; before: number; after: number }[];
  /** Of those, how many cross the threshold. */
  broughtWithinReach: number;
  /** Null when it raises no vacancy of a desired occupation. */
  heading: TrainingHeading | null;
}

/** The weight of one near vacancy: its positions, where the person is heading, how near they are. */
export function nearVacancyWeight(
  candidate: CandidateProfile,
  vacancy: NearVacancy,
  params: MatchParams,
  threshold: number,
  trainingParams: TrainingParams,
): number {
  const fit = occupationFit(candidate, vacancy.profile, params) ?? 0;
  const heading = 1 + (trainingParams.headingWeight - 1) * fit;
  const reach = Math.min(1, vacancy.score / threshold) ** trainingParams.reachExponent;
  return vacancy.positions * heading * reach;
}

export function rankTrainings(
  candidate: CandidateProfile,
  near: NearVacancy[],
  trainings: TrainingOffer[],
  graph: SkillGraph,
  params: MatchParams,
  threshold: number,
  trainingParams: TrainingParams = DEFAULT_TRAINING_PARAMS,
): TrainingEffect[] {
  const held = new Map(candidate.skills.map((c) => [c.skillUri, c]));
  const asked = new Set(near.flatMap((v) => v.profile.skills.map((s) => s.skillUri)));
  const weights = near.map((v) =>
    nearVacancyWeight(candidate, v, params, threshold, trainingParams),
  );
  const desired = new Set(candidate.desiredOccupationUris);
  const effects: TrainingEffect[] = [];
  for (const training of trainings) {
    const raised = skillsRaised(held, training);
    if (!raised.length) continue;
    const after = withTraining(candidate, raised, params.currentYear);
    let value = 0;
    let reached = 0;
    const raises: TrainingEffect['raises'] = [];
    const byOccupation = new Map<string, NearVacancy[]>();
    near.forEach((v, i) => {
      const score = scoreMatch(after, v.profile, graph, params);
      const gain = score.total - v.score;
      if (gain <= 1e-9) return;
      value += weights[i]! * gain;
      raises.push({ vacancyId: v.profile.id, before: v.score, after: score.total });
      if (v.score < threshold && score.total >= threshold) reached++;
      const occupation = v.profile.occupationUri;
      if (occupation && desired.has(occupation))
        byOccupation.set(occupation, [...(byOccupation.get(occupation) ?? []), v]);
    });
    if (value <= 0) continue;
    raises.sort(
      (a, b) => b.after - b.before - (a.after - a.before) || (a.vacancyId < b.vacancyId ? -1 : 1),
    );
    effects.push({
      trainingId: training.id,
      value,
      closes: raised
        .filter((s) => asked.has(s.skillUri))
        .map((s) => ({
          skillUri: s.skillUri,
          levelBefore: held.get(s.skillUri)?.proficiency ?? null,
          levelAfter: s.levelReached,
        })),
      raises,
      broughtWithinReach: reached,
      heading: headingOf(byOccupation, raised),
    });
  }
  return effects.sort((a, b) => b.value - a.value || (a.trainingId < b.trainingId ? -1 : 1));
}

/** The desired occupation with the most raised vacancies (then by URI), with the skills they ask for. */
function headingOf(
  byOccupation: Map<string, NearVacancy[]>,
  raised: TrainingOffer['skills'],
): TrainingHeading | null {
  const [best] = [...byOccupation].sort(
    ([a, va], [b, vb]) => vb.length - va.length || (a < b ? -1 : 1),
  );
  if (!best) return null;
  const [occupationUri, vacancies] = best;
  const asked = new Set(vacancies.flatMap((v) => v.profile.skills.map((s) => s.skillUri)));
  return {
    occupationUri,
    vacancies: vacancies.length,
    skillUris: raised.filter((s) => asked.has(s.skillUri)).map((s) => s.skillUri),
  };
}

/** The training's skills the person lacks or holds below the level the training reaches. */
export function skillsRaised(
  held: ReadonlyMap<string, SkillClaim>,
  training: TrainingOffer,
): TrainingOffer['skills'] {
  return training.skills.filter((s) => (held.get(s.skillUri)?.proficiency ?? 0) < s.levelReached);
}

/**
 * The profile as it would be after the training: the raised skills (see `skillsRaised`) at the
 * level it reaches, verified, last used in `year`; everything else as before.
 */
export function withTraining(
  candidate: CandidateProfile,
  raised: TrainingOffer['skills'],
  year: number,
): CandidateProfile {
  const skills = new Map<string, SkillClaim>(candidate.skills.map((c) => [c.skillUri, c]));
  for (const s of raised) {
    const before = skills.get(s.skillUri);
    skills.set(s.skillUri, {
      skillUri: s.skillUri,
      proficiency: s.levelReached,
      verified: true,
      experienceMonths: before?.experienceMonths ?? null,
      lastUsedYear: year,
    });
  }
  return { ...candidate, skills: [...skills.values()] };
}

/**
 * The baseline the evaluation compares with: hits ÷ course size, where a hit is a course skill
 * the person lacks that a near vacancy asks for. It favours small courses that happen to overlap.
 */
export function hitRatio(
  candidate: CandidateProfile,
  training: TrainingOffer,
  asked: ReadonlySet<string>,
): number {
  const held = new Set(candidate.skills.map((c) => c.skillUri));
  const hits = training.skills.filter((s) => !held.has(s.skillUri) && asked.has(s.skillUri)).length;
  return training.skills.length ? hits / training.skills.length : 0;
}
