import { RankedMatch, ranksBefore } from '../rank';

/**
 * The best k results seen so far, in a binary heap whose root is the worst of them, so that
 * a new result is compared once against the threshold and most are turned away at once.
 */
export class TopK {
  private readonly items: { match: RankedMatch; id: string }[] = [];

  constructor(readonly k: number) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /** The score a newcomer must reach (ties then go by id); -Infinity until full. */
  get threshold(): number {
    return this.full ? this.items[0]!.match.score.total : -Infinity;
  }

  offer(match: RankedMatch, id: string): void {
    const items = this.items;
    if (this.k === 0) return;
    if (!this.full) {
      items.push({ match, id });
      this.siftUp(items.length - 1);
      return;
    }
    const worst = items[0]!;
    if (!ranksBefore(match.score.total, id, worst.match.score.total, worst.id)) return;
    items[0] = { match, id };
    this.siftDown(0);
  }

  /** The results, best first. */
  sorted(): RankedMatch[] {
    return [...this.items]
      .sort((a, b) => (ranksBefore(a.match.score.total, a.id, b.match.score.total, b.id) ? -1 : 1))
      .map((item) => item.match);
  }

  private worse(i: number, j: number): boolean {
    const a = this.items[i]!;
    const b = this.items[j]!;
    return ranksBefore(b.match.score.total, b.id, a.match.score.total, a.id);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.items.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, worst)) worst = left;
      if (right < n && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const t = this.items[i]!;
    this.items[i] = this.items[j]!;
    this.items[j] = t;
  }
}

/**
 * A max-heap of slots keyed by their upper bound, over two typed arrays reused between
 * queries: the slots are taken highest bound first until the bound falls below the threshold.
 */
export class BoundQueue {
  private keys = new Float64Array(1024);
  private slots = new Uint32Array(1024);
  /** 1 when the key is the slot's exact bound (its skills known), 0 when the walk's looser one. */
  private exact = new Uint8Array(1024);
  private size = 0;

  reset(capacity: number): void {
    if (capacity > this.keys.length) {
      const size = Math.max(capacity, this.keys.length * 2);
      this.keys = new Float64Array(size);
      this.slots = new Uint32Array(size);
      this.exact = new Uint8Array(size);
    }
    this.size = 0;
  }

  /** Adds without ordering; call heapify() once all are in. */
  add(slot: number, bound: number, exact: boolean): void {
    this.keys[this.size] = bound;
    this.slots[this.size] = slot;
    this.exact[this.size] = exact ? 1 : 0;
    this.size++;
  }

  /** Adds a slot back with its exact bound (the queue is a heap: after heapify). */
  push(slot: number, bound: number): void {
    let i = this.size++;
    const keys = this.keys;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! >= bound) break;
      keys[i] = keys[parent]!;
      this.slots[i] = this.slots[parent]!;
      this.exact[i] = this.exact[parent]!;
      i = parent;
    }
    keys[i] = bound;
    this.slots[i] = slot;
    this.exact[i] = 1;
  }

  /** Whether the root's key is its slot's exact bound. */
  get topExact(): boolean {
    return this.exact[0] === 1;
  }

  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get length(): number {
    return this.size;
  }

  get topBound(): number {
    return this.keys[0]!;
  }

  pop(): number {
    const slot = this.slots[0]!;
    this.size--;
    this.keys[0] = this.keys[this.size]!;
    this.slots[0] = this.slots[this.size]!;
    this.exact[0] = this.exact[this.size]!;
    this.siftDown(0);
    return slot;
  }

  private siftDown(i: number): void {
    const keys = this.keys;
    const slots = this.slots;
    const n = this.size;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < n && keys[left]! > keys[best]!) best = left;
      if (right < n && keys[right]! > keys[best]!) best = right;
      if (best === i) return;
      const k = keys[i]!;
      keys[i] = keys[best]!;
      keys[best] = k;
      const s = slots[i]!;
      slots[i] = slots[best]!;
      slots[best] = s;
      const e = this.exact[i]!;
      this.exact[i] = this.exact[best]!;
      this.exact[best] = e;
      i = best;
    }
  }
}

/**
 * The best k slots by a total known before full scoring (score descending, then id), in a
 * heap whose root is the worst of them; slots pushed out within `near` of the k-th total are
 * kept aside, since full scoring may round their total to the other side of a tie.
 */
export class SlotTopK {
  private totals = new Float64Array(64);
  private slots = new Uint32Array(64);
  private ids: string[] = [];
  private size = 0;
  private k = 0;
  private readonly aside: { slot: number; total: number }[] = [];

  constructor(private readonly near: number) {}

  reset(k: number): void {
    this.k = k;
    this.size = 0;
    this.ids.length = 0;
    this.aside.length = 0;
    if (this.totals.length < k) {
      this.totals = new Float64Array(k);
      this.slots = new Uint32Array(k);
    }
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** The k-th total (ties then go by id); -Infinity until full. */
  get threshold(): number {
    return this.full && this.k > 0 ? this.totals[0]! : -Infinity;
  }

  offer(slot: number, total: number, id: string): void {
    if (this.k === 0) return;
    if (!this.full) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worseThan(total, id, parent)) break;
        this.move(parent, i);
        i = parent;
      }
      this.put(i, slot, total, id);
      return;
    }
    if (!ranksBefore(total, id, this.totals[0]!, this.ids[0]!)) {
      if (total >= this.totals[0]! - this.near) this.aside.push({ slot, total });
      return;
    }
    const out = this.totals[0]!;
    const outSlot = this.slots[0]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child =
        right < this.size &&
        ranksBefore(this.totals[left]!, this.ids[left]!, this.totals[right]!, this.ids[right]!)
          ? right
          : left;
      if (this.worseThan(total, id, child)) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, slot, total, id);
    if (out >= this.totals[0]! - this.near) this.aside.push({ slot: outSlot, total: out });
  }

  /** The slots to score in full: the k best and those aside still within `near` of the k-th. */
  finalists(): number[] {
    const least = this.threshold - this.near;
    const slots = Array.from(this.slots.subarray(0, this.size));
    for (const { slot, total } of this.aside) if (total >= least) slots.push(slot);
    return slots;
  }

  /** Whether (total, id) ranks after the entry at i (so belongs nearer the root). */
  private worseThan(total: number, id: string, i: number): boolean {
    return ranksBefore(this.totals[i]!, this.ids[i]!, total, id);
  }

  private move(from: number, to: number): void {
    this.totals[to] = this.totals[from]!;
    this.slots[to] = this.slots[from]!;
    this.ids[to] = this.ids[from]!;
  }

  private put(i: number, slot: number, total: number, id: string): void {
    this.totals[i] = total;
    this.slots[i] = slot;
    this.ids[i] = id;
  }
}
