/**
 * Cohorts: a lay-off's people named as a group by a counsellor of their area, by ids, by the
 * employer that laid them off, or by a JSON Lines file of customer ids. Who reads a cohort in
 * full and who only as disclosure allows is decided here (`cohortAccess`).
 */
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { isValidBusinessId } from '../employers/business-id';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import { isUuid } from '../kernel/validation/validators';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { listFloor } from '../../matching';
import { RankingRequester, recordRanking } from '../audit/ranking-audit';
import { EXTERNAL_ROLES, MatchService } from '../matches/match.service';
import { Cohort, CohortSource } from './cohort.entity';
import { CohortAnalysis, CohortFigures } from './cohort-analysis';
import { CohortRepository } from './cohort.repository';

/** The most members a cohort holds: the area's largest lay-offs are in the hundreds. */
export const MAX_COHORT_MEMBERS = 2_000;
/** A customer-id file's most bytes (the API takes it as text). */
const MAX_FILE_CHARS = 200_000;
const MAX_NAME = 200;

export interface CreateCohortRequest {
  name: string;
  jobseekerIds?: string[] | null;
  employerBusinessId?: string | null;
  customerIdsJsonl?: string | null;
}

/** A line of a customer-id file that named nobody of the area; nothing is created for it. */
export interface UnknownLine {
  line: number;
  customerId: string | null;
  reason: string;
}

export interface CreatedCohort {
  cohort: Cohort;
  members: number;
  unknownLines: UnknownLine[];
  /** Laid off by the employer but living outside the area: their ids (shown only as a count). */
  elsewhereIds: string[];
}

/**
 * 'full': a counsellor of the cohort's area (who can list its people anyway): persons and exact
 * counts. 'aggregate': other readers, counts under disclosure control and no persons.
 */
export type CohortAccess = (typeof DOMAIN_VALUES.cohortAccess)[number];

export function cohortAccess(actor: Actor, cohort: Cohort): CohortAccess {
  return actor.role === 'counsellor' && actor.employmentArea === cohort.employmentArea
    ? 'full'
    : 'aggregate';
}

/** A cohort's analysis as one reader gets it, with what its texts need. */
export interface ReadAnalysis {
  cohort: Cohort;
  access: CohortAccess;
  figures: CohortFigures;
}

export class CohortService {
  private readonly analysis: CohortAnalysis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly matches: MatchService,
  ) {
    this.analysis = new CohortAnalysis(dataSource, matches);
  }

  /**
   * The cohort's analysis for the actor. It reads every member's matching data, so each member
   * gets an audit row (with the parameters' version and the index position, to reproduce it),
   * whatever the reader is shown.
   */
  async analyse(
    actor: Actor,
    cohortId: string,
    requester: Omit<RankingRequester, 'actor'>,
    field: 'cohortAnalysis' | 'cohortReport' = 'cohortAnalysis',
  ): Promise<ReadAnalysis> {
    const { cohort, access } = await this.get(actor, cohortId);
    const memberIds = await this.memberIds(cohort.id);
    const figures = await this.analysis.figures(cohort, memberIds, EXTERNAL_ROLES.has(actor.role));
    await recordRanking(
      this.dataSource,
      { actor, ...requester },
      {
        field,
        question: { cohortId: cohort.id },
        jobseekerIds: figures.memberIds,
        firstPosition: 1,
        trace: figures.trace,
      },
    );
    return { cohort, access, figures };
  }

  /** The list floor the analysis counts a match from. */
  get floor(): number {
    return listFloor(null, null, this.matches.params).minScore;
  }

  async create(actor: Actor, input: CreateCohortRequest): Promise<CreatedCohort> {
    const area = actor.role === 'counsellor' ? actor.employmentArea : undefined;
    if (!area)
      throw new DomainError(ErrorCode.FORBIDDEN, 'Counsellors create cohorts of their own area');
    const name = input.name.trim();
    if (!name || name.length > MAX_NAME)
      throw badInput('input.name', `must be 1 to ${MAX_NAME} characters`);
    const given = (['jobseekerIds', 'employerBusinessId', 'customerIdsJsonl'] as const).filter(
      (key) => input[key] != null,
    );
    if (given.length !== 1)
      throw badInput(
        'input',
        'name the members in exactly one way: jobseekerIds, employerBusinessId or customerIdsJsonl',
      );
    const repository = new CohortRepository(this.dataSource.manager);
    let source: CohortSource;
    let memberIds: string[];
    let unknownLines: UnknownLine[] = [];
    let elsewhereIds: string[] = [];
    if (input.jobseekerIds != null) {
      source = 'jobseekers';
      memberIds = await this.namedMembers(repository, input.jobseekerIds, area);
    } else if (input.employerBusinessId != null) {
      source = 'employer';
      const businessId = input.employerBusinessId.trim();
      if (!isValidBusinessId(businessId))
        throw badInput(
          'input.employerBusinessId',
          'must be a Finnish business ID such as 1234567-8',
        );
      const laidOff = await repository.laidOffBy(businessId, area);
      memberIds = laidOff.inArea;
      elsewhereIds = laidOff.elsewhere;
      if (!memberIds.length)
        throw badInput(
          'input.employerBusinessId',
          'no jobseeker of your area was laid off by this employer',
        );
    } else {
      source = 'customer_file';
      ({ memberIds, unknownLines } = await this.fileMembers(
        repository,
        input.customerIdsJsonl!,
        area,
      ));
    }
    if (memberIds.length > MAX_COHORT_MEMBERS)
      throw badInput(
        source === 'employer' ? 'input.employerBusinessId' : 'input.customerIdsJsonl',
        `names more than ${MAX_COHORT_MEMBERS} people: a cohort holds at most that many`,
      );
    const cohort = await this.dataSource.transaction((manager) =>
      new CohortRepository(manager).create(
        {
          name,
          employmentArea: area,
          source,
          employerBusinessId: source === 'employer' ? input.employerBusinessId!.trim() : null,
          createdBy: actor.id,
        },
        memberIds,
      ),
    );
    return { cohort, members: memberIds.length, unknownLines, elsewhereIds };
  }

  /** A cohort the actor may read (a counsellor of another area, an admin or an integrator: in aggregate). */
  async get(actor: Actor, id: string): Promise<{ cohort: Cohort; access: CohortAccess }> {
    const cohort = isUuid(id) ? await new CohortRepository(this.dataSource.manager).find(id) : null;
    if (!cohort) throw notFound('Cohort', id);
    return { cohort, access: cohortAccess(actor, cohort) };
  }

  /** Counsellors: their area's cohorts; others: every cohort. Newest first. */
  list(actor: Actor, first: number): Promise<Cohort[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'must be between 1 and 100');
    const area = actor.role === 'counsellor' ? (actor.employmentArea ?? '') : null;
    return new CohortRepository(this.dataSource.manager).list(area, first);
  }

  /** Its members who still live in its area (those who moved away leave its analysis). */
  async memberIds(cohortId: string): Promise<string[]> {
    return (await this.memberIdsOf([cohortId])).get(cohortId) ?? [];
  }

  memberIdsOf(cohortIds: readonly string[]): Promise<Map<string, string[]>> {
    return new CohortRepository(this.dataSource.manager).membersInArea(cohortIds);
  }

  /** Ids named one by one: each must be a jobseeker of the area (else nothing is created). */
  private async namedMembers(
    repository: CohortRepository,
    ids: string[],
    area: string,
  ): Promise<string[]> {
    if (!ids.length) throw badInput('input.jobseekerIds', 'must name at least one jobseeker');
    if (ids.length > MAX_COHORT_MEMBERS)
      throw badInput('input.jobseekerIds', `must name at most ${MAX_COHORT_MEMBERS} jobseekers`);
    ids.forEach((id, i) => {
      if (!isUuid(id)) throw badInput(`input.jobseekerIds[${i}]`, 'must be a jobseeker id (UUID)');
    });
    const found = await repository.inArea(ids, area);
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      // The same answer for one who does not exist and one of another area: ids cannot be probed.
      if (!found.has(id))
        throw badInput(`input.jobseekerIds[${i}]`, 'is not a jobseeker of your area');
      if (seen.has(id)) throw badInput(`input.jobseekerIds[${i}]`, 'is named twice');
      seen.add(id);
    });
    return [...seen];
  }

  /**
   * A JSON Lines file, one `{"customerId": "..."}` a line (blank lines and `//` comments
   * skipped): lines naming a jobseeker of the area become members; every other line is reported
   * with its number and why, and nothing is created for it.
   */
  private async fileMembers(
    repository: CohortRepository,
    text: string,
    area: string,
  ): Promise<{ memberIds: string[]; unknownLines: UnknownLine[] }> {
    if (text.length > MAX_FILE_CHARS)
      throw badInput('input.customerIdsJsonl', `must be at most ${MAX_FILE_CHARS} characters`);
    const lines: { line: number; customerId: string }[] = [];
    const unknownLines: UnknownLine[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const content = raw.trim();
      if (!content || content.startsWith('//')) return;
      const customerId = customerIdOf(content);
      if (typeof customerId === 'string') lines.push({ line: i + 1, customerId });
      else unknownLines.push({ line: i + 1, customerId: null, reason: customerId.reason });
    });
    const found = await repository.byCustomerIds(
      lines.map((l) => l.customerId),
      area,
    );
    const members = new Set<string>();
    for (const { line, customerId } of lines) {
      const id = found.get(customerId);
      if (!id)
        unknownLines.push({
          line,
          customerId,
          reason: 'no jobseeker of your area has this customer id',
        });
      else if (members.has(id))
        unknownLines.push({ line, customerId, reason: 'named on an earlier line' });
      else members.add(id);
    }
    unknownLines.sort((a, b) => a.line - b.line);
    if (!members.size) throw badInput('input.customerIdsJsonl', 'names no jobseeker of your area');
    return { memberIds: [...members], unknownLines };
  }
}

/** The customer id of one line, or why the line has none. */
function customerIdOf(line: string): string | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { reason: 'is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { reason: 'is not a JSON object' };
  const { customerId } = value as { customerId?: unknown };
  if (typeof customerId !== 'string' || !customerId.trim() || customerId.length > 100)
    return { reason: 'has no customerId (a text of at most 100 characters)' };
  return customerId.trim();
}
