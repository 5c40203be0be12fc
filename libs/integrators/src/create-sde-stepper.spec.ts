import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { createSdeStepper } from './create-sde-stepper';
import type { SdeMethod, SdeStepperConfig, SdeSystem, WienerIncrements } from './sde-types';
import { brownianPath, coarseIncrements, type BrownianPath } from './test-support/brownian-path';

// ---------------------------------------------------------------------------------------------
// Batched test systems: dim = number of independent realizations, one component each.

/** Geometric Brownian motion dX = aX dt + bX dW (diagonal noise, ∂g/∂x = b). */
function gbm(dim: number, a: number, b: number): SdeSystem {
  return {
    dim,
    drift: (out, y) => {
      for (let i = 0; i < dim; i++) out[i] = a * y[i];
    },
    noise: {
      kind: 'diagonal',
      diffusion: (out, y) => {
        for (let i = 0; i < dim; i++) out[i] = b * y[i];
      },
      diffusionDerivative: (out) => void out.fill(b),
    },
  };
}

/** Ornstein–Uhlenbeck dX = −λX dt + s dW (additive noise). */
function ou(dim: number, lambda: number, s: number): SdeSystem {
  return {
    dim,
    drift: (out, y) => {
      for (let i = 0; i < dim; i++) out[i] = -lambda * y[i];
    },
    noise: { kind: 'additive', amplitude: s },
  };
}

/** Additive noise with a nonlinear drift: dX = (ν − K sin X) dt + s dW (a noisy Adler phase). */
function adler(dim: number, nu: number, k: number, s: number): SdeSystem {
  return {
    dim,
    drift: (out, y) => {
      for (let i = 0; i < dim; i++) out[i] = nu - k * Math.sin(y[i]);
    },
    noise: { kind: 'additive', amplitude: s },
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Least-squares slope of log(y) against log(x). */
function logLogSlope(x: readonly number[], y: readonly number[]): number {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((p, q) => p + q, 0) / lx.length;
  const my = ly.reduce((p, q) => p + q, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < lx.length; k++) {
    sxy += (lx[k] - mx) * (ly[k] - my);
    sxx += (lx[k] - mx) ** 2;
  }
  return sxy / sxx;
}

/** Sample mean of f over the batch and its standard error. */
function sampleMean(y: Float64Array, f: (v: number) => number = (v) => v): { mean: number; se: number } {
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < y.length; i++) {
    const v = f(y[i]);
    m += v;
    m2 += v * v;
  }
  m /= y.length;
  return { mean: m, se: Math.sqrt((m2 / y.length - m * m) / y.length) };
}

/**
 * The strong-order fit: the log–log slope of the mean pathwise error E|X_N − X(T)| against the
 * steps per coarse step, and the slope's standard error from the run itself, by the
 * delete-a-group jackknife over 10 groups of paths (path i in group i mod 10; the paths are
 * independent, so the groups are).
 */
function strongOrderFit(ms: readonly number[], runs: readonly Float64Array[], exact: Float64Array): { slope: number; se: number } {
  const groups = 10;
  const n = exact.length;
  const meanError = (run: Float64Array, leftOut: number): number => {
    let e = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (i % groups === leftOut) continue;
      e += Math.abs(run[i] - exact[i]);
      count++;
    }
    return e / count;
  };
  const slope = logLogSlope(ms, runs.map((run) => meanError(run, -1)));
  const partial = Array.from({ length: groups }, (_, g) => logLogSlope(ms, runs.map((run) => meanError(run, g))));
  const mean = partial.reduce((a, b) => a + b, 0) / groups;
  const se = Math.sqrt(((groups - 1) / groups) * partial.reduce((a, b) => a + (b - mean) ** 2, 0));
  return { slope, se };
}

/**
 * D_k = mean over paths of f_k − f_{k+1} for three runs f_0, f_1, f_2 on common paths, the ratio
 * D_0/D_1 and its standard error from the run itself (delta method with the paths' sample
 * variances and covariance of the two differences).
 */
function differenceRatio(f: readonly Float64Array[]): { value: number; se: number } {
  const n = f[0].length;
  let m0 = 0;
  let m1 = 0;
  for (let p = 0; p < n; p++) {
    m0 += (f[0][p] - f[1][p]) / n;
    m1 += (f[1][p] - f[2][p]) / n;
  }
  let v00 = 0;
  let v11 = 0;
  let v01 = 0;
  for (let p = 0; p < n; p++) {
    const a = f[0][p] - f[1][p] - m0;
    const b = f[1][p] - f[2][p] - m1;
    v00 += (a * a) / (n - 1);
    v11 += (b * b) / (n - 1);
    v01 += (a * b) / (n - 1);
  }
  const value = m0 / m1;
  const relVar = (v00 / (m0 * m0) + v11 / (m1 * m1) - (2 * v01) / (m0 * m1)) / n;
  return { value, se: Math.abs(value) * Math.sqrt(Math.max(0, relVar)) };
}

/** y(T) of a run from x0 on the Brownian path with steps of m fine steps each. */
function runOnPath(system: SdeSystem, method: SdeMethod, path: BrownianPath, m: number, x0: number, tEnd: number): Float64Array {
  const s = createSdeStepper(system, new Float64Array(system.dim).fill(x0), 0, {
    method,
    dt: m * path.h,
    increments: coarseIncrements(path, m),
  });
  s.advanceTo(tEnd);
  return Float64Array.from(s.y);
}

/** y(T) of a run with Gaussian noise from `seed`. */
function runSeeded(system: SdeSystem, method: SdeMethod, dt: number, x0: number, tEnd: number, seed: number): Float64Array {
  const s = createSdeStepper(system, new Float64Array(system.dim).fill(x0), 0, { method, dt, noiseSeed: seed });
  s.advanceTo(tEnd);
  return Float64Array.from(s.y);
}

/** Increments given in advance, one step per call (for single-step formula checks). */
function fixedIncrements(dWs: number[][], dZs: number[][] = []): WienerIncrements {
  let k = 0;
  return (dW, dZ) => {
    dW.set(dWs[k]);
    if (dZ !== null) dZ.set(dZs[k]);
    k++;
  };
}

// ---------------------------------------------------------------------------------------------

describe('createSdeStepper', () => {
  it('gives the same bits for a scalar amplitude and the same amplitude per component, for EM and SRA', () => {
    for (const method of ['euler-maruyama', 'sra'] as const) {
      const scalar = ou(64, 1.5, 0.4);
      const perComponent: SdeSystem = { ...scalar, noise: { kind: 'additive', amplitude: new Float64Array(64).fill(0.4) } };
      const a = createSdeStepper(scalar, new Float64Array(64).fill(1), 0, { dt: 0.01, noiseSeed: 5, method });
      const b = createSdeStepper(perComponent, new Float64Array(64).fill(1), 0, { dt: 0.01, noiseSeed: 5, method });
      a.advanceTo(1);
      b.advanceTo(1);
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
    }
  });

  it('draws no noise when every additive amplitude is 0, and then equals the noise-free scheme', () => {
    let calls = 0;
    const increments: WienerIncrements = (dW, dZ) => {
      calls++;
      dW.fill(0);
      dZ?.fill(0);
    };
    for (const method of ['euler-maruyama', 'sra'] as const) {
      const quiet = createSdeStepper(ou(8, 2, 0), new Float64Array(8).fill(1), 0, { dt: 0.1, increments, method });
      quiet.advanceTo(1);
      // the noise-free schemes by hand: EM y ← (1 − 2h) y; SRA y ← y + h(f(y) + 2 f(y + ¾ h f(y)))/3
      const h = 0.1;
      const factor = method === 'euler-maruyama' ? 1 - 2 * h : 1 + (h / 3) * (-2 + 2 * (-2 * (1 - 1.5 * h)));
      expectClose(quiet.y[3], factor ** 10, { rtol: 1e-14 }); // ten products of a rounded factor
    }
    expect(calls).toBe(0);
  });

  it('runs the doc example (1000 OU copies to t = 1)', () => {
    const ou1000: SdeSystem = {
      dim: 1000,
      drift: (out, y) => {
        for (let i = 0; i < 1000; i++) out[i] = -y[i];
      },
      noise: { kind: 'additive', amplitude: 0.1 },
    };
    const stepper = createSdeStepper(ou1000, new Float64Array(1000).fill(1), 0, { dt: 0.01, noiseSeed: 1 });
    stepper.advanceTo(1);
    expect(stepper.t).toBe(1);
    expect(stepper.stats).toEqual({ steps: 100, driftEvaluations: 100 });
    // E y(1) = 0.99^100 = 0.3660 for EM (e^{−1} = 0.3679); sd of one copy 0.1·√((1 − e^{−2})/2) = 0.066,
    // so the mean of 1000 copies has SE 0.0021: 4 SE
    expectClose(sampleMean(stepper.y).mean, 0.99 ** 100, { atol: 0.0084 });
  });

  describe('one step against the formulas (given increments)', () => {
    const y0 = [0.7, -1.2];
    const h = 0.1;
    const t0 = 0.5;
    const f = (y: number, t: number) => Math.sin(y) + t;
    const driftOf = (calls: number[]): SdeSystem['drift'] => (out, y, t) => {
      calls.push(t);
      for (let i = 0; i < 2; i++) out[i] = f(y[i], t);
    };
    const dW = [0.3, -0.2];
    const dZ = [0.01, -0.004];

    it('Euler–Maruyama and Milstein with diagonal noise g = 0.3 y²', () => {
      const diffusion = (out: Float64Array, y: Float64Array) => {
        for (let i = 0; i < 2; i++) out[i] = 0.3 * y[i] * y[i];
      };
      const derivative = (out: Float64Array, y: Float64Array) => {
        for (let i = 0; i < 2; i++) out[i] = 0.6 * y[i];
      };
      for (const method of ['euler-maruyama', 'milstein'] as const) {
        const calls: number[] = [];
        const sys: SdeSystem = { dim: 2, drift: driftOf(calls), noise: { kind: 'diagonal', diffusion, diffusionDerivative: derivative } };
        const s = createSdeStepper(sys, Float64Array.from(y0), t0, { method, dt: h, increments: fixedIncrements([dW]) });
        s.advanceTo(t0 + h);
        const expected = y0.map((y, i) => {
          const g = 0.3 * y * y;
          const milstein = method === 'milstein' ? 0.5 * g * 0.6 * y * (dW[i] ** 2 - h) : 0;
          return y + h * f(y, t0) + g * dW[i] + milstein;
        });
        // the same arithmetic in another order: a few ulps
        expectClose(s.y, expected, { rtol: 1e-14 });
        expect(calls).toEqual([t0]);
      }
    });

    it("SRA1: H = y + ¾h f + (3/2) g ΔZ/h, y + h(f(y)/3 + 2f(H)/3) + g ΔW, second stage at t + ¾h", () => {
      const g = [0.4, -0.25];
      const calls: number[] = [];
      const sys: SdeSystem = { dim: 2, drift: driftOf(calls), noise: { kind: 'additive', amplitude: Float64Array.from(g) } };
      const s = createSdeStepper(sys, Float64Array.from(y0), t0, { method: 'sra', dt: h, increments: fixedIncrements([dW], [dZ]) });
      s.advanceTo(t0 + h);
      const expected = y0.map((y, i) => {
        const stage = y + 0.75 * h * f(y, t0) + (1.5 * g[i] * dZ[i]) / h;
        return y + h * (f(y, t0) / 3 + (2 * f(stage, t0 + 0.75 * h)) / 3) + g[i] * dW[i];
      });
      expectClose(s.y, expected, { rtol: 1e-14 });
      expectClose(calls, [t0, t0 + 0.75 * h], { rtol: 1e-15 });
      expect(s.stats).toEqual({ steps: 1, driftEvaluations: 2 });
    });

    it("Milstein with additive noise is Euler–Maruyama (g′ = 0), bit for bit", () => {
      const sys = ou(64, 1.3, 0.4);
      const a = runSeeded(sys, 'milstein', 0.05, 1, 1, 3);
      const b = runSeeded(sys, 'euler-maruyama', 0.05, 1, 1, 3);
      expect(Array.from(a)).toEqual(Array.from(b));
    });
  });

  describe('time grid', () => {
    it('shortens the step before each output time and restarts the grid there', () => {
      const calls: number[] = [];
      const sys: SdeSystem = {
        dim: 1,
        drift: (out, y, t) => {
          calls.push(t);
          out[0] = -y[0];
        },
        noise: { kind: 'additive', amplitude: 0 },
      };
      const s = createSdeStepper(sys, new Float64Array([1]), 0, { dt: 0.1, noiseSeed: 1 });
      s.advanceTo(0.35);
      expect(s.t).toBe(0.35);
      // noise-free EM: y ← (1 − h) y with h = 0.1, 0.1, 0.1, 0.05
      expectClose(s.y[0], 0.9 ** 3 * 0.95, { rtol: 1e-15 });
      s.advanceTo(0.7);
      expect(s.t).toBe(0.7);
      expectClose(s.y[0], (0.9 ** 3 * 0.95) ** 2, { rtol: 1e-15 });
      expectClose(calls, [0, 0.1, 0.2, 0.3, 0.35, 0.45, 0.55, 0.65], { atol: 1e-15 });
      s.advanceTo(0.7); // tOut = t: nothing to do
      expect(s.stats.steps).toBe(8);
    });

    it('takes no sliver step when tOut is a rounded multiple of dt', () => {
      const s = createSdeStepper(ou(1, 1, 1), new Float64Array(1), 0, { dt: 0.1, noiseSeed: 1 });
      s.advanceTo(0.1 + 0.2); // 0.30000000000000004
      expect(s.stats.steps).toBe(3);
    });

    it('gives the same path, bit for bit, when advanced in pieces with maxSteps', () => {
      for (const method of ['euler-maruyama', 'sra'] as const) {
        const sys = adler(16, 0.5, 1, 0.8);
        const whole = createSdeStepper(sys, new Float64Array(16), 0, { method, dt: 0.03, noiseSeed: 4 });
        whole.advanceTo(1.234);
        const pieces = createSdeStepper(sys, new Float64Array(16), 0, { method, dt: 0.03, noiseSeed: 4 });
        pieces.advanceTo(1.234, 7);
        expect(pieces.stats.steps).toBe(7);
        expectClose(pieces.t, 0.21, { rtol: 1e-15 });
        while (pieces.t < 1.234) pieces.advanceTo(1.234, 5);
        expect(pieces.t).toBe(1.234);
        expect(pieces.stats.steps).toBe(whole.stats.steps);
        expect(Array.from(pieces.y)).toEqual(Array.from(whole.y));
      }
    });

    it('allocates its work arrays once', () => {
      const outs = new Set<Float64Array>();
      const sys: SdeSystem = {
        dim: 3,
        drift: (out, y) => {
          outs.add(out);
          for (let i = 0; i < 3; i++) out[i] = -y[i];
        },
        noise: { kind: 'additive', amplitude: 1 },
      };
      createSdeStepper(sys, new Float64Array(3), 0, { method: 'sra', dt: 0.01, noiseSeed: 1 }).advanceTo(1);
      expect(outs.size).toBe(2); // f(y) and f(H)
    });
  });

  describe('strong order on one Brownian path per realization', () => {
    // Each coarse run gets its increments summed from one fine path (coarseIncrements), so all
    // step sizes see the same W and the error E|X_N − X(T)| is a pathwise error. Slopes are fitted
    // over 5 step sizes (a factor 16). Each bound is 4 standard errors of the fitted slope, from
    // the run itself (jackknife over groups of paths: 0.007–0.03 here), plus PRE_ASYMPTOTIC for
    // the next term of the error expansion, which a fit over a finite range of steps also sees.
    // An order-lower scheme misses by ≥ 0.35 (tried: Milstein without its ½gg′(ΔW² − h) term fits
    // 0.5 on GBM; SRA without the ΔZ term fits order 1 on OU and on the nonlinear drift).
    const paths = 300;
    const PRE_ASYMPTOTIC = 0.05;

    it('sums fine increments into coarse ones with the law of (ΔW, ΔZ)', () => {
      // the harness itself: a wrong ΔZ sum (e.g. without the W(t_k) − W(t_0) term) has Var ΔZ
      // smaller by m² = 256
      const n = 4096;
      const path = brownianPath(n, 64, 1 / 64, createRng(21));
      const inc = coarseIncrements(path, 16);
      const H = 0.25;
      const dW = new Float64Array(n);
      const dZ = new Float64Array(n);
      let ww = 0;
      let zz = 0;
      let wz = 0;
      for (let k = 0; k < 4; k++) {
        inc(dW, dZ, H);
        for (let p = 0; p < n; p++) {
          ww += dW[p] * dW[p];
          zz += dZ[p] * dZ[p];
          wz += dW[p] * dZ[p];
        }
      }
      const N = 4 * n; // 16384 Gaussian samples: second moments to √2/√N = 1.1 % (1 SE); 4 SE
      expectClose(ww / N, H, { rtol: 0.045 });
      expectClose(zz / N, H ** 3 / 3, { rtol: 0.045 });
      expectClose(wz / N, H ** 2 / 2, { rtol: 0.045 });
      expect(() => inc(dW, dZ, H)).toThrow(/past the end/);
    });

    it('geometric Brownian motion: Euler–Maruyama order ½, Milstein order 1', () => {
      // dX = aX dt + bX dW, X_T = X0 exp((a − b²/2) T + b W_T); dt = 1/16 … 1/256
      const a = 0.5;
      const b = 0.5;
      const fine = 1024;
      const path = brownianPath(paths, fine, 1 / fine, createRng(1));
      const exact = new Float64Array(paths);
      for (let p = 0; p < paths; p++) {
        let w = 0;
        for (let k = 0; k < fine; k++) w += path.dW[k * paths + p];
        exact[p] = Math.exp(a - b * b / 2 + b * w);
      }
      const ms = [64, 32, 16, 8, 4];
      const fitOf = (method: SdeMethod) => strongOrderFit(ms, ms.map((m) => runOnPath(gbm(paths, a, b), method, path, m, 1, 1)), exact);
      const em = fitOf('euler-maruyama');
      const milstein = fitOf('milstein');
      expectClose(em.slope, 0.5, { atol: 4 * em.se + PRE_ASYMPTOTIC });
      expectClose(milstein.slope, 1, { atol: 4 * milstein.se + PRE_ASYMPTOTIC });
    });

    it('Ornstein–Uhlenbeck against its exact solution: Euler–Maruyama order 1, SRA order 2 (linear drift)', () => {
      // dX = −λX dt + s dW. Reference: the exact update X ← e^{−λh}X + s∫₀ʰ e^{−λ(h−u)} dW(u) on the
      // fine grid, h = 2⁻¹⁰, with the integral expanded as ΔW − λΔZ + (λ²/2)∫(h−u)² dW + …; the
      // dropped term has SD λ²h^{5/2}/√20 per step, ≈ sλ²h²√(T/20) ≈ 1e-6 in all, 1 % of the
      // smallest SRA error measured (8e-5).
      // SRA1 is strong order 3/2, but on a linear drift it converges at order 2: its order-3/2
      // error term is b²f″·(I₍₁,₁,₀₎ − its approximation), which vanishes for f″ = 0. Order 3/2 is
      // checked on a nonlinear drift below.
      const lambda = 2;
      const s = 1;
      const fine = 1024;
      const h = 1 / fine;
      const path = brownianPath(paths, fine, h, createRng(2));
      const exact = new Float64Array(paths).fill(1);
      const decay = Math.exp(-lambda * h);
      for (let k = 0; k < fine; k++) {
        for (let p = 0; p < paths; p++) {
          exact[p] = decay * exact[p] + s * (path.dW[k * paths + p] - lambda * path.dZ[k * paths + p]);
        }
      }
      const ms = [256, 128, 64, 32, 16]; // dt = 1/4 … 1/64
      const fitOf = (method: SdeMethod) => strongOrderFit(ms, ms.map((m) => runOnPath(ou(paths, lambda, s), method, path, m, 1, 1)), exact);
      const em = fitOf('euler-maruyama');
      const sra = fitOf('sra');
      expectClose(em.slope, 1, { atol: 4 * em.se + PRE_ASYMPTOTIC });
      expectClose(sra.slope, 2, { atol: 4 * sra.se + PRE_ASYMPTOTIC });
    });

    it('nonlinear additive noise (dX = −sin X dt + 2 dW): SRA order 3/2, Euler–Maruyama order 1', () => {
      // No closed form: the reference is SRA itself on the fine grid (h = 2⁻¹¹), whose error
      // C·h^{3/2} is 1/64 of that at the smallest coarse step (dt = 2⁻⁷, factor 16 in h). That SRA
      // converges to the right solution (not just to itself) is what the OU test above shows.
      const fine = 2048;
      const path = brownianPath(paths, fine, 1 / fine, createRng(3));
      const sys = adler(paths, 0, 1, 2);
      const reference = runOnPath(sys, 'sra', path, 1, 0.3, 1);
      const ms = [256, 128, 64, 32, 16]; // dt = 1/8 … 1/128
      const fitOf = (method: SdeMethod) => strongOrderFit(ms, ms.map((m) => runOnPath(sys, method, path, m, 0.3, 1)), reference);
      const sra = fitOf('sra');
      const em = fitOf('euler-maruyama');
      expectClose(sra.slope, 1.5, { atol: 4 * sra.se + PRE_ASYMPTOTIC });
      expectClose(em.slope, 1, { atol: 4 * em.se + PRE_ASYMPTOTIC });
    });
  });

  describe('weak order', () => {
    // For linear SDEs the scheme's own moments obey exact recursions (below). The Monte-Carlo run
    // of the code must reproduce them within 4 standard errors, and at these step sizes the
    // scheme's bias is ≥ 8 SE, so the test tells the scheme's moments from the exact ones. The
    // order then follows from the recursion: bias(h)/bias(h/2) → 2^p.
    const n = 1 << 15;

    it('geometric Brownian motion, Euler–Maruyama and Milstein: order 1', () => {
      // X' = X(1 + ah + bΔW [+ ½b²(ΔW² − h)]): E X' = (1 + ah) E X and
      // E X'² = ((1 + ah)² + b²h [+ ½b⁴h²]) E X² (E(ΔW² − h)² = 2h², E ΔW(ΔW² − h) = 0)
      const a = 1;
      const b = 0.5;
      const exact1 = Math.exp(a);
      const exact2 = Math.exp(2 * a + b * b);
      for (const method of ['euler-maruyama', 'milstein'] as const) {
        const extra = (h: number) => (method === 'milstein' ? 0.5 * b ** 4 * h * h : 0);
        const scheme1 = (h: number) => (1 + a * h) ** (1 / h);
        const scheme2 = (h: number) => ((1 + a * h) ** 2 + b * b * h + extra(h)) ** (1 / h);
        for (const [h, seed] of [[0.25, 31], [0.125, 32]]) {
          const y = runSeeded(gbm(n, a, b), method, h, 1, 1, seed);
          const m1 = sampleMean(y);
          const m2 = sampleMean(y, (v) => v * v);
          expectClose(m1.mean, scheme1(h), { atol: 4 * m1.se });
          expectClose(m2.mean, scheme2(h), { atol: 4 * m2.se });
          expect(Math.abs(scheme1(h) - exact1)).toBeGreaterThan(8 * m1.se);
          expect(Math.abs(scheme2(h) - exact2)).toBeGreaterThan(8 * m2.se);
        }
        // bias ratios of the recursion when halving h = 1/32: 1.97 and 1.95 (1.90 at h = 1/16, → 2)
        const h = 1 / 32;
        expectClose((scheme1(h) - exact1) / (scheme1(h / 2) - exact1), 2, { atol: 0.1 });
        expectClose((scheme2(h) - exact2) / (scheme2(h / 2) - exact2), 2, { atol: 0.1 });
      }
    });

    it('Ornstein–Uhlenbeck, SRA: order 2', () => {
      // X' = R X + s(ΔW − λΔZ) with R = 1 − λh + λ²h²/2: E X' = R E X and
      // E X'² = R² E X² + s² q, q = E(ΔW − λΔZ)² = h − λh² + λ²h³/3
      const lambda = 1;
      const s = 0.5;
      const x0 = 2;
      const T = 2;
      const R = (h: number) => 1 - lambda * h + (lambda * h) ** 2 / 2;
      const q = (h: number) => h - lambda * h * h + (lambda ** 2 * h ** 3) / 3;
      const scheme1 = (h: number) => x0 * R(h) ** (T / h);
      const scheme2 = (h: number) => {
        let m2 = x0 * x0;
        for (let k = 0; k < T / h; k++) m2 = R(h) ** 2 * m2 + s * s * q(h);
        return m2;
      };
      const exact1 = x0 * Math.exp(-lambda * T);
      const exact2 = exact1 ** 2 + (s * s * (1 - Math.exp(-2 * lambda * T))) / (2 * lambda);
      const y = runSeeded(ou(n, lambda, s), 'sra', 0.5, x0, T, 41);
      const m1 = sampleMean(y);
      const m2 = sampleMean(y, (v) => v * v);
      expectClose(m1.mean, scheme1(0.5), { atol: 4 * m1.se });
      expectClose(m2.mean, scheme2(0.5), { atol: 4 * m2.se });
      expect(Math.abs(scheme1(0.5) - exact1)).toBeGreaterThan(8 * m1.se);
      expect(Math.abs(scheme2(0.5) - exact2)).toBeGreaterThan(8 * m2.se);
      // bias ratios of the recursion when halving h = 1/32: 4.05 and 4.07 (4.20, 4.33 at h = 1/8; → 4)
      const h = 1 / 32;
      expectClose((scheme1(h) - exact1) / (scheme1(h / 2) - exact1), 4, { atol: 0.1 });
      expectClose((scheme2(h) - exact2) / (scheme2(h / 2) - exact2), 4, { atol: 0.1 });
    });

    it('nonlinear additive noise: E cos X_T converges at order 2 for SRA, 1 for Euler–Maruyama', () => {
      // dX = (ν − K sin X) dt + s dW, no closed form: with bias(h) ≈ C h^p, the differences
      // D(h) = E f(X_h) − E f(X_{h/2}) shrink by 2^p when h halves. All step sizes run on one fine
      // path (common random numbers), so f(X_h) − f(X_{h/2}) has a small variance. Bound: 4
      // standard errors of D(0.2)/D(0.1) from the run itself (delta method; 1.5 % for SRA, 1 %
      // for EM at 2^15 paths) plus NEXT_ORDER·2^p for the next term of the bias, C′h^{p+1}, which
      // raises the ratio at h = 0.2 by 4–6 % (means over 8 seeds: 4.17 for SRA, 2.12 for EM).
      // Half an order off (2^{p ± ½}) misses by ≥ 17 %.
      const paths = 1 << 15;
      const T = 2;
      const hs = [0.2, 0.1, 0.05];
      const NEXT_ORDER = 0.08;
      const path = brownianPath(paths, 40, T / 40, createRng(51));
      const sys = adler(paths, 0.5, 1, 0.5);
      for (const [method, order] of [['sra', 2], ['euler-maruyama', 1]] as const) {
        const finals = hs.map((h) => runOnPath(sys, method, path, Math.round(h / path.h), 0, T));
        const ratio = differenceRatio(finals.map((x) => x.map(Math.cos)));
        expectClose(ratio.value, 2 ** order, { atol: 4 * ratio.se + NEXT_ORDER * 2 ** order });
      }
    });
  });

  describe('stationary Ornstein–Uhlenbeck variance (λ = s = 1, h = 0.2, 32768 paths at t = 10)', () => {
    // The sample second moment of n Gaussian values has relative SE √(2/n) = 0.78 %: tolerances are
    // 4 SE. Transients: R^{2N} < 1e-8.
    const n = 1 << 15;
    const h = 0.2;
    const se = Math.sqrt(2 / n);
    const secondMoment = (y: Float64Array) => sampleMean(y, (v) => v * v).mean;

    it('SRA: its closed form s²q/(1 − R²) = 0.4965, within 1 % of s²/(2λ) = 0.5', () => {
      const R = 1 - h + (h * h) / 2;
      const q = h - h * h + h ** 3 / 3;
      const closed = q / (1 - R * R);
      expectClose(closed, 0.5, { rtol: 0.01 }); // nearly exact at a moderate step
      const v = secondMoment(runSeeded(ou(n, 1, 1), 'sra', h, 0, 10, 61));
      expectClose(v, closed, { rtol: 4 * se });
      // SRA's 0.7 % bias is below this run's resolution, but Euler–Maruyama's 11 % is not: the run
      // tells the schemes apart (|v − 1/(2 − h)| is ≥ 10 SE for SRA). A check of v against 0.5
      // within 4 SE + 1 % would follow from the two lines above and could not fail.
      expect(Math.abs(v - 1 / (2 - h))).toBeGreaterThan(8 * se * closed);
    });

    it('Euler–Maruyama: s²/(2λ − λ²h) = 0.5556, 11 % above s²/(2λ)', () => {
      const closed = 1 / (2 - h);
      const v = secondMoment(runSeeded(ou(n, 1, 1), 'euler-maruyama', h, 0, 10, 62));
      expectClose(v, closed, { rtol: 4 * se });
      expect(Math.abs(v - 0.5)).toBeGreaterThan(8 * se * 0.5); // the bias is resolved
    });
  });

  describe('reproducibility', () => {
    const cases: [SdeMethod, SdeSystem][] = [
      ['euler-maruyama', adler(257, 0.3, 1, 0.7)],
      ['milstein', gbm(257, 0.2, 0.6)],
      ['sra', adler(257, 0.3, 1, 0.7)],
    ];

    it('the same seed gives the same y, bit for bit; another seed gives another path', () => {
      for (const [method, sys] of cases) {
        const a = runSeeded(sys, method, 0.01, 1, 0.5, 7);
        const b = runSeeded(sys, method, 0.01, 1, 0.5, 7);
        const c = runSeeded(sys, method, 0.01, 1, 0.5, 8);
        expect(Array.from(a)).toEqual(Array.from(b));
        expect(a.filter((v, i) => v === c[i]).length).toBe(0);
      }
    });

    it("an 'rng' is the same source as its seed (a 'noiseStream' as its split stream), and 'increments' take precedence over both", () => {
      const sys = adler(33, 0.3, 1, 0.7);
      const bySeed = createSdeStepper(sys, new Float64Array(33), 0, { method: 'sra', dt: 0.05, noiseSeed: 5 });
      const byRng = createSdeStepper(sys, new Float64Array(33), 0, { method: 'sra', dt: 0.05, rng: createRng(5) });
      bySeed.advanceTo(1);
      byRng.advanceTo(1);
      expect(Array.from(byRng.y)).toEqual(Array.from(bySeed.y));
      // noiseStream k is the split stream k of the seed
      const byStream = createSdeStepper(sys, new Float64Array(33), 0, { method: 'sra', dt: 0.05, noiseSeed: 5, noiseStream: 1 });
      const bySplit = createSdeStepper(sys, new Float64Array(33), 0, { method: 'sra', dt: 0.05, rng: createRng(5).split(1) });
      byStream.advanceTo(1);
      bySplit.advanceTo(1);
      expect(Array.from(byStream.y)).toEqual(Array.from(bySplit.y));
      expect(byStream.y[0]).not.toBe(bySeed.y[0]);
      const quiet: WienerIncrements = (dW, dZ) => {
        dW.fill(0);
        dZ?.fill(0);
      };
      const config: SdeStepperConfig = { dt: 0.1, noiseSeed: 5, rng: createRng(6), increments: quiet };
      const s = createSdeStepper(ou(2, 1, 1), new Float64Array([1, 1]), 0, config);
      s.advanceTo(0.5);
      expectClose(s.y, [0.9 ** 5, 0.9 ** 5], { rtol: 1e-15 });
    });

    it('split streams give independent paths, whatever was drawn before the split', () => {
      const n = 4096;
      const run = (rng: ReturnType<typeof createRng>) => {
        const s = createSdeStepper(ou(n, 1, 1), new Float64Array(n), 0, { method: 'sra', dt: 0.1, rng });
        s.advanceTo(3);
        return Float64Array.from(s.y);
      };
      const root = createRng(9);
      const s0 = run(root.split(0));
      root.uniform(); // drawing from the root does not shift its streams
      const s1 = run(root.split(1));
      expect(Array.from(run(createRng(9).split(1)))).toEqual(Array.from(s1));
      let c = 0;
      let v0 = 0;
      let v1 = 0;
      for (let i = 0; i < n; i++) {
        c += s0[i] * s1[i];
        v0 += s0[i] * s0[i];
        v1 += s1[i] * s1[i];
      }
      // the sample correlation of independent Gaussians has SE 1/√n = 0.016: 4 SE
      expect(Math.abs(c / Math.sqrt(v0 * v1))).toBeLessThan(4 / Math.sqrt(n));
    });
  });

  describe('failures', () => {
    it('a blow-up (dX = X³ dt, dt = 0.5) throws naming the step, not NaN', () => {
      const cubic: SdeSystem = { dim: 1, drift: (out, y) => void (out[0] = y[0] ** 3), noise: { kind: 'additive', amplitude: 0 } };
      const s = createSdeStepper(cubic, new Float64Array([1]), 0, { dt: 0.5, noiseSeed: 1 });
      // 1 → 1.5 → 3.19 → 19.4 → 3.7e3 → 2.5e10 → 7.5e30 → 2.1e92 → 4.6e276 → ∞ in the 9th step
      expect(() => s.advanceTo(10)).toThrow(
        'createSdeStepper: y became non-finite in the step from t = 4 to t = 4.5 (y[0] = Infinity): ' +
          'the solution blows up or dt = 0.5 is too large',
      );
    });

    it('a drift returning NaN throws, naming the component', () => {
      // SRA evaluates f at t and t + ¾h: the first NaN is at 0.275, in the step from 0.2
      const sys: SdeSystem = { dim: 3, drift: (out, y, t) => void out.fill(t > 0.25 ? NaN : -y[0]), noise: { kind: 'additive', amplitude: 1 } };
      const s = createSdeStepper(sys, new Float64Array(3), 0, { dt: 0.1, noiseSeed: 1, method: 'sra' });
      expect(() => s.advanceTo(1)).toThrow(/non-finite in the step from t = 0\.2 to t = 0\.3\d* \(y\[0\] = NaN\)/);
    });

    it('finite entries whose sum overflows are not a blow-up', () => {
      const sys: SdeSystem = { dim: 2, drift: (out) => void out.fill(0), noise: { kind: 'additive', amplitude: 0 } };
      const s = createSdeStepper(sys, new Float64Array([1.5e308, 1.5e308]), 0, { dt: 0.1, noiseSeed: 1 });
      s.advanceTo(0.2);
      expect(Array.from(s.y)).toEqual([1.5e308, 1.5e308]);
    });
  });

  describe('guards', () => {
    const sys = ou(2, 1, 1);
    const y0 = new Float64Array(2);
    const make = (system: unknown, config: unknown = { dt: 0.1, noiseSeed: 1 }, y: unknown = y0, t0 = 0) =>
      () => createSdeStepper(system as SdeSystem, y as Float64Array, t0, config as SdeStepperConfig);
    const diagonal = (extra: object = {}): SdeSystem => ({
      dim: 2,
      drift: sys.drift,
      noise: { kind: 'diagonal', diffusion: (out) => void out.fill(1), ...extra },
    });

    it('rejects a bad system, naming the field', () => {
      expect(make(null)).toThrow("createSdeStepper: argument 'system' must be an object { dim, drift, noise }");
      expect(make({ ...sys, dim: 0 })).toThrow("createSdeStepper: 'system.dim' must be an integer ≥ 1, got 0");
      expect(make({ ...sys, dim: 1.5 })).toThrow(/'system\.dim' must be an integer ≥ 1, got 1\.5/);
      expect(make({ ...sys, drift: 3 })).toThrow("createSdeStepper: 'system.drift' must be a function (out, y, t) => void");
      expect(make({ ...sys, noise: null })).toThrow("createSdeStepper: 'system.noise.kind' must be 'additive' or 'diagonal', got undefined");
      expect(make({ ...sys, noise: { kind: 'multiplicative' } })).toThrow(/'system\.noise\.kind' must be .* got 'multiplicative'/);
      expect(make({ ...sys, noise: { kind: NaN } })).toThrow(/'system\.noise\.kind' must be .* got NaN/);
      expect(make({ ...sys, noise: { kind: 'diagonal' } })).toThrow(
        "createSdeStepper: 'system.noise.diffusion' must be a function (out, y, t) => void for diagonal noise",
      );
      expect(make(diagonal({ diffusionDerivative: 1 }))).toThrow(/'system\.noise\.diffusionDerivative' must be a function/);
    });

    it('rejects bad amplitudes of additive noise', () => {
      expect(make({ ...sys, noise: { kind: 'additive', amplitude: NaN } })).toThrow(
        "createSdeStepper: 'system.noise.amplitude' must be finite, got NaN",
      );
      expect(make({ ...sys, noise: { kind: 'additive', amplitude: new Float64Array(3) } })).toThrow(
        "createSdeStepper: 'system.noise.amplitude' must be a number or a Float64Array of length 2",
      );
      expect(make({ ...sys, noise: { kind: 'additive', amplitude: [1, 1] } })).toThrow(/'system\.noise\.amplitude' must be a number or/);
      expect(make({ ...sys, noise: { kind: 'additive', amplitude: Float64Array.of(1, Infinity) } })).toThrow(
        "createSdeStepper: 'system.noise.amplitude[1]' must be finite, got Infinity",
      );
    });

    it('rejects bad y0 and t0', () => {
      expect(make(sys, undefined, new Float64Array(0))).toThrow("createSdeStepper: argument 'y0' must be a Float64Array of length ≥ 1");
      expect(make(sys, undefined, Float64Array.of(0, NaN))).toThrow("createSdeStepper: argument 'y0' must be finite, got y0[1] = NaN");
      expect(make(sys, undefined, new Float64Array(3))).toThrow("createSdeStepper: argument 'y0' must have length system.dim = 2, got 3");
      expect(make(sys, undefined, y0, NaN)).toThrow("createSdeStepper: argument 't0' must be a finite number, got NaN");
    });

    it('rejects bad options, naming them', () => {
      expect(make(sys, null)).toThrow("createSdeStepper: argument 'config' must be an object");
      expect(make(sys, { noiseSeed: 1 })).toThrow("createSdeStepper: option 'dt' must be a finite number > 0, got undefined");
      expect(make(sys, { dt: -1, noiseSeed: 1 })).toThrow(/option 'dt' must be a finite number > 0, got -1/);
      expect(make(sys, { dt: Infinity, noiseSeed: 1 })).toThrow(/option 'dt' .* got Infinity/);
      expect(make(sys, { dt: 0.1, noiseSeed: 1, method: 'heun' })).toThrow(
        "createSdeStepper: option 'method' must be one of euler-maruyama, milstein, sra, got 'heun'",
      );
      expect(make(diagonal(), { dt: 0.1, noiseSeed: 1, method: 'sra' })).toThrow(
        "createSdeStepper: method 'sra' needs additive noise (noise.kind 'additive'), got 'diagonal'",
      );
      expect(make(diagonal(), { dt: 0.1, noiseSeed: 1, method: 'milstein' })).toThrow(
        "createSdeStepper: method 'milstein' needs 'noise.diffusionDerivative' (∂g_i/∂y_i) for diagonal noise",
      );
      expect(make(sys, { dt: 0.1 })).toThrow("createSdeStepper: give the noise a 'noiseSeed' (integer), an 'rng' or 'increments'");
      expect(make(sys, { dt: 0.1, noiseSeed: 1.5 })).toThrow("createSdeStepper: option 'noiseSeed' must be an integer, got 1.5");
      expect(make(sys, { dt: 0.1, noiseSeed: NaN })).toThrow("createSdeStepper: option 'noiseSeed' must be an integer, got NaN");
      expect(make(sys, { dt: 0.1, noiseSeed: 1, noiseStream: -1 })).toThrow(
        "createSdeStepper: option 'noiseStream' must be an integer ≥ 0, got -1",
      );
      // the old name is refused, not ignored
      expect(make(sys, { dt: 0.1, seed: 1 })).toThrow(
        "createSdeStepper: unknown option 'seed' (known: method, dt, noiseSeed, noiseStream, rng, increments)",
      );
      expect(make(sys, { dt: 0.1, rng: {} })).toThrow("createSdeStepper: option 'rng' must be an Rng (e.g. createRng(seed).split(k))");
      expect(make(sys, { dt: 0.1, increments: 'white' })).toThrow(
        "createSdeStepper: option 'increments' must be a function (dW, dZ, h) => void",
      );
    });

    it('advanceTo rejects a time before t, NaN, ∞ and maxSteps < 1', () => {
      const s = createSdeStepper(sys, y0, 0, { dt: 0.1, noiseSeed: 1 });
      s.advanceTo(1);
      expect(() => s.advanceTo(0.5)).toThrow(
        "createSdeStepper: advanceTo: argument 'tOut' must be finite and ≥ the current time 1, got 0.5",
      );
      expect(() => s.advanceTo(NaN)).toThrow(/'tOut'.*got NaN/);
      expect(() => s.advanceTo(Infinity)).toThrow(/'tOut'.*got Infinity/);
      expect(() => s.advanceTo(2, 0)).toThrow(
        "createSdeStepper: advanceTo: argument 'maxSteps' must be a number ≥ 1 (or Infinity), got 0",
      );
      expect(() => s.advanceTo(2, NaN)).toThrow(/'maxSteps'.*got NaN/);
    });
  });
});
