import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsvRecords, requiredColumn } from '../../src/taxonomy/import/csv-records';
import { readSampleSource } from '../../src/taxonomy/sample/sample-taxonomy';

describe('reading taxonomy files by column', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-columns-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('returns a column an ESCO CSV record has', () => {
    const [record] = readCsvRecords(write('ok.csv', 'conceptUri,code\nhttp://x/1,11\n'));
    expect(requiredColumn(record!, 'conceptUri')).toBe('http://x/1');
  });

  it('refuses an ESCO CSV record without a key column, naming the column', () => {
    const [record] = readCsvRecords(write('no-uri.csv', 'uri,code\nhttp://x/1,11\n'));
    expect(() => requiredColumn(record!, 'conceptUri')).toThrow(
      'ESCO CSV record without conceptUri',
    );
  });

  it('reads a sample source file by the columns asked for', () => {
    const file = write('ok.tsv', '# a comment\nuri\ten\tfi\nhttp://x/1\tnurse\thoitaja\n');
    expect(readSampleSource(file, ['uri', 'fi'])).toEqual([
      { uri: 'http://x/1', en: 'nurse', fi: 'hoitaja' },
    ]);
  });

  it('refuses a sample source file without a column asked for', () => {
    const file = write('no-sv.tsv', 'uri\ten\tfi\nhttp://x/1\tnurse\thoitaja\n');
    expect(() => readSampleSource(file, ['uri', 'sv'])).toThrow(`${file}: no column sv`);
  });
});
