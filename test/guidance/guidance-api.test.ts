import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

const SHEET_METAL_WORKER =
  'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b';

describe('guidance through GraphQL', () => {
  let t: TestApp;
  let employer: string;
  let otherEmployer: string;
  let counsellor: string;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    const one = users.find((u) => u.user === 'tyonantaja-1')!;
    const two = users.find((u) => u.user === 'tyonantaja-2')!;
    employer = await t.token({ id: 'e1', role: 'employer', employerId: one.employerId! });
    otherEmployer = await t.token({ id: 'e2', role: 'employer', employerId: two.employerId! });
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
  });
  afterAll(() => t.stop());

  it('extractSkills returns skills with confidence, evidence and a reason', async () => {
    const { body } = await t.graphql<{
      extractSkills: {
        label: string;
        confidence: number;
        evidence: { text: string }[];
        reason: string;
      }[];
    }>(
      `query ($text: String!) { extractSkills(text: $text, language: SV) { skillUri label confidence evidence { start end text } reason } }`,
      { text: 'Du kör truck och lastar pallar i vårt lager.' },
      { token: employer },
    );
    expect(body.errors).toBeUndefined();
    const skills = body.data!.extractSkills;
    expect(skills.map((s) => s.label).sort()).toEqual(['köra truck', 'lasta pallar']);
    for (const s of skills) {
      expect(s.confidence).toBeGreaterThanOrEqual(0.7);
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.reason).toMatch(/^Texten säger ”/); // the language asked: SV
    }
  });

  it("linkSkills ranks each sentence's skills with a confidence; searchSkills takes a sentence", async () => {
    const text =
      'Du kör truck och lastar pallar i vårt lager.\nVi erbjuder en trevlig arbetsmiljö.';
    const { body } = await t.graphql<{
      linkSkills: {
        start: number;
        end: number;
        text: string;
        skills: { rank: number; label: string; confidence: number; evidence: { text: string }[] }[];
      }[];
    }>(
      `query ($text: String!) { linkSkills(text: $text, language: SV, first: 3) { start end text skills { rank skillUri label confidence evidence { text } reason } } }`,
      { text },
      { token: employer },
    );
    expect(body.errors).toBeUndefined();
    const first = body.data!.linkSkills[0]!;
    const second = body.data!.linkSkills[1]!;
    expect(first.text).toBe('Du kör truck och lastar pallar i vårt lager');
    expect(text.slice(second.start, second.end)).toBe(second.text);
    expect(first.skills.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(
      first.skills
        .slice(0, 2)
        .map((s) => s.label)
        .sort(),
    ).toEqual(['köra truck', 'lasta pallar']);
    for (const s of first.skills) expect(s.confidence).toBeGreaterThan(0);
    const confidences = first.skills.map((s) => s.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);

    const sentence = `${'Vi söker en lagerarbetare. '.repeat(30)}Du kör truck.`;
    expect(sentence.length).toBeGreaterThan(800);
    const search = await t.graphql<{ searchSkills: { matchedLabel: string }[] }>(
      `query ($text: String!) { searchSkills(text: $text, language: SV, first: 3) { matchedLabel } }`,
      { text: sentence },
    );
    expect(search.body.errors).toBeUndefined();
    expect(search.body.data!.searchSkills.map((s) => s.matchedLabel)).toContain('köra truck');
    const bad = await t.graphql(
      `{ linkSkills(text: "Du kör truck.", first: 21) { start } }`,
      undefined,
      { token: employer },
    );
    expect(bad.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
      reason: 'must be between 1 and 20',
    });
  });

  it('refuses an empty or overlong text, naming the field, and anonymous callers', async () => {
    const empty = await t.graphql(
      `{ extractSkills(text: "  ") { skillUri } }`,
      {},
      { token: employer },
    );
    expect(empty.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    const long = await t.graphql(
      `query ($text: String!) { extractSkills(text: $text) { skillUri } }`,
      { text: 'hitsaus '.repeat(2000) },
      { token: employer },
    );
    expect(long.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    const anonymous = await t.graphql(`{ extractSkills(text: "hitsaus") { skillUri } }`);
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('suggestRequirements drafts a profile from the occupation and the ad text, each with its reason', async () => {
    const { body } = await t.graphql<{
      suggestRequirements: {
        label: string;
        importance: string;
        sources: string[];
        reason: string;
      }[];
    }>(
      `query ($o: ID, $text: String) { suggestRequirements(occupationUri: $o, text: $text) { skillUri label importance requiredLevel sources confidence reason } }`,
      {
        o: SHEET_METAL_WORKER,
        text: 'Työhösi kuuluu kaarihitsaus ja asiakaspalvelu työmaalla.',
      },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const suggestions = body.data!.suggestRequirements;
    const [{ n: essential }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM esco_occupation_skill WHERE occupation_uri = $1 AND relation_type = 'essential'`,
      [SHEET_METAL_WORKER],
    );
    expect(suggestions.filter((s) => s.importance === 'ESSENTIAL')).toHaveLength(essential);
    // Found in the text and essential for the occupation: both reasons.
    const arc = suggestions.find((s) => s.label === 'kaarihitsaus')!;
    expect(arc.sources).toEqual(['ESSENTIAL_FOR_OCCUPATION', 'FOUND_IN_TEXT']);
    expect(arc.reason).toBe(
      'ESCOn mukaan osaaminen on ammatissa olennainen. Myös ilmoitusteksti mainitsee sen: ”kaarihitsaus”.',
    );
    // Only in the text: important, with the words that support it.
    const service = suggestions.find((s) => s.label === 'asiakaspalvelu')!;
    expect(service).toMatchObject({ importance: 'IMPORTANT', sources: ['FOUND_IN_TEXT'] });
  });

  it('suggestRequirements wants a vacancy or an occupation, and an employer only its own vacancy', async () => {
    const both = await t.graphql(
      `{ suggestRequirements(vacancyId: "00000000-0000-4000-8000-000000000000", occupationUri: "x") { skillUri } }`,
      {},
      { token: counsellor },
    );
    expect(both.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'vacancyId',
    });
    const neither = await t.graphql(
      `{ suggestRequirements { skillUri } }`,
      {},
      { token: counsellor },
    );
    expect(neither.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const one = users.find((u) => u.user === 'tyonantaja-1')!;
    const [{ id }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 ORDER BY external_id LIMIT 1`,
      [one.employerId],
    );
    const own = await t.graphql<{ suggestRequirements: unknown[] }>(
      `query ($id: ID) { suggestRequirements(vacancyId: $id) { skillUri } }`,
      { id },
      { token: employer },
    );
    expect(own.body.data!.suggestRequirements.length).toBeGreaterThan(0);
    const other = await t.graphql(
      `query ($id: ID) { suggestRequirements(vacancyId: $id) { skillUri } }`,
      { id },
      { token: otherEmployer },
    );
    expect(other.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
