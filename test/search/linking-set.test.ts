import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describeWithEsco, ESCO_DIR } from '../support/esco-dir';

// The competence-identification development set (fixtures/linking/): its shape always, and
// with the full ESCO that every URI it names exists.
const DIR = path.join(__dirname, '..', '..', 'fixtures', 'linking');
const ESCO = 'http://data.europa.eu/esco/';

interface Item {
  id: string;
  text: string;
  kind?: string;
  skills?: string[][];
  occupations?: string[];
}

function read(file: string): Item[] {
  return fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item);
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));
const all = files.map((file) => ({ file, items: read(file) }));

describe('the linking development set', () => {
  it('has both halves of skills and titles in en, fi and sv', () => {
    for (const task of ['skills', 'titles'])
      for (const language of ['en', 'fi', 'sv'])
        for (const half of ['tune', 'heldout'])
          expect(files).toContain(`${task}-${language}.${half}.jsonl`);
  });

  it('has unique ids of the file language and task, odd ids tuning and even ids held out', () => {
    const seen = new Set<string>();
    for (const { file, items } of all) {
      const [, task, language, half] = /^(skills|titles)-(\w\w)\.(tune|heldout)\.jsonl$/.exec(
        file,
      )!;
      for (const item of items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
        expect(item.id).toMatch(
          new RegExp(`^${language}-${task === 'skills' ? 's' : 't'}-\\d{4}$`),
        );
        expect(item.text.trim()).not.toBe('');
        expect(Number(item.id.slice(-4)) % 2 === 1 ? 'tune' : 'heldout').toBe(half);
      }
    }
  });

  it('labels sentences with groups of skill URIs (none for noise) and titles with occupations', () => {
    for (const { file, items } of all) {
      for (const item of items) {
        if (file.startsWith('skills')) {
          expect(['ad', 'cv', 'noise']).toContain(item.kind);
          expect(item.skills!.length === 0).toBe(item.kind === 'noise');
          for (const group of item.skills!) {
            expect(group.length).toBeGreaterThan(0);
            for (const uri of group) expect(uri.startsWith(`${ESCO}skill/`)).toBe(true);
          }
        } else {
          expect(item.occupations!.length).toBeGreaterThan(0);
          for (const uri of item.occupations!)
            expect(uri.startsWith(`${ESCO}occupation/`)).toBe(true);
        }
      }
    }
  });
});

describeWithEsco('the linking development set against the full ESCO', () => {
  const uris = (file: string): Set<string> => {
    const rows = parse(fs.readFileSync(path.join(ESCO_DIR!, 'classification-en', file)), {
      columns: true,
    }) as Array<{ conceptUri: string }>;
    return new Set(rows.map((r) => r.conceptUri));
  };

  it('names only concepts that exist in ESCO v1.1.1', () => {
    const skills = uris('skills_en.csv');
    const occupations = uris('occupations_en.csv');
    const unknown = all.flatMap(({ items }) =>
      items.flatMap((item) => [
        ...(item.skills ?? []).flat().filter((u) => !skills.has(u)),
        ...(item.occupations ?? []).filter((u) => !occupations.has(u)),
      ]),
    );
    expect(unknown).toEqual([]);
  });
});
