import fs from 'node:fs';
import path from 'node:path';
import {
  entityTables,
  projectProgram,
  repositoryOwners,
  TableWrite,
  tableWrites,
} from '../support/table-writes';

/**
 * One owner per table: a guarded table is written (raw SQL or TypeORM) only by the file whose
 * first line names it (`// Owns a, b and c.`, usually a repository), so that finding who writes
 * a table needs no text search. Migrations (outside src/) build the tables and are not scanned.
 * Other tables join the list as their owners take them over.
 */
const ROOT = path.resolve(__dirname, '../..');
/** Every table the migrations create: a new table cannot go without an owner. */
const GUARDED = fs
  .readdirSync(path.join(ROOT, 'migrations'))
  .flatMap((file) => [
    ...fs
      .readFileSync(path.join(ROOT, 'migrations', file), 'utf8')
      .matchAll(/CREATE TABLE "([a-z_]+)"/g),
  ])
  .map((match) => match[1]!);
/**
 * Owned tables whose writes the scan cannot see in their owner: those only migrations write (the
 * change feed through their triggers), and the taxonomy's concept tables, which the importer
 * writes through batch-writer.ts under a table name it passes in.
 */
const UNSEEN_WRITES = new Set([
  'match_change',
  'municipality',
  'esco_skill',
  'esco_skill_group',
  'esco_occupation',
  'esco_isco_group',
]);
/** What is scanned: the application and the scripts that run against a database. Benches
 * are left out: they set up states on purpose (startup.bench.ts writes the change feed). */
const SCANNED = ['src', 'scripts'];

function filesUnder(folder: string, suffix: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(file, suffix);
    return file.endsWith(suffix) && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/** The owner of each table, from the first lines of the application's files. */
function ownersByTable(): Map<string, string[]> {
  const owners = repositoryOwners(filesUnder(path.join(ROOT, 'src'), '.ts'), ROOT);
  const byTable = new Map<string, string[]>();
  for (const [file, tables] of owners)
    for (const table of tables) byTable.set(table, [...(byTable.get(table) ?? []), file]);
  return byTable;
}

/** A file that writes four tables five ways (and reads one, and deletes from a Map). */
const WRITER = (entityPath: string) =>
  [
    "import { EntityManager } from 'typeorm';",
    `import { Jobseeker, JobseekerLanguage } from '${entityPath}';`,
    'export async function write(m: EntityManager, j: Jobseeker): Promise<void> {',
    '  await m.query(`INSERT INTO consent (jobseeker_id) VALUES ($1)`, [j.id]);',
    "  await m.query('update employer set name = $1', ['x']);",
    '  await m.save(j);',
    '  await m.delete(JobseekerLanguage, { jobseekerId: j.id });',
    '  await m.getRepository(Jobseeker).update({ id: j.id }, { licences: [] });',
    "  await m.query('SELECT 1 FROM training WHERE id = $1', [j.id]);",
    "  new Map<string, number>().delete('jobseeker');",
    '}',
    '',
  ].join('\n');

describe('table owners', () => {
  // One program (the type checker finds the entity of `manager.save(instance)`) for every test:
  // the project's files and a file made to be caught.
  let dir: string;
  let writes: TableWrite[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(ROOT, 'test', 'layout', '.owners-'));
    const writer = path.join(dir, 'writer.ts');
    fs.writeFileSync(
      writer,
      WRITER(path.relative(dir, path.join(ROOT, 'src/jobseekers/jobseeker.entity'))),
    );
    const files = SCANNED.flatMap((folder) => filesUnder(path.join(ROOT, folder), '.ts'));
    writes = tableWrites(
      projectProgram(ROOT, [...files, writer]),
      entityTables(filesUnder(path.join(ROOT, 'src'), '.ts')),
      ROOT,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds raw SQL and TypeORM writes, also of an entity instance (the check can fail)', () => {
    const file = path.relative(ROOT, path.join(dir, 'writer.ts'));
    expect(writes.filter((w) => w.file === file).map((w) => `${w.line} ${w.table}`)).toEqual([
      '4 consent',
      '5 employer',
      '6 jobseeker',
      '7 jobseeker_language',
      '8 jobseeker',
    ]);
  });

  it('names exactly one owner for each table', () => {
    expect(GUARDED.length).toBeGreaterThan(30);
    const owners = ownersByTable();
    expect(GUARDED.map((table) => [table, owners.get(table) ?? []])).toEqual(
      GUARDED.map((table) => [table, [expect.stringMatching(/^src\/.+\.ts$/)]]),
    );
  });

  it('has every write to those tables in their owner repository', () => {
    const owners = ownersByTable();
    const ownerOf = (table: string) => owners.get(table)?.[0];
    const scanned = writes.filter((w) => SCANNED.some((f) => w.file.startsWith(f + path.sep)));
    // The scan sees each owner's own writes: it reads what it should.
    const unseen = GUARDED.filter(
      (table) =>
        !UNSEEN_WRITES.has(table) &&
        !scanned.some((w) => w.table === table && w.file === ownerOf(table)),
    );
    expect(unseen).toEqual([]);
    const strays = scanned
      .filter((w) => GUARDED.includes(w.table) && ownerOf(w.table) !== w.file)
      .map((w) => `${w.file}:${w.line} writes ${w.table} (owner: ${ownerOf(w.table)})`);
    expect(strays).toEqual([]);
  });
});
