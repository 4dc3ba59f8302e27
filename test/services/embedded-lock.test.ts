import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '../../src/db/embedded/embedded-postgres';

describe('embedded database folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process on the same folder, naming the holder', async () => {
    const dataDir = path.join(dir, 'pglite');
    const first = await EmbeddedPostgres.start({ dataDir, holder: 'first server' });
    try {
      await expect(EmbeddedPostgres.start({ dataDir, holder: 'second server' })).rejects.toThrow(
        /is in use by process \d+ \(first server, started .*\)/,
      );
    } finally {
      await first.stop();
    }
    // Released on a clean stop: the folder can be opened again.
    const again = await EmbeddedPostgres.start({ dataDir, holder: 'third server' });
    await again.stop();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('takes over a lock whose process has ended', async () => {
    const dataDir = path.join(dir, 'pglite');
    // A pid far above any live process's: the holder is gone.
    fs.writeFileSync(
      `${dataDir}.lock`,
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: os.hostname(),
        command: 'crashed',
        startedAt: '2026-01-01',
      }),
    );
    const server = await EmbeddedPostgres.start({ dataDir });
    await server.stop();
  });
});
