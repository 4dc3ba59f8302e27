import fs from 'node:fs';
import path from 'node:path';

/** What would identify a fixture person: full names, emails, phones, street addresses. */
export function fixturePersonalData(fixtureFile: string): string[] {
  const values = new Set<string>();
  for (const line of fs.readFileSync(fixtureFile, 'utf8').split('\n')) {
    if (!line.includes('"personalData"')) continue;
    const p = (JSON.parse(line) as { personalData: Record<string, string | null> }).personalData;
    values.add(`${p.firstName} ${p.lastName}`);
    for (const v of [p.email, p.phone, p.streetAddress]) if (v) values.add(v);
  }
  return [...values];
}

const PERSONAL_IDENTITY_CODE = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/;

/** The log lines (by file and event) that hold a fixture person's data or a personal identity code. */
export function personalDataInLogs(
  logDir: string,
  personal: string[],
  counted: { lines: number } = { lines: 0 },
): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(logDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of fs.readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      if (!line) continue;
      counted.lines++;
      if (PERSONAL_IDENTITY_CODE.test(line) || personal.some((value) => line.includes(value))) {
        const event = /"event":"([^"]+)"/.exec(line)?.[1] ?? 'unknown';
        found.push(`${file}: ${event}`);
      }
    }
  }
  return found;
}
