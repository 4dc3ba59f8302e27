import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { setLogSink, logSink } from '../../src/kernel/logger';
import { TMT_CALLBACK_PATH } from '../../src/profile-transfers/callback-path';
import { TmtRegistration } from '../../src/external/tmt-profile/tmt-profile-client';
import { TMT_PROFILE_PATH, TMT_PROFILE_WRITE } from '../../fixtures/external/tmt-profile.contract';
import {
  createTmtProfileFake,
  TMT_FAKE_CLIENTS,
  TMT_FAKE_TOKEN_PATH,
  tmtFakePermitPath,
  TmtProfileFake,
} from '../../scripts/fakes/tmt-profile-fake';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Competence profiles from and to Job Market Finland (issue 21), through the API, the callback
 * route and the fake service written from the contract: a counsellor starts an import for a
 * Rautavaara jobseeker, the jobseeker grants it on the fake permit page, the profile arrives as
 * a draft with provenance, confirming it changes the matches and adds what the profile offers,
 * the confirmed profile goes back; every refusal and fault ends the transfer without a draft.
 */
describe('competence profiles from and to Job Market Finland', () => {
  let t: TestApp;
  let fake: TmtProfileFake;
  let counsellor: string;
  let self: string;
  let otherCounsellor: string;
  const PURPOSE = 'competence profile for job matching';
  /** A jobseeker of Rautavaara (municipality 686) in the Kuopio employment area. */
  let jobseekerId: string;
  const logLines: string[] = [];
  let previousSink: typeof logSink;

  const registration = (direction: 'read' | 'write'): TmtRegistration => {
    const client = TMT_FAKE_CLIENTS.find((c) => c.direction === direction)!;
    return {
      apiUrl: fake.url,
      tokenUrl: fake.url + TMT_FAKE_TOKEN_PATH,
      permitUrls: {
        fi: fake.url + tmtFakePermitPath('fi'),
        sv: fake.url + tmtFakePermitPath('sv'),
        en: fake.url + tmtFakePermitPath('en'),
      },
      // The test app's port is not known before it starts: the test sends the browser on.
      redirectUri: `http://127.0.0.1:9${TMT_CALLBACK_PATH}`,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      subscriptionKey: client.subscriptionKey,
      timeoutMs: 1_000,
    };
  };

  const start = async (
    direction: 'Import' | 'Export',
    as: { token: string; purpose?: string } = { token: counsellor, purpose: PURPOSE },
    language = 'FI',
    id = jobseekerId,
  ) =>
    t.graphql<{ start: { transferId: string; permitUrl: string; expiresAt: string } }>(
      `mutation ($id: ID!, $lang: Language!) { start: startProfile${direction}(jobseekerId: $id, language: $lang) { transferId permitUrl expiresAt } }`,
      { id, lang: language },
      as,
    );

  /** The person at the permit page: the page's redirect, followed to the test app's callback. */
  const visitPermitPage = async (permitUrl: string): Promise<string> => {
    const answer = await fetch(permitUrl, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location')!);
    expect(back.pathname).toBe(TMT_CALLBACK_PATH);
    return `${t.url}${back.pathname}${back.search}`;
  };
  const callback = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, page: await response.text() };
  };
  /** Starts, grants and comes back: the callback's answer. */
  const transfer = async (direction: 'Import' | 'Export') => {
    const started = await start(direction);
    expect(started.body.errors).toBeUndefined();
    const back = await visitPermitPage(started.body.data!.start.permitUrl);
    return { ...(await callback(back)), transferId: started.body.data!.start.transferId, back };
  };

  interface Transfer {
    id: string;
    direction: string;
    status: string;
    outcome: string | null;
    purpose: string;
    assessmentId: string | null;
    profileModifiedAt: string | null;
    finishedAt: string | null;
    skillCount: number | null;
    offered: {
      languages: { language: string; level: string }[];
      licences: string[];
      desiredOccupationUris: string[];
      desiredSkillUris: string[];
      preferredMunicipalityCodes: string[];
    } | null;
    applied: { added: string[]; conflicts: string[]; notApplicable: string[] } | null;
    unknownUris: { uri: string; kind: string; section: string }[];
    unmappedCodes: { codeSet: string; code: string }[];
    workOccupations: { uri: string; section: string; itemTitle: string | null }[];
    leftOut: string[];
  }
  const TRANSFER = `id direction status outcome purpose assessmentId profileModifiedAt finishedAt skillCount
    offered { languages { language level } licences desiredOccupationUris desiredSkillUris preferredMunicipalityCodes }
    applied { added conflicts notApplicable } unknownUris { uri kind section } unmappedCodes { codeSet code }
    workOccupations { uri section itemTitle } leftOut`;
  interface Draft {
    id: string;
    origin: string;
    importedFrom: Transfer | null;
    skills: {
      skillUri: string;
      level: number;
      experienceMonths: number | null;
      lastUsedYear: number | null;
      support: {
        source: string;
        section: string | null;
        itemTitle: string | null;
        itemStartedOn: string | null;
        itemEndedOn: string | null;
        itemOngoing: boolean | null;
        words: string;
      }[];
    }[];
  }
  const jobseeker = async (token = counsellor, purpose: string | undefined = PURPOSE) => {
    const { body } = await t.graphql<{
      jobseeker: {
        languages: { language: string; level: string }[];
        licences: string[];
        desiredSkillUris: string[];
        activeAssessment: { id: string } | null;
        draftAssessments: Draft[];
        profileTransfers: Transfer[];
      };
    }>(
      `query ($id: ID!) { jobseeker(id: $id) { languages { language level } licences desiredSkillUris activeAssessment { id }
        draftAssessments { id origin importedFrom { ${TRANSFER} }
          skills { skillUri level experienceMonths lastUsedYear support { source section itemTitle itemStartedOn itemEndedOn itemOngoing words } } }
        profileTransfers { ${TRANSFER} } } }`,
      { id: jobseekerId },
      { token, purpose },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.jobseeker;
  };
  const transferRow = async (id: string) => {
    const [row] = await t.app.database.dataSource.query(
      `SELECT status, outcome, assessment_id FROM profile_transfer WHERE id = $1`,
      [id],
    );
    return row as { status: string; outcome: string | null; assessment_id: string | null };
  };
  const drafts = async () => {
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM competence_assessment WHERE jobseeker_id = $1 AND state = 'draft'`,
      [jobseekerId],
    );
    return n as number;
  };
  const feedRows = async () => {
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM match_change WHERE entity_id = $1`,
      [jobseekerId],
    );
    return n as number;
  };

  beforeAll(async () => {
    previousSink = logSink;
    setLogSink((line) => {
      logLines.push(line);
      previousSink(line);
    });
    fake = createTmtProfileFake();
    await fake.start();
    t = await startTestApp({
      tmtProfile: { import: registration('read'), export: registration('write') },
    });
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    await t.app.services.matches.index.catchUp();
    const [row] = await ds.query(
      `SELECT id FROM jobseeker WHERE home_municipality_code = '686' ORDER BY customer_id LIMIT 1`,
    );
    jobseekerId = row.id;
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    otherCounsellor = await t.token({ id: 'n2', role: 'counsellor', employmentArea: 'joensuu' });
    self = await t.token({ id: 'tyonhakija-r', role: 'jobseeker', jobseekerId });
  });
  afterEach(() => {
    fake.clear();
    fake.tmt.reset();
  });
  afterAll(async () => {
    setLogSink(previousSink);
    await t.stop();
    await fake.stop();
  });

  it('imports a granted profile as a draft with provenance, changing no match until it is confirmed', async () => {
    const before = await jobseeker();
    const feedBefore = await feedRows();
    const started = await start('Import');
    expect(started.body.errors).toBeUndefined();
    const permit = new URL(started.body.data!.start.permitUrl);
    expect(permit.pathname).toBe('/fi/authorize');
    // The state is random and long; only its hash is stored.
    const state = permit.searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(43);
    const stored = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM profile_transfer WHERE state_hash = $1`,
      [state],
    );
    expect(stored[0].n).toBe(0);

    const back = await visitPermitPage(permit.toString());
    const answered = await callback(back);
    expect(answered.status).toBe(200);
    expect(answered.page).toContain('luonnokseksi');

    const after = await jobseeker();
    expect(after.activeAssessment).toEqual(before.activeAssessment);
    expect(await feedRows()).toBe(feedBefore);
    const [draft] = after.draftAssessments;
    expect(draft!.origin).toBe('JOB_MARKET_FINLAND');
    const from = draft!.importedFrom!;
    expect(from).toMatchObject({
      direction: 'IMPORT',
      status: 'COMPLETED',
      purpose: PURPOSE,
      assessmentId: draft!.id,
      profileModifiedAt: '2026-10-02T16:05:48.918Z',
    });
    expect(from.finishedAt).not.toBeNull();
    // The sample taxonomy holds five of the profile's skills: the rest are reported by URI.
    expect(draft!.skills.length).toBe(from.skillCount);
    expect(draft!.skills.length).toBeGreaterThan(0);
    const claimed = new Set(draft!.skills.map((s) => s.skillUri));
    for (const unknown of from.unknownUris) expect(claimed.has(unknown.uri)).toBe(false);
    expect(from.unknownUris.filter((u) => u.kind === 'skill').length).toBeGreaterThan(0);
    // Every skill has its level from MatchParams (the profile has none) and its provenance.
    for (const skill of draft!.skills) {
      expect(skill.level).toBe(t.app.services.matches.params.unlevelledClaimLevel);
      expect(skill.support.length).toBeGreaterThan(0);
      for (const s of skill.support) {
        expect(s.source).toBe('JOB_MARKET_FINLAND');
        expect(s.section).toBeTruthy();
      }
    }
    const fromEmployment = draft!.skills
      .flatMap((s) => s.support)
      .find((s) => s.section === 'EMPLOYMENT' && s.itemTitle === 'Levyseppä-hitsaaja');
    expect(fromEmployment).toMatchObject({ itemStartedOn: '2019-06-03', itemOngoing: true });
    // Wishes are offered, not claimed.
    expect(from.offered!.licences).toContain('driving_licence_b');
    expect(from.offered!.languages).toEqual(
      expect.arrayContaining([{ language: 'fi', level: 'NATIVE' }]),
    );
    expect(from.unmappedCodes).toEqual(
      expect.arrayContaining([{ codeSet: 'LUPA_KORTTI', code: '001' }]),
    );
    for (const wish of from.offered!.desiredSkillUris) expect(claimed.has(wish)).toBe(false);

    // The permit is single-use: the same answer again is refused, and nothing more is made.
    const again = await callback(back);
    expect(again.status).toBe(409);
    expect((await jobseeker()).draftAssessments).toHaveLength(1);

    // The transfer is in the audit log with its purpose.
    const audit = await t.app.database.dataSource.query(
      `SELECT actor_id, purpose FROM audit_log WHERE jobseeker_id = $1 AND operation = 'jobMarketFinlandProfileImport'`,
      [jobseekerId],
    );
    expect(audit).toEqual([{ actor_id: 'neuvoja', purpose: PURPOSE }]);
    // Neither the state nor the code reached a log line.
    const code = new URL(back).searchParams.get('code')!;
    expect(logLines.some((l) => l.includes(state) || l.includes(code))).toBe(false);
  });

  it('confirms the imported draft: the matches change and the offered additions are applied, none overwritten', async () => {
    const [draft] = (await jobseeker()).draftAssessments;
    const before = await jobseeker();
    const feedBefore = await feedRows();
    const { body } = await t.graphql(
      `mutation ($a: ID!) { confirmAssessment(assessmentId: $a) { id state } }`,
      { a: draft!.id },
      { token: counsellor, purpose: PURPOSE },
    );
    expect(body.errors).toBeUndefined();
    const after = await jobseeker();
    expect(after.activeAssessment).toEqual({ id: draft!.id });
    expect(await feedRows()).toBeGreaterThan(feedBefore);
    expect(after.licences).toContain('driving_licence_b');
    const transfer = after.profileTransfers.find((x) => x.assessmentId === draft!.id)!;
    const applied = transfer.applied!;
    // Each language the jobseeker lacked was added; one they had at another level was not.
    const had = new Map(before.languages.map((l) => [l.language, l.level]));
    for (const offered of transfer.offered!.languages) {
      const now = after.languages.find((l) => l.language === offered.language)!;
      if (had.has(offered.language)) expect(now.level).toBe(had.get(offered.language));
      else expect(now.level).toBe(offered.level);
      if (had.has(offered.language) && had.get(offered.language) !== offered.level)
        expect(applied.conflicts.some((c) => c.startsWith(`language ${offered.language}`))).toBe(
          true,
        );
    }
    expect(applied.notApplicable).toEqual(expect.arrayContaining(['preferred municipality 297']));
    expect(after.desiredSkillUris).toEqual(
      expect.arrayContaining(transfer.offered!.desiredSkillUris),
    );
  });

  it('exports the confirmed assessment under a fresh permit: URIs only, nothing empty, fi always', async () => {
    const active = (await jobseeker()).activeAssessment!;
    const { status, page, transferId } = await transfer('Export');
    expect(status).toBe(200);
    expect(page).toContain('vietiin');
    expect(fake.tmt.written).toHaveLength(1);
    const written = fake.tmt.written[0]!;
    expect(TMT_PROFILE_WRITE.safeParse(written).success).toBe(true);
    const json = JSON.stringify(written);
    expect(json).not.toContain('[]');
    expect(json).not.toContain('prefLabel');
    expect(written.generalInfo).toBeUndefined();
    // The imported employment goes back as an item, with its dates and the skills it claimed.
    const employment = written.employments?.find((e) => e.title?.fi === 'Levyseppä-hitsaaja');
    expect(employment?.interval).toEqual({ startDate: '2019-06-03', ongoing: true });
    expect(employment?.description?.skills?.length).toBeGreaterThan(0);
    expect(employment?.description?.description?.fi).toBeTruthy();
    const row = await transferRow(transferId);
    expect(row).toMatchObject({ status: 'completed', assessment_id: active.id });
    const sent = JSON.stringify(written).match(/esco\/skill\//g)?.length ?? 0;
    expect(sent).toBeGreaterThan(0);
  });

  it('ends the transfer as refused when the jobseeker says no, and makes no draft', async () => {
    const draftsBefore = await drafts();
    fake.tmt.decision = 'access_denied';
    const { status, page, transferId } = await transfer('Import');
    expect(status).toBe(200);
    expect(page).toContain('Lupaa ei annettu');
    expect(await transferRow(transferId)).toMatchObject({
      status: 'refused',
      outcome: 'PERMIT_REFUSED access_denied',
    });
    expect(await drafts()).toBe(draftsBefore);
  });

  const faults: [string, () => void, string][] = [
    [
      'the permit page fails (server_error)',
      () => (fake.tmt.decision = 'server_error'),
      'PERMIT_REFUSED server_error',
    ],
    [
      'the permit page refuses the request (invalid_request)',
      () => (fake.tmt.decision = 'invalid_request'),
      'PERMIT_REFUSED invalid_request',
    ],
    [
      'the token endpoint refuses the client (invalid_client)',
      () =>
        fake.fail(
          { kind: 'status', status: 401, body: { error: 'invalid_client' } },
          1,
          TMT_FAKE_TOKEN_PATH,
        ),
      'TOKEN_REFUSED invalid_client',
    ],
    [
      'the API refuses the token (invalid_token)',
      () =>
        fake.fail(
          { kind: 'status', status: 403, body: { error: 'invalid_token' } },
          1,
          TMT_PROFILE_PATH,
        ),
      'TOKEN_INVALID 403',
    ],
    [
      'the profile comes slower than the read timeout',
      () => fake.fail({ kind: 'slow', delayMs: 2_500 }, 1, TMT_PROFILE_PATH),
      'TIMEOUT',
    ],
    [
      'the service is rate limited',
      () => fake.fail({ kind: 'status', status: 429, retryAfterSeconds: 30 }, 1, TMT_PROFILE_PATH),
      'SERVICE_ERROR 429',
    ],
    [
      'the profile is malformed',
      () => fake.tmt.setProfile('{"employments": [{"title": 7}]}'),
      'PROFILE_OFF_CONTRACT',
    ],
  ];
  it.each(faults)(
    'ends the transfer as failed when %s, and makes no draft',
    async (_, arrange, outcome) => {
      const draftsBefore = await drafts();
      arrange();
      const { status, page, transferId } = await transfer('Import');
      expect(status).toBe(502);
      expect(page).toContain('Siirto ei onnistunut');
      const row = await transferRow(transferId);
      expect(row.status).toBe('failed');
      expect(row.outcome).toMatch(new RegExp(`^${outcome}`));
      expect(await drafts()).toBe(draftsBefore);
    },
  );

  it('ends the transfer as failed when the code was exchanged already (invalid_grant)', async () => {
    const started = await start('Import');
    const back = await visitPermitPage(started.body.data!.start.permitUrl);
    // Someone else exchanged the code first: the fake forgets a code at its first exchange.
    const client = TMT_FAKE_CLIENTS.find((c) => c.direction === 'read')!;
    await fetch(fake.url + TMT_FAKE_TOKEN_PATH, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'KIPA-Subscription-Key': client.subscriptionKey,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: new URL(back).searchParams.get('code')!,
        redirect_uri: `http://127.0.0.1:9${TMT_CALLBACK_PATH}`,
      }).toString(),
    });
    const { status } = await callback(back);
    expect(status).toBe(502);
    expect(await transferRow(started.body.data!.start.transferId)).toMatchObject({
      status: 'failed',
      outcome: 'TOKEN_REFUSED invalid_grant',
    });
  });

  it('refuses a permit that comes back after ten minutes, and an unknown state', async () => {
    const started = await start('Import', { token: self }, 'SV');
    const back = await visitPermitPage(started.body.data!.start.permitUrl);
    await t.app.database.dataSource.query(
      `UPDATE profile_transfer SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [started.body.data!.start.transferId],
    );
    const late = await callback(back);
    expect(late.status).toBe(410);
    expect(late.page).toContain('lang="sv"');
    // The housekeeping job shows it as expired.
    expect(await t.app.services.profileTransfers.expireStale()).toBeGreaterThanOrEqual(1);
    expect((await transferRow(started.body.data!.start.transferId)).status).toBe('expired');
    const unknown = await callback(`${t.url}${TMT_CALLBACK_PATH}?code=x&state=nothing-we-issued`);
    expect(unknown.status).toBe(400);
  });

  it('lets only the jobseeker and counsellors of their area (stating a purpose) start a transfer', async () => {
    const other = await start('Import', { token: otherCounsellor, purpose: PURPOSE });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noPurpose = await start('Import', { token: counsellor });
    expect(noPurpose.body.errors?.[0]?.extensions?.field).toBe('X-Osaamo-Purpose');
    const own = await start('Import', { token: self });
    expect(own.body.errors).toBeUndefined();
    // The jobseeker sees what was transferred and from where; a counsellor of another area does not.
    const mine = await jobseeker(self, undefined);
    expect(mine.profileTransfers.map((x) => x.direction)).toEqual(
      expect.arrayContaining(['IMPORT', 'EXPORT']),
    );
    const { body } = await t.graphql<{ jobseeker: { profileTransfers: unknown[] } | null }>(
      `query ($id: ID!) { jobseeker(id: $id) { profileTransfers { id } } }`,
      { id: jobseekerId },
      { token: otherCounsellor, purpose: PURPOSE },
    );
    expect(body.data?.jobseeker?.profileTransfers ?? []).toEqual([]);
  });

  it('erases the transfers and imported assessments with the jobseeker', async () => {
    const erased = await t.graphql(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    expect(erased.body.errors).toBeUndefined();
    const [row] = await t.app.database.dataSource.query(
      `SELECT (SELECT count(*) FROM profile_transfer WHERE jobseeker_id = $1)::int AS transfers,
              (SELECT count(*) FROM competence_assessment WHERE jobseeker_id = $1)::int AS assessments`,
      [jobseekerId],
    );
    expect(row).toEqual({ transfers: 0, assessments: 0 });
  });
});
