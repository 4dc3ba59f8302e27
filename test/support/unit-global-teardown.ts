import { scanSuiteLogs } from './suite-logs';

export default function unitGlobalTeardown(): void {
  scanSuiteLogs();
}
