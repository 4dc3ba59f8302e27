/**
 * Which trainings would raise a jobseeker's match to real open vacancies the most: each
 * training's skills (at the level it reaches, as verified) are added to the profile and the
 * vacancies the person nearly matches are scored again, weighted by their open positions.
 * Unlike the share of a course's skills the person lacks, this does not favour small courses
 * that happen to overlap: a skill counts by what it does to real matches.
 */
import { MatchParams } from './params';
import { scoreMatch } from './score';
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

export interface TrainingEffect {
  trainingId: string;
  /** Σ positions × score gain over the near vacancies. */
  value: number;
  /** Skills the training adds or raises that the near vacancies ask for. */
  closes: { skillUri: string; levelBefore: number | null; levelAfter: number }[];
  /** Vacancies whose score rises, before and after, best gain first. */
  raises: { vacancyId: string; before: number; after: number }[];
  /** Of those, how many cross the threshold. */
  broughtWithinReach: number;
}

export function rankTrainings(
  candidate: CandidateProfile,
  near: NearVacancy[],
  trainings: TrainingOffer[],
  graph: SkillGraph,
  params: MatchParams,
  threshold: number,
): TrainingEffect[] {
  const held = new Map(candidate.skills.map((c) => [c.skillUri, c]));
  const asked = new Set(near.flatMap((v) => v.profile.skills.map((s) => s.skillUri)));
  const effects: TrainingEffect[] = [];
  for (const training of trainings) {
    const raised = training.skills.filter(
      (s) => (held.get(s.skillUri)?.proficiency ?? 0) < s.levelReached,
    );
    if (!raised.length) continue;
    const after = withTraining(candidate, raised, params.currentYear);
    let value = 0;
    let reached = 0;
    const raises: TrainingEffect['raises'] = [];
    for (const v of near) {
      const score = scoreMatch(after, v.profile, graph, params);
      const gain = score.total - v.score;
      if (gain <= 1e-9) continue;
      value += v.positions * gain;
      raises.push({ vacancyId: v.profile.id, before: v.score, after: score.total });
      if (v.score < threshold && score.total >= threshold) reached++;
    }
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
    });
  }
  return effects.sort((a, b) => b.value - a.value || (a.trainingId < b.trainingId ? -1 : 1));
}

/** The profile as it would be after the training: its skills at the level it reaches, verified. */
function withTraining(
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
