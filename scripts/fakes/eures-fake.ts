/**
 * A fake of the EURES job vacancy search engine, serving fixtures/external/eures-jvs.json.
 * It honours the filters the portal's search body carries (occupations, including ISCO codes of
 * the sample taxonomy's occupations; countries or NUTS-1/2 codes; languages; working time;
 * keywords; publication period) and the portal's paging limits (50 a page, 200 pages). A skill
 * filter is refused (400), as a fake cannot know which of its ads need which skills.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { FakeServer, shiftToToday } from './fake-server';

export const EURES_SEARCH_PATH = '/jv-searchengine/public/jv-search/search';

interface Jv {
  id: string;
  title: string;
  description: string;
  creationDate: number;
  lastModificationDate: number;
  locationMap: Record<string, string[]>;
  jobCategoriesCodes: string[];
  positionScheduleCodes: string[];
  availableLanguages: string[];
  [key: string]: unknown;
}

const PERIOD_DAYS: Record<string, number> = {
  LAST_DAY: 1,
  LAST_THREE_DAYS: 3,
  LAST_WEEK: 7,
  LAST_MONTH: 31,
};

function iscoOfSampleOccupations(): Map<string, string> {
  const rows = fs
    .readFileSync(path.join(PROJECT_ROOT, 'fixtures/esco-sample/source/occupations.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('http'));
  return new Map(rows.map((l) => l.split('\t')).map(([uri, isco]) => [uri, isco]));
}

export function createEuresFake(): FakeServer {
  const file = path.join(PROJECT_ROOT, 'fixtures/external/eures-jvs.json');
  const isco = iscoOfSampleOccupations();
  return new FakeServer('eures', (request) => {
    if (request.method !== 'POST' || request.path !== EURES_SEARCH_PATH)
      return { status: 404, contentType: 'application/json', body: '{}', malformed: '' };
    const jvs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { jvs: Jv[] }).jvs.map((jv) => ({
      ...jv,
      creationDate: shiftToToday(jv.creationDate),
      lastModificationDate: shiftToToday(jv.lastModificationDate),
    }));
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const perPage = Number(body.resultsPerPage);
    const page = Number(body.page);
    // The portal's limits: 50 a page, and no page past the 200th (10,000 hits).
    if (!(perPage >= 1 && perPage <= 50) || !(page >= 1 && page <= 200))
      throw new Error('bad paging');
    // A fake cannot know which of its ads need which skills: it refuses the filter rather
    // than pretend to honour it.
    if (((body.skillUris as string[]) ?? []).length) throw new Error('skillUris not supported');
    const occupations = (body.occupationUris as string[]) ?? [];
    const wantedIsco = new Set(occupations.map((o) => isco.get(o)).filter(Boolean));
    const locations = ((body.locationCodes as string[]) ?? []).map((c) => c.toUpperCase());
    const languages = ((body.requiredLanguages as { isoCode: string }[]) ?? []).map((l) =>
      l.isoCode.toLowerCase(),
    );
    const schedules = (body.positionScheduleCodes as string[]) ?? [];
    const keywords = ((body.keywords as { keyword: string }[]) ?? []).map((k) =>
      k.keyword.toLowerCase(),
    );
    const periodDays = PERIOD_DAYS[String(body.publicationPeriod)];
    const matching = jvs.filter(
      (jv) =>
        (!occupations.length ||
          jv.jobCategoriesCodes.some(
            (code) => occupations.includes(code) || wantedIsco.has(code.split('/isco/C')[1] ?? '-'),
          )) &&
        (!locations.length ||
          Object.entries(jv.locationMap).some(
            ([country, nuts]) =>
              locations.includes(country) ||
              nuts.some((n) => locations.some((l) => l.length >= 3 && n.startsWith(l))),
          )) &&
        (!languages.length || jv.availableLanguages.some((l) => languages.includes(l))) &&
        (!schedules.length || jv.positionScheduleCodes.some((s) => schedules.includes(s))) &&
        (!keywords.length ||
          keywords.some((k) => `${jv.title} ${jv.description}`.toLowerCase().includes(k))) &&
        (!periodDays || jv.creationDate >= Date.now() - periodDays * 86_400_000),
    );
    if (body.sortSearch === 'MOST_RECENT') matching.sort((a, b) => b.creationDate - a.creationDate);
    const body_ = JSON.stringify({
      numberRecords: matching.length,
      jvs: matching.slice((page - 1) * perPage, page * perPage),
    });
    return {
      status: 200,
      contentType: 'application/json',
      body: body_,
      malformed: body_.slice(0, Math.floor(body_.length / 2)),
    };
  });
}
