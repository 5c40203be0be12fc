import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { criticalCoupling } from './critical-coupling';

describe('criticalCoupling', () => {
  it('finds where a growth rate changes sign, from either side', () => {
    // λ(V) = V² − 2: the root √2; and a decreasing rate 1 − V/3: the root 3
    const up = criticalCoupling((V) => V * V - 2, [0, 4], { tol: 1e-12, method: 'bisection' });
    expectClose(up.coupling, Math.SQRT2, { atol: 1e-12 });
    expect(up.bracket[1] - up.bracket[0]).toBeLessThanOrEqual(1e-12);
    expect(up.bracket[0] * up.bracket[0] - 2).toBeLessThan(0);
    expect(up.bracket[1] * up.bracket[1] - 2).toBeGreaterThan(0);
    // bisection halves the bracket per evaluation: log2(4/1e-12) ≈ 42 steps plus the two ends
    expect(up.evaluations).toBe(44);
    expectClose(criticalCoupling((V) => 1 - V / 3, [0, 10]).coupling, 3, { rtol: 1e-9 });
    expect(criticalCoupling((V) => V - 1, [1, 2]).coupling).toBe(1);
  });

  it("by Brent's method (the default): the same roots in a few evaluations, the bracket still straddling", () => {
    // smooth rates: √2 of V² − 2 and the root 0.5671432904097838 of V·e^V − 1… as V − e^{−V}
    for (const [rate, root] of [
      [(V: number) => V * V - 2, Math.SQRT2],
      [(V: number) => V - Math.exp(-V), 0.5671432904097838],
    ] as const) {
      const r = criticalCoupling(rate, [0, 4], { tol: 1e-12 });
      expectClose(r.coupling, root, { atol: 1e-12 });
      expect(r.bracket[1] - r.bracket[0]).toBeLessThanOrEqual(1e-12 + 4 * Number.EPSILON * 4);
      expect(Math.sign(rate(r.bracket[0]))).toBe(-Math.sign(rate(r.bracket[1])));
      // bisection needs 44 evaluations here
      expect(r.evaluations).toBeLessThan(15);
    }
    // a rate with a jump (no root, a sign change at 1/3): Brent falls back to bisection and still brackets it
    const jump = criticalCoupling((V) => (V < 1 / 3 ? -1 : 2), [0, 1], { tol: 1e-9 });
    expect(jump.bracket[0]).toBeLessThan(1 / 3);
    expect(jump.bracket[1]).toBeGreaterThanOrEqual(1 / 3);
    expect(jump.bracket[1] - jump.bracket[0]).toBeLessThanOrEqual(1e-9 + 1e-15);
    expect(jump.evaluations).toBeLessThan(2 * 32);
    // a flat-then-steep rate (V^9 − 1e-9 on [0, 1]) where interpolation alone crawls
    const steep = criticalCoupling((V) => V ** 9 - 1e-9, [0, 1], { tol: 1e-13 });
    expectClose(steep.coupling, 0.1, { rtol: 1e-11 });
    expect(steep.evaluations).toBeLessThan(2 * 45);
  });

  it('says when the bracket does not straddle the sign change, and refuses bad input', () => {
    expect(() => criticalCoupling((V) => V - 2, [3, 5])).toThrow(
      "criticalCoupling: the bracket [3, 5] does not straddle the sign change: growth rate 1 at 3 and 3 at 5 have the same sign",
    );
    expect(() => criticalCoupling((V) => V, [2, 1])).toThrow(/'bracket' must be \[lo, hi\] with finite lo < hi/);
    expect(() => criticalCoupling((V) => V, [0, Number.POSITIVE_INFINITY])).toThrow(/'bracket'/);
    expect(() => criticalCoupling((V) => (V > 1 ? Number.NaN : -1), [0, 4])).toThrow(/growth rate at coupling 4 is not a finite number: NaN/);
    expect(() => criticalCoupling((V) => V - 1, [0, 4], { tol: 0 })).toThrow(/'tol'/);
    expect(() => criticalCoupling((V) => V - 1, [0, 4], { maxIterations: 0.5 })).toThrow(/'maxIterations'/);
    expect(() => criticalCoupling(3 as never, [0, 4])).toThrow(/'growthRate' must be a function/);
    expect(() => criticalCoupling((V) => V - 1, [0, 4], { method: 'secant' as never })).toThrow(/option 'method' must be 'brent' or 'bisection', got secant/);
  });
});
