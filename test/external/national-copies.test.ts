import 'reflect-metadata';
import { removeDuplicates, storedNationalCopies } from '../../src/external/dedupe';
import { ExternalVacancy } from '../../src/external/external-vacancy';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const DAY = 86_400_000;

function vacancy(
  source: 'national' | 'eures',
  externalId: string,
  title: string,
  employerName: string | null,
  country = 'FI',
  expiresInDays = 30,
): ExternalVacancy {
  return {
    source,
    externalId,
    title,
    description: '',
    url: '',
    employerName,
    country,
    locationCode: null,
    location: null,
    occupationUri: null,
    iscoGroup: null,
    skillUris: [],
    language: 'fi',
    languages: [],
    workingTime: 'full_time',
    remote: 'none',
    contractType: 'unknown',
    publishedAt: new Date(),
    expiresAt: new Date(Date.now() + expiresInDays * DAY),
  };
}

describe('EURES copies of national ads held in national_vacancy', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
    const stored = [
      vacancy('national', 'n1', 'Levyseppä', 'Pohjolan Metalli Oy'),
      vacancy('national', 'n2', 'Lähihoitaja', null),
      vacancy('national', 'n3', 'Hitsaaja', 'Savon Teräs Oy', 'FI', -1),
    ];
    await db.database.dataSource.query(
      `INSERT INTO national_vacancy (external_id, data, expires_at)
       SELECT v.external_id, v.data, v.expires_at
       FROM jsonb_to_recordset($1::jsonb) AS v(external_id text, data jsonb, expires_at timestamptz)`,
      [
        JSON.stringify(
          stored.map((v) => ({ external_id: v.externalId, data: v, expires_at: v.expiresAt })),
        ),
      ],
    );
  });
  afterAll(() => db.close());

  it('recognises them by original-language title and employer in one statement, not only within one answer', async () => {
    const answer = [
      // Copies: white space and case differ, the employer-less ad matches an employer-less one.
      vacancy('eures', 'e1', '  LEVYSEPPÄ ', 'Pohjolan  metalli oy'),
      vacancy('eures', 'e2', 'Lähihoitaja', null),
      // Not copies: another employer, another country, an expired national ad, a translation.
      vacancy('eures', 'e3', 'Levyseppä', 'Muu Oy'),
      vacancy('eures', 'e4', 'Levyseppä', 'Pohjolan Metalli Oy', 'SE'),
      vacancy('eures', 'e5', 'Hitsaaja', 'Savon Teräs Oy'),
      vacancy('eures', 'e6', 'Sheet metal worker', 'Pohjolan Metalli Oy'),
    ];
    const query = jest.spyOn(db.database.dataSource, 'query');
    const stored = await storedNationalCopies(db.database.dataSource, answer);
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
    const kept = removeDuplicates(answer, stored).map((v) => v.externalId);
    expect(kept).toEqual(['e3', 'e4', 'e5', 'e6']);
  });

  it('asks nothing when the answer holds no Finnish EURES ad', async () => {
    const query = jest.spyOn(db.database.dataSource, 'query');
    const stored = await storedNationalCopies(db.database.dataSource, [
      vacancy('national', 'n9', 'Levyseppä', 'Pohjolan Metalli Oy'),
      vacancy('eures', 'e9', 'Levyseppä', 'Pohjolan Metalli Oy', 'SE'),
    ]);
    expect(stored.size).toBe(0);
    expect(query).not.toHaveBeenCalled();
    query.mockRestore();
  });
});
