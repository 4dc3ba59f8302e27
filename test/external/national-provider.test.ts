import http from 'node:http';
import { AddressInfo } from 'node:net';
import { P67_FILTERS } from '../../fixtures/external/p67-job-posting.contract';
import { ExternalQuery } from '../../src/external/external-vacancy';
import { MalformedPayloadError } from '../../src/external/http-client';
import { markdownToText } from '../../src/external/markdown-text';
import { NationalContractError } from '../../src/external/national-coverage';
import { readNdjsonLines } from '../../src/external/ndjson-lines';
import { PlaceLocator } from '../../src/external/places';
import { readNationalRecord } from '../../src/external/providers/national-posting';
import { NationalProvider } from '../../src/external/providers/national-provider';

const places = new PlaceLocator([{ code: '687', latitude: 63.4936, longitude: 28.3003 }]);
const SHEET_METAL = 'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b';
const groups = (uri: string) => (uri === SHEET_METAL ? '7213' : null);

const query: ExternalQuery = {
  occupationUris: [SHEET_METAL],
  iscoGroups: ['7213'],
  skillUris: [],
  languages: [],
  municipalityCodes: ['687'],
  countries: [],
  workingTimes: ['full_time'],
};

/** A record in the contract's shape (every field from the public clients' examples). */
function posting(id: string, changes: Record<string, unknown> = {}) {
  return {
    languages: ['fi', 'en'],
    descriptionsContentType: 'markdown',
    metadata: {
      externalId: id,
      created: '2026-10-20T07:00:00.000000',
      lastModified: '2026-10-25T09:30:00.250000',
      archived: null,
    },
    owner: { company: { fi: 'Pohjolan Metalli Oy', en: 'Pohjola Metal Ltd' }, businessId: '1-1' },
    client: { company: 'Rekry Oy' },
    position: {
      title: { fi: 'Levyseppä', en: 'Sheet metal worker' },
      jobDescription: {
        fi: '## Tehtävä\n\nHaemme **levyseppää** [tiimiimme](https://example.fi).\n\n- kaarihitsaus\n- pistehitsaus',
      },
      mainOccupation: SHEET_METAL,
      occupations: ['http://data.europa.eu/esco/isco/C72'],
      skills: [
        'http://data.europa.eu/esco/skill/a1b2c3d4-0000-4000-8000-000000000001',
        'http://data.europa.eu/esco/isced-f/0715',
      ],
      workTime: '02',
      employmentRelationship: '01',
      continuityOfWork: ['0201'],
    },
    location: { municipalities: ['87'], regions: ['1'], countries: ['FI'] },
    application: {
      published: '2026-10-24T08:00:00',
      expires: '2026-12-28T21:59:59+02:00',
      openPositions: 3,
      url: { fi: 'https://rekry.example.fi/haku/1' },
    },
    contacts: [
      { firstName: 'Maija', lastName: 'Meikäläinen', email: 'maija@example.fi', telephone: '040' },
    ],
    ...changes,
  };
}
const line = (value: unknown) => JSON.stringify(value) + '\n';

async function* chunks(...parts: (string | Uint8Array | Error)[]): AsyncIterable<Uint8Array> {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield typeof part === 'string' ? Buffer.from(part) : part;
  }
}

describe('Job Market Finland client on the P67 contract', () => {
  it('is configured with a base URL and the key alone, and sends a bearer token only when one is set', () => {
    const keyOnly = new NationalProvider({ baseUrl: 'http://x', subscriptionKey: 'k' }, places);
    expect(keyOnly.configured).toBe(true);
    expect(keyOnly.headers()).toEqual({
      'KIPA-Subscription-Key': 'k',
      accept: 'application/x-ndjson',
    });
    const withToken = new NationalProvider(
      { baseUrl: 'http://x', subscriptionKey: 'k', token: 't' },
      places,
    );
    expect(withToken.headers().authorization).toBe('Bearer t');
    expect(new NationalProvider({ baseUrl: 'http://x', token: 't' }, places).configured).toBe(
      false,
    );
  });

  it('asks for published ads with onlyStatus as one string, and leaves empty sets out', () => {
    const provider = new NationalProvider({ baseUrl: 'http://x', subscriptionKey: 'k' }, places);
    const body = provider.requestBody(query, Date.UTC(2026, 10, 28));
    expect(body).toEqual({
      onlyStatus: 'PUBLISHED',
      published: { from: '2026-09-29T00:00:00.000Z' },
      municipalityIn: ['687'],
      occupationIscoIn: ['7213'],
    });
    const anywhere = provider.requestBody({ ...query, municipalityCodes: [], iscoGroups: [] });
    expect(Object.keys(anywhere).sort()).toEqual(['onlyStatus', 'published']);
    expect(P67_FILTERS.safeParse(anywhere).success).toBe(true);
  });

  it('maps a record field by field: ids, dates, language maps, Markdown, padded codes, ISCO, skills, apply link, raw codes', () => {
    const record = readNationalRecord(posting('id-1') as never, places, groups);
    expect(record).toMatchObject({ externalId: 'id-1', archived: false });
    expect(record.lastModified?.toISOString()).toBe('2026-10-25T09:30:00.250Z');
    const v = record.vacancy!;
    expect(v).toMatchObject({
      source: 'national',
      externalId: 'id-1',
      title: 'Levyseppä',
      description: 'Tehtävä\nHaemme levyseppää tiimiimme.\n• kaarihitsaus\n• pistehitsaus',
      url: 'https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/id-1/fi',
      applyUrl: 'https://rekry.example.fi/haku/1',
      employerName: 'Pohjolan Metalli Oy',
      country: 'FI',
      locationCode: '087',
      occupationUri: SHEET_METAL,
      iscoGroup: '7213',
      skillUris: ['http://data.europa.eu/esco/skill/a1b2c3d4-0000-4000-8000-000000000001'],
      language: 'fi',
      languages: [],
      workingTime: 'part_time',
      contractType: 'seasonal',
      sourceCodes: { workTime: '02', employmentRelationship: '01', continuityOfWork: ['0201'] },
      openPositions: 3,
    });
    // A time stamp without a zone is read as UTC; an offset is honoured.
    expect(v.publishedAt.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(v.expiresAt.toISOString()).toBe('2026-12-28T19:59:59.000Z');
    // Contacts are third parties' personal data: nothing of them is kept.
    expect(JSON.stringify(record)).not.toMatch(/Maija|maija@|Meikäläinen/);
  });

  it('takes ISCO 4-digit groups only: a coarser group or a national extension gives none', () => {
    const read = (occupations: string[]) =>
      readNationalRecord(
        posting('x', {
          position: { ...posting('x').position, mainOccupation: null, occupations },
        }) as never,
        places,
        groups,
      ).vacancy!.iscoGroup;
    expect(read(['http://data.europa.eu/esco/isco/C7212'])).toBe('7212');
    expect(
      read(['http://data.europa.eu/esco/isco/C72', 'http://data.europa.eu/esco/isco/C721']),
    ).toBeNull();
    expect(read(['http://data.tyomarkkinatori.fi/esco/occupation/abc'])).toBeNull();
    expect(read([SHEET_METAL])).toBe('7213');
  });

  it('falls back as the sources say: created for published, client for owner, region for municipality, plain text as it is', () => {
    const base = posting('y');
    const v = readNationalRecord(
      posting('y', {
        descriptionsContentType: 'plain',
        owner: null,
        application: { ...base.application, published: null, expires: null },
        location: { municipalities: [], regions: ['1'], countries: ['FI'] },
        position: { ...base.position, jobDescription: { fi: 'Rivi **yksi**\n\n\nRivi  2' } },
      }) as never,
      places,
      groups,
    ).vacancy!;
    expect(v.publishedAt.toISOString()).toBe('2026-10-20T07:00:00.000Z');
    expect(v.expiresAt.getTime() - v.publishedAt.getTime()).toBe(60 * 86_400_000);
    expect(v.employerName).toBe('Rekry Oy');
    expect(v.locationCode).toBe('01');
    expect(v.location).toEqual({ latitude: 60.1699, longitude: 24.9384 });
    expect(v.description).toBe('Rivi **yksi**\nRivi 2');
  });

  it('returns an archived record as a removal, and never infers language requirements', () => {
    const archived = readNationalRecord(
      posting('z', {
        metadata: { ...posting('z').metadata, archived: '2026-11-01T10:00:00' },
      }) as never,
      places,
      groups,
    );
    expect(archived).toMatchObject({ externalId: 'z', archived: true, vacancy: null });
  });
});

describe('Markdown to text', () => {
  it('keeps the words and drops the marks', () => {
    expect(
      markdownToText(
        '# Otsikko #\n\n**Lihava** ja *kursiivi* ja _alaviiva_ ja `koodi`.\n\n1. yksi\n2) kaksi\n* [ ] tehtävä\n> lainaus\n\n---\n![kuva](x.png)[linkki](https://x.fi) ja <https://y.fi>\n\\*ei korostus\\*',
      ),
    ).toBe(
      'Otsikko\nLihava ja kursiivi ja alaviiva ja koodi.\n• yksi\n• kaksi\n• tehtävä\nlainaus\nlinkki ja https://y.fi\n*ei korostus*',
    );
  });

  it('loses no character of ordinary text', () => {
    expect(markdownToText('5 * 3 = 15 ja snake_case_nimi, hinta 10 € * 2')).toBe(
      '5 * 3 = 15 ja snake_case_nimi, hinta 10 € * 2',
    );
  });
});

describe('NDJSON read line by line', () => {
  const collect = async (body: AsyncIterable<Uint8Array>, maxLine?: number) => {
    const lines: (string | null)[] = [];
    const end = await readNdjsonLines(body, (l) => void lines.push(l), undefined, maxLine);
    return { lines, end };
  };

  it('joins lines split across chunks, even inside a character, and accepts a whole last line without newline', async () => {
    const text = Buffer.from('{"a":"ä"}\n\n{"b":2}');
    const { lines, end } = await collect(chunks(text.subarray(0, 7), text.subarray(7)));
    expect(lines).toEqual(['{"a":"ä"}', '{"b":2}']);
    expect(end).toMatchObject({ lines: 2, complete: true, cutOff: null });
  });

  it('recognises a cut-off stream: a last line cut short, or a connection that breaks', async () => {
    const cut = await collect(chunks('{"a":1}\n{"b":'));
    expect(cut.lines).toEqual(['{"a":1}']);
    expect(cut.end).toMatchObject({ complete: false, cutOff: 'the last line is cut short' });
    const broken = await collect(chunks('{"a":1}\n', new TypeError('terminated')));
    expect(broken.end.complete).toBe(false);
    expect(broken.end.cutOff).toMatch(/broke off/);
  });

  it('drops a line longer than the limit and reports it, without holding it', async () => {
    const { lines, end } = await collect(
      chunks('{"a":1}\n{"long":"', 'x'.repeat(50), 'y'.repeat(50), '"}\n{"b":2}\n'),
      40,
    );
    expect(lines).toEqual(['{"a":1}', null, '{"b":2}']);
    expect(end.complete).toBe(true);
  });
});

describe('a pull over HTTP', () => {
  let server: http.Server;
  let answer: (res: http.ServerResponse) => void = () => {};
  const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let provider: NationalProvider;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ headers: req.headers, body });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    provider = new NationalProvider(
      { baseUrl: `http://127.0.0.1:${port}`, subscriptionKey: 'key' },
      places,
      groups,
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (requests.length = 0));

  const pull = async () => {
    const ids: string[] = [];
    const report = await provider.pull(
      { onlyStatus: 'PUBLISHED' },
      new AbortController().signal,
      (r) => void ids.push(r.externalId),
    );
    return { ids, report };
  };

  it('posts the contract body with the key, skips and counts bad lines, and reports coverage', async () => {
    const good = Array.from({ length: 30 }, (_, i) => line(posting(`id-${i}`))).join('');
    answer = (res) =>
      res
        .writeHead(200, { 'content-type': 'application/x-ndjson' })
        .end(good + 'not json\n' + line({ metadata: {} }) + line(posting('last')));
    const { ids, report } = await pull();
    expect(requests[0].headers['kipa-subscription-key']).toBe('key');
    expect(requests[0].headers.authorization).toBeUndefined();
    expect(JSON.parse(requests[0].body)).toEqual({ onlyStatus: 'PUBLISHED' });
    expect(ids).toHaveLength(31);
    expect(report).toMatchObject({
      lines: 33,
      ads: 31,
      badLines: 2,
      badReasons: { 'not JSON': 1, 'shape: metadata.externalId': 1 },
      complete: true,
    });
    expect(report.coverage.iscoGroup).toBe(31);
    expect(report.coverage.municipality).toBe(31);
    expect(report.maxLastModified?.toISOString()).toBe('2026-10-25T09:30:00.250Z');
  });

  it('fails loudly when the usable share falls below the threshold (the shape has drifted)', async () => {
    // The shape the old client expected: every line is valid JSON and none is usable.
    const old = { id: 'tmt-1', status: 'ACTIVE', publishedAt: '2026-10-01', position: {} };
    answer = (res) => res.writeHead(200).end(line(old).repeat(10) + line(posting('only-one')));
    await expect(pull()).rejects.toThrow(NationalContractError);
  });

  it('reports a stream cut off mid-line as incomplete, keeping what was read; a search refuses it', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(line(posting('a')) + line(posting('b')) + line(posting('c')).slice(0, 40));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const { ids, report } = await pull();
    expect(ids).toEqual(['a', 'b']);
    expect(report.complete).toBe(false);
    await expect(provider.search(query, new AbortController().signal)).rejects.toThrow(
      MalformedPayloadError,
    );
  });
});
