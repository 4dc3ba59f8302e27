type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/**
 * A typed array that grows by doubling, for the index's packed columns: one allocation per
 * doubling instead of one object per record.
 */
export class Growable<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly kind: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new kind(Math.max(16, capacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new this.kind(capacity);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  /** Replaces the contents with a packed array (after compaction). */
  replace(data: T, length: number): void {
    this.data = data;
    this.length = length;
  }
}

export const growUint8 = (capacity?: number) => new Growable(Uint8Array, capacity);
export const growUint32 = (capacity?: number) => new Growable(Uint32Array, capacity);
export const growInt32 = (capacity?: number) => new Growable(Int32Array, capacity);
export const growFloat64 = (capacity?: number) => new Growable(Float64Array, capacity);
export const growUint16 = (capacity?: number) => new Growable(Uint16Array, capacity);
