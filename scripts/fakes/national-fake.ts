/**
 * A fake of Job Market Finland's job-posting interface, serving
 * fixtures/external/national-postings.ndjson as NDJSON. It wants a bearer token and the
 * subscription key header, and honours the filters: status, publication date, municipalities,
 * regions, ISCO groups and posting languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { FakeServer, shiftToToday } from './fake-server';

export const NATIONAL_POSTINGS_PATH = '/jobpostings';
export const SUBSCRIPTION_KEY_HEADER = 'ocp-apim-subscription-key';

interface Posting {
  status: string;
  publishedAt: string;
  applicationPeriod: { start: string; end: string };
  postingLanguage: string;
  position: { occupation: { iscoCode: string } };
  location: { municipalityCode: string; regionCode: string };
}

const shiftDate = (iso: string) => new Date(shiftToToday(Date.parse(iso))).toISOString();

export function createNationalFake(): FakeServer {
  const file = path.join(PROJECT_ROOT, 'fixtures/external/national-postings.ndjson');
  return new FakeServer('national', (request) => {
    if (request.method !== 'POST' || request.path !== NATIONAL_POSTINGS_PATH)
      return { status: 404, contentType: 'application/json', body: '{}', malformed: '' };
    if (!/^Bearer \S+$/.test(String(request.headers.authorization ?? '')))
      return { status: 401, contentType: 'application/json', body: '{}', malformed: '' };
    if (!request.headers[SUBSCRIPTION_KEY_HEADER])
      return { status: 401, contentType: 'application/json', body: '{}', malformed: '' };
    const filter = JSON.parse(request.body || '{}') as {
      onlyStatus?: string[];
      published?: { from?: string };
      municipalityIn?: string[];
      regionIn?: string[];
      occupationIscoIn?: string[];
      postingLanguageIn?: string[];
    };
    const postings = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Posting)
      .map((p) => ({
        ...p,
        publishedAt: shiftDate(p.publishedAt),
        applicationPeriod: {
          start: shiftDate(p.applicationPeriod.start).slice(0, 10),
          end: shiftDate(p.applicationPeriod.end).slice(0, 10),
        },
      }))
      .filter(
        (p) =>
          (!filter.onlyStatus?.length || filter.onlyStatus.includes(p.status)) &&
          (!filter.published?.from || p.publishedAt >= filter.published.from) &&
          (!filter.municipalityIn?.length ||
            filter.municipalityIn.includes(p.location.municipalityCode)) &&
          (!filter.regionIn?.length || filter.regionIn.includes(p.location.regionCode)) &&
          (!filter.occupationIscoIn?.length ||
            filter.occupationIscoIn.some((g) => p.position.occupation.iscoCode.startsWith(g))) &&
          (!filter.postingLanguageIn?.length ||
            filter.postingLanguageIn.includes(p.postingLanguage)),
      );
    const lines = postings.map((p) => JSON.stringify(p));
    const body = lines.join('\n') + (lines.length ? '\n' : '');
    // Malformed: one line cut in half in the middle of the stream.
    const half = Math.floor(lines.length / 2);
    const malformed = [
      ...lines.slice(0, half),
      (lines[half] ?? '{"id":').slice(0, 20),
      ...lines.slice(half + 1),
    ].join('\n');
    return { status: 200, contentType: 'application/x-ndjson', body, malformed };
  });
}
