/**
 * A fake of Job Market Finland's job-posting search interface, written from the P67 contract
 * (fixtures/external/p67-job-posting.contract.ts), not from our client: it wants the
 * `KIPA-Subscription-Key` header (a bearer token is not required: the documentation names only
 * the key), refuses a body the contract refuses (an array `onlyStatus`, an empty set, a field
 * FiltersV2 does not have) with 400, and streams the whole result set as NDJSON, one posting a
 * line, with no paging. It honours the filters: status, the five intervals, regions,
 * municipalities, countries, posting languages and ISCO groups. It serves only records the
 * contract accepts; lines given as text (malformed on purpose) are served as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import {
  P67_CONTENT_TYPE,
  P67_FILTERS,
  P67_JOB_POSTING,
  P67_KEY_HEADER,
  P67_PATH,
  P67Filters,
  P67JobPosting,
  readP67Time,
} from '../../fixtures/external/p67-job-posting.contract';
import { FakeResponse, FakeServer, shiftToToday } from './fake-server';

export { P67_PATH as NATIONAL_POSTINGS_PATH };

export interface NationalFakeOptions {
  /**
   * The postings served, in order (default: fixtures/external/national-postings.ndjson with its
   * dates moved to today). A string is a line served as it is, filters aside.
   */
  postings?: () => Iterable<P67JobPosting | string>;
}

const refuse = (status: number, error: unknown): FakeResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify({ error }),
  malformed: '',
});

export function createNationalFake(options: NationalFakeOptions = {}): FakeServer {
  const iscoOf = occupationGroups();
  const postings = options.postings ?? fixturePostings();
  return new FakeServer('national', (request) => {
    if (request.method !== 'POST' || request.path !== P67_PATH) return refuse(404, 'not found');
    if (!request.headers[P67_KEY_HEADER.toLowerCase()])
      return refuse(401, `the ${P67_KEY_HEADER} header is missing`);
    let body: unknown;
    try {
      body = JSON.parse(request.body || '{}');
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    const filters = P67_FILTERS.safeParse(body);
    if (!filters.success) return refuse(400, filters.error.issues);
    const wanted = matcher(filters.data, iscoOf);
    return {
      status: 200,
      contentType: P67_CONTENT_TYPE,
      body: '',
      malformed: '',
      stream: function* () {
        // One chunk a line: what a reader sees depends on the network, not on the fake.
        for (const posting of postings()) {
          if (typeof posting === 'string') yield posting + '\n';
          else if (wanted(posting)) yield JSON.stringify(posting) + '\n';
        }
      },
    };
  });
}

/** The fixture file, checked against the contract once, with its dates moved to today. */
function fixturePostings(): () => P67JobPosting[] {
  const file = path.join(PROJECT_ROOT, 'fixtures/external/national-postings.ndjson');
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      const parsed = P67_JOB_POSTING.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file} line ${i + 1} breaks the P67 contract: ${parsed.error.message}`);
      return parsed.data;
    });
  return () => records.map(shiftDates);
}

function shiftDates(p: P67JobPosting): P67JobPosting {
  const shift = (value: string | null | undefined) => {
    const date = readP67Time(value);
    if (!date || !value) return value;
    const moved = new Date(shiftToToday(date.getTime())).toISOString();
    // The same style as written: without a zone (microseconds), or with `Z`.
    return value.endsWith('Z') ? moved.replace(/\.\d{3}Z$/, 'Z') : moved.replace(/Z$/, '000');
  };
  return {
    ...p,
    metadata: {
      ...p.metadata,
      created: shift(p.metadata.created),
      lastModified: shift(p.metadata.lastModified),
      archived: shift(p.metadata.archived),
    },
    application: p.application && {
      ...p.application,
      published: shift(p.application.published),
      expires: shift(p.application.expires),
    },
  };
}

/** ESCO occupation → ISCO group, from the sample taxonomy the fixtures were written from. */
function occupationGroups(): Map<string, string> {
  const file = path.join(PROJECT_ROOT, 'fixtures/esco-sample/source/occupations.tsv');
  return new Map(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('http'))
      .map((line) => line.split('\t'))
      .map(([uri, isco]) => [uri, isco] as [string, string]),
  );
}

/** FiltersV2 as the contract's sources describe it: every given filter must hold. */
function matcher(f: P67Filters, iscoOf: Map<string, string>): (p: P67JobPosting) => boolean {
  const within = (value: string | null | undefined, interval?: P67Filters['created']) => {
    if (!interval) return true;
    const time = readP67Time(value)?.getTime();
    if (time === undefined) return false;
    // [C1] from inclusive, to exclusive.
    const from = readP67Time(interval.from)?.getTime() ?? -Infinity;
    const to = readP67Time(interval.to)?.getTime() ?? Infinity;
    return time >= from && time < to;
  };
  const some = (values: (string | null | undefined)[], set?: string[]) =>
    !set || values.some((v) => v != null && set.includes(v));
  const pad = (code: string, width: number) => code.padStart(width, '0');
  return (p) => {
    const archived = Boolean(p.metadata.archived);
    const occupations = [p.position?.mainOccupation, ...(p.position?.occupations ?? [])];
    const groups = occupations.map((uri) =>
      !uri ? null : (/\/isco\/C(\d+)$/.exec(uri)?.[1] ?? iscoOf.get(uri) ?? null),
    );
    return (
      (!f.onlyStatus || (f.onlyStatus === 'ARCHIVED') === archived) &&
      within(p.metadata.created, f.created) &&
      within(p.metadata.lastModified, f.modified) &&
      within(p.application?.published ?? p.metadata.created, f.published) &&
      within(p.metadata.archived, f.archived) &&
      within(p.application?.expires, f.expires) &&
      some(
        (p.location?.regions ?? []).map((c) => pad(c, 2)),
        f.regionIn,
      ) &&
      some(
        (p.location?.municipalities ?? []).map((c) => pad(c, 3)),
        f.municipalityIn,
      ) &&
      some(p.location?.countries ?? [], f.countryIn) &&
      some(p.languages?.slice(0, 1) ?? [], f.postingLanguageIn) &&
      (!f.occupationIscoIn ||
        groups.some((g) => g && f.occupationIscoIn!.some((code) => g.startsWith(code))))
    );
  };
}
