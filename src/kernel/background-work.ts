import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Work the service does on its own (jobs, the change listener's wake-ups, the index build)
 * runs in an async context named after it, so that what it does can be told from what a
 * request does: a statement sent while a request is in progress is not the request's when
 * it was sent from here.
 */
const background = new AsyncLocalStorage<string>();

/** Runs `work` as background work named `name` (everything it awaits inherits the name). */
export function runAsBackgroundWork<T>(name: string, work: () => T): T {
  return background.run(name, work);
}

/** The name of the background work the caller runs in, or undefined outside any. */
export function backgroundWorkName(): string | undefined {
  return background.getStore();
}
