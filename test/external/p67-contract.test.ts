import {
  P67_FILTERS,
  P67_JOB_POSTING,
  readP67Time,
} from '../../fixtures/external/p67-job-posting.contract';

/** A record as the public clients show one (sources [C1] [C2] of the contract). */
const record = () => ({
  languages: ['fi'],
  descriptionsContentType: 'markdown',
  metadata: {
    externalId: '6a1e0000-0000-4000-8000-000000100200',
    created: '2026-10-24T08:00:00.000000',
    lastModified: '2026-10-25T09:30:00Z',
    archived: null,
  },
  owner: { company: { fi: 'Pohjolan Metalli Oy' }, businessId: '1234567-8' },
  client: { company: 'Rekry Oy' },
  position: {
    title: { fi: 'Levyseppä' },
    jobDescription: { fi: '**Haemme** levyseppää' },
    mainOccupation: 'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b',
    occupations: ['http://data.europa.eu/esco/isco/C7213'],
    skills: ['http://data.europa.eu/esco/skill/x'],
    workTime: '01',
    employmentRelationship: '01',
    continuityOfWork: ['01'],
  },
  location: { municipalities: ['687'], regions: ['11'], countries: ['FI'] },
  application: {
    published: '2026-10-24T08:00:00',
    expires: '2026-12-28T21:59:59Z',
    openPositions: 2,
    url: { fi: 'https://example.fi/apply' },
  },
  contacts: [{ firstName: 'A', lastName: 'B', email: 'a@example.fi', telephone: '1' }],
  someFieldAddedLater: true,
});

describe('P67 contract', () => {
  it('accepts the body the documentation and the public clients send', () => {
    expect(P67_FILTERS.safeParse({ onlyStatus: 'PUBLISHED' }).success).toBe(true);
    expect(
      P67_FILTERS.safeParse({
        onlyStatus: 'ARCHIVED',
        archived: { from: '2026-11-30T10:00:00.000Z', to: '2026-11-30T10:15:00.000Z' },
        municipalityIn: ['687', '297'],
        occupationIscoIn: ['7213'],
      }).success,
    ).toBe(true);
  });

  it('refuses an array onlyStatus, the old ACTIVE/REMOVED values, empty sets and unknown fields', () => {
    expect(P67_FILTERS.safeParse({ onlyStatus: ['PUBLISHED'] }).success).toBe(false);
    expect(P67_FILTERS.safeParse({ onlyStatus: 'ACTIVE' }).success).toBe(false);
    expect(P67_FILTERS.safeParse({ onlyStatus: 'PUBLISHED', regionIn: [] }).success).toBe(false);
    expect(P67_FILTERS.safeParse({ page: 2 }).success).toBe(false);
    expect(P67_FILTERS.safeParse({ municipalityIn: ['87'] }).success).toBe(false);
  });

  it('accepts a record in the published shape, with fields it does not name', () => {
    const parsed = P67_JOB_POSTING.safeParse(record());
    expect(parsed.success).toBe(true);
  });

  it('refuses a record without an id, or with occupations as objects rather than URIs', () => {
    const noId = record() as Record<string, unknown>;
    noId.metadata = { created: '2026-10-24T08:00:00' };
    expect(P67_JOB_POSTING.safeParse(noId).success).toBe(false);
    const objects = record();
    (objects.position as Record<string, unknown>).skills = [{ uri: 'x' }];
    expect(P67_JOB_POSTING.safeParse(objects).success).toBe(false);
  });

  it('reads a time stamp without a zone as UTC and honours an offset when present', () => {
    expect(readP67Time('2026-10-24T08:00:00.123456')?.toISOString()).toBe(
      '2026-10-24T08:00:00.123Z',
    );
    expect(readP67Time('2026-10-24T08:00:00+02:00')?.toISOString()).toBe(
      '2026-10-24T06:00:00.000Z',
    );
    expect(readP67Time('2026-10-24T08:00:00Z')?.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(readP67Time('not a time')).toBeNull();
    expect(readP67Time(null)).toBeNull();
  });
});
