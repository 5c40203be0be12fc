import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { createDormandPrince } from './create-dormand-prince';
import type { OdeRhs } from './ode-types';

const decay: OdeRhs = (out, y) => {
  out[0] = -y[0];
};
/** y' = y·cos t, y(0) = 1 → y = e^{sin t}: time-dependent, so it exercises the stage times. */
const expSin: OdeRhs = (out, y, t) => {
  out[0] = y[0] * Math.cos(t);
};
/** x'' = −ω²x as (x, v). */
const oscillator =
  (omega: number): OdeRhs =>
  (out, y) => {
    out[0] = y[1];
    out[1] = -omega * omega * y[0];
  };

/** Runs with a forced constant step h (tolerances so loose that every step is accepted). */
function fixedStepError(h: number, tEnd: number): number {
  const s = createDormandPrince(expSin, new Float64Array([1]), 0, {
    h0: h,
    hMax: h,
    rtol: 1,
    atol: 1e6,
    tStop: tEnd,
  });
  const y = new Float64Array(1);
  s.advanceTo(tEnd, y);
  expect(s.stats.rejected).toBe(0);
  return Math.abs(y[0] - Math.exp(Math.sin(tEnd)));
}

describe('createDormandPrince', () => {
  it('runs the doc example (e^{-1})', () => {
    const stepper = createDormandPrince(decay, new Float64Array([1]), 0, {
      rtol: 1e-10,
      atol: 1e-12,
    });
    const y = new Float64Array(1);
    stepper.advanceTo(1, y);
    // global error of DP5 is a small multiple of rtol (see the tolerance-scaling test)
    expectClose(y[0], Math.exp(-1), { rtol: 1e-9 });
    expect(stepper.t).toBeGreaterThanOrEqual(1);
  });

  it('exponential decay with three rates matches e^{−γt} at many times', () => {
    const gammas = [0.1, 1, 5];
    const s = createDormandPrince(
      (out, y) => {
        for (let i = 0; i < 3; i++) out[i] = -gammas[i] * y[i];
      },
      new Float64Array([1, 2, 3]),
      0,
      { rtol: 1e-8, atol: 1e-12 },
    );
    const y = new Float64Array(3);
    for (let t = 0.25; t <= 5; t += 0.25) {
      s.advanceTo(t, y);
      const exact = gammas.map((g, i) => (i + 1) * Math.exp(-g * t));
      // global error ≈ a few × rtol relative, plus atol for the fast, tiny component
      expectClose(y, exact, { rtol: 5e-8, atol: 1e-11 });
    }
  });

  it('harmonic oscillator matches (cos ωt, −ω sin ωt) over ten periods and keeps the energy', () => {
    const omega = 2;
    const s = createDormandPrince(oscillator(omega), new Float64Array([1, 0]), 0, {
      rtol: 1e-9,
      atol: 1e-12,
    });
    const y = new Float64Array(2);
    const T = (2 * Math.PI) / omega;
    for (let k = 1; k <= 10; k++) {
      s.advanceTo(k * T - 0.1, y);
      const t = k * T - 0.1;
      // error grows linearly with the number of periods; 10 periods at rtol 1e-9
      expectClose(y, [Math.cos(omega * t), -omega * Math.sin(omega * t)], { atol: 1e-7 });
      expectClose(y[0] ** 2 + (y[1] / omega) ** 2, 1, { rtol: 1e-7 });
    }
  });

  it('has order 5: the error drops by ≈ 2⁵ = 32 when a forced constant step is halved', () => {
    const errors = [0.2, 0.1, 0.05].map((h) => fixedStepError(h, 2));
    for (let k = 1; k < errors.length; k++) {
      const order = Math.log2(errors[k - 1] / errors[k]);
      // asymptotic order 5; at these h the observed value is 5.1–5.3
      expect(order).toBeGreaterThan(4.7);
      expect(order).toBeLessThan(5.6);
    }
  });

  it('global error is proportional to the tolerance', () => {
    const errs = [1e-4, 1e-7, 1e-10].map((rtol) => {
      const s = createDormandPrince(decay, new Float64Array([1]), 0, { rtol, atol: rtol * 1e-3 });
      const y = new Float64Array(1);
      s.advanceTo(10, y);
      const rel = Math.abs(y[0] / Math.exp(-10) - 1);
      // observed: rel ≈ 4–5 × rtol over 10 decay times
      expect(rel).toBeLessThan(10 * rtol);
      return rel;
    });
    for (let k = 1; k < errs.length; k++) {
      // tolerance 1000× smaller → error ≈ 1000× smaller (between 100× and 10000×)
      expect(errs[k - 1] / errs[k]).toBeGreaterThan(100);
      expect(errs[k - 1] / errs[k]).toBeLessThan(10000);
    }
  });

  it('stiff-ish y′ = −λ(y − cos t): step size limited by stability, steps rejected, still accurate', () => {
    const lambda = 500;
    const s = createDormandPrince(
      (out, y, t) => {
        out[0] = -lambda * (y[0] - Math.cos(t));
      },
      new Float64Array([0]),
      0,
      { rtol: 1e-3, atol: 1e-6 },
    );
    const y = new Float64Array(1);
    s.advanceTo(2, y);
    const l2 = lambda * lambda;
    const exact = (l2 * Math.cos(2) + lambda * Math.sin(2)) / (l2 + 1) - (l2 / (l2 + 1)) * Math.exp(-2 * lambda);
    expect(s.stats.rejected).toBeGreaterThan(0);
    // DP5 is stable for hλ ≲ 3.3 on the negative real axis: at least 2λ/3.3 ≈ 300 steps
    expect(s.stats.steps).toBeGreaterThan((2 * lambda) / 3.5);
    expectClose(y[0], exact, { rtol: 10 * 1e-3 });
  });

  it('rejects and shrinks a much too large first step', () => {
    const s = createDormandPrince(expSin, new Float64Array([1]), 0, { h0: 5, rtol: 1e-8, atol: 1e-10 });
    const y = new Float64Array(1);
    s.advanceTo(1, y);
    expect(s.stats.rejected).toBeGreaterThan(0);
    expectClose(y[0], Math.exp(Math.sin(1)), { rtol: 1e-7 });
  });

  it('step control is invariant under y → c·y when atol scales with c', () => {
    const rhs = oscillator(3);
    const run = (c: number) => {
      const s = createDormandPrince(rhs, new Float64Array([c, 0.5 * c]), 0, {
        rtol: 1e-6,
        atol: 1e-9 * c,
      });
      const out: number[] = [];
      const y = new Float64Array(2);
      for (let t = 0.5; t <= 5; t += 0.5) {
        s.advanceTo(t, y);
        out.push(y[0] / c, y[1] / c);
      }
      return { out, stats: { ...s.stats } };
    };
    const base = run(1);
    // a power of two scales every floating-point operation exactly: identical runs
    const pow2 = run(2 ** 20);
    expect(pow2.stats).toEqual(base.stats);
    expect(pow2.out).toEqual(base.out);
    // any other factor changes only the rounding
    const big = run(1e7);
    expect(big.stats).toEqual(base.stats);
    expectClose(big.out, base.out, { rtol: 1e-12, atol: 1e-12 });
  });

  it('dense output: off-step times are accurate and do not change the steps taken', () => {
    const omega = 1;
    const opts = { rtol: 1e-6, atol: 1e-9 };
    const coarse = createDormandPrince(oscillator(omega), new Float64Array([1, 0]), 0, opts);
    const y = new Float64Array(2);
    coarse.advanceTo(20, y);

    const fine = createDormandPrince(oscillator(omega), new Float64Array([1, 0]), 0, opts);
    let worst = 0;
    for (let k = 1; k <= 2000; k++) {
      const t = k * 0.01;
      fine.advanceTo(t, y);
      worst = Math.max(worst, Math.abs(y[0] - Math.cos(t)), Math.abs(y[1] + Math.sin(t)));
    }
    // 2000 outputs, far more than steps: same step sequence as with one output
    expect(fine.stats).toEqual(coarse.stats);
    expect(fine.stats.steps).toBeLessThan(200);
    // the 4th-order interpolant is as good as the steps themselves (global error ~1e-5 here)
    expect(worst).toBeLessThan(3e-5);
  });

  it('dense output has local error O(h⁵) (continuous extension of order 4)', () => {
    const interpError = (h: number): number => {
      const s = createDormandPrince(expSin, new Float64Array([1]), 0, {
        h0: h,
        hMax: h,
        rtol: 1,
        atol: 1e6,
      });
      const y = new Float64Array(1);
      s.advanceTo(0.37 * h, y); // inside the first step
      expect(s.stats.steps).toBe(1);
      return Math.abs(y[0] - Math.exp(Math.sin(0.37 * h)));
    };
    const e = [0.2, 0.1, 0.05].map(interpError);
    for (let k = 1; k < e.length; k++) {
      const order = Math.log2(e[k - 1] / e[k]);
      // expected 5 (local error of an order-4 interpolant)
      expect(order).toBeGreaterThan(4.5);
      expect(order).toBeLessThan(5.5);
    }
  });

  it('repeated and step-end output times give consistent values', () => {
    const s = createDormandPrince(decay, new Float64Array([1]), 0, { rtol: 1e-10, atol: 1e-14 });
    const a = new Float64Array(1);
    const b = new Float64Array(1);
    s.advanceTo(0, a);
    expect(a[0]).toBe(1); // t0: y0 itself
    s.advanceTo(0.5, a);
    s.advanceTo(0.5, b);
    expect(b[0]).toBe(a[0]);
    s.advanceTo(s.t, b); // exactly the end of the last step: the step's y, no interpolation
    expectClose(b[0], Math.exp(-s.t), { rtol: 1e-9 });
  });

  it('never evaluates the rhs beyond tStop and lands on it exactly', () => {
    let tMax = -Infinity;
    const s = createDormandPrince(
      (out, y, t) => {
        tMax = Math.max(tMax, t);
        out[0] = -y[0];
      },
      new Float64Array([1]),
      0,
      { tStop: 1.3 },
    );
    const y = new Float64Array(1);
    s.advanceTo(1.3, y);
    expect(tMax).toBe(1.3);
    expect(s.t).toBe(1.3);
    expectClose(y[0], Math.exp(-1.3), { rtol: 1e-5 });
    expect(() => s.advanceTo(1.4, y)).toThrow(
      "createDormandPrince: advanceTo: argument 'tOut' = 1.4 lies beyond tStop = 1.3",
    );
  });

  it('respects hMax', () => {
    const s = createDormandPrince(decay, new Float64Array([1]), 0, { hMax: 0.01 });
    s.advanceTo(1, new Float64Array(1));
    expect(s.stats.steps).toBeGreaterThanOrEqual(100);
  });

  it('counts 6 rhs calls per step attempt plus 2 at creation (FSAL)', () => {
    let calls = 0;
    const s = createDormandPrince(
      (out, y, t) => {
        calls++;
        expSin(out, y, t);
      },
      new Float64Array([1]),
      0,
    );
    expect(calls).toBe(2); // f(y0) and the trial step of the initial-step heuristic
    s.advanceTo(3, new Float64Array(1));
    expect(s.stats.rhsEvaluations).toBe(calls);
    expect(calls).toBe(2 + 6 * (s.stats.steps + s.stats.rejected));
  });

  it('works with a fixed set of work arrays (no allocation per step)', () => {
    const outs = new Set<Float64Array>();
    const ins = new Set<Float64Array>();
    const s = createDormandPrince(
      (out, y, t) => {
        outs.add(out);
        ins.add(y);
        oscillator(1)(out, y, t);
      },
      new Float64Array([1, 0]),
      0,
      { rtol: 1e-9 },
    );
    s.advanceTo(50, new Float64Array(2));
    expect(s.stats.steps).toBeGreaterThan(100);
    expect(outs.size).toBeLessThanOrEqual(7); // k1 … k7
    expect(ins.size).toBeLessThanOrEqual(3); // y, the stage vector, y_new
  });

  it('y′ = y² from y(0) = 1 blows up at t = 1: throws, naming t', () => {
    const s = createDormandPrince(
      (out, y) => {
        out[0] = y[0] * y[0];
      },
      new Float64Array([1]),
      0,
    );
    const y = new Float64Array(1);
    s.advanceTo(0.9, y);
    expectClose(y[0], 10, { rtol: 1e-5 }); // 1/(1 − t), still fine
    let message = '';
    try {
      s.advanceTo(2, y);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/step size underflow at t = .*error estimate stays too large/);
    const tBlow = Number(/at t = ([-0-9.e+]+)/.exec(message)?.[1]);
    // the numerical singularity sits at 1 up to the accumulated error (rtol 1e-6)
    expectClose(tBlow, 1, { atol: 1e-5 });
  });

  it('throws, naming t, when the rhs returns NaN beyond some time', () => {
    const s = createDormandPrince(
      (out, y, t) => {
        out[0] = t < 0.5 ? -y[0] : NaN;
      },
      new Float64Array([1]),
      0,
    );
    // steps creep up to t = 0.5 until the step size underflows there
    expect(() => s.advanceTo(1, new Float64Array(1))).toThrow(
      /step size underflow at t = 0\.49999\d*.*non-finite values \(the right-hand side returns NaN\/∞ just after t = 0\.49999/,
    );
  });

  it('throws, naming t, when the rhs is non-finite right after the current time', () => {
    const s = createDormandPrince(
      (out, _y, t) => {
        out[0] = t === 0 ? 1 : NaN;
      },
      new Float64Array([1]),
      0,
    );
    expect(() => s.advanceTo(1, new Float64Array(1))).toThrow(
      /keeps returning non-finite values \(or y overflows\) just after t = 0, even with step size h = /,
    );
    expect(s.stats.rejected).toBe(31);
  });

  it('throws at creation when f(y0) is not finite', () => {
    expect(() =>
      createDormandPrince(
        (out) => {
          out[0] = 1;
          out[1] = Infinity;
        },
        new Float64Array(2),
        0.25,
      ),
    ).toThrow(
      'createDormandPrince: the right-hand side returned a non-finite value at t = 0.25: f(y0)[1] = Infinity',
    );
  });

  it('throws when maxSteps is exceeded in one call, naming maxSteps and t', () => {
    const s = createDormandPrince(decay, new Float64Array([1]), 0, { hMax: 0.01, maxSteps: 50 });
    const y = new Float64Array(1);
    s.advanceTo(0.45, y); // < 50 steps: fine
    expect(() => s.advanceTo(10, y)).toThrow(
      /more than maxSteps = 50 step attempts in one advanceTo\(10\) call, stuck at t = 0\.9\d*/,
    );
  });

  describe('guards', () => {
    const y0 = new Float64Array([1]);
    const cases: [string, () => unknown, string][] = [
      [
        'negative rtol',
        () => createDormandPrince(decay, y0, 0, { rtol: -1e-6 }),
        "option 'rtol' must be a finite number ≥ 0, got -0.000001",
      ],
      [
        'negative atol',
        () => createDormandPrince(decay, y0, 0, { atol: -1 }),
        "option 'atol' must be a finite number ≥ 0, got -1",
      ],
      [
        'NaN rtol',
        () => createDormandPrince(decay, y0, 0, { rtol: NaN }),
        "option 'rtol' must be a finite number ≥ 0, got NaN",
      ],
      [
        'zero tolerances',
        () => createDormandPrince(decay, y0, 0, { rtol: 0, atol: 0 }),
        "options 'rtol' and 'atol' must not both be 0",
      ],
      [
        'h0 = 0',
        () => createDormandPrince(decay, y0, 0, { h0: 0 }),
        "option 'h0' must be a finite number > 0, got 0",
      ],
      [
        'hMax < 0',
        () => createDormandPrince(decay, y0, 0, { hMax: -1 }),
        "option 'hMax' must be a number > 0, got -1",
      ],
      [
        'maxSteps = 0.5',
        () => createDormandPrince(decay, y0, 0, { maxSteps: 0.5 }),
        "option 'maxSteps' must be an integer ≥ 1, got 0.5",
      ],
      [
        'tStop < t0',
        () => createDormandPrince(decay, y0, 1, { tStop: 0 }),
        "option 'tStop' must be ≥ t0 = 1, got 0",
      ],
      [
        'empty y0',
        () => createDormandPrince(decay, new Float64Array(0), 0),
        "argument 'y0' must be a Float64Array of length ≥ 1",
      ],
      [
        'NaN in y0',
        () => createDormandPrince(decay, new Float64Array([0, NaN]), 0),
        "argument 'y0' must be finite, got y0[1] = NaN",
      ],
      [
        'y0 not typed',
        () => createDormandPrince(decay, [1] as unknown as Float64Array, 0),
        "argument 'y0' must be a Float64Array",
      ],
      [
        'NaN t0',
        () => createDormandPrince(decay, y0, NaN),
        "argument 't0' must be a finite number, got NaN",
      ],
      [
        'rhs not a function',
        () => createDormandPrince(1 as unknown as OdeRhs, y0, 0),
        "argument 'rhs' must be a function",
      ],
    ];
    for (const [name, run, message] of cases) {
      it(`rejects ${name}`, () => {
        expect(run).toThrow(message);
        expect(run).toThrow(/^createDormandPrince: /);
      });
    }

    it('rejects decreasing, NaN or infinite output times and a wrong yOut', () => {
      const s = createDormandPrince(decay, y0, 0);
      const y = new Float64Array(1);
      s.advanceTo(1, y);
      expect(() => s.advanceTo(0.5, y)).toThrow(
        "createDormandPrince: advanceTo: argument 'tOut' must be ≥ the previous output time 1, got 0.5",
      );
      expect(() => s.advanceTo(NaN, y)).toThrow(/'tOut' must be ≥ the previous output time 1, got NaN/);
      expect(() => s.advanceTo(Infinity, y)).toThrow(/'tOut' must be finite, got Infinity/);
      expect(() => s.advanceTo(2, new Float64Array(2))).toThrow(
        "createDormandPrince: advanceTo: argument 'yOut' must be a Float64Array of length 1, got length 2",
      );
    });
  });
});
