/**
 * For each skill, the entries (a person's claims, or a vacancy's requirements) that name it: a
 * packed base built at compaction (offsets into one Uint32Array, CSR style) plus a small
 * mutable delta of entries added since. Dead entries stay until compaction; readers skip them.
 */
export class PostingLists {
  offsets = new Uint32Array(1);
  entries = new Uint32Array(0);
  private readonly delta = new Map<number, number[]>();
  deltaSize = 0;

  get baseSize(): number {
    return this.entries.length;
  }

  /** Entries of `skill` added since the last rebuild, or undefined. */
  deltaOf(skill: number): number[] | undefined {
    return this.delta.get(skill);
  }

  add(skill: number, entry: number): void {
    const list = this.delta.get(skill);
    if (list) list.push(entry);
    else this.delta.set(skill, [entry]);
    this.deltaSize++;
  }

  /** Start and end of `skill` in `entries`; empty for a skill numbered after the last rebuild. */
  baseStart(skill: number): number {
    return skill + 1 < this.offsets.length ? this.offsets[skill]! : 0;
  }

  baseEnd(skill: number): number {
    return skill + 1 < this.offsets.length ? this.offsets[skill + 1]! : 0;
  }

  /** Rebuilds the base from every entry's skill (entries in order, so each list is sorted). */
  rebuild(skillOfEntry: Uint32Array, entryCount: number, skillCount: number): void {
    const offsets = new Uint32Array(skillCount + 1);
    for (let e = 0; e < entryCount; e++) offsets[skillOfEntry[e]! + 1]!++;
    for (let s = 0; s < skillCount; s++) offsets[s + 1]! += offsets[s]!;
    const fill = offsets.slice(0, skillCount);
    const entries = new Uint32Array(entryCount);
    for (let e = 0; e < entryCount; e++) entries[fill[skillOfEntry[e]!]!++] = e;
    this.offsets = offsets;
    this.entries = entries;
    this.delta.clear();
    this.deltaSize = 0;
  }

  /** Lengths of the lists, for the bench's percentiles. */
  lengths(skillCount: number): number[] {
    const lengths: number[] = [];
    for (let s = 0; s < skillCount; s++)
      lengths.push(this.baseEnd(s) - this.baseStart(s) + (this.delta.get(s)?.length ?? 0));
    return lengths;
  }
}
