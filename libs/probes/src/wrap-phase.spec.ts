import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { wrapPhase } from './wrap-phase';

const PI = Math.PI;

describe('wrapPhase', () => {
  it('runs the doc example', () => {
    // 3π/2 − 2π: one rounding in the product, one in the difference
    expectClose(wrapPhase((3 * PI) / 2), -PI / 2, { rtol: 1e-15 });
  });

  it('maps both ends of the circle to −π', () => {
    for (const phi of [PI, -PI, 3 * PI, -3 * PI, 5 * PI, -7 * PI]) expect(wrapPhase(phi)).toBe(-PI);
  });

  it('leaves [−π, π) alone and shifts by whole turns otherwise', () => {
    for (const phi of [-PI, -1, -0.25, 0, 0.5, 3, PI - 1e-15]) expect(wrapPhase(phi)).toBe(phi);
    for (let k = -5; k <= 5; k++) {
      for (const phi of [-3.1, -1.2, 0.3, 2.9]) {
        // φ + 2πk, then back: the two roundings of 2πk cost ≤ |2πk|·2^−52
        expectClose(wrapPhase(phi + 2 * PI * k), phi, { atol: 1e-14 });
      }
    }
  });

  it('stays inside [−π, π) near the ends', () => {
    for (const phi of [PI - 1e-16, PI + 1e-16, -PI - 1e-16, -PI + 1e-16, 1e6 * PI, -1e6 * PI + 1e-9]) {
      const w = wrapPhase(phi);
      expect(w).toBeGreaterThanOrEqual(-PI);
      expect(w).toBeLessThan(PI);
    }
  });

  it('gives NaN for non-finite input', () => {
    expect(wrapPhase(NaN)).toBeNaN();
    expect(wrapPhase(Infinity)).toBeNaN();
  });
});
