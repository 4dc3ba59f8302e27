/**
 * A fake of the EURES job vacancy search engine, serving fixtures/external/eures-jvs.json under
 * the contract of fixtures/external/eures-search.contract.ts: a body the contract refuses
 * (a missing or unknown field, more than 50 a page, a page past the 200th) is answered 400
 * `invalid-json`, and only hits the contract accepts are served. It honours the filters whose
 * meaning the contract's sources give (occupations, including ISCO codes of the sample taxonomy's
 * occupations; countries or NUTS codes; working time; keywords; publication period) and refuses
 * (400) the skill and language filters, whose meaning no source gives: a fake cannot know which of
 * its ads need which skills, nor how the portal reads a language level.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  EURES_INVALID_JSON,
  EURES_JV,
  EURES_SEARCH_PATH,
  EURES_SEARCH_REQUEST,
  EuresJv,
} from '../../fixtures/external/eures-search.contract';
import { PROJECT_ROOT } from '../../src/config';
import { readSampleSource } from '../../src/taxonomy/sample/sample-taxonomy';
import { FakeResponse, FakeServer, shiftToToday } from './fake-server';

export { EURES_SEARCH_PATH };

const PERIOD_DAYS: Record<string, number> = {
  LAST_DAY: 1,
  LAST_THREE_DAYS: 3,
  LAST_WEEK: 7,
  LAST_MONTH: 31,
};

function iscoOfSampleOccupations(): Map<string, string> {
  const occupations = readSampleSource(
    path.join(PROJECT_ROOT, 'fixtures/esco-sample/source/occupations.tsv'),
    ['uri', 'iscoGroup'],
  );
  return new Map(occupations.map((o) => [o.uri, o.iscoGroup]));
}

export function createEuresFake(): FakeServer {
  const file = path.join(PROJECT_ROOT, 'fixtures/external/eures-jvs.json');
  const isco = iscoOfSampleOccupations();
  return new FakeServer('eures', (request) => {
    if (request.method !== 'POST' || request.path !== EURES_SEARCH_PATH)
      return { status: 404, contentType: 'application/json', body: '{}', malformed: '' };
    const jvs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { jvs: unknown[] }).jvs
      .map((hit) => EURES_JV.safeParse(hit))
      .flatMap((hit) => (hit.success ? [hit.data] : []))
      .map((jv) => ({
        ...jv,
        creationDate: shiftToToday(jv.creationDate),
        lastModificationDate: jv.lastModificationDate && shiftToToday(jv.lastModificationDate),
      }));
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return refuse(EURES_INVALID_JSON);
    }
    const parsed = EURES_SEARCH_REQUEST.safeParse(json);
    if (!parsed.success) return refuse(EURES_INVALID_JSON);
    const body = parsed.data;
    const perPage = body.resultsPerPage;
    const page = body.page;
    // Filters whose meaning no source gives are refused rather than pretended.
    if (body.skillUris.length) return refuse({ error: 'skillUris not supported by the fake' });
    if (body.requiredLanguages.length)
      return refuse({ error: 'requiredLanguages not supported by the fake' });
    const occupations = body.occupationUris;
    const wantedIsco = new Set(occupations.map((o) => isco.get(o)).filter(Boolean));
    const locations = body.locationCodes.map((c) => c.toUpperCase());
    const schedules = body.positionScheduleCodes;
    const keywords = body.keywords.map((k) => k.keyword.toLowerCase());
    const periodDays = body.publicationPeriod ? PERIOD_DAYS[body.publicationPeriod] : undefined;
    const matching = jvs.filter(
      (jv) =>
        (!occupations.length ||
          (jv.jobCategoriesCodes ?? []).some(
            (code) => occupations.includes(code) || wantedIsco.has(code.split('/isco/C')[1] ?? '-'),
          )) &&
        (!locations.length ||
          Object.entries(jv.locationMap).some(
            ([country, nuts]) =>
              locations.includes(country) ||
              (nuts ?? []).some((n) => locations.some((l) => l.length >= 3 && n.startsWith(l))),
          )) &&
        (!schedules.length ||
          (jv.positionScheduleCodes ?? []).some((s) => schedules.includes(s))) &&
        (!keywords.length || keywords.some((k) => searchable(jv).includes(k))) &&
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

function refuse(body: object): FakeResponse {
  return {
    status: 400,
    contentType: 'application/json',
    body: JSON.stringify(body),
    malformed: '',
  };
}

/** Keywords are looked for in every language the hit carries its text in. */
function searchable(jv: EuresJv): string {
  const texts = Object.values(jv.translations ?? {}).map((t) => `${t.title} ${t.description}`);
  return [jv.title, jv.description, ...texts].join(' ').toLowerCase();
}
