import { employerScopedId } from '../../src/jobseekers/pseudonyms';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { loadCandidates } from '../../src/matches/profile-loader';
import { StatementCounter } from '../support/statement-counter';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

/** Draft assessments from a jobseeker's own words (issue 14), through the API. */
describe('draft assessments from a jobseeker’s own words', () => {
  let t: TestApp;
  const jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;
  let self: string;
  let otherJobseeker: string;
  let counsellor: string;
  let otherCounsellor: string;
  let employer: string;
  const uriOf = new Map<string, string>();
  const labelOf = new Map<string, string>();

  const ACCOUNT =
    'Olen työskennellyt lähihoitajana kotihoidossa. Minulla on 6 vuoden kokemus: hoidan ikääntyneitä asiakkaita heidän kotonaan ja avustan lääkityksessä. ' +
    'Hallitsen asiakaspalvelun. Taulukkolaskennasta minulla on perustaidot. Työhöni kuuluu myös huoneiden siivousta.';

  interface Skill {
    skillUri: string;
    level: number;
    experienceMonths: number | null;
    confidence: number | null;
    suggestedLevel: number | null;
    levelReason: string | null;
    support: { words: string; highlightStart: number; highlightEnd: number }[];
  }
  interface Assessment {
    id: string;
    state: string;
    origin: string | null;
    source: string;
    skills: Skill[];
  }
  const ASSESSMENT = `id state origin source skills { skillUri level experienceMonths confidence suggestedLevel levelReason support { words highlightStart highlightEnd } }`;

  const draft = (token: string, text = ACCOUNT, purpose?: string, id = jobseekerId) =>
    t.graphql<{ draftAssessmentFromText: Assessment }>(
      `mutation Draft($id: ID!, $text: String!) { draftAssessmentFromText(jobseekerId: $id, text: $text) { ${ASSESSMENT} } }`,
      { id, text },
      { token, purpose },
    );
  const confirm = (token: string, assessmentId: string, skills?: unknown, purpose?: string) =>
    t.graphql<{ confirmAssessment: Assessment }>(
      `mutation Confirm($a: ID!, $skills: [ConfirmedSkillInput!]) { confirmAssessment(assessmentId: $a, skills: $skills) { ${ASSESSMENT} } }`,
      { a: assessmentId, skills },
      { token, purpose },
    );
  const discard = (token: string, assessmentId: string, purpose?: string) =>
    t.graphql<{ discardDraftAssessment: boolean }>(
      `mutation Discard($a: ID!) { discardDraftAssessment(assessmentId: $a) }`,
      { a: assessmentId },
      { token, purpose },
    );
  const profile = async (token: string, purpose?: string) => {
    const { body } = await t.graphql<{
      jobseeker: {
        activeAssessment: { id: string } | null;
        assessments: { id: string }[];
        draftAssessments: Assessment[];
      };
    }>(
      `query Profile($id: ID!) { jobseeker(id: $id) { activeAssessment { id } assessments { id } draftAssessments { ${ASSESSMENT} } } }`,
      { id: jobseekerId },
      { token, purpose },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.jobseeker;
  };
  const matches = async () => {
    const { body } = await t.graphql<{
      matchesForJobseeker: { edges: { node: { vacancyId: string; score: number } }[] };
    }>(
      `query Matches($id: ID!) { matchesForJobseeker(jobseekerId: $id, includeExternal: false, first: 20, filter: { includeNearMisses: true }) { edges { node { vacancyId score } } } }`,
      { id: jobseekerId },
      { token: self },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.matchesForJobseeker.edges.map((e) => e.node);
  };
  const feedRows = async () => {
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM match_change WHERE entity_id = $1`,
      [jobseekerId],
    );
    return n as number;
  };
  const code = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions;
  const byLabel = (skills: Skill[]) =>
    Object.fromEntries(
      skills.map((s) => [labelOf.get(s.skillUri) ?? s.skillUri, [s.level, s.experienceMonths]]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    await t.app.services.matches.index.catchUp();
    const labels: { uri: string; label: string }[] = await ds.query(
      `SELECT concept_uri AS uri, label FROM esco_label WHERE label_type = 'preferred' AND language = 'en' AND concept_kind = 'skill'`,
    );
    for (const l of labels) {
      uriOf.set(l.label, l.uri);
      labelOf.set(l.uri, l.label);
    }
    const other = users.find((u) => u.role === 'jobseeker' && u.jobseekerId !== jobseekerId);
    self = await t.token({ id: 'tyonhakija-1', role: 'jobseeker', jobseekerId });
    otherJobseeker = await t.token({
      id: 'other',
      role: 'jobseeker',
      jobseekerId: other?.jobseekerId ?? '00000000-0000-4000-8000-00000000dead',
    });
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    otherCounsellor = await t.token({ id: 'n2', role: 'counsellor', employmentArea: 'joensuu' });
    employer = await t.token({
      id: 'e1',
      role: 'employer',
      employerId: users.find((u) => u.user === 'tyonantaja-1')!.employerId!,
    });
  });
  afterAll(() => t.stop());

  it('drafts skills with suggested levels, confidence and supporting words from a Finnish account of work', async () => {
    const before = await profile(self);
    const { body } = await draft(self);
    expect(body.errors).toBeUndefined();
    const drafted = body.data!.draftAssessmentFromText;
    expect(drafted).toMatchObject({
      state: 'DRAFT',
      origin: 'OWN_WORDS',
      source: 'SELF_ASSESSMENT',
    });
    // The skills the account names, at the levels its words state (the extraction may find
    // more, such as "help customers": those carry a level and support as well).
    expect(byLabel(drafted.skills)).toMatchObject({
      'care for older people': [4, 72],
      'help older people with medication': [4, 72],
      'customer service': [4, null],
      'use spreadsheets': [1, null],
      'clean rooms': [3, null],
    });
    for (const s of drafted.skills) {
      expect(s.suggestedLevel).toBe(s.level);
      expect(s.confidence).toBeGreaterThanOrEqual(0.7);
      expect(s.levelReason).toBeTruthy();
      expect(s.support.length).toBeGreaterThan(0);
      for (const w of s.support) {
        expect(ACCOUNT).toContain(w.words);
        expect(w.highlightEnd).toBeGreaterThan(w.highlightStart);
      }
    }
    const spreadsheets = drafted.skills.find((s) => s.skillUri === uriOf.get('use spreadsheets'))!;
    expect(spreadsheets.support).toEqual([
      {
        words: 'Taulukkolaskennasta minulla on perustaidot.',
        highlightStart: 0,
        highlightEnd: 'Taulukkolaskennasta'.length,
      },
    ]);
    expect(spreadsheets.levelReason).toContain('”perustaidot”');
    const rooms = drafted.skills.find((s) => s.skillUri === uriOf.get('clean rooms'))!;
    expect(rooms.levelReason).toMatch(/oletuksena/);
    // Not the active profile, not in the history; listed among the drafts.
    const after = await profile(self);
    expect(after.activeAssessment).toEqual(before.activeAssessment);
    expect(after.assessments).toEqual(before.assessments);
    expect(after.draftAssessments.map((d) => d.id)).toEqual([drafted.id]);
    await discard(self, drafted.id);
  });

  it('changes neither the change feed nor matchesForJobseeker with a draft; confirming changes both', async () => {
    const matchesBefore = await matches();
    const feedBefore = await feedRows();
    const { body } = await draft(self);
    const drafted = body.data!.draftAssessmentFromText;
    expect(await feedRows()).toBe(feedBefore);
    expect(await matches()).toEqual(matchesBefore);
    const candidateBefore = (await loadCandidates(t.app.database.dataSource, [jobseekerId]))[0]!;
    expect(candidateBefore.skills.map((s) => s.skillUri)).not.toContain(
      uriOf.get('care for older people'),
    );

    // Edited: the spreadsheets dropped, customer service a level lower.
    const keep = drafted.skills
      .filter((s) => s.skillUri !== uriOf.get('use spreadsheets'))
      .map((s) => ({
        skillUri: s.skillUri,
        level: s.skillUri === uriOf.get('customer service') ? 3 : s.level,
      }));
    const confirmed = await confirm(self, drafted.id, keep);
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data!.confirmAssessment).toMatchObject({
      id: drafted.id,
      state: 'CONFIRMED',
      source: 'SELF_ASSESSMENT',
    });
    const kept = byLabel(confirmed.body.data!.confirmAssessment.skills);
    expect(Object.keys(kept)).toHaveLength(keep.length);
    expect(kept).toMatchObject({
      'care for older people': [4, 72],
      'help older people with medication': [4, 72],
      'customer service': [3, null],
      'clean rooms': [3, null],
    });
    expect(kept['use spreadsheets']).toBeUndefined();
    const service = confirmed.body.data!.confirmAssessment.skills.find(
      (s) => s.skillUri === uriOf.get('customer service'),
    )!;
    expect(service.suggestedLevel).toBe(4);
    expect(await feedRows()).toBeGreaterThan(feedBefore);
    const after = await profile(self);
    expect(after.activeAssessment).toEqual({ id: drafted.id });
    expect(after.assessments[0]).toEqual({ id: drafted.id });
    expect(after.draftAssessments).toEqual([]);
    // The index applied the change before the mutation answered.
    const index = await t.app.services.matches.index.current();
    expect(
      index.candidates
        .profile(jobseekerId)!
        .skills.map((s) => s.skillUri)
        .sort(),
    ).toEqual(keep.map((s) => s.skillUri).sort());
    expect(await matches()).not.toEqual(matchesBefore);

    // Once confirmed, it is history: neither confirmed again nor discarded.
    const again = await confirm(self, drafted.id);
    expect(code(again.body)).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
    const gone = await discard(self, drafted.id);
    expect(code(gone.body)).toMatchObject({ code: 'CONFLICT', field: 'assessmentId' });
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const empty = await draft(self, '   ');
    expect(code(empty.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const long = await draft(self, 'hitsaus '.repeat(1300));
    expect(code(long.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const nothing = await draft(self, 'Pidän kesästä ja mökkeilystä.');
    expect(code(nothing.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await profile(self)).draftAssessments).toEqual([]);

    const { body } = await draft(self);
    const drafted = body.data!.draftAssessmentFromText;
    const first = drafted.skills[0]!.skillUri;
    const cases: [unknown, string][] = [
      [[], 'skills'],
      [[{ skillUri: 'http://data.europa.eu/esco/skill/nope', level: 3 }], 'skills[0].skillUri'],
      [[{ skillUri: first, level: 7 }], 'skills[0].level'],
      [
        [
          { skillUri: first, level: 3 },
          { skillUri: first, level: 2 },
        ],
        'skills[1].skillUri',
      ],
      [[{ skillUri: first, level: 3, experienceMonths: -1 }], 'skills[0].experienceMonths'],
    ];
    for (const [skills, field] of cases) {
      const refused = await confirm(self, drafted.id, skills);
      expect(code(refused.body)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const missing = await confirm(self, '00000000-0000-4000-8000-00000000dead');
    expect(code(missing.body)).toMatchObject({ code: 'NOT_FOUND' });
    const still = await profile(self);
    expect(still.draftAssessments.map((d) => [d.id, d.state, d.skills.length])).toEqual([
      [drafted.id, 'DRAFT', drafted.skills.length],
    ]);
    expect((await discard(self, drafted.id)).body.data).toEqual({ discardDraftAssessment: true });
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT (SELECT count(*) FROM assessed_skill WHERE assessment_id = $1) + (SELECT count(*) FROM assessed_skill_support WHERE assessment_id = $1) AS n`,
      [drafted.id],
    );
    expect(Number(n)).toBe(0);
  });

  it('confirms a draft once when two confirmations (or a confirmation and a discard) race', async () => {
    for (const second of ['confirm', 'discard'] as const) {
      const { body } = await draft(self);
      const drafted = body.data!.draftAssessmentFromText;
      const answers = await Promise.all([
        confirm(self, drafted.id),
        second === 'confirm' ? confirm(self, drafted.id) : discard(self, drafted.id),
      ]);
      const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'OK')).toEqual([
        expect.stringMatching(/^(CONFLICT|NOT_FOUND)$/),
      ]);
      const [{ n }] = await t.app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM competence_assessment WHERE id = $1 AND state = 'confirmed'`,
        [drafted.id],
      );
      // Two confirmations: one of them confirmed it. A confirmation and a discard: whichever won.
      expect(n).toBe(second === 'confirm' || codes[0] === 'OK' ? 1 : 0);
    }
  });

  it('lets the jobseeker and a counsellor of the area with a purpose work on drafts, audited; nobody else', async () => {
    const noPurpose = await draft(counsellor);
    expect(code(noPurpose.body)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'X-Osaamo-Purpose',
    });
    const { body } = await draft(counsellor, ACCOUNT, 'guidance meeting');
    expect(body.errors).toBeUndefined();
    const drafted = body.data!.draftAssessmentFromText;
    expect(
      (await profile(counsellor, 'guidance meeting')).draftAssessments.map((d) => d.id),
    ).toEqual([drafted.id]);
    for (const [token, purpose] of [
      [otherCounsellor, 'curious'],
      [otherJobseeker, undefined],
    ] as const) {
      expect(code((await draft(token, ACCOUNT, purpose)).body)).toMatchObject({
        code: 'NOT_FOUND',
      });
      const refused = await confirm(token, drafted.id, undefined, purpose);
      expect(code(refused.body)).toMatchObject({ code: 'NOT_FOUND' });
      expect(refused.body.errors![0]!.message).toBe(`Assessment ${drafted.id} was not found`);
      expect(code((await discard(token, drafted.id, purpose)).body)).toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(code((await draft(employer)).body)).toMatchObject({ code: 'FORBIDDEN' });

    const confirmed = await confirm(counsellor, drafted.id, undefined, 'guidance meeting');
    expect(confirmed.body.data!.confirmAssessment).toMatchObject({
      state: 'CONFIRMED',
      source: 'COUNSELLOR_VERIFIED',
    });
    // Employers see the active profile pseudonymised, never the person's own words.
    const seen = await t.graphql<{
      jobseekers: {
        edges: {
          node: {
            activeAssessment: { id: string; skills: { support: unknown[] }[] } | null;
            draftAssessments: unknown[];
          };
        }[];
      };
    }>(
      `query ($skill: ID) { jobseekers(first: 100, filter: { skillUri: $skill }) { edges { node { activeAssessment { id skills { support { words } } } draftAssessments { id } } } } }`,
      { skill: uriOf.get('help older people with medication') },
      { token: employer },
    );
    expect(seen.body.errors).toBeUndefined();
    // The employer sees the assessment under an id of its own (issue 12: ids link no one).
    const employersId = employerScopedId(
      t.app.services.pseudonymSecret,
      users.find((u) => u.user === 'tyonantaja-1')!.employerId!,
      'assessment',
      drafted.id,
    );
    const mine = seen.body.data!.jobseekers.edges.find(
      (e) => e.node.activeAssessment?.id === employersId,
    );
    expect(mine).toBeDefined();
    expect(mine!.node.draftAssessments).toEqual([]);
    for (const s of mine!.node.activeAssessment!.skills) expect(s.support).toEqual([]);

    const audit: {
      actor_id: string;
      operation: string;
      purpose: string | null;
      outcome: string;
    }[] = await t.app.database.dataSource.query(
      `SELECT actor_id, operation, purpose, outcome FROM audit_log WHERE jobseeker_id = $1 AND actor_id IN ('neuvoja', 'n2') ORDER BY id`,
      [jobseekerId],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          actor_id: 'neuvoja',
          operation: 'mutation Draft',
          purpose: 'guidance meeting',
          outcome: 'allowed',
        },
        {
          actor_id: 'neuvoja',
          operation: 'mutation Confirm',
          purpose: 'guidance meeting',
          outcome: 'allowed',
        },
        { actor_id: 'n2', operation: 'mutation Draft', purpose: 'curious', outcome: 'denied' },
        { actor_id: 'n2', operation: 'mutation Confirm', purpose: 'curious', outcome: 'denied' },
      ]),
    );
  });

  it('lists drafts, their skills and supporting words for 2 and for 20 jobseekers in the same number of statements', async () => {
    const ds = t.app.database.dataSource;
    const firstIds: { id: string }[] = await ds.query(
      `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE m.employment_area = 'kuopio' ORDER BY j.id LIMIT 20`,
    );
    for (const { id } of [firstIds[0]!, firstIds[1]!, firstIds[10]!, firstIds[19]!])
      expect((await draft(counsellor, ACCOUNT, 'counting', id)).body.errors).toBeUndefined();
    const counter = new StatementCounter().attach(ds);
    const statementsFor = async (first: number) => {
      counter.statements = 0;
      const { body } = await t.graphql<{
        jobseekers: { edges: { node: { draftAssessments: Assessment[] } }[] };
      }>(
        `query ($first: Int) { jobseekers(first: $first) { edges { node { draftAssessments { id skills { skillUri support { words } } } } } } }`,
        { first },
        { token: counsellor, purpose: 'counting' },
      );
      expect(body.errors).toBeUndefined();
      const drafts = body.data!.jobseekers.edges.flatMap((e) => e.node.draftAssessments);
      expect(drafts.length).toBe(first === 2 ? 2 : 4);
      for (const d of drafts) expect(d.skills[0]!.support.length).toBeGreaterThan(0);
      return counter.statements;
    };
    try {
      expect(await statementsFor(20)).toBe(await statementsFor(2));
    } finally {
      counter.detach(ds);
    }
  });

  it('records an assessment entered as such as confirmed and active at once', async () => {
    const { body } = await t.graphql<{
      addCompetenceAssessment: { id: string; state: string; origin: string | null };
    }>(
      `mutation ($id: ID!, $skill: ID!) { addCompetenceAssessment(jobseekerId: $id, input: { source: SELF_ASSESSMENT, skills: [{ skillUri: $skill, level: 2 }] }) { id state origin draftedAt } }`,
      { id: jobseekerId, skill: uriOf.get('clean rooms') },
      { token: self },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.addCompetenceAssessment).toMatchObject({
      state: 'CONFIRMED',
      origin: null,
      draftedAt: null,
    });
    expect((await profile(self)).activeAssessment).toEqual({
      id: body.data!.addCompetenceAssessment.id,
    });
  });

  it('erases drafts with the jobseeker', async () => {
    const { body } = await draft(self);
    const drafted = body.data!.draftAssessmentFromText;
    const erased = await t.graphql(
      `mutation ($id: ID!) { eraseJobseeker(id: $id) }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    expect(erased.body.errors).toBeUndefined();
    const [row] = await t.app.database.dataSource.query(
      `SELECT (SELECT count(*) FROM competence_assessment WHERE jobseeker_id = $1)::int AS assessments,
              (SELECT count(*) FROM assessed_skill WHERE assessment_id = $2)::int AS skills,
              (SELECT count(*) FROM assessed_skill_support WHERE assessment_id = $2)::int AS support`,
      [jobseekerId, drafted.id],
    );
    expect(row).toEqual({ assessments: 0, skills: 0, support: 0 });
  });
});
