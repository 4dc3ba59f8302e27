/**
 * The audit rows of rankings served. A ranking reads the matching data of every person it lists,
 * so each person on the page gets a row, like any read; each row also carries what is needed to
 * compute the list again: the matching parameters' version, the change-feed position of the
 * index, and the question asked (field, ids, filter, page) with this person's place in it.
 */
import { Actor } from '../auth/actor';
import { Queryable } from '../matches/profile-loader';
import { AuditLogRepository } from './audit-log.repository';

/** Where a ranking was computed: which parameters, at which change-feed position. */
export interface RankingTrace {
  paramsVersion: string;
  matchChangeId: number;
}

/** Who asked, in which operation, for what purpose (counsellors may state one). */
export interface RankingRequester {
  actor: Actor;
  operation: string;
  purpose: string | null;
}

export interface RankingServed {
  field:
    | 'matchesForVacancy'
    | 'matchesForJobseeker'
    | 'explainMatch'
    | 'cohortAnalysis'
    | 'cohortReport';
  /** The question, without the actor: ids, filter, first, offset. */
  question: Record<string, unknown>;
  /** The people the answer is about, in the order served. */
  jobseekerIds: string[];
  /** The place of the first of them in the whole ranking (1-based). */
  firstPosition: number;
  trace: RankingTrace;
}

/** One statement, whatever the page size. No row when the answer names nobody. */
export async function recordRanking(
  db: Queryable,
  requester: RankingRequester,
  served: RankingServed,
): Promise<void> {
  if (served.jobseekerIds.length === 0) return;
  await new AuditLogRepository(db).recordRanking({
    reader: {
      actorId: requester.actor.id,
      actorRole: requester.actor.role,
      operation: `${requester.operation}: Query.${served.field}`,
      purpose: requester.purpose,
    },
    paramsVersion: served.trace.paramsVersion,
    matchChangeId: served.trace.matchChangeId,
    question: { field: served.field, ...served.question },
    jobseekerIds: served.jobseekerIds,
    firstPosition: served.firstPosition,
  });
}
