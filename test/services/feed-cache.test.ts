import { FeedCache } from '../../src/matches/feed-cache';

describe('FeedCache', () => {
  it('returns the kept answer while the position stands still, and computes again once it moves', async () => {
    const cache = new FeedCache<string>();
    let computed = 0;
    const compute = (answer: string) => async () => {
      computed++;
      return answer;
    };
    expect(await cache.get(5, 'a', compute('first'))).toBe('first');
    expect(await cache.get(5, 'a', compute('second'))).toBe('first');
    expect(computed).toBe(1);
    expect(await cache.get(6, 'a', compute('third'))).toBe('third');
    expect(await cache.get(6, 'a', compute('fourth'))).toBe('third');
    expect(computed).toBe(2);
  });

  it('computes without keeping for an older position, and keeps the newer answers', async () => {
    const cache = new FeedCache<string>();
    await cache.get(7, 'a', async () => 'at 7');
    expect(await cache.get(6, 'a', async () => 'at 6')).toBe('at 6');
    expect(await cache.get(7, 'a', async () => 'again')).toBe('at 7');
  });

  it('shares one computation between concurrent asks, and keeps no failure', async () => {
    const cache = new FeedCache<number>();
    let computed = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    const [a, b] = await Promise.all([cache.get(1, 'k', slow), cache.get(1, 'k', slow)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    await expect(cache.get(1, 'x', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.get(1, 'x', async () => 42)).toBe(42);
  });

  it('keeps at most maxEntries answers, the oldest leaving first', async () => {
    const cache = new FeedCache<string>(2);
    await cache.get(1, 'a', async () => 'a');
    await cache.get(1, 'b', async () => 'b');
    await cache.get(1, 'c', async () => 'c');
    expect(await cache.get(1, 'a', async () => 'a again')).toBe('a again');
    expect(await cache.get(1, 'c', async () => 'c again')).toBe('c');
  });
});
