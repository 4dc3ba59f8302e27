/** The parts of a taxonomy the evaluation generates data from. */
export interface TaxonomyView {
  /** Occupation URI → ISCO unit group. */
  iscoGroupOf: Map<string, string>;
  essentialOf: Map<string, string[]>;
  optionalOf: Map<string, string[]>;
  broader: [string, string][];
  related: [string, string, string][];
}
