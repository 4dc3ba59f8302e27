import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { removeDuplicates } from '../../src/external/dedupe';
import { ExternalQuery, ExternalVacancy } from '../../src/external/external-vacancy';
import { ExternalCache } from '../../src/external/external-cache';
import { htmlToText } from '../../src/external/html-text';
import { MalformedPayloadError, retryAfterMs } from '../../src/external/http-client';
import { PlaceLocator } from '../../src/external/places';
import { EuresProvider } from '../../src/external/providers/eures-provider';
import { EURES_SEARCH_REQUEST } from '../../fixtures/external/eures-search.contract';

const places = new PlaceLocator([{ code: '687', latitude: 63.4936, longitude: 28.3003 }]);
const eures = new EuresProvider({ baseUrl: 'http://127.0.0.1:1' }, places);
const fixture = (name: string) =>
  fs.readFileSync(path.join(PROJECT_ROOT, 'fixtures/external', name), 'utf8');

const query: ExternalQuery = {
  occupationUris: ['http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b'],
  iscoGroups: ['7213'],
  skillUris: ['http://data.europa.eu/esco/skill/x'],
  languages: [
    { language: 'en', level: 5 },
    { language: 'fi', level: 6 },
  ],
  municipalityCodes: ['687'],
  countries: ['SE', 'DE'],
  workingTimes: ['full_time'],
};

describe('EURES search client', () => {
  it('sends the body the portal sends: paging within 50, lowercase countries, no skill or language filter, empty unused filters', () => {
    const body = eures.requestBody(query);
    expect(body).toMatchObject({
      resultsPerPage: 50,
      page: 1,
      sortSearch: 'BEST_MATCH',
      occupationUris: query.occupationUris,
      skillUris: [],
      locationCodes: ['se', 'de'],
      // No source says how the portal reads a language filter: the languages are applied here.
      requiredLanguages: [],
      positionScheduleCodes: ['fulltime'],
      sectorCodes: [],
      requestLanguage: 'en',
    });
    expect(body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    // Every field the contract requires, none it does not know.
    expect(EURES_SEARCH_REQUEST.safeParse(body).success).toBe(true);
  });

  it('reads the ad as its employer wrote it: translations[original language], labelled and linked in that language', () => {
    const hit = {
      id: 'MTIzIDQ1',
      title: 'Welder',
      description: '<p>Machine translation</p>',
      creationDate: Date.UTC(2026, 10, 1),
      locationMap: { FI: ['FI1DC'] },
      employer: { name: 'Pohjolan Metalli Oy' },
      availableLanguages: ['fi', 'en'],
      translations: {
        en: { title: 'Welder', description: '<p>Machine translation</p>' },
        fi: { title: 'Hitsaaja', description: '<p>Haemme hitsaajaa</p>' },
      },
    };
    const [original] = eures.parse(JSON.stringify({ jvs: [hit] }));
    expect(original).toMatchObject({
      title: 'Hitsaaja',
      description: 'Haemme hitsaajaa',
      language: 'fi',
      languages: [{ language: 'fi', minLevel: 4 }],
      url: 'https://europa.eu/eures/portal/jv-se/jv-details/MTIzIDQ1?jvDisplayLanguage=fi&lang=en',
    });
    // Pohjois-Karjala under its NUTS 2024 code is placed.
    expect(original!.location).toEqual(places.ofNuts('FI1D3'));
    // Without the original's entry, the top-level text, labelled with the original language
    // ([O]: it is in the ad's own language); without any language named, with the request's.
    const [untranslated, unnamed] = eures.parse(
      JSON.stringify({
        jvs: [
          { ...hit, translations: { en: hit.translations.en } },
          { ...hit, availableLanguages: [], translations: null },
        ],
      }),
    );
    expect(untranslated).toMatchObject({ title: 'Welder', language: 'fi' });
    expect(unnamed).toMatchObject({ title: 'Welder', language: 'en', languages: [] });
    expect(unnamed!.url).toContain('jvDisplayLanguage=en&');
  });

  it('keeps the hits readable in a language the jobseeker works in, as the portal is not asked to', () => {
    const hit = (id: string, availableLanguages: string[]) => ({
      id,
      title: 't',
      creationDate: Date.UTC(2026, 10, 1),
      locationMap: { DE: ['DE300'] },
      availableLanguages,
    });
    const text = JSON.stringify({
      jvs: [hit('de', ['de']), hit('de-en', ['de', 'en']), hit('none', [])],
    });
    const ids = (languages: string[]) =>
      eures.parse(text, new Set(languages)).map((v) => v.externalId);
    expect(ids(['fi', 'en'])).toEqual(['de-en', 'none']);
    expect(ids(['de'])).toEqual(['de', 'de-en', 'none']);
    expect(ids([])).toEqual(['de', 'de-en', 'none']);
  });

  it('maps the fixture hits: plain-text descriptions, NUTS-3 kept, ISCO-only codes, missing employers, Finnish places located', () => {
    const vacancies = eures.parse(fixture('eures-jvs.json'));
    expect(vacancies).toHaveLength(70);
    const all = vacancies.map((v) => v.description).join('\n');
    expect(all).not.toMatch(/<[a-z]/);
    expect(all).toContain('&'); // &amp; decoded
    const iscoOnly = vacancies.find((v) => !v.occupationUri && v.iscoGroup);
    expect(iscoOnly?.iscoGroup).toMatch(/^\d{4}$/);
    expect(vacancies.some((v) => v.employerName === null)).toBe(true);
    expect(vacancies.every((v) => v.title === v.title.trim())).toBe(true);
    const swedish = vacancies.find((v) => v.country === 'SE')!;
    expect(swedish.locationCode).toMatch(/^SE\d{3}$/);
    expect(swedish.location).toBeNull(); // abroad we do not guess
    // Pohjois-Savo under its old NUTS code is still located at Kuopio.
    const savo = vacancies.find((v) => v.locationCode === 'FI1D2')!;
    expect(savo.location).toEqual({ latitude: 62.8924, longitude: 27.677 });
    expect(places.ofNuts('FI1DB')).toEqual(savo.location);
  });

  it('speaks the portal\u2019s country codes: el and uk asked, EL and UK read as GR and GB; links show the ad in its language', () => {
    expect(eures.requestBody({ ...query, countries: ['GR', 'GB', 'SE'] }).locationCodes).toEqual([
      'el',
      'uk',
      'se',
    ]);
    const jv = (id: string, locationMap: Record<string, string[]>, languages: string[]) => ({
      id,
      title: 't',
      creationDate: Date.UTC(2026, 10, 1),
      locationMap,
      availableLanguages: languages,
    });
    const parsed = eures.parse(
      JSON.stringify({
        jvs: [jv('g1', { EL: ['EL303'] }, ['el']), jv('u1', { UK: ['UKI31'] }, ['en'])],
      }),
    );
    const greek = parsed[0]!;
    const british = parsed[1]!;
    expect([greek.country, british.country]).toEqual(['GR', 'GB']);
    expect(greek.url).toBe(
      'https://europa.eu/eures/portal/jv-se/jv-details/g1?jvDisplayLanguage=el&lang=en',
    );
  });

  it('places the NUTS 2024 codes of Etelä-Savo and Pohjois-Karjala as their 2021 ones', () => {
    expect(places.ofNuts('FI1DA')).toEqual(places.ofNuts('FI1D1'));
    expect(places.ofNuts('FI1DC')).toEqual(places.ofNuts('FI1D3'));
    expect(places.ofNuts('FI1DA')).not.toBeNull();
    expect(places.ofNuts('FI1DC')).not.toBeNull();
  });

  it('refuses a body that is not the search engine shape, and skips single hits without an id', () => {
    expect(() => eures.parse('{"numberRecords": 1, "jvs": [')).toThrow(MalformedPayloadError);
    expect(() => eures.parse('{"numberRecords": 0}')).toThrow(MalformedPayloadError);
    const parsed = eures.parse(
      JSON.stringify({
        jvs: [
          { title: 'no id', creationDate: 1, locationMap: {} },
          JSON.parse(fixture('eures-jvs.json')).jvs[0],
        ],
      }),
    );
    expect(parsed).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('turns HTML into readable text', () => {
    expect(
      htmlToText(
        '<p>Hello &amp; <b>welcome</b></p><ul><li>one</li><li>two&#228;</li></ul><script>x()</script>',
      ),
    ).toBe('Hello & welcome\n• one\n• twoä');
  });

  // Issue 12, finding 14: the hand-made converter left named entities as written and let a
  // comment or an attribute holding ">" leak into the text.
  it('decodes Finnish and Swedish entities, named and numeric (finding 14)', () => {
    expect(htmlToText('<h2>S&auml;hk&ouml;asentaja</h2>')).toBe('Sähköasentaja');
    expect(htmlToText('<p>&Auml;&Ouml;&Aring; &auml;&ouml;&aring;</p>')).toBe('ÄÖÅ äöå');
    expect(htmlToText('<p>&#228;&#xE4;&#246;&#xF6;&#229;&#xC5; &#8211;</p>')).toBe('ääööåÅ –');
    expect(htmlToText('<p>&Aring;bo&nbsp;/&nbsp;Turku</p>')).toBe('Åbo / Turku');
    expect(htmlToText('<p>Sjuksk&ouml;terska i V&auml;st&aring;boland</p>')).toBe(
      'Sjuksköterska i Väståboland',
    );
  });

  it('keeps comments and attributes holding ">" out of the text (finding 14)', () => {
    expect(htmlToText('<p>Hitsaaja<!-- old > title --> Kuopio</p>')).toBe('Hitsaaja Kuopio');
    expect(htmlToText('<p title="a > b" data-x=">">Lähihoitaja</p>')).toBe('Lähihoitaja');
    expect(htmlToText('<img alt="x > y" src="a.png"><p>Kokki</p>')).toBe('Kokki');
  });

  it('drops scripts and styles and shows links without their href (finding 14)', () => {
    expect(
      htmlToText(
        '<style>p > b { color: red }</style><script>if (a > b) alert(1)</script>' +
          '<p>Hae <a href="https://example.invalid/apply?x=1">t&auml;st&auml;</a></p>',
      ),
    ).toBe('Hae tästä');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(
      10_000,
    );
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('finds the commute area from municipality centres', () => {
    const area = new PlaceLocator([
      { code: '297', latitude: 62.8924, longitude: 27.677 },
      { code: '749', latitude: 63.0752, longitude: 27.6602 },
    ]);
    expect(area.municipalitiesWithin({ latitude: 62.8924, longitude: 27.677 }, 30)).toEqual([
      '297',
      '749',
    ]);
  });

  it('gives the same query the same cache key, whatever the order of its lists', () => {
    const reordered = {
      ...query,
      countries: ['DE', 'SE'],
      languages: [...query.languages].reverse(),
    };
    expect(ExternalCache.keyOf(reordered)).toBe(ExternalCache.keyOf(query));
    expect(ExternalCache.keyOf({ ...query, countries: ['SE'] })).not.toBe(
      ExternalCache.keyOf(query),
    );
  });

  it('drops a national ad that EURES carries again, and repeats within one source', () => {
    const base = {
      description: '',
      url: '',
      location: null,
      occupationUri: null,
      iscoGroup: null,
      skillUris: [] as string[],
      language: 'fi',
      languages: [] as ExternalVacancy['languages'],
      workingTime: 'full_time',
      remote: 'none',
      contractType: 'permanent',
      publishedAt: new Date(),
      expiresAt: new Date(),
      locationCode: null,
    } as const;
    const v = (
      source: 'national' | 'eures',
      id: string,
      title: string,
      country = 'FI',
    ): ExternalVacancy => ({
      ...base,
      source,
      externalId: id,
      title,
      employerName: 'Pohjolan Metalli Oy',
      country,
    });
    const kept = removeDuplicates([
      v('national', 'n1', 'Levyseppä'),
      v('eures', 'e1', '  levyseppä '),
      v('eures', 'e1', 'Levyseppä'),
      v('eures', 'e2', 'Levyseppä', 'SE'),
    ]);
    expect(kept.map((k) => `${k.source}:${k.externalId}`)).toEqual(['national:n1', 'eures:e2']);
  });
});
