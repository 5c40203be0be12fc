import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { besselRatio as seriesRatio } from './test-support/kuramoto';
import { reducedOrderParameter } from './reduced-order-parameter';
import { vonMisesOrder } from './von-mises-order';

describe('vonMisesOrder (stationary state of Eq. 2.45)', () => {
  it('solves |z| = I1(K)/I0(K), K = 2V|z|/σ², with the ratio from the power series', () => {
    // the power series of I0, I1 (test support) is an independent evaluation for K ≤ 20
    for (const [V, sigma] of [
      [1.1, 1],
      [2.5, 1],
      [3, 1.5],
      [8, 2],
    ]) {
      const r = vonMisesOrder({ V, sigma });
      expect(r).toBeGreaterThan(0);
      expectClose(seriesRatio((2 * V * r) / sigma ** 2), r, { atol: 1e-13 });
    }
  });

  it('is 0 at and below the threshold V = σ² (Eq. 2.50)', () => {
    expect(vonMisesOrder({ V: 0, sigma: 1 })).toBe(0);
    expect(vonMisesOrder({ V: 0.99, sigma: 1 })).toBe(0);
    expect(vonMisesOrder({ V: 4, sigma: 2 })).toBe(0);
  });

  it('meets Eq. (2.52) near the threshold and 1 − σ²/(4V) far above it', () => {
    // Expanding I1/I0 = K/2 − K³/16 + …: |z|² = 2σ²(V − σ²)/V² · (1 + O(V − σ²)), as Eq. (2.52)
    for (const eps of [1e-2, 1e-3]) {
      const V = 1 + eps;
      const approx = reducedOrderParameter({ V, sigma: 1 }).steadyModulus;
      expectClose(vonMisesOrder({ V, sigma: 1 }) / approx, 1, { atol: 2 * eps });
    }
    // I1/I0 = 1 − 1/(2K) − 1/(8K²) + …, so |z| = 1 − σ²/(4V) + O((σ²/V)²)
    const V = 1000;
    expectClose(vonMisesOrder({ V, sigma: 1 }), 1 - 1 / (4 * V), { atol: 1e-6 });
  });

  it('depends on V/σ² only', () => {
    expectClose(vonMisesOrder({ V: 6, sigma: 2 }), vonMisesOrder({ V: 1.5, sigma: 1 }), { rtol: 1e-14 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => vonMisesOrder({ V: 1, sigma: 0 })).toThrow(
      "vonMisesOrder: parameter 'sigma' (noise amplitude σ on each phase of the Kuramoto model (strength σ²)) must be > 0, got 0",
    );
    expect(() => vonMisesOrder({ V: -1, sigma: 1 })).toThrow(/parameter 'V' .* must be ≥ 0, got -1/);
    expect(() => vonMisesOrder({ V: Number.NaN, sigma: 1 })).toThrow(/parameter 'V' must be a finite number/);
  });
});
