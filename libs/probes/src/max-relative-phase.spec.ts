import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { maxRelativePhase } from './max-relative-phase';
import { linspace, periodicAngles } from './test-support/states';

const TWO_PI = 2 * Math.PI;

/** Q(φ) = 1/(2π) + 0.1 cos(φ − φ₀) sampled at phis. */
function cosinePeak(phis: Float64Array, phi0: number): Float64Array {
  return phis.map((f) => 1 / TWO_PI + 0.1 * Math.cos(f - phi0));
}

/** Signed angular distance a − b in (−π, π]. */
function angleDiff(a: number, b: number): number {
  return Math.atan2(Math.sin(a - b), Math.cos(a - b));
}

describe('maxRelativePhase', () => {
  it('runs the doc example', () => {
    const r = maxRelativePhase([0, 1, 0.5], [0, 1, 2]);
    // Three-point parabola by hand: y = 1 + t/4 − 3t²/4 with t = φ − 1; vertex t = 1/6, value 49/48.
    expectClose([r.max, r.argmax], [49 / 48, 7 / 6], { rtol: 1e-15 });
    expect(r.index).toBe(1);
  });

  it('locates a cosine peak between grid points, with third-order convergence', () => {
    // The vertex of a parabola through samples of a symmetric peak is off by O(h³): halving h
    // must shrink the worst error over many offsets by ≈ 8 (accept > 6).
    const worst = (m: number): number => {
      const phis = periodicAngles(m);
      let w = 0;
      for (let t = 0; t < 37; t++) {
        const phi0 = 0.0123 + (TWO_PI * t) / 37;
        const r = maxRelativePhase(cosinePeak(phis, phi0), phis);
        w = Math.max(w, Math.abs(angleDiff(r.argmax, phi0)));
      }
      return w;
    };
    const e32 = worst(32);
    const e64 = worst(64);
    expect(e64).toBeLessThan(2e-5); // observed 1.5e−5 at h = 2π/64
    expect(e32 / e64).toBeGreaterThan(6);
  });

  it('estimates the peak height better than the largest sample', () => {
    const phis = periodicAngles(64);
    const q = cosinePeak(phis, 1.234);
    const r = maxRelativePhase(q, phis);
    const exact = 1 / TWO_PI + 0.1;
    expect(r.max).toBeGreaterThanOrEqual(q[r.index]);
    // Height error O(h⁴)·Q'''' ~ 1e−7 here, versus ~1e−4 for the raw sample.
    expectClose(r.max, exact, { atol: 1e-6 });
    expect(Math.abs(q[r.index] - exact)).toBeGreaterThan(1e-5);
  });

  it('fits across the 0/2π seam of a periodic grid and reduces argmax into [phis[0], phis[0] + 2π)', () => {
    const phis = periodicAngles(64);
    for (const phi0 of [0.01, -0.03, TWO_PI - 0.02]) {
      const r = maxRelativePhase(cosinePeak(phis, phi0), phis);
      const want = phi0 < 0 ? phi0 + TWO_PI : phi0;
      // Same 2e−5 bound as above; the seam must not cost accuracy.
      expectClose(r.argmax, want, { atol: 2e-5 });
      expect(r.argmax).toBeGreaterThanOrEqual(0);
      expect(r.argmax).toBeLessThan(TWO_PI);
    }
    // A peak exactly on phis[0] stays there (not at 2π) despite rounding in the neighbours.
    expect(maxRelativePhase(cosinePeak(phis, 0), phis).argmax).toBeLessThan(1e-12);
  });

  it('recognises a closed grid that repeats its first angle at 2π', () => {
    const phis = linspace(0, TWO_PI, 65);
    for (const phi0 of [0.02, TWO_PI - 0.02]) {
      const r = maxRelativePhase(cosinePeak(phis, phi0), phis);
      expectClose(r.argmax, phi0, { atol: 2e-5 });
    }
  });

  it('returns the largest sample when no fit is possible', () => {
    // A grid on [0, 1] does not close the circle: a maximum at its end is returned as is.
    const open = linspace(0, 1, 11);
    const rising = open.map((f) => f);
    expect(maxRelativePhase(rising, open)).toEqual({ max: 1, argmax: 1, index: 10 });
    // Flat: first sample.
    expect(maxRelativePhase([0.2, 0.2, 0.2, 0.2], [0, 1, 2, 3])).toEqual({ max: 0.2, argmax: 0, index: 0 });
    // Fewer than three samples.
    expect(maxRelativePhase([0.1, 0.3], [0, 3])).toEqual({ max: 0.3, argmax: 3, index: 1 });
  });

  it('rejects bad input with messages naming the parameter', () => {
    expect(() => maxRelativePhase([], [])).toThrow(/maxRelativePhase: argument 'q' must not be empty/);
    expect(() => maxRelativePhase([1, 2], [0])).toThrow(/argument 'q' must have the length of 'phis' \(1\), got 2/);
    expect(() => maxRelativePhase([1, 2, 3], [0, 2, 1])).toThrow(
      /argument 'phis' must be strictly increasing, got 2 then 1 at index 2/,
    );
    expect(() => maxRelativePhase([1, NaN], [0, 1])).toThrow(
      /argument 'q' must hold finite numbers, got NaN at index 1/,
    );
    expect(() => maxRelativePhase([1], [NaN])).toThrow(/argument 'phis' must hold finite numbers/);
  });
});
