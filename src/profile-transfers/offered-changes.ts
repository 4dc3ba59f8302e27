/**
 * The changes an imported Job Market Finland profile offers a jobseeker's matching data, and
 * the rule by which confirming the draft applies them: additions only. A value the jobseeker
 * does not have is added (a language, a licence, a desired occupation or skill); a value that
 * differs from what they have (a language at another level) is a conflict, reported and left as
 * it is, as the importer leaves a record changed through the API; nothing is removed. Preferred
 * municipalities and regions are shown but not applied: Osaamo's place rule is the commute from
 * home (MatchParams.defaultCommuteKm), which has no list of municipalities to fill.
 */
import { EntityManager } from 'typeorm';
import { SpokenLevel } from '../../matching/cefr';
import { changedThroughApi } from '../db/change-origin';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
import { JOBSEEKER_LIST_LIMITS } from '../kernel/validation/records/jobseeker.schema';
import { AppliedChanges, OfferedChanges } from './profile-transfer.report';
import { ProfileTransferRepository } from './profile-transfer.repository';

export interface CurrentMatchingData {
  desiredOccupationUris: string[];
  desiredSkillUris: string[];
  licences: string[];
  languages: Map<string, SpokenLevel>;
}

/** What applying `offered` to `current` gives: the new values, and what was added or conflicts. Pure. */
export function planOfferedChanges(
  current: CurrentMatchingData,
  offered: OfferedChanges,
  at: Date,
): { next: CurrentMatchingData; applied: AppliedChanges } {
  const added: string[] = [];
  const conflicts: string[] = [];
  const union = (have: string[], offer: string[], label: string, limit: number) => {
    const result = [...have];
    for (const value of offer)
      if (result.includes(value)) continue;
      else if (result.length >= limit)
        conflicts.push(`${label} ${value}: the jobseeker has the most there may be (${limit})`);
      else {
        result.push(value);
        added.push(`${label} ${value}`);
      }
    return result;
  };
  const languages = new Map(current.languages);
  for (const { language, level } of offered.languages) {
    const has = languages.get(language);
    if (has === undefined && languages.size >= JOBSEEKER_LIST_LIMITS.languages)
      conflicts.push(`language ${language} ${level}: the jobseeker has the most there may be`);
    else if (has === undefined) {
      languages.set(language, level);
      added.push(`language ${language} ${level}`);
    } else if (has !== level)
      conflicts.push(`language ${language}: has ${has}, the profile says ${level}`);
  }
  const next: CurrentMatchingData = {
    desiredOccupationUris: union(
      current.desiredOccupationUris,
      offered.desiredOccupationUris,
      'desired occupation',
      JOBSEEKER_LIST_LIMITS.desiredOccupations,
    ),
    desiredSkillUris: union(
      current.desiredSkillUris,
      offered.desiredSkillUris,
      'desired skill',
      JOBSEEKER_LIST_LIMITS.desiredSkills,
    ),
    licences: union(current.licences, offered.licences, 'licence', JOBSEEKER_LIST_LIMITS.licences),
    languages,
  };
  const notApplicable = [
    ...offered.preferredMunicipalityCodes.map((code) => `preferred municipality ${code}`),
    ...offered.preferredRegionCodes.map((code) => `preferred region ${code}`),
  ];
  return { next, applied: { at: at.toISOString(), added, conflicts, notApplicable } };
}

/**
 * Applies the offered changes of the import that brought this draft, inside the confirming
 * transaction, and records what was done on the transfer. Nothing for a draft of own words.
 */
export async function applyOfferedChanges(
  manager: EntityManager,
  assessmentId: string,
): Promise<AppliedChanges | null> {
  const transfers = new ProfileTransferRepository(manager);
  const transfer = await transfers.importOf(assessmentId);
  if (!transfer || transfer.report?.kind !== 'import') return null;
  const jobseekers = new JobseekerRepository(manager);
  const [jobseeker] = await jobseekers.byIds([transfer.jobseekerId]);
  if (!jobseeker) return null;
  const languages = await jobseekers.languagesOf([jobseeker.id]);
  const { next, applied } = planOfferedChanges(
    {
      desiredOccupationUris: jobseeker.desiredOccupationUris,
      desiredSkillUris: jobseeker.desiredSkillUris,
      licences: jobseeker.licences,
      languages: new Map(languages.map((l) => [l.language, l.level])),
    },
    transfer.report.offered,
    new Date(),
  );
  if (applied.added.length > 0) {
    Object.assign(
      jobseeker,
      {
        desiredOccupationUris: next.desiredOccupationUris,
        desiredSkillUris: next.desiredSkillUris,
        licences: next.licences,
      },
      changedThroughApi(),
    );
    await jobseekers.save(jobseeker);
    if (next.languages.size !== languages.length)
      await jobseekers.replaceLanguages(jobseeker.id, next.languages);
  }
  await transfers.recordApplied(transfer.id, { ...transfer.report, applied });
  return applied;
}
