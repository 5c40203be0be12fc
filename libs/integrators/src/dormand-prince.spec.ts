import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createDormandPrince } from './create-dormand-prince';
import { dormandPrince } from './dormand-prince';
import type { OdeRhs } from './ode-types';

const decay2: OdeRhs = (out, y) => {
  out[0] = -2 * y[0];
};

describe('dormandPrince', () => {
  it('runs the doc example (e^{−2t} at 0, 0.5, 1)', () => {
    const sol = dormandPrince(decay2, new Float64Array([1]), [0, 0.5, 1], {
      rtol: 1e-10,
      atol: 1e-12,
    });
    expect(Array.from(sol.t)).toEqual([0, 0.5, 1]);
    expect(sol.y[0][0]).toBe(1); // y0 itself
    // global error a few × rtol
    expectClose(
      sol.y.map((row) => row[0]),
      [1, Math.exp(-1), Math.exp(-2)],
      { rtol: 1e-9 },
    );
  });

  it('agrees with the stepper and does not step beyond the last time', () => {
    let tMax = -Infinity;
    const rhs: OdeRhs = (out, y, t) => {
      tMax = Math.max(tMax, t);
      out[0] = y[1];
      out[1] = -y[0];
    };
    const times = [0, 0.3, 1.1, 2.5, 4];
    const sol = dormandPrince(rhs, new Float64Array([0, 1]), times, { rtol: 1e-8 });
    expect(tMax).toBe(4);
    const s = createDormandPrince(rhs, new Float64Array([0, 1]), 0, { rtol: 1e-8, tStop: 4 });
    const y = new Float64Array(2);
    times.forEach((t, k) => {
      s.advanceTo(t, y);
      expect(Array.from(sol.y[k])).toEqual(Array.from(y)); // same algorithm, same numbers
      expectClose(sol.y[k], [Math.sin(t), Math.cos(t)], { atol: 1e-7 }); // rtol 1e-8 over 4 time units
    });
    expect(sol.stats).toEqual(s.stats);
  });

  it('rows are views into one buffer and onOutput sees them in order', () => {
    const seen: [number, Float64Array][] = [];
    const bothDecay: OdeRhs = (out, y) => {
      out[0] = -2 * y[0];
      out[1] = -2 * y[1];
    };
    const sol = dormandPrince(bothDecay, new Float64Array([1, 2]), [0, 1, 2], {
      onOutput: (t, y) => seen.push([t, y]),
    });
    expect(seen.map(([t]) => t)).toEqual([0, 1, 2]);
    seen.forEach(([, y], k) => expect(y).toBe(sol.y[k]));
    expect(sol.y[1].buffer).toBe(sol.y[0].buffer);
    expectClose(sol.y[2][1], 2 * Math.exp(-4), { rtol: 1e-5 }); // default rtol 1e-6
  });

  it('zero-length times: nothing is integrated, the result is empty', () => {
    let calls = 0;
    const sol = dormandPrince(
      (out) => {
        calls++;
        out[0] = 0;
      },
      new Float64Array([1]),
      [],
    );
    expect(sol.t.length).toBe(0);
    expect(sol.y).toEqual([]);
    expect(sol.stats).toEqual({ steps: 0, rejected: 0, rhsEvaluations: 0 });
    expect(calls).toBe(0);
  });

  it('one time: returns y0', () => {
    const sol = dormandPrince(decay2, new Float64Array([3]), [7]);
    expect(Array.from(sol.y[0])).toEqual([3]);
    expect(sol.stats.steps).toBe(0);
  });

  it('accepts typed arrays as times', () => {
    const sol = dormandPrince(decay2, new Float64Array([1]), new Float64Array([0, 1]));
    expectClose(sol.y[1][0], Math.exp(-2), { rtol: 1e-5 }); // default rtol 1e-6
  });

  it('propagates a blow-up with its time', () => {
    expect(() =>
      dormandPrince((out, y) => void (out[0] = y[0] * y[0]), new Float64Array([1]), [0, 0.5, 2]),
    ).toThrow(/step size underflow at t = (1\.0|0\.99)/);
  });

  describe('guards', () => {
    const y0 = new Float64Array([1]);
    it('rejects non-increasing times, naming both entries', () => {
      expect(() => dormandPrince(decay2, y0, [0, 1, 1])).toThrow(
        "dormandPrince: argument 'times' must be strictly increasing, got times[1] = 1, times[2] = 1",
      );
      expect(() => dormandPrince(decay2, y0, [0, 2, 1])).toThrow(/times\[1\] = 2, times\[2\] = 1/);
    });
    it('rejects non-finite times', () => {
      expect(() => dormandPrince(decay2, y0, [0, NaN])).toThrow(
        "dormandPrince: argument 'times' must be finite, got times[1] = NaN",
      );
    });
    it('rejects bad options even when times is empty', () => {
      expect(() => dormandPrince(decay2, y0, [], { rtol: -1 })).toThrow(
        "dormandPrince: option 'rtol' must be a finite number ≥ 0, got -1",
      );
      expect(() => dormandPrince(decay2, y0, [0, 1], { atol: -1 })).toThrow(
        "dormandPrince: option 'atol' must be a finite number ≥ 0, got -1",
      );
    });
    it('rejects a bad y0 or rhs', () => {
      expect(() => dormandPrince(decay2, new Float64Array(0), [])).toThrow(
        "dormandPrince: argument 'y0' must be a Float64Array of length ≥ 1",
      );
      expect(() => dormandPrince('f' as unknown as OdeRhs, y0, [])).toThrow(
        "dormandPrince: argument 'rhs' must be a function",
      );
    });
  });
});
