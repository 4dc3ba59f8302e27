import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

type Trainings = {
  trainings: {
    edges: {
      node: {
        id: string;
        provider: string;
        title: string;
        durationDays: number;
        mode: string;
        municipalityCode: string | null;
        startDates: string[];
        url: string | null;
        skills: { skillUri: string; level: number }[];
      };
    }[];
  };
};

describe('trainings', () => {
  let t: TestApp;
  let counsellor: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
  });
  afterAll(() => t.stop());

  it('answers start dates as YYYY-MM-DD (they came out as epoch milliseconds), and a training read can be saved back', async () => {
    const { body } = await t.graphql<Trainings>(
      `{ trainings(first: 20) { edges { node { id provider title durationDays mode municipalityCode startDates url skills { skillUri level } } } } }`,
      {},
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const withDates = body.data!.trainings.edges.filter((e) => e.node.startDates.length > 0);
    expect(withDates.length).toBeGreaterThan(0);
    const stored: { id: string; dates: string[] }[] = await t.app.database.dataSource.query(
      `SELECT id, array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(start_dates) AS d ORDER BY d) AS dates
       FROM training WHERE id = ANY($1::uuid[])`,
      [withDates.map((e) => e.node.id)],
    );
    const byId = new Map(stored.map((r) => [r.id, r.dates]));
    for (const { node } of withDates) expect(node.startDates).toEqual(byId.get(node.id));

    const { id, skills, ...fields } = withDates.find((e) => e.node.municipalityCode !== null)!.node;
    const saved = await t.graphql(
      `mutation ($id: ID!, $input: TrainingInput!) { updateTraining(id: $id, input: $input) { startDates } }`,
      { id, input: { ...fields, skills } },
      { token: counsellor },
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data).toEqual({ updateTraining: { startDates: fields.startDates } });
    // TrainingInput replaces on update: an optional field left out is refused, not cleared.
    const { url: _url, ...withoutUrl } = fields;
    const leftOut = await t.graphql(
      `mutation ($id: ID!, $input: TrainingInput!) { updateTraining(id: $id, input: $input) { id } }`,
      { id, input: { ...withoutUrl, skills } },
      { token: counsellor },
    );
    expect(leftOut.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
    });
  });
});
