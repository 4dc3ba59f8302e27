/**
 * Slots by occupation and by ISCO group, so that a query knows, before scoring, which records
 * can get occupation credit (1 for the same occupation, the ISCO group credit for the same
 * group) and bounds the others with none.
 */
export class OccupationPostings {
  private byOccupation = new Map<string, number[]>();
  private byGroup = new Map<string, number[]>();

  add(slot: number, occupations: readonly string[], groups: readonly string[]): void {
    for (const o of occupations) push(this.byOccupation, o, slot);
    for (const g of groups) if (g) push(this.byGroup, g, slot);
  }

  slotsOfOccupation(occupation: string): readonly number[] {
    return this.byOccupation.get(occupation) ?? NONE;
  }

  slotsOfGroup(group: string): readonly number[] {
    return this.byGroup.get(group) ?? NONE;
  }

  /** After compaction: renumbers the slots and drops the dead ones. */
  renumber(newSlotOf: Int32Array): void {
    this.byOccupation = renumbered(this.byOccupation, newSlotOf);
    this.byGroup = renumbered(this.byGroup, newSlotOf);
  }
}

const NONE: readonly number[] = [];

function push(map: Map<string, number[]>, key: string, slot: number): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

function renumbered(map: Map<string, number[]>, newSlotOf: Int32Array): Map<string, number[]> {
  const next = new Map<string, number[]>();
  for (const [key, slots] of map) {
    const kept: number[] = [];
    for (const slot of slots) if (newSlotOf[slot]! >= 0) kept.push(newSlotOf[slot]!);
    if (kept.length) next.set(key, kept);
  }
  return next;
}
