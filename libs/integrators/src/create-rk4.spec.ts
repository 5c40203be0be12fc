import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createRk4 } from './create-rk4';
import type { OdeRhs } from './ode-types';

const expSin: OdeRhs = (out, y, t) => {
  out[0] = y[0] * Math.cos(t); // y = e^{sin t}
};
const oscillator: OdeRhs = (out, y) => {
  out[0] = y[1];
  out[1] = -y[0];
};

describe('createRk4', () => {
  it('runs the doc example (cos π)', () => {
    const stepper = createRk4(oscillator, new Float64Array([1, 0]), 0, { dt: 0.01 });
    const y = new Float64Array(2);
    stepper.advanceTo(Math.PI, y);
    // RK4 phase error ≈ t·dt⁴/120 ≈ 3e-10 (it shows in v; x sits at an extremum at t = π)
    expectClose(y, [-1, 0], { atol: 1e-9 });
    expectClose(y[0], -0.999999999998, { atol: 1e-12 }); // the value quoted in the doc comment
    expect(stepper.t).toBe(Math.PI);
  });

  it('exponential decay matches e^{−t} with the RK4 amplification factor exactly', () => {
    const dt = 0.1;
    const s = createRk4((out, y) => void (out[0] = -y[0]), new Float64Array([1]), 0, { dt });
    const y = new Float64Array(1);
    s.advanceTo(1, y);
    // one RK4 step multiplies by the Taylor polynomial 1 − h + h²/2 − h³/6 + h⁴/24
    const g = 1 - dt + dt ** 2 / 2 - dt ** 3 / 6 + dt ** 4 / 24;
    expectClose(y[0], g ** 10, { rtol: 1e-14 }); // ten products: a few ulps
    expectClose(y[0], Math.exp(-1), { rtol: 1e-6 }); // and close to e^{-1}: error ≈ 10·h⁵/120
  });

  it('harmonic oscillator follows (cos t, −sin t) over several periods', () => {
    const s = createRk4(oscillator, new Float64Array([1, 0]), 0, { dt: 0.02 });
    const y = new Float64Array(2);
    for (let k = 1; k <= 5; k++) {
      const t = 2.7 * k;
      s.advanceTo(t, y);
      // dt⁴·t/120 ≈ 2e-8 at t = 13.5
      expectClose(y, [Math.cos(t), -Math.sin(t)], { atol: 1e-7 });
    }
  });

  it('has order 4: the error drops by ≈ 2⁴ = 16 when dt is halved', () => {
    const error = (dt: number): number => {
      const s = createRk4(expSin, new Float64Array([1]), 0, { dt });
      const y = new Float64Array(1);
      s.advanceTo(2, y);
      return Math.abs(y[0] - Math.exp(Math.sin(2)));
    };
    const e = [0.1, 0.05, 0.025].map(error);
    for (let k = 1; k < e.length; k++) {
      const ratio = e[k - 1] / e[k];
      // observed 16.1–16.3
      expect(ratio).toBeGreaterThan(14);
      expect(ratio).toBeLessThan(18);
    }
  });

  it('shortens the last step to land on tOut', () => {
    const ts: number[] = [];
    const s = createRk4(
      (out, y, t) => {
        ts.push(t);
        out[0] = -y[0];
      },
      new Float64Array([1]),
      0,
      { dt: 0.3 },
    );
    const y = new Float64Array(1);
    s.advanceTo(1, y);
    expect(s.stats).toEqual({ steps: 4, rejected: 0, rhsEvaluations: 16 });
    expect(s.t).toBe(1);
    // the stages of the last step: t = 0.9, 0.95, 0.95, 1
    expectClose(ts.slice(-4), [0.9, 0.95, 0.95, 1], { rtol: 1e-15 });
    // independent check: product of the step factors for h = 0.3, 0.3, 0.3, 0.1
    const g = (h: number) => 1 - h + h ** 2 / 2 - h ** 3 / 6 + h ** 4 / 24;
    expectClose(y[0], g(0.3) ** 3 * g(0.1), { rtol: 1e-14 });
  });

  it('does not take a sliver step when tOut is a rounded multiple of dt', () => {
    const s = createRk4(oscillator, new Float64Array([1, 0]), 0, { dt: 0.1 });
    const y = new Float64Array(2);
    s.advanceTo(0.1 + 0.2, y); // 0.30000000000000004 = 3·dt up to rounding
    expect(s.stats.steps).toBe(3);
  });

  it('restarts its grid at each output time and returns y(t0) for tOut = t0', () => {
    const s = createRk4(oscillator, new Float64Array([1, 0]), 0.5, { dt: 0.25 });
    const y = new Float64Array(2);
    s.advanceTo(0.5, y);
    expect(Array.from(y)).toEqual([1, 0]);
    expect(s.stats.steps).toBe(0);
    s.advanceTo(0.6, y);
    s.advanceTo(1.0, y); // 0.25 + 0.15
    expect(s.stats.steps).toBe(3);
  });

  it('uses a fixed set of work arrays', () => {
    const outs = new Set<Float64Array>();
    const s = createRk4(
      (out, y, t) => {
        outs.add(out);
        oscillator(out, y, t);
      },
      new Float64Array([1, 0]),
      0,
      { dt: 0.01 },
    );
    s.advanceTo(5, new Float64Array(2));
    expect(outs.size).toBe(4);
  });

  it('y′ = y² from y(0) = 1 past t = 1 throws, naming t', () => {
    const s = createRk4((out, y) => void (out[0] = y[0] * y[0]), new Float64Array([1]), 0, {
      dt: 0.01,
    });
    const y = new Float64Array(1);
    expect(() => s.advanceTo(2, y)).toThrow(
      /createRk4: y became non-finite in the step from t = 1\.\d+ to t = 1\.\d+ \(y\[0\] = (Infinity|NaN)\)/,
    );
  });

  describe('guards', () => {
    const y0 = new Float64Array([1]);
    const decay: OdeRhs = (out, y) => void (out[0] = -y[0]);
    it('rejects dt ≤ 0, NaN or ∞, naming dt', () => {
      expect(() => createRk4(decay, y0, 0, { dt: 0 })).toThrow(
        "createRk4: option 'dt' must be a finite number > 0, got 0",
      );
      expect(() => createRk4(decay, y0, 0, { dt: -0.1 })).toThrow(/'dt'.*got -0.1/);
      expect(() => createRk4(decay, y0, 0, { dt: NaN })).toThrow(/'dt'.*got NaN/);
      expect(() => createRk4(decay, y0, 0, { dt: Infinity })).toThrow(/'dt'.*got Infinity/);
    });
    it('rejects bad y0, t0 and rhs', () => {
      expect(() => createRk4(decay, new Float64Array(0), 0, { dt: 1 })).toThrow(
        "createRk4: argument 'y0' must be a Float64Array of length ≥ 1",
      );
      expect(() => createRk4(decay, new Float64Array([Infinity]), 0, { dt: 1 })).toThrow(
        "createRk4: argument 'y0' must be finite, got y0[0] = Infinity",
      );
      expect(() => createRk4(decay, y0, Infinity, { dt: 1 })).toThrow(
        "createRk4: argument 't0' must be a finite number, got Infinity",
      );
      expect(() => createRk4(null as unknown as OdeRhs, y0, 0, { dt: 1 })).toThrow(
        "createRk4: argument 'rhs' must be a function",
      );
    });
    it('rejects decreasing or non-finite tOut and a wrong yOut', () => {
      const s = createRk4(decay, y0, 0, { dt: 0.1 });
      const y = new Float64Array(1);
      s.advanceTo(1, y);
      expect(() => s.advanceTo(0.5, y)).toThrow(
        "createRk4: advanceTo: argument 'tOut' must be finite and ≥ the current time 1, got 0.5",
      );
      expect(() => s.advanceTo(NaN, y)).toThrow(/'tOut'.*got NaN/);
      expect(() => s.advanceTo(Infinity, y)).toThrow(/'tOut'.*got Infinity/);
      expect(() => s.advanceTo(2, new Float64Array(3))).toThrow(
        "createRk4: advanceTo: argument 'yOut' must be a Float64Array of length 1, got length 3",
      );
    });
  });
});
