import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { dominantFrequency } from './dominant-frequency';
import { periodogram } from './periodogram';
import { complexTone } from './test-support/signals';

describe('dominantFrequency', () => {
  it('refines the peak by the parabola through three points (doc example)', () => {
    const p = dominantFrequency(Float64Array.of(0, 1, 2, 3), Float64Array.of(0, 3, 4, 1));
    // y = 4 − (x − 2) − 2(x − 2)²: vertex at x = 1.75, y = 4.125
    expectClose([p.omega, p.density], [1.75, 4.125], { rtol: 1e-15 });
    expect(p.index).toBe(2);
  });

  it('is exact for a sampled parabola on an uneven grid', () => {
    const omega = Float64Array.of(-1, 0.2, 0.5, 1.7, 3);
    const density = omega.map((w) => 5 - 2 * (w - 0.8) ** 2);
    const p = dominantFrequency(omega, density);
    expectClose([p.omega, p.density], [0.8, 5], { rtol: 1e-14 }); // divided differences, O(1) values
    expect(p.index).toBe(2);
  });

  it('finds a pure tone at a bin frequency exactly (neighbours are zero: no shift)', () => {
    const n = 64;
    const dt = 0.05;
    const w0 = (2 * Math.PI * 9) / (n * dt);
    const s = periodogram(complexTone(n, w0, dt), { dt, complex: true, window: 'rectangular' });
    const p = dominantFrequency(s.omega, s.density);
    expect(p.index).toBe(n / 2 + 9);
    // neighbours are FFT rounding (~1e-28 of a peak 3.2): the vertex moves by ≲ 1e-15 of a bin
    expectClose(p.omega, w0, { rtol: 1e-12 });
    expectClose(p.density, n * dt, { rtol: 1e-12 });
  });

  it('returns the sample at either end or on a flat top, the first of equal maxima', () => {
    const omega = Float64Array.of(0, 1, 2);
    expect(dominantFrequency(omega, Float64Array.of(3, 2, 1))).toEqual({
      omega: 0,
      density: 3,
      index: 0,
    });
    expect(dominantFrequency(omega, Float64Array.of(1, 2, 3))).toEqual({
      omega: 2,
      density: 3,
      index: 2,
    });
    expect(dominantFrequency(omega, Float64Array.of(2, 2, 2))).toEqual({
      omega: 0,
      density: 2,
      index: 0,
    });
    expect(dominantFrequency(Float64Array.of(4), Float64Array.of(-1))).toEqual({
      omega: 4,
      density: -1,
      index: 0,
    });
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => dominantFrequency(Float64Array.of(1, 0), Float64Array.of(1, 2))).toThrow(
      "dominantFrequency: argument 'omega' must increase strictly, got 1 then 0 at index 1",
    );
    expect(() =>
      dominantFrequency(Float64Array.of(0, 1), [1, 2] as unknown as Float64Array),
    ).toThrow("dominantFrequency: argument 'density' must be a Float64Array, got Array");
    expect(() => dominantFrequency(Float64Array.of(0, 1), Float64Array.of(1))).toThrow(
      "dominantFrequency: arguments 'omega' and 'density' must have the same length ≥ 1, got 2 and 1",
    );
    expect(() => dominantFrequency(new Float64Array(0), new Float64Array(0))).toThrow(
      "dominantFrequency: arguments 'omega' and 'density' must have the same length ≥ 1, got 0 and 0",
    );
    expect(() => dominantFrequency(Float64Array.of(0, 1), Float64Array.of(1, NaN))).toThrow(
      "dominantFrequency: argument 'density' must not hold NaN, got NaN at index 1",
    );
  });
});
