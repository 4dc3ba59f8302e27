/** The service's entry point: npm start. */
import 'reflect-metadata';
import { developmentSecretNotice, loadConfig } from './config';
import { startApp } from './composition-root';
import { log } from './kernel/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const notice = developmentSecretNotice(config);
  if (notice) log.warn('development_secret_trusted', notice);
  const app = await startApp(config, { holder: 'npm start' });
  const address = `http://${config.host}:${config.port}`;
  log.info('server_started', { url: `${address}/graphql`, database: app.database.kind });
  if (config.development) log.info('explorer_available', { url: `${address}/explorer` });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown_started', { signal, graceSeconds: config.shutdownGraceSeconds });
    const deadline = setTimeout(() => {
      log.error('shutdown_timed_out');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    deadline.unref();
    app.stop().then(
      () => {
        log.info('shutdown_complete');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`Osaamo failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
