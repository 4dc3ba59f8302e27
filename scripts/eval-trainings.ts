/**
 * The training-suggestion evaluation (part of npm run eval): on a synthetic market drawn from the
 * taxonomy (ESCO_DIR, else the sample), for each jobseeker the training each method puts first,
 * and what that training does: the position-weighted score gain over the vacancies the person
 * nearly matches, and how many it brings to 0.6 or more. Methods: ours (rankTrainings), the
 * simple ratio (hits ÷ course size, hits being lacked skills that a near vacancy asks for) and a
 * random course. The ratio favours small courses that happen to overlap; the mean size of the
 * chosen course shows it. "as desired" is the score gain over the near vacancies of the
 * person's desired occupation alone: where they are heading. "ours, positions only" is the ranking
 * before it weighed where the person is heading and how near each vacancy is.
 */
import path from 'node:path';
import {
  DEFAULT_MATCH_PARAMS,
  DEFAULT_TRAINING_PARAMS,
  hitRatio,
  rankTrainings,
  skillGraphOf,
  TrainingOffer,
  VacancyIndex,
} from '../matching';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { Population } from '../bench/population';
import { seededRandom } from '../matching/evaluation/generate';

const PEOPLE = 200;
const VACANCIES = 3000;
const TRAININGS = 300;
const WITHIN_REACH = 0.6;
/** Every near vacancy weighed by its positions alone: the score gain as first measured. */
const POSITIONS_ONLY = { headingWeight: 1, reachExponent: 0 };
const METHODS = ['ours', 'before', 'ratio', 'random'] as const;

function main(): void {
  const dir = process.env.ESCO_DIR ?? SAMPLE_TAXONOMY_DIR;
  const view = readTaxonomyView(dir);
  const graph = skillGraphOf(view);
  const population = new Population(view, 11);
  const random = seededRandom(11);
  const vacancies = Array.from({ length: VACANCIES }, (_, i) => population.vacancy(`v${i}`));
  const index = VacancyIndex.build(graph, vacancies, DEFAULT_MATCH_PARAMS);
  const occupations = [...view.essentialOf.keys()].filter(
    (o) => (view.essentialOf.get(o) ?? []).length >= 4,
  );
  // Courses teach part of an occupation's essential skills, from 2 to 12 of them.
  const trainings: TrainingOffer[] = Array.from({ length: TRAININGS }, (_, i) => {
    const skills = [
      ...view.essentialOf.get(occupations[Math.floor(random() * occupations.length)]!)!,
    ]
      .sort(() => random() - 0.5)
      .slice(0, 2 + Math.floor(random() * 11));
    return {
      id: `t${String(i).padStart(3, '0')}`,
      skills: skills.map((skillUri) => ({ skillUri, levelReached: 3 })),
    };
  });
  const totals = Object.fromEntries(METHODS.map((m) => [m, [0, 0, 0, 0]])) as Record<
    (typeof METHODS)[number],
    number[]
  >;
  let people = 0;
  for (let i = 0; i < PEOPLE; i++) {
    const candidate = population.person(`p${i}`, 12).profile;
    const near = index
      .rank(candidate, { k: 50, minScore: 0.3, includeNearMisses: false })
      .matches.filter((m) => m.score.total < 1);
    if (!near.length) continue;
    people++;
    const nearVacancies = near.map((m) => ({
      profile: vacancies.find((v) => v.profile.id === m.score.vacancyId)!.profile,
      score: m.score.total,
      positions: 1,
    }));
    const asked = new Set(nearVacancies.flatMap((v) => v.profile.skills.map((s) => s.skillUri)));
    const desired = new Set(candidate.desiredOccupationUris);
    const asDesired = nearVacancies.filter((v) => desired.has(v.profile.occupationUri ?? ''));
    const gainOver = (vs: typeof nearVacancies, training: TrainingOffer) =>
      rankTrainings(
        candidate,
        vs,
        [training],
        graph,
        DEFAULT_MATCH_PARAMS,
        WITHIN_REACH,
        POSITIONS_ONLY,
      )[0];
    const outcome = (training: TrainingOffer | undefined) => {
      if (!training) return [0, 0, 0, 0];
      const effect = gainOver(nearVacancies, training);
      return [
        effect?.value ?? 0,
        effect?.broughtWithinReach ?? 0,
        training.skills.length,
        asDesired.length ? (gainOver(asDesired, training)?.value ?? 0) : 0,
      ];
    };
    const rank = (trainingParams = DEFAULT_TRAINING_PARAMS) =>
      rankTrainings(
        candidate,
        nearVacancies,
        trainings,
        graph,
        DEFAULT_MATCH_PARAMS,
        WITHIN_REACH,
        trainingParams,
      )[0];
    const ours = rank();
    const before = rank(POSITIONS_ONLY);
    const byRatio = [...trainings].sort(
      (a, b) =>
        hitRatio(candidate, b, asked) - hitRatio(candidate, a, asked) || (a.id < b.id ? -1 : 1),
    )[0];
    const chosen = {
      ours: trainings.find((t) => t.id === ours?.trainingId),
      before: trainings.find((t) => t.id === before?.trainingId),
      ratio: byRatio,
      random: trainings[Math.floor(random() * trainings.length)],
    };
    for (const method of METHODS) {
      outcome(chosen[method]).forEach((x, k) => (totals[method][k]! += x));
    }
  }
  console.log(
    `Training suggestions on ${process.env.ESCO_DIR ? `the full ESCO (${path.basename(dir)})` : 'the sample taxonomy'}: ${people} jobseekers with near vacancies, ${VACANCIES} vacancies, ${TRAININGS} courses`,
  );
  console.log(
    `  ${'method (first suggestion)'.padEnd(34)} ${'score gain'.padStart(11)} ${'brought ≥ 0.6'.padStart(14)} ${'course size'.padStart(12)} ${'as desired'.padStart(11)}`,
  );
  for (const [method, label] of [
    ['ours', 'heading- and reach-weighted (ours)'],
    ['before', 'ours, positions only'],
    ['ratio', 'hits ÷ course size'],
    ['random', 'a random course'],
  ] as const) {
    const [gain = 0, reached = 0, size = 0, desired = 0] = totals[method].map((x) => x / people);
    console.log(
      `  ${label.padEnd(34)} ${gain.toFixed(3).padStart(11)} ${reached.toFixed(2).padStart(14)} ${size.toFixed(1).padStart(12)} ${desired.toFixed(3).padStart(11)}`,
    );
  }
}

main();
