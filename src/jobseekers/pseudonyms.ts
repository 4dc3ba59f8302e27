/**
 * The pseudonyms that stand for a jobseeker where their id may not be shown. Each employer gets
 * its own: HMAC-SHA256 of the server's pseudonym secret over the employer's id and the
 * jobseeker's id, the first 12 base64url characters (72 bits). The same employer sees the same
 * pseudonym in every vacancy and request; two employers never see the same one for a person, so
 * they cannot link candidates across each other. Counsellors, administrators and the jobseeker
 * see a service-wide one, never shown to an employer.
 *
 * A pseudonym handed to an employer is recorded (EmployerPseudonymRepository, one statement a page),
 * so that when the employer names a candidate by it the server finds the person by a lookup. The
 * rows go with the jobseeker when they are erased.
 */
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { isUuid } from '../kernel/validation/validators';
import { EmployerPseudonymRepository } from './employer-pseudonym.repository';

/** Characters of a pseudonym (base64url, 6 bits each). */
export const PSEUDONYM_LENGTH = 12;
const PSEUDONYM_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${PSEUDONYM_LENGTH}}$`);

export class Pseudonyms {
  constructor(private readonly secret: string) {}

  /** The pseudonym this actor sees for a jobseeker. */
  of(actor: Actor | null, jobseekerId: string): string {
    return actor?.role === 'employer'
      ? this.forEmployer(actor.employerId ?? '', jobseekerId)
      : this.mac(jobseekerId);
  }

  /** An employer's own pseudonym of a jobseeker. */
  forEmployer(employerId: string, jobseekerId: string): string {
    // The NUL separators keep this input apart from the service-wide one (a bare id).
    return this.mac(`employer\u0000${employerId}\u0000${jobseekerId}`);
  }

  /**
   * The actor's pseudonyms of these jobseekers, in their order; handed to an employer, they are
   * recorded first (one statement for all), so that the employer can name them later.
   */
  async handOut(
    manager: EntityManager,
    actor: Actor | null,
    jobseekerIds: readonly string[],
  ): Promise<string[]> {
    // One HMAC per person: the recorded pseudonyms are the ones returned.
    const byId = new Map<string, string>();
    for (const id of jobseekerIds) if (!byId.has(id)) byId.set(id, this.of(actor, id));
    const employerId = actor?.role === 'employer' ? actor.employerId : undefined;
    if (employerId && isUuid(employerId) && byId.size)
      await new EmployerPseudonymRepository(manager).record(
        employerId,
        [...byId.keys()],
        [...byId.values()],
      );
    return jobseekerIds.map((id) => byId.get(id)!);
  }

  /** The jobseeker behind a pseudonym this employer was given, or null. */
  async resolve(
    manager: EntityManager,
    employerId: string,
    pseudonym: string,
  ): Promise<string | null> {
    if (!isUuid(employerId) || !PSEUDONYM_PATTERN.test(pseudonym)) return null;
    return new EmployerPseudonymRepository(manager).jobseekerOf(employerId, pseudonym);
  }

  private mac(message: string): string {
    return createHmac('sha256', this.secret)
      .update(message)
      .digest('base64url')
      .slice(0, PSEUDONYM_LENGTH);
  }
}

/**
 * The id an employer sees for a record about a jobseeker (an assessment): keyed per employer
 * like the pseudonyms, so that two employers cannot link a person through a shared id.
 */
export function employerScopedId(
  secret: string,
  employerId: string,
  kind: string,
  id: string,
): string {
  return createHmac('sha256', secret)
    .update(`${kind}\u0000employer\u0000${employerId}\u0000${id}`)
    .digest('base64url')
    .slice(0, 22);
}
