import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Actor } from './actor';
import { MunicipalityRepository } from '../municipalities/municipality.repository';

/** A counsellor acts within their own employment area; other roles are checked elsewhere. */
export async function requireCounsellorArea(
  manager: EntityManager,
  actor: Actor,
  municipalityCode: string,
  what: string,
): Promise<void> {
  if (actor.role !== 'counsellor') return;
  const area = await new MunicipalityRepository(manager).employmentAreaOf(municipalityCode);
  if (area === null || area !== actor.employmentArea) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `Counsellors manage ${what} of their own employment area only`,
    );
  }
}

/**
 * What a counsellor may change, by where it is: jobseekers by home municipality, employers by
 * their municipality, vacancies by the workplace, trainings by where they are held (an online
 * training held nowhere may be kept by any counsellor). Each write checks the record as it is
 * and, when moved, where it goes. Other roles are checked elsewhere.
 */
export async function requireCounsellorPlace(
  manager: EntityManager,
  actor: Actor,
  municipalityCode: string | null,
  what: 'jobseekers' | 'employers' | 'vacancies' | 'trainings',
): Promise<void> {
  if (municipalityCode === null && what === 'trainings') return;
  await requireCounsellorArea(manager, actor, municipalityCode ?? '', what);
}

/** The municipalities whose jobseekers a counsellor may see; null (no limit) for other roles. */
export async function counsellorMunicipalities(
  queryable: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  actor: Actor,
): Promise<Set<string> | null> {
  if (actor.role !== 'counsellor') return null;
  return new Set(
    await new MunicipalityRepository(queryable).codesInArea(actor.employmentArea ?? ''),
  );
}
