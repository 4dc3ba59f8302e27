/**
 * Scores as people read them: two decimals (0.8734 reads 0.87). Rankings, floors and sums use
 * the exact values; where an integrator needs one, the API gives it in a separate `exact…` field.
 */
export const DISPLAY_DECIMALS = 2;

const SCALE = 10 ** DISPLAY_DECIMALS;

/** `value` rounded to DISPLAY_DECIMALS, half away from zero; null stays null. */
export function forDisplay(value: number): number;
export function forDisplay(value: number | null): number | null;
export function forDisplay(value: number | null): number | null {
  if (value === null) return null;
  // Scaled with a nudge: 0.285 is 0.28499999… in binary and must still read 0.29.
  return (Math.sign(value) * Math.round(Math.abs(value) * SCALE + 1e-9)) / SCALE;
}
