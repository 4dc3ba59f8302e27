import { prepareSuiteLogs } from './suite-logs';

/** The unit project's global setup: no database, only the suite's log directory. */
export default function unitGlobalSetup(): void {
  prepareSuiteLogs();
}
