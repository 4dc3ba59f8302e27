import { UsageError } from '../../src/cli/arguments';
import { parseRetentionArgs } from '../../src/cli/apply-retention';
import { parseErasureRegisterArgs } from '../../src/cli/erasure-register';
import { parseImportEscoArgs } from '../../src/cli/import-esco';
import { parseImportJsonlArgs } from '../../src/cli/import-jsonl';
import { parseIssueTokenArgs } from '../../src/cli/issue-token';

/** The command-line tools' arguments (node:util parseArgs): their flags, and clear refusals. */
describe('command-line arguments', () => {
  const refusal = (parse: () => unknown): string => {
    try {
      parse();
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
    throw new Error('was not refused');
  };

  it('reads import:esco as before: a folder and languages, written either way', () => {
    expect(parseImportEscoArgs(['/esco'])).toEqual({ dir: '/esco', languages: undefined });
    expect(parseImportEscoArgs(['/esco', '--languages', 'en, fi,'])).toEqual({
      dir: '/esco',
      languages: ['en', 'fi'],
    });
    expect(parseImportEscoArgs(['--languages=sv', '/esco'])).toEqual({
      dir: '/esco',
      languages: ['sv'],
    });
  });

  it('refuses an unknown flag, a flag without its value and a missing folder, with the usage', () => {
    expect(refusal(() => parseImportEscoArgs(['/esco', '--language', 'fi']))).toMatch(
      /^Unknown option '--language'.*\nUsage: npm run import:esco -- <dir> \[--languages en,fi,sv\]$/s,
    );
    expect(refusal(() => parseImportEscoArgs(['/esco', '--languages']))).toMatch(
      /^Option '--languages <value>' argument missing\nUsage: npm run import:esco/,
    );
    expect(refusal(() => parseImportEscoArgs(['--help']))).toBe(
      'Usage: npm run import:esco -- <dir> [--languages en,fi,sv]',
    );
    expect(refusal(() => parseImportEscoArgs([]))).toMatch(
      /^Missing the ESCO download folder\.\nUsage: npm run import:esco/,
    );
  });

  it('reads the other commands, and refuses what they do not take', () => {
    expect(parseImportJsonlArgs(['people.jsonl', '--overwrite'])).toEqual({
      file: 'people.jsonl',
      overwrite: true,
    });
    expect(refusal(() => parseImportJsonlArgs(['people.jsonl', '--overwite']))).toMatch(
      /^Unknown option '--overwite'/,
    );
    expect(refusal(() => parseImportJsonlArgs(['a.jsonl', 'b.jsonl']))).toMatch(
      /^Unexpected argument 'b.jsonl'\.\nUsage: npm run import -- <file.jsonl>/,
    );
    expect(parseIssueTokenArgs(['--user', 'neuvoja', '--hours', '2'])).toMatchObject({
      user: 'neuvoja',
      hours: 2,
    });
    expect(refusal(() => parseIssueTokenArgs(['--role', 'admin']))).toMatch(/^Missing --user\./);
    expect(refusal(() => parseIssueTokenArgs(['--user', 'x', '--hours', 'ten']))).toMatch(
      /^--hours must be a positive number, not "ten"/,
    );
    expect(parseRetentionArgs(['--dry-run', '--days', '30'], {})).toEqual({
      dryRun: true,
      asOf: undefined,
      retentionDays: 30,
    });
    expect(parseRetentionArgs([], { OSAAMO_RETENTION_DAYS: '' }).retentionDays).toBe(365);
    expect(refusal(() => parseRetentionArgs([], { OSAAMO_RETENTION_DAYS: 'year' }))).toMatch(
      /^OSAAMO_RETENTION_DAYS must be a whole number of days, not "year"/,
    );
    expect(parseErasureRegisterArgs(['export', 'register.json'])).toEqual([
      'export',
      'register.json',
    ]);
    expect(refusal(() => parseErasureRegisterArgs(['import', 'register.json']))).toMatch(
      /^Unknown command 'import'\.\nUsage: npm run erasure:export/,
    );
  });
});
