/** Numbers skill URIs densely, so that posting lists are arrays indexed by skill. */
export class SkillNumbers {
  private readonly numbers = new Map<string, number>();
  /** Bumped whenever a skill is numbered, so caches of expansions know they are stale. */
  version = 0;

  get size(): number {
    return this.numbers.size;
  }

  of(uri: string): number | undefined {
    return this.numbers.get(uri);
  }

  intern(uri: string): number {
    let n = this.numbers.get(uri);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(uri, n);
      this.version++;
    }
    return n;
  }

  /** URIs by number. */
  uris(): string[] {
    const uris: string[] = new Array(this.numbers.size);
    for (const [uri, n] of this.numbers) uris[n] = uri;
    return uris;
  }
}
