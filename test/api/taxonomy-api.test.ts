import { Logger, QueryRunner } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';

/** Counts the SQL statements the service sends, to prove DataLoader batches nested reads. */
class CountingLogger implements Logger {
  statements = 0;
  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner) {
    this.statements++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

describe('taxonomy GraphQL API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('searches skills in Finnish, with scores, matched labels and the skill', async () => {
    const { status, body } = await t.graphql(`{
      searchSkills(text: "hitsauksen", language: FI, first: 3) {
        score matchedLabel matchedLanguage matchedLabelKind
        skill { uri preferredLabel(language: EN) skillType }
      }
    }`);
    expect(status).toBe(200);
    const hits = (
      body.data as {
        searchSkills: { score: number; matchedLabel: string; skill: { preferredLabel: string } }[];
      }
    ).searchSkills;
    expect(hits).toHaveLength(3);
    expect(hits[0]).toEqual({
      score: expect.any(Number),
      matchedLabel: 'hitsaus',
      matchedLanguage: 'FI',
      matchedLabelKind: 'ALTERNATIVE',
      skill: {
        uri: 'http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc',
        preferredLabel: 'use welding equipment',
        skillType: 'skill/competence',
      },
    });
    expect(hits.map((h) => h.skill.preferredLabel)).toEqual(
      expect.arrayContaining([expect.stringMatching(/weld/)]),
    );
  });

  it('finds the nurse occupation from an inflected Finnish job title', async () => {
    const { body } = await t.graphql(
      `{ searchOccupations(text: "sairaanhoitajan", first: 1) { occupation { uri preferredLabel(language: SV) } } }`,
    );
    expect(body.data).toEqual({
      searchOccupations: [{ occupation: { uri: NURSE, preferredLabel: 'sjuksköterska' } }],
    });
  });

  it('returns an occupation with its essential and optional skills, labels and ISCO group', async () => {
    const { body } = await t.graphql(
      `query ($uri: ID!) {
      occupation(uri: $uri) {
        uri code iscoGroupCode preferredLabel(language: FI)
        labels(language: FI) { text kind }
        essentialSkills { relation skill { uri } }
        optionalSkills { relation skill { uri } }
      }
    }`,
      { uri: WELDER },
    );
    const welder = (
      body.data as {
        occupation: Record<string, unknown> & {
          essentialSkills: { relation: string }[];
          optionalSkills: unknown[];
        };
      }
    ).occupation;
    expect(welder).toMatchObject({
      uri: WELDER,
      code: '7212.3',
      iscoGroupCode: '7212',
      preferredLabel: 'hitsaaja',
      labels: [
        { text: 'hitsaaja', kind: 'PREFERRED' },
        { text: 'MIG-hitsaaja', kind: 'ALTERNATIVE' },
        { text: 'levyseppähitsaaja', kind: 'ALTERNATIVE' },
      ],
    });
    expect(welder.essentialSkills.length).toBeGreaterThan(5);
    expect(welder.essentialSkills.every((s) => s.relation === 'ESSENTIAL')).toBe(true);
    expect(welder.optionalSkills.length).toBeGreaterThan(0);
  });

  it('returns a skill with the occupations that need it and its hierarchy', async () => {
    const { body } = await t.graphql(
      `query ($uri: ID!) {
      skill(uri: $uri) { preferredLabel(language: FI) occupations { relation occupation { preferredLabel(language: EN) } } broader { uri } narrower { uri } relatedSkills { skill { uri } } }
    }`,
      { uri: FORKLIFT },
    );
    const skill = (
      body.data as {
        skill: {
          preferredLabel: string;
          occupations: { relation: string; occupation: { preferredLabel: string } }[];
        };
      }
    ).skill;
    expect(skill.preferredLabel).toBe('ajaa trukkia');
    expect(skill.occupations).toContainEqual({
      relation: 'ESSENTIAL',
      occupation: { preferredLabel: 'forklift operator' },
    });
  });

  it('answers null for an unknown URI and BAD_USER_INPUT naming the field for bad arguments', async () => {
    const unknown = await t.graphql(
      `{ skill(uri: "http://data.europa.eu/esco/skill/does-not-exist") { uri } }`,
    );
    expect(unknown.body).toEqual({ data: { skill: null } });
    for (const [query, field, reason] of [
      [
        `{ searchSkills(text: "hitsaus", first: 0) { score } }`,
        'first',
        'must be between 1 and 50',
      ],
      [
        `{ searchSkills(text: "hitsaus", first: 51) { score } }`,
        'first',
        'must be between 1 and 50',
      ],
      [`{ searchOccupations(text: "   ") { score } }`, 'text', 'must not be empty'],
      [
        `{ searchSkills(text: "${'a'.repeat(1001)}") { score } }`,
        'text',
        'must be at most 1000 characters',
      ],
      [
        `{ searchOccupations(text: "${'a'.repeat(201)}") { score } }`,
        'text',
        'must be at most 200 characters',
      ],
      [`{ occupation(uri: "not a uri") { uri } }`, 'uri', 'must be an ESCO concept URI'],
    ] as const) {
      const { body } = await t.graphql(query);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field, reason });
      expect(Object.values(body.data ?? {}).filter((value) => value !== null)).toEqual([]);
    }
  });

  it('reads nested relations with the same number of SQL statements for 3 and for 11 parents', async () => {
    const counter = new CountingLogger();
    const original = t.app.database.dataSource.logger;
    (t.app.database.dataSource as { logger: Logger }).logger = counter;
    const statementsFor = async (uri: string) => {
      counter.statements = 0;
      const { body } = await t.graphql(
        `query ($uri: ID!) {
        skill(uri: $uri) {
          occupations { occupation { preferredLabel labels { text } broader { uri } essentialSkills { skill { preferredLabel } } } }
        }
      }`,
        { uri },
      );
      const occupations = (body.data as { skill: { occupations: unknown[] } }).skill.occupations;
      return { occupations: occupations.length, statements: counter.statements };
    };
    try {
      // "operate forklift" is needed by few occupations, "use different communication channels" by 11.
      const few = await statementsFor(FORKLIFT);
      const many = await statementsFor(
        'http://data.europa.eu/esco/skill/415abd43-e8e5-4643-b5da-5f11307af57a',
      );
      expect(few.occupations).toBeLessThanOrEqual(3);
      expect(many.occupations).toBeGreaterThanOrEqual(10);
      expect(many.statements).toBe(few.statements);
      // skill, its occupations, the occupations, their labels, broader links, essential skills,
      // those skills, their labels: one statement per level, whatever the fan-out.
      expect(few.statements).toBeLessThanOrEqual(8);
    } finally {
      (t.app.database.dataSource as { logger: Logger }).logger = original;
    }
  });

  it('tells what taxonomy is loaded, with ESCO attribution', async () => {
    const { body } = await t.graphql(
      `{ taxonomyInfo { skills occupations languages attribution } }`,
    );
    expect(body.data).toEqual({
      taxonomyInfo: {
        skills: 297,
        occupations: 47,
        languages: ['en', 'fi', 'sv'],
        attribution: 'This service uses the ESCO classification of the European Commission.',
      },
    });
  });
});
