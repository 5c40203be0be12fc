import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { coherentOverlapsInto } from './coherent-overlaps';

/** ‖c‖² = Σ |c_n|². */
function norm2(c: Float64Array): number {
  let s = 0;
  for (const v of c) s += v * v;
  return s;
}

describe('coherentOverlapsInto', () => {
  it('runs the doc example', () => {
    expect(Array.from(coherentOverlapsInto(new Float64Array(4), 0, 0, 2))).toEqual([1, 0, 0, 0]);
  });

  it('matches e^{−|α|²/2} αⁿ/√(n!) written out for small n', () => {
    // α = 0.8 − 1.1i; αⁿ by repeated complex multiplication, n! exactly (n ≤ 6).
    const re = 0.8;
    const im = -1.1;
    const n = 7;
    const c = coherentOverlapsInto(new Float64Array(2 * n), re, im, n);
    const expected = new Float64Array(2 * n);
    let pr = 1;
    let pi = 0;
    let fact = 1;
    for (let k = 0; k < n; k++) {
      if (k > 0) {
        fact *= k;
        const t = pr * re - pi * im;
        pi = pr * im + pi * re;
        pr = t;
      }
      const s = Math.exp(-0.5 * (re * re + im * im)) / Math.sqrt(fact);
      expected[2 * k] = s * pr;
      expected[2 * k + 1] = s * pi;
    }
    // Both sides round differently in ≤ 3n operations: a few tens of ulps of the largest amplitude.
    expectClose(c, expected, { rtol: 1e-14, atol: 1e-16 });
  });

  it('does not overflow at N = 200 (n! > 1e308) and keeps ‖c‖ = 1', () => {
    // |α|² = 25: the Poisson tail beyond n = 200 is < 1e−100, so Σ|c_n|² = 1 to rounding;
    // 200 terms of size ≤ 0.08 each: 1e−14 leaves a wide margin for the k·ε recurrence error.
    const c = coherentOverlapsInto(new Float64Array(400), 3, 4, 200);
    expect(c.every(Number.isFinite)).toBe(true);
    expectClose(norm2(c), 1, { rtol: 1e-14 });
  });

  it('handles |α| where e^{−|α|²/2} underflows (log-domain start)', () => {
    // |α|² = 1600: the naive start e^{−800} is 0 in double precision. The Poisson(1600) weight
    // outside n < 2000 is ~1e−23, so the norm is 1; the peak amplitude is checked against the
    // log formula at n = 1600 (Σ ln k computed independently; 1e−11 covers the ~1600·ε drift of
    // both the recurrence and the summed logarithms).
    const n = 2000;
    const re = 40 * Math.cos(2.1);
    const im = 40 * Math.sin(2.1);
    const c = coherentOverlapsInto(new Float64Array(2 * n), re, im, n);
    expectClose(norm2(c), 1, { rtol: 1e-12 });
    let lnFact = 0;
    for (let k = 2; k <= 1600; k++) lnFact += Math.log(k);
    const mod = Math.exp(-800 + 1600 * Math.log(40) - 0.5 * lnFact);
    const k = 1600;
    expectClose([c[2 * k], c[2 * k + 1]], [mod * Math.cos(k * 2.1), mod * Math.sin(k * 2.1)], {
      rtol: 1e-11,
      atol: 1e-11 * mod,
    });
    // Below the first normal amplitude everything is exactly 0.
    expect(c[0]).toBe(0);
  });
});
