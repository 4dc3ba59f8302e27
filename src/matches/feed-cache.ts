/**
 * Answers computed from the database over data the change feed covers (jobseekers, their
 * assessments, vacancies and their requirements), kept while the feed stands still. The caller
 * reads the feed position (`feedPosition`) from the database it then computes on, before
 * computing: an answer is then never older than the position it is kept under. A newer position
 * drops every answer kept; an older one (a request that read the feed before another's change)
 * computes without keeping. Concurrent asks of one key share one computation.
 */
export class FeedCache<V> {
  private position = -1;
  private readonly entries = new Map<string, Promise<V>>();

  constructor(
    /** At most this many answers per position (the oldest leaves first). */
    private readonly maxEntries = 64,
  ) {}

  get(position: number, key: string, compute: () => Promise<V>): Promise<V> {
    if (position < this.position) return compute();
    if (position > this.position) {
      this.entries.clear();
      this.position = position;
    }
    const kept = this.entries.get(key);
    if (kept) return kept;
    const computed = compute();
    this.entries.set(key, computed);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failure is not kept: the next ask computes again.
    computed.catch(() => {
      if (this.entries.get(key) === computed) this.entries.delete(key);
    });
    return computed;
  }
}
