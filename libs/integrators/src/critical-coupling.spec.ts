import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { criticalCoupling } from './critical-coupling';

describe('criticalCoupling', () => {
  it('finds where a growth rate changes sign, from either side', () => {
    // λ(V) = V² − 2: the root √2; and a decreasing rate 1 − V/3: the root 3
    const up = criticalCoupling((V) => V * V - 2, [0, 4], { tol: 1e-12 });
    expectClose(up.coupling, Math.SQRT2, { atol: 1e-12 });
    expect(up.bracket[1] - up.bracket[0]).toBeLessThanOrEqual(1e-12);
    expect(up.bracket[0] * up.bracket[0] - 2).toBeLessThan(0);
    expect(up.bracket[1] * up.bracket[1] - 2).toBeGreaterThan(0);
    // bisection halves the bracket per evaluation: log2(4/1e-12) ≈ 42 steps plus the two ends
    expect(up.evaluations).toBe(44);
    expectClose(criticalCoupling((V) => 1 - V / 3, [0, 10]).coupling, 3, { rtol: 1e-9 });
    expect(criticalCoupling((V) => V - 1, [1, 2]).coupling).toBe(1);
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
  });
});
