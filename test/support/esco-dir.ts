/** The full ESCO download, when ESCO_DIR names it (.ci/run sets it); tests that need it skip otherwise. */
import { describeIf } from './skip';

export const ESCO_DIR = process.env.ESCO_DIR;

/** `describe` when ESCO_DIR is set, else a skipped describe that says why. */
export function describeWithEsco(name: string, body: () => void): void {
  describeIf(
    ESCO_DIR ? null : 'set ESCO_DIR to the full ESCO download, e.g. ../shared/esco/v1.1.1',
    name,
    body,
  );
}
