import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { fixturePersonalData, personalDataInLogs } from '../support/personal-data-in-logs';

/** The scan the global teardown runs over the whole suite's logs must be able to fail. */
describe('the scan for personal data in logs', () => {
  const personal = fixturePersonalData(
    path.join(PROJECT_ROOT, 'fixtures/people/kuopio-area.jsonl'),
  );

  it('knows the fixture people', () => {
    expect(personal.length).toBeGreaterThan(600);
    expect(personal.some((v) => v.endsWith('@example.invalid'))).toBe(true);
  });

  it('finds a name, an email or a personal identity code in a log line, and passes clean lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-scan-'));
    const email = personal.find((v) => v.includes('@'))!;
    fs.writeFileSync(
      path.join(dir, '1.jsonl'),
      [
        JSON.stringify({
          level: 'info',
          event: 'clean',
          jobseekerId: '4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03',
        }),
        JSON.stringify({ level: 'info', event: 'leaks_email', to: email }),
        JSON.stringify({ level: 'info', event: 'leaks_hetu', id: '010170-123F' }),
      ].join('\n'),
    );
    expect(personalDataInLogs(dir, personal)).toEqual([
      '1.jsonl: leaks_email',
      '1.jsonl: leaks_hetu',
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
