import fc from 'fast-check';
import {
  cellKeyOf,
  DEFAULT_CELL_KEY_PARAMS,
  perturbation,
  perturbedCount,
  protectedCount,
} from '../../matching';
import { HIDDEN_BELOW, shownCount } from '../../src/disclosure/disclosure-control';
import { reportFigure } from '../support/figures';

const { bigN, ptable, threshold } = DEFAULT_CELL_KEY_PARAMS;
/** What a caller without the right to list sees of a cell of people with these record keys. */
const shown = (keys: number[]) => protectedCount(keys.length, cellKeyOf(keys, bigN));
/** Record keys are uniform (an HMAC): no bias towards small or extreme values. */
const recordKey = fc.noBias(fc.integer({ min: 0, max: bigN - 1 }));
/** A group of people: its size uniform in min..max (fast-check's arrays lean to the short). */
const recordKeys = (min: number, max: number) =>
  fc
    .noBias(fc.integer({ min, max }))
    .chain((n) => fc.array(recordKey, { minLength: n, maxLength: n }));

/** One play of an attack: the hidden count, what the attacker makes of it, and what it saw. */
interface Play {
  truth: number;
  /** The attacker's estimate of the hidden count (a difference of shown counts). */
  estimate: number;
  /** Everything the attacker saw, as a key: its rule can only depend on this. */
  seen: string;
}

/**
 * How often the attacker's estimate is the true hidden count, and whether anything it sees tells
 * it when: for every observed difference, and every pair of shown counts, that occurs often
 * enough to judge (1 % of the plays), several true values occur and the estimate is exact in at
 * most `maxExact` of its cases.
 */
function judge(plays: Play[], maxExact: number) {
  const exact = plays.filter((p) => p.estimate === p.truth).length / plays.length;
  const undetermined = (key: (p: Play) => string) => {
    const buckets = new Map<string, Map<number, number>>();
    for (const p of plays) {
      const bucket = buckets.get(key(p)) ?? new Map<number, number>();
      bucket.set(p.truth, (bucket.get(p.truth) ?? 0) + 1);
      buckets.set(key(p), bucket);
    }
    const problems: string[] = [];
    let determined = 0;
    for (const [seen, truths] of buckets) {
      const n = [...truths.values()].reduce((a, b) => a + b, 0);
      if (truths.size === 1) determined += n;
      if (n < Math.max(50, plays.length / 100)) continue;
      const inBucket = plays.filter((p) => key(p) === seen);
      const exactHere = inBucket.filter((p) => p.estimate === p.truth).length / n;
      if (truths.size < 2 || exactHere > maxExact)
        problems.push(`${seen}: ${JSON.stringify([...truths])}`);
    }
    return { problems, determinedShare: determined / plays.length };
  };
  return {
    exact,
    byDifference: undetermined((p) => String(p.estimate)),
    bySeen: undetermined((p) => p.seen),
  };
}

function expectProtected(name: string, plays: Play[]) {
  expect(plays.length).toBeGreaterThanOrEqual(1000);
  // No frequent observation makes the estimate right more often than not by much: in every one,
  // the exact cases are mixed with others (the overall rate is about one in five).
  const verdict = judge(plays, 0.6);
  // The figures, for the README and the review.
  reportFigure(
    `${name}: ${plays.length} plays, estimate exact in ${(verdict.exact * 100).toFixed(1)} %, ` +
      `true value determined by the difference in ${(verdict.byDifference.determinedShare * 100).toFixed(1)} %`,
  );
  expect(verdict.exact).toBeLessThanOrEqual(0.25);
  expect(verdict.byDifference.problems).toEqual([]);
  expect(verdict.bySeen.problems).toEqual([]);
  // The rare extremes (the widest perturbations on both sides) are all that pins a value down.
  expect(verdict.byDifference.determinedShare).toBeLessThan(0.03);
}

/** A cell key at which a count of `count` is perturbed by exactly `by`. */
function keyPerturbing(count: number, by: number): number {
  for (let key = 0; key < 10_000; key++) if (perturbation(count, key) === by) return key;
  throw new Error(`No key perturbs ${count} by ${by}`);
}

describe('the small-count rule', () => {
  // Pins the rule, its one home being cell-key.ts: hidden when the perturbed count is below 5.
  it('hides a perturbed count of 4 and shows one of 5; a true zero stays 0', () => {
    expect(threshold).toBe(5);
    expect(protectedCount(4, keyPerturbing(4, 0))).toBeNull();
    expect(protectedCount(6, keyPerturbing(6, -2))).toBeNull();
    expect(protectedCount(5, keyPerturbing(5, 0))).toBe(5);
    expect(protectedCount(6, keyPerturbing(6, -1))).toBe(5);
    expect(protectedCount(0, 12345)).toBe(0);
  });

  it('is the rule the server discloses with and names in its texts', () => {
    expect(HIDDEN_BELOW).toBe(threshold);
    expect(shownCount({ count: 4, key: keyPerturbing(4, 0) }, false)).toBeNull();
    expect(shownCount({ count: 5, key: keyPerturbing(5, 0) }, false)).toBe(5);
    expect(shownCount({ count: 4, key: keyPerturbing(4, 0) }, true)).toBe(4);
  });
});

describe('the cell key method', () => {
  it('has a ptable whose rows are distributions with zero mean that never make a count negative', () => {
    ptable.forEach((row, count) => {
      const total = row.reduce((a, c) => a + c.probability, 0);
      const mean = row.reduce((a, c) => a + c.probability * c.perturbation, 0);
      expect(total).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(0, 12);
      for (const c of row) expect(count + c.perturbation).toBeGreaterThanOrEqual(0);
    });
    const last = ptable[ptable.length - 1]!;
    const variance = last.reduce((a, c) => a + c.probability * c.perturbation ** 2, 0);
    expect(variance).toBeGreaterThanOrEqual(1);
    expect(variance).toBeLessThanOrEqual(2);
    expect(ptable[0]).toEqual([{ perturbation: 0, probability: 1 }]);
  });

  it('perturbs as the ptable says over uniform cell keys', () => {
    const draws = fc.sample(recordKey, { numRuns: 20000 });
    const last = ptable[ptable.length - 1]!;
    for (const { perturbation: d, probability } of last) {
      const share = draws.filter((key) => perturbation(12, key) === d).length / draws.length;
      expect(Math.abs(share - probability)).toBeLessThan(0.015);
    }
  });

  it('answers the same people the same, in any order, and never below zero', () => {
    fc.assert(
      fc.property(recordKeys(0, 30), fc.nat(), (keys, shift) => {
        const rotated = keys.map((_, i) => keys[(i + shift) % keys.length]!);
        expect(shown(rotated)).toBe(shown(keys));
        expect(perturbedCount(keys.length, cellKeyOf(keys, bigN))).toBeGreaterThanOrEqual(0);
        const answer = shown(keys);
        if (keys.length === 0) expect(answer).toBe(0);
        else expect(answer === null || answer >= threshold).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('hides a small count behind overlapping filters: (A ∪ B) − A does not give B', () => {
    // demandForSkills(["297","844"]) − demandForSkills(["297"]): B is hidden when asked alone.
    const plays = fc
      .sample(fc.tuple(recordKeys(0, 40), recordKeys(1, 8)), { numRuns: 4000 })
      .flatMap(([a, b]): Play[] => {
        const both = shown([...a, ...b]);
        const alone = shown(a);
        if (shown(b) !== null || both === null || alone === null) return [];
        return [{ truth: b.length, estimate: both - alone, seen: `${alone},${both}` }];
      });
    expectProtected('overlapping filters', plays);
  });

  it('hides who crosses a threshold stepped by 0.01: pool(t) − pool(t + 0.01)', () => {
    // requirementInsights(threshold: t) then (threshold: t + 0.01): scores in hundredths.
    const person = fc.tuple(recordKey, fc.noBias(fc.integer({ min: 40, max: 60 })));
    const plays = fc
      .sample(
        fc.tuple(
          fc
            .noBias(fc.integer({ min: 5, max: 60 }))
            .chain((n) => fc.array(person, { minLength: n, maxLength: n })),
          fc.noBias(fc.integer({ min: 40, max: 59 })),
        ),
        { numRuns: 4000 },
      )
      .flatMap(([people, t]): Play[] => {
        const pool = (at: number) => people.filter(([, score]) => score >= at).map(([k]) => k);
        const lower = shown(pool(t));
        const upper = shown(pool(t + 1));
        const crossing = pool(t).length - pool(t + 1).length;
        // A step nobody crosses asks about the same people, and gets the same answer.
        if (crossing === 0) expect(lower).toBe(upper);
        if (crossing === 0 || lower === null || upper === null) return [];
        return [{ truth: crossing, estimate: lower - upper, seen: `${lower},${upper}` }];
      });
    expectProtected('stepped thresholds', plays);
  });

  it('hides how many records a write added or removed: after − before', () => {
    // matchOutcomeSummary read before and after a write (one outcome, or an import's few): the
    // attacker does not know how many records it moved into or out of the cell, nor which way.
    const plays = fc
      .sample(fc.tuple(recordKeys(3, 40), recordKeys(1, 3), fc.boolean()), { numRuns: 3000 })
      .flatMap(([before, moved, adds]): Play[] => {
        const after = adds ? [...before, ...moved] : before.slice(moved.length);
        const truth = adds ? moved.length : -moved.length;
        const was = shown(before);
        const is = shown(after);
        if (was === null || is === null) return [];
        return [{ truth, estimate: is - was, seen: `${was},${is}` }];
      });
    expectProtected('one write', plays);
  });

  it('hides one person across many differences: no record key makes them exact', () => {
    // The attacker differences many cells with and without one person (every skill the person
    // might hold); a person whose key barely moves the cell key must not get exact differences.
    const people = fc.sample(recordKey, { numRuns: 300 });
    const bases = fc.sample(recordKeys(5, 40), { numRuns: 40 });
    const shares = people.map((person) => {
      const exact = bases.filter((base) => shown([...base, person])! - shown(base)! === 1);
      return exact.length / bases.length;
    });
    // Including the people with the smallest and largest keys (0 is never one: see RecordKeys).
    const extremes = [1, 2, 2 ** 31, bigN - 1].map((person) => {
      const exact = bases.filter((base) => shown([...base, person])! - shown(base)! === 1);
      return exact.length / bases.length;
    });
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeGreaterThan(0.15);
    expect(mean).toBeLessThan(0.27);
    // 40 differences each: a share above 0.5 would be 4 standard deviations above chance.
    expect(Math.max(...shares, ...extremes)).toBeLessThanOrEqual(0.5);
  });

  it('hides a suppressed cell from its total minus the other cells', () => {
    // matchOutcomeSummary without a vacancy (the total) against each vacancy's own counts.
    const plays = fc
      .sample(
        fc.tuple(recordKeys(1, 4), fc.array(recordKeys(0, 15), { minLength: 1, maxLength: 5 })),
        {
          numRuns: 6000,
        },
      )
      .flatMap(([hidden, others]): Play[] => {
        const total = shown([...hidden, ...others.flat()]);
        const rest = others.map(shown);
        if (shown(hidden) !== null || total === null || rest.some((r) => r === null)) return [];
        const sum = rest.reduce((a, b) => a! + b!, 0)!;
        return [{ truth: hidden.length, estimate: total - sum, seen: `${total},${sum}` }];
      });
    expectProtected('total minus cells', plays);
  });

  it('does not show a perturbed total equal to the sum of its perturbed cells as a rule', () => {
    const sums = fc
      .sample(fc.array(recordKeys(5, 20), { minLength: 2, maxLength: 5 }), { numRuns: 1000 })
      .map((cells) => {
        const parts = cells.map((c) => perturbedCount(c.length, cellKeyOf(c, bigN)));
        const all = cells.flat();
        return perturbedCount(all.length, cellKeyOf(all, bigN)) === parts.reduce((a, b) => a + b);
      });
    expect(sums.filter(Boolean).length / sums.length).toBeLessThan(0.35);
  });
});
