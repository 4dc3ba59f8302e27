import { Client } from 'pg';
import { log } from '../kernel/logger';
import { listenForMatchChanges } from './match-change.repository';

/**
 * LISTENs for the match change feed on a connection of its own and calls `onWake` for each
 * notification and after every (re)connection, since notifications sent while it was away
 * are lost: the replay from the table recovers them. Reconnects with a growing delay.
 */
export class ChangeListener {
  private client: Client | undefined;
  private stopped = false;
  private delayMs = 100;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly onWake: () => void,
    /** Told when LISTEN starts (true) and when the connection is lost or closed (false). */
    private readonly onListening: (listening: boolean) => void = () => undefined,
    /** Names the connection in pg_stat_activity (operators, and the test that cuts it). */
    private readonly applicationName = `osaamo-match-listener-${process.pid}`,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.onListening(false);
    if (this.timer) clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.connectionString,
      application_name: this.applicationName,
      connectionTimeoutMillis: 5000,
      // A half-open connection fires neither 'error' nor 'end': TCP keepalive finds it, so
      // queries stop trusting notifications that can no longer come.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    let lost = false;
    const reconnect = (reason: string) => {
      if (lost || this.stopped) return;
      lost = true;
      this.onListening(false);
      log.warn('match_listener_lost', { reason, retryInMs: this.delayMs });
      client.end().catch(() => undefined);
      this.timer = setTimeout(() => void this.connect(), this.delayMs);
      this.timer.unref();
      this.delayMs = Math.min(5000, this.delayMs * 2);
    };
    client.on('error', (error) => reconnect(error.message));
    client.on('end', () => reconnect('connection ended'));
    client.on('notification', () => this.onWake());
    try {
      await client.connect();
      await listenForMatchChanges(client);
      this.delayMs = 100;
      if (!lost && !this.stopped) this.onListening(true);
      this.onWake();
    } catch (error) {
      reconnect((error as Error).message);
    }
  }
}
