/**
 * Which counts of people a caller gets exactly, and how the rest are shown: the one owner of
 * that rule. A count is exact for a caller who could list the people it counts anyway (a
 * counsellor, the jobseekers of their area; whoever may call matchesForVacancy on a vacancy, the
 * pool of its profile as it is); any other count is shown by the cell key method
 * (matching/disclosure/cell-key.ts): perturbed, keyed by the records it counts, hidden below
 * HIDDEN_BELOW after perturbation. Perturbed totals do not equal the sum of their cells. The
 * threshold and its check live in cell-key.ts only; texts name it through HIDDEN_BELOW.
 */
import { Cell, CellKeyParams, DEFAULT_CELL_KEY_PARAMS, protectedCount } from '../../matching';

export const DISCLOSURE_PARAMS: CellKeyParams = DEFAULT_CELL_KEY_PARAMS;

/** A count shown to those who may not list its people is hidden when below this, perturbed. */
export const HIDDEN_BELOW = DISCLOSURE_PARAMS.threshold;

/** How a perturbed count is described in the schema. */
export const PERTURBED = `perturbed by the cell key method (the same people always give the same number; a difference of two overlapping counts is not exact; perturbed totals do not equal the sum of their cells), null below ${HIDDEN_BELOW} after perturbation, 0 only when none`;

/** A count and the key of the records it counts. */
export interface CountedCell {
  count: number;
  key: number;
}

/** The count exactly when `exact`, else as the cell key method shows it (null: hidden). */
export function shownCount(cell: CountedCell, exact: boolean): number | null {
  return exact ? cell.count : protectedCount(cell.count, cell.key, DISCLOSURE_PARAMS);
}

/** A difference of two shown counts: null when either is hidden. Never a cell of its own. */
export function shownDifference(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : to - from;
}

/** An empty cell, filled record by record. */
export function newCell(): Cell {
  return new Cell(DISCLOSURE_PARAMS.bigN);
}
