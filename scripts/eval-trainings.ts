/**
 * The training-suggestion evaluation (part of npm run eval): on a synthetic market drawn from the
 * taxonomy (ESCO_DIR, else the sample), for each jobseeker the training each method puts first,
 * and what that training does: the position-weighted score gain over the vacancies the person
 * nearly matches, and how many it brings to 0.6 or more. Methods: ours (rankTrainings), the
 * simple ratio (hits ÷ course size, hits being lacked skills that a near vacancy asks for) and a
 * random course. The ratio favours small courses that happen to overlap; the mean size of the
 * chosen course shows it.
 */
import path from 'node:path';
import {
  DEFAULT_MATCH_PARAMS,
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
  const totals = { ours: [0, 0, 0], ratio: [0, 0, 0], random: [0, 0, 0] } as Record<
    'ours' | 'ratio' | 'random',
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
    const outcome = (training: TrainingOffer | undefined) => {
      if (!training) return [0, 0, 0];
      const [effect] = rankTrainings(
        candidate,
        nearVacancies,
        [training],
        graph,
        DEFAULT_MATCH_PARAMS,
        WITHIN_REACH,
      );
      return [effect?.value ?? 0, effect?.broughtWithinReach ?? 0, training.skills.length];
    };
    const ours = rankTrainings(
      candidate,
      nearVacancies,
      trainings,
      graph,
      DEFAULT_MATCH_PARAMS,
      WITHIN_REACH,
    )[0];
    const byRatio = [...trainings].sort(
      (a, b) =>
        hitRatio(candidate, b, asked) - hitRatio(candidate, a, asked) || (a.id < b.id ? -1 : 1),
    )[0];
    const chosen = {
      ours: trainings.find((t) => t.id === ours?.trainingId),
      ratio: byRatio,
      random: trainings[Math.floor(random() * trainings.length)],
    };
    for (const method of ['ours', 'ratio', 'random'] as const) {
      outcome(chosen[method]).forEach((x, k) => (totals[method][k]! += x));
    }
  }
  console.log(
    `Training suggestions on ${process.env.ESCO_DIR ? `the full ESCO (${path.basename(dir)})` : 'the sample taxonomy'}: ${people} jobseekers with near vacancies, ${VACANCIES} vacancies, ${TRAININGS} courses`,
  );
  console.log(
    `  ${'method (first suggestion)'.padEnd(34)} ${'score gain'.padStart(11)} ${'brought ≥ 0.6'.padStart(14)} ${'course size'.padStart(12)}`,
  );
  for (const [method, label] of [
    ['ours', 'demand-weighted score gain (ours)'],
    ['ratio', 'hits ÷ course size'],
    ['random', 'a random course'],
  ] as const) {
    const [gain = 0, reached = 0, size = 0] = totals[method].map((x) => x / people);
    console.log(
      `  ${label.padEnd(34)} ${gain.toFixed(3).padStart(11)} ${reached.toFixed(2).padStart(14)} ${size.toFixed(1).padStart(12)}`,
    );
  }
}

main();
