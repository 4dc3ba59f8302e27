import { Growable, growUint32, growUint8 } from './growable';
import { PostingLists } from './posting-lists';

/**
 * The records of an index, one slot each, with their entries (claims or requirements) stored
 * contiguously in the index's entry columns. A changed record gets a new slot; the old one is
 * a tombstone until compaction, so a query never sees half an update.
 */
type SlotColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

export class SlotTable<T> {
  ids: string[] = [];
  items: T[] = [];
  tags: string[] = [];
  readonly alive = growUint8();
  readonly entryStart = growUint32();
  readonly entryEnd = growUint32();
  private slotById = new Map<string, number>();
  dead = 0;

  get count(): number {
    return this.ids.length;
  }

  get liveCount(): number {
    return this.ids.length - this.dead;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** A new slot for `id`, retiring its previous one. */
  append(id: string, item: T, tag: string, firstEntry: number): number {
    this.remove(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.items.push(item);
    this.tags.push(tag);
    this.alive.push(1);
    this.entryStart.push(firstEntry);
    this.entryEnd.push(firstEntry);
    this.slotById.set(id, slot);
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.alive.data[slot] = 0;
    this.slotById.delete(id);
    this.dead++;
    return true;
  }

  /**
   * Drops the dead slots, here and in the caller's per-slot columns. Returns the new number of
   * every old slot (-1 for a dead one), for the caller's entries (`compactEntries`) and postings.
   */
  compact(perSlotColumns: Growable<SlotColumn>[] = []): Int32Array {
    const newSlotOf = new Int32Array(this.count).fill(-1);
    const ids: string[] = [];
    const items: T[] = [];
    const tags: string[] = [];
    for (let slot = 0; slot < this.count; slot++) {
      if (!this.alive.data[slot]) continue;
      newSlotOf[slot] = ids.length;
      ids.push(this.ids[slot]!);
      items.push(this.items[slot]!);
      tags.push(this.tags[slot]!);
    }
    const n = ids.length;
    const start = new Uint32Array(Math.max(16, n));
    const end = new Uint32Array(Math.max(16, n));
    let next = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const to = newSlotOf[slot]!;
      if (to < 0) continue;
      start[to] = next;
      next += this.entryEnd.data[slot]! - this.entryStart.data[slot]!;
      end[to] = next;
    }
    this.ids = ids;
    this.items = items;
    this.tags = tags;
    this.alive.replace(new Uint8Array(Math.max(16, n)).fill(1), n);
    this.entryStart.replace(start, n);
    this.entryEnd.replace(end, n);
    this.slotById = new Map(ids.map((id, slot) => [id, slot]));
    this.dead = 0;
    for (const column of perSlotColumns) {
      const Kind = column.data.constructor as new (length: number) => SlotColumn;
      const packed = new Kind(Math.max(16, n));
      for (let old = 0; old < newSlotOf.length; old++)
        if (newSlotOf[old]! >= 0) packed[newSlotOf[old]!] = column.data[old]!;
      column.replace(packed, n);
    }
    return newSlotOf;
  }
}

/**
 * Keeps the entries whose slot survived compaction, in order, in every column, and renumbers
 * the slot column. Returns the number of entries kept.
 */
export function compactEntries(
  slotColumn: Growable<Uint32Array>,
  columns: Growable<Uint8Array | Uint32Array | Int32Array | Float64Array>[],
  newSlotOf: Int32Array,
): number {
  const n = slotColumn.length;
  let kept = 0;
  for (let e = 0; e < n; e++) if (newSlotOf[slotColumn.data[e]!]! >= 0) kept++;
  for (const column of [...columns, slotColumn]) {
    const Kind = column.data.constructor as new (length: number) => typeof column.data;
    const packed = new Kind(Math.max(16, kept));
    let to = 0;
    for (let e = 0; e < n; e++) {
      const slot = newSlotOf[slotColumn.data[e]!]!;
      if (slot < 0) continue;
      packed[to++] = column === slotColumn ? slot : column.data[e]!;
    }
    column.replace(packed as never, kept);
  }
  return kept;
}

/** Whether enough has changed since the last compaction to make it worth its cost. */
export function compactionDue(slots: SlotTable<unknown>, postings: PostingLists): boolean {
  return slots.dead > 1000 + slots.count / 5 || postings.deltaSize > 20000 + postings.baseSize / 5;
}
