/**
 * A figure a test measures (a timing, a rate) for the README and the review. A passing `npm test`
 * prints nothing: OSAAMO_TEST_FIGURES=true prints these lines.
 */
export function reportFigure(line: string): void {
  if (process.env.OSAAMO_TEST_FIGURES === 'true') console.info(line);
}
