/**
 * Competence profiles between Osaamo and Job Market Finland, each transfer under one permit the
 * jobseeker grants on Job Market Finland's own page.
 *
 * The flow: a counsellor (stating a purpose) or the jobseeker starts a transfer (start) and gets
 * the permit page's address; the person signs in there and grants or refuses; the page sends
 * the browser back to Osaamo's one plain HTTP route (callback-route.ts), which hands the query
 * to complete. The profile carries no identifier of the person, so the transfer is bound to its
 * jobseeker by `state` alone: random, 256 bits, stored only as its SHA-256, taken once (claim
 * moves the row out of awaiting_permit in the same statement), good for ten minutes, and bound
 * to the actor, the jobseeker and the purpose recorded with it.
 *
 * Import (P60) reads the profile once and stores it as a draft assessment with provenance per
 * skill (profile-import-mapping.ts); nothing changes a match until the draft is confirmed,
 * which also applies the offered changes (offered-changes.ts). Export (P51) sends the confirmed
 * assessment chosen at the start (profile-export-mapping.ts) and records what was left out.
 *
 * Nothing here logs a code, token, state or any of the profile: log lines carry the transfer's
 * id, direction and error codes only.
 */
import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { MatchParams } from '../../matching/params';
import { AuditLogRepository } from '../audit/audit-log.repository';
import {
  TmtAccessToken,
  TmtProfileClient,
  TmtProfileError,
  TmtProfileErrorCode,
} from '../external/tmt-profile/tmt-profile-client';
import {
  mapImportedProfile,
  ProfileTaxonomy,
} from '../external/tmt-profile/profile-import-mapping';
import { buildExportProfile } from '../external/tmt-profile/profile-export-mapping';
import type {
  ExportSource,
  ImportedProfile,
  ProfileSection,
} from '../external/tmt-profile/profile-transfer.types';
import { TmtLanguage, TmtProfileRead } from '../../fixtures/external/tmt-profile.contract';
import {
  AccessContext,
  AssessmentDraftService,
  DraftSkill,
  MAX_DRAFT_SKILLS,
} from '../jobseekers/assessment-draft.service';
import { AssessedSkillRepository } from '../jobseekers/assessed-skill.repository';
import { CompetenceAssessmentRepository } from '../jobseekers/competence-assessment.repository';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
import { DomainError, ErrorCode, badInput, notFound } from '../kernel/errors/domain-error';
import { isUuid } from '../kernel/validation/validators';
import { log } from '../kernel/logger';
import { ProfileTransfer, TransferDirection } from './profile-transfer.entity';
import { ExportReport, ImportReport } from './profile-transfer.report';
import { ProfileTransferRepository } from './profile-transfer.repository';

/** How long a permit may take to come back. */
export const PERMIT_LIFETIME_MS = 10 * 60_000;
/** Transfers awaiting a permit at once, per jobseeker. */
export const MAX_OPEN_TRANSFERS = 3;
/** The purpose recorded when the jobseeker starts a transfer themself. */
export const OWN_TRANSFER_PURPOSE = "the jobseeker's own transfer";
/** The audit log's operation for each direction's transfer of data. */
export const TRANSFER_OPERATION: Record<TransferDirection, string> = {
  import: 'jobMarketFinlandProfileImport',
  export: 'jobMarketFinlandProfileExport',
};

/** One registration's client per direction; null where the direction is switched off. */
export interface TmtClients {
  import: TmtProfileClient | null;
  export: TmtProfileClient | null;
}

/** How a callback ended, for the page the person sees. */
export type CallbackOutcome = 'completed' | 'refused' | 'failed' | 'expired' | 'used' | 'unknown';

export interface CallbackResult {
  outcome: CallbackOutcome;
  direction: TransferDirection | null;
  language: TmtLanguage;
  /** Import: whether a draft was made (a profile naming no known skill makes none). */
  draftMade?: boolean;
}

export class ProfileTransferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly drafts: AssessmentDraftService,
    private readonly clients: TmtClients,
    private readonly params: () => Pick<MatchParams, 'unlevelledClaimLevel' | 'currentYear'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Which directions are configured. */
  get enabled(): Record<TransferDirection, boolean> {
    return { import: this.clients.import !== null, export: this.clients.export !== null };
  }

  /**
   * Starts a transfer: checks access (audited), records the transfer with the hash of a fresh
   * state, and returns the permit page's address. For an export, the assessment sent is fixed
   * now: the given one, or the jobseeker's active one; it must be confirmed.
   */
  async start(
    ctx: AccessContext,
    jobseekerId: string,
    direction: TransferDirection,
    language: TmtLanguage,
    assessmentId: string | null = null,
  ): Promise<{ transfer: ProfileTransfer; permitUrl: string }> {
    const client = this.clients[direction];
    if (!client)
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `Job Market Finland profile ${direction} is not configured here (OSAAMO_TMT_${direction.toUpperCase()})`,
        { field: 'direction', reason: 'not configured' },
      );
    const actor = await this.drafts.requireAccess(ctx, jobseekerId, () =>
      notFound('Jobseeker', jobseekerId),
    );
    const exported =
      direction === 'export' ? await this.assessmentToExport(jobseekerId, assessmentId) : null;
    const state = crypto.randomBytes(32).toString('base64url');
    const now = this.now();
    const transfer = await this.dataSource.transaction(async (manager) => {
      await new JobseekerRepository(manager).lock(jobseekerId);
      const transfers = new ProfileTransferRepository(manager);
      if ((await transfers.openCount(jobseekerId, now)) >= MAX_OPEN_TRANSFERS)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The jobseeker has ${MAX_OPEN_TRANSFERS} transfers awaiting a permit: let one finish or expire (10 minutes) first`,
          { field: 'jobseekerId', reason: 'too many open transfers' },
        );
      return transfers.create({
        jobseekerId,
        direction,
        purpose: actor.role === 'jobseeker' ? (ctx.purpose ?? OWN_TRANSFER_PURPOSE) : ctx.purpose!,
        actorId: actor.id,
        actorRole: actor.role,
        stateHash: hashState(state),
        language,
        startedAt: now,
        expiresAt: new Date(now.getTime() + PERMIT_LIFETIME_MS),
        assessmentId: exported,
      });
    });
    return { transfer, permitUrl: client.permitUrl(state, language) };
  }

  /**
   * The permit page's answer (the callback's query). Finds the transfer by state alone, takes
   * it once, and runs it. Never throws for the service's faults: they end the transfer as
   * failed, and the person is told.
   */
  async complete(query: URLSearchParams): Promise<CallbackResult> {
    const state = query.get('state');
    if (!state || state.length > 512)
      return { outcome: 'unknown', direction: null, language: 'fi' };
    const stateHash = hashState(state);
    const transfers = new ProfileTransferRepository(this.dataSource.manager);
    const transfer = await transfers.claim(stateHash, this.now());
    if (!transfer) {
      const known = await transfers.byStateHash(stateHash);
      if (!known) return { outcome: 'unknown', direction: null, language: 'fi' };
      const expired = known.status === 'awaiting_permit' || known.status === 'expired';
      return {
        outcome: expired ? 'expired' : 'used',
        direction: known.direction,
        language: known.language as TmtLanguage,
      };
    }
    const result = { direction: transfer.direction, language: transfer.language as TmtLanguage };
    try {
      const { code } = TmtProfileClient.readCallback(query);
      const client = this.clients[transfer.direction];
      if (!client)
        throw new TmtProfileError(TmtProfileErrorCode.SERVICE_ERROR, 'direction switched off');
      const token = await client.exchangeCode(code);
      if (transfer.direction === 'import') {
        const draftMade = await this.importProfile(transfer, client, token);
        return { ...result, outcome: 'completed', draftMade };
      }
      await this.exportProfile(transfer, client, token);
      return { ...result, outcome: 'completed' };
    } catch (error) {
      const refused =
        error instanceof TmtProfileError && error.extra.oauthError === 'access_denied';
      const outcome = outcomeOf(error);
      await transfers.finish(transfer.id, refused ? 'refused' : 'failed', { outcome });
      log.warn('profile_transfer_not_completed', {
        transferId: transfer.id,
        direction: transfer.direction,
        outcome,
      });
      if (!(error instanceof TmtProfileError) && !(error instanceof DomainError))
        log.error('profile_transfer_error', {
          transferId: transfer.id,
          error: (error as Error)?.name ?? 'unknown',
        });
      return { ...result, outcome: refused ? 'refused' : 'failed' };
    }
  }

  /**
   * Each jobseeker's transfers, newest first (at most `limit` each), for those the actor may
   * see: the jobseeker and counsellors of their area stating a purpose. Audited.
   */
  async transfersOf(
    ctx: AccessContext,
    jobseekerIds: string[],
    limit = 20,
  ): Promise<Map<string, ProfileTransfer[]>> {
    const allowed = await this.drafts.readable(ctx, jobseekerIds);
    const result = new Map<string, ProfileTransfer[]>();
    const rows = await new ProfileTransferRepository(this.dataSource.manager).ofJobseekers(
      [...allowed],
      limit,
    );
    for (const row of rows)
      result.set(row.jobseekerId, [...(result.get(row.jobseekerId) ?? []), row]);
    return result;
  }

  /** The imports that brought these drafts or assessments, by assessment id (no access check: the caller's). */
  async importsOf(assessmentIds: readonly string[]): Promise<Map<string, ProfileTransfer>> {
    const rows = await new ProfileTransferRepository(this.dataSource.manager).importsOf(
      assessmentIds,
    );
    return new Map(rows.map((r) => [r.assessmentId!, r]));
  }

  /** Marks transfers whose permit never came back; for the periodic jobs. */
  expireStale(): Promise<number> {
    return new ProfileTransferRepository(this.dataSource.manager).expire(this.now());
  }

  // --- Import (P60) ---

  /** Reads the profile and stores it as a draft with the transfer's record; false if no draft. */
  private async importProfile(
    transfer: ProfileTransfer,
    client: TmtProfileClient,
    token: TmtAccessToken,
  ): Promise<boolean> {
    const profile = await client.readProfile(token);
    const now = this.now();
    const imported = mapImportedProfile(profile, await this.knownUris(profile), this.params(), {
      today: now.toISOString().slice(0, 10),
    });
    // The strongest-supported claims first when a profile names more than a draft may hold.
    const kept = [...imported.skills]
      .sort((a, b) => b.support.length - a.support.length || (a.skillUri < b.skillUri ? -1 : 1))
      .slice(0, MAX_DRAFT_SKILLS);
    const leftOut = imported.skills
      .filter((s) => !kept.includes(s))
      .map((s) => `skill ${s.skillUri}: a draft holds at most ${MAX_DRAFT_SKILLS} skills`);
    const report = importReport(imported, kept.length, leftOut);
    const profileModifiedAt = imported.profileLastModified
      ? new Date(imported.profileLastModified)
      : null;
    const record = async (manager: EntityManager, assessmentId: string | null) => {
      await new ProfileTransferRepository(manager).finish(transfer.id, 'completed', {
        assessmentId,
        profileModifiedAt,
        report,
      });
      await this.auditTransfer(manager, transfer);
    };
    if (kept.length === 0) {
      await this.dataSource.transaction((manager) => record(manager, null));
      return false;
    }
    await this.drafts.writeDraft(
      { id: transfer.actorId },
      transfer.jobseekerId,
      'job_market_finland',
      kept.map(draftSkillOf),
      (manager, draft) => record(manager, draft.id),
    );
    return true;
  }

  /** Which of the profile's ESCO URIs Osaamo's taxonomy holds, as skills and as occupations. */
  private async knownUris(profile: TmtProfileRead): Promise<ProfileTaxonomy> {
    const uris = [...escoUris(profile)];
    const [skills, occupations]: [{ uri: string }[], { uri: string }[]] = uris.length
      ? await Promise.all([
          this.dataSource.query(`SELECT uri FROM esco_skill WHERE uri = ANY($1)`, [uris]),
          this.dataSource.query(`SELECT uri FROM esco_occupation WHERE uri = ANY($1)`, [uris]),
        ])
      : [[], []];
    const skillSet = new Set(skills.map((r) => r.uri));
    const occupationSet = new Set(occupations.map((r) => r.uri));
    return { isSkill: (uri) => skillSet.has(uri), isOccupation: (uri) => occupationSet.has(uri) };
  }

  // --- Export (P51) ---

  /** The confirmed assessment an export sends: the one given, else the active one. */
  private async assessmentToExport(
    jobseekerId: string,
    assessmentId: string | null,
  ): Promise<string> {
    const assessments = new CompetenceAssessmentRepository(this.dataSource.manager);
    if (assessmentId !== null) {
      const found = isUuid(assessmentId) ? await assessments.byId(assessmentId) : null;
      if (!found || found.jobseekerId !== jobseekerId)
        throw badInput('assessmentId', 'is not an assessment of this jobseeker');
      if (found.state !== 'confirmed')
        throw badInput('assessmentId', 'is a draft: confirm it before it is exported');
      return found.id;
    }
    const [active] = await assessments.activeOf([jobseekerId]);
    if (!active)
      throw badInput('jobseekerId', 'has no confirmed assessment to export: confirm one first');
    return active.id;
  }

  private async exportProfile(
    transfer: ProfileTransfer,
    client: TmtProfileClient,
    token: TmtAccessToken,
  ): Promise<void> {
    const source = transfer.assessmentId ? await this.exportSource(transfer) : null;
    if (!source)
      throw new DomainError(ErrorCode.CONFLICT, 'the assessment to export is gone', {
        reason: 'ASSESSMENT_GONE',
      });
    const { profile, leftOut } = buildExportProfile(source);
    await client.writeProfile(token, profile);
    const report: ExportReport = { kind: 'export', sentSkills: source.skills.length, leftOut };
    await this.dataSource.transaction(async (manager) => {
      await new ProfileTransferRepository(manager).finish(transfer.id, 'completed', { report });
      await this.auditTransfer(manager, transfer);
    });
  }

  /** The assessment fixed at the start, with its support, and the jobseeker's matching data. */
  private async exportSource(transfer: ProfileTransfer): Promise<ExportSource | null> {
    const manager = this.dataSource.manager;
    const assessments = new CompetenceAssessmentRepository(manager);
    const assessment = await assessments.byId(transfer.assessmentId!);
    if (!assessment || assessment.state !== 'confirmed') return null;
    const jobseekers = new JobseekerRepository(manager);
    const [[jobseeker], languages, skills, support] = await Promise.all([
      jobseekers.byIds([transfer.jobseekerId]),
      jobseekers.languagesOf([transfer.jobseekerId]),
      new AssessedSkillRepository(manager).of(assessment.id),
      assessments.supportOf([assessment.id]),
    ]);
    if (!jobseeker) return null;
    return {
      skills: skills
        .slice()
        .sort((a, b) => b.proficiency - a.proficiency || (a.skillUri < b.skillUri ? -1 : 1))
        .map((skill) => ({
          skillUri: skill.skillUri,
          proficiency: skill.proficiency,
          support: support
            .filter((s) => s.skillUri === skill.skillUri)
            .map((s) => ({
              words: s.words,
              section: s.section as ProfileSection | null,
              itemTitle: s.itemTitle,
              startedOn: s.itemStartedOn,
              endedOn: s.itemEndedOn,
              ongoing: s.itemOngoing ?? false,
            })),
        })),
      desiredOccupationUris: jobseeker.desiredOccupationUris,
      desiredSkillUris: jobseeker.desiredSkillUris,
      languages: languages.map((l) => ({ language: l.language, level: l.level })),
      licences: jobseeker.licences,
    };
  }

  /** The transfer of data, with its purpose, in the audit log (in the transfer's transaction). */
  private async auditTransfer(manager: EntityManager, transfer: ProfileTransfer): Promise<void> {
    await new AuditLogRepository(manager).recordChanges(
      { actorId: transfer.actorId, actorRole: transfer.actorRole, purpose: transfer.purpose },
      [{ jobseekerId: transfer.jobseekerId, operation: TRANSFER_OPERATION[transfer.direction] }],
    );
  }
}

/** Every ESCO URI a profile names, wherever it stands (its ESCO values are the objects with `uri`). */
function escoUris(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) escoUris(item, into);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      if (key === 'uri' && typeof inner === 'string') into.add(inner);
      else escoUris(inner, into);
  return into;
}

/** SHA-256 of a state, hex: what is stored and looked up. */
export function hashState(state: string): string {
  return crypto.createHash('sha256').update(state).digest('hex');
}

/** The transfer's outcome code: the client's error code and OAuth error, or the domain reason. */
function outcomeOf(error: unknown): string {
  if (error instanceof TmtProfileError)
    return [error.code, error.extra.oauthError ?? error.extra.status]
      .filter((x) => x !== undefined && x !== null)
      .join(' ');
  if (error instanceof DomainError) return String(error.details.reason ?? error.code);
  return 'INTERNAL_ERROR';
}

function importReport(imported: ImportedProfile, claimed: number, leftOut: string[]): ImportReport {
  return {
    kind: 'import',
    claimedSkills: claimed,
    offered: {
      desiredOccupationUris: imported.desiredOccupationUris,
      desiredSkillUris: imported.desiredSkillUris,
      languages: imported.languages,
      licences: imported.licences,
      preferredMunicipalityCodes: imported.preferredMunicipalityCodes,
      preferredRegionCodes: imported.preferredRegionCodes,
    },
    workOccupations: imported.workOccupations,
    unknownUris: imported.unknownUris,
    unmappedCodes: imported.unmappedCodes,
    leftOut,
  };
}

function draftSkillOf(claim: ImportedProfile['skills'][number]): DraftSkill {
  return {
    skillUri: claim.skillUri,
    proficiency: claim.proficiency,
    experienceMonths: claim.experienceMonths,
    lastUsedYear: claim.lastUsedYear,
    // The profile names the skill outright: no extraction, so no confidence to state.
    confidence: null,
    levelReason: claim.levelReason,
    support: claim.support.map((s) => ({
      words: s.words,
      highlightStart: s.highlightStart,
      highlightEnd: s.highlightEnd,
      section: s.section,
      itemTitle: s.itemTitle,
      itemStartedOn: s.startedOn,
      itemEndedOn: s.endedOn,
      itemOngoing: s.ongoing,
    })),
  };
}
