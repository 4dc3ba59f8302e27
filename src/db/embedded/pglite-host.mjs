// @ts-check
/**
 * The embedded PostgreSQL (PGlite) in a process of its own, served over the PostgreSQL wire
 * protocol on a loopback port. Why a separate process: PGlite blocks the thread it runs on
 * (health checks would stall behind a long query), and serving it over a socket lets the
 * service use the same `pg` driver as against a real server.
 *
 * Started by embedded-postgres.ts with fork(); talks to its parent over IPC:
 *   -> { type: 'ready', port }        listening
 *   -> { type: 'failed', message }    could not start (e.g. the folder is locked)
 *   <- { type: 'dump', file }         write a gzip tarball of the data folder to `file`
 *   -> { type: 'dumped' }
 * It exits when its parent disconnects or on SIGTERM, closing the database cleanly.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const options = JSON.parse(process.env.OSAAMO_PGLITE_OPTIONS ?? '{}');
/** @type {string} */
const dataDir = options.dataDir ?? 'memory://';
const inMemory = dataDir.startsWith('memory://');
const lockFile = inMemory ? null : `${path.resolve(dataDir)}.lock`;

/** @param {any} message */
function send(message) {
  if (process.send) process.send(message);
}

/**
 * One process per data folder: two PGlite processes on one folder lose rows. The lock is a
 * file created atomically beside the folder, naming its holder; a lock whose holder is gone
 * (same host, process no longer alive) is taken over.
 * @param {string} file
 */
function acquireLock(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me = {
    pid: process.pid,
    parentPid: process.ppid,
    host: os.hostname(),
    command: options.holder ?? 'osaamo',
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.host === me.host && !isAlive(holder.pid)) {
        fs.rmSync(file, { force: true }); // stale: its process has ended
        continue;
      }
      const who = holder
        ? `process ${holder.pid} (${holder.command}, started ${holder.startedAt} on ${holder.host})`
        : 'another process';
      throw new Error(
        `The embedded database folder ${path.resolve(dataDir)} is in use by ${who}. ` +
          `Stop it first, or set OSAAMO_DATA_DIR to another folder. Lock file: ${file}`,
      );
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

/** @param {string} file */
function readHolder(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

function releaseLock() {
  if (!lockFile) return;
  const holder = readHolder(lockFile);
  if (holder && holder.pid === process.pid) fs.rmSync(lockFile, { force: true });
}

/** @type {PGlite | undefined} */
let db;
/** @type {PGLiteSocketServer | undefined} */
let server;
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try {
    await server?.stop();
    await db?.close();
  } finally {
    releaseLock();
    process.exit(code);
  }
}

async function main() {
  if (lockFile) acquireLock(lockFile);
  /** @type {Blob | undefined} */
  let loadDataDir;
  if (options.templateFile) loadDataDir = new Blob([fs.readFileSync(options.templateFile)]);
  db = await PGlite.create(inMemory ? { loadDataDir } : { dataDir, loadDataDir });
  server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const address = /** @type {import('node:net').AddressInfo} */ (server.server?.address());
  send({ type: 'ready', port: address.port });
}

process.on('message', async (/** @type {any} */ message) => {
  if (message?.type === 'dump' && db) {
    const blob = await db.dumpDataDir('gzip');
    fs.writeFileSync(message.file, Buffer.from(await blob.arrayBuffer()));
    send({ type: 'dumped' });
  }
});
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

main().catch((error) => {
  releaseLock();
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
