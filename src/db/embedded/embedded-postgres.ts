import { fork, ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

export interface EmbeddedPostgresOptions {
  /** Folder of the data, or `memory://` for an in-memory database. */
  dataDir: string;
  /** A gzip tarball of a data folder to start from (a migrated template in tests). */
  templateFile?: string;
  /** Who holds the folder, as the lock file tells a second process. */
  holder?: string;
}

/** A running PGlite child process, reachable with `pg` at 127.0.0.1:port. */
export class EmbeddedPostgres {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** The connection string for `pg` (PGlite accepts any user and password). */
  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const script = path.join(PROJECT_ROOT, 'src', 'db', 'embedded', 'pglite-host.mjs');
    const child = fork(script, [], {
      env: { ...process.env, OSAAMO_PGLITE_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The child is plain ESM JavaScript: never run it through a TypeScript loader.
      execArgv: [],
    });
    const port = await new Promise<number>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(
          new Error(`The embedded database process exited (code ${code}) before it was ready`),
        );
      child.once('exit', onExit);
      child.on('message', (message: { type: string; port?: number; message?: string }) => {
        if (message.type === 'ready') {
          child.off('exit', onExit);
          resolve(message.port!);
        } else if (message.type === 'failed') {
          child.off('exit', onExit);
          reject(new Error(message.message));
        }
      });
    });
    return new EmbeddedPostgres(child, port);
  }

  /** Writes a gzip tarball of the data folder, to start other instances from. */
  async dumpTo(file: string): Promise<void> {
    await new Promise<void>((resolve) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== 'dumped') return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'dump', file });
    });
  }

  /** Closes the database cleanly and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
