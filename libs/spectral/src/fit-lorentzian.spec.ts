import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { fitLorentzian } from './fit-lorentzian';
import type { FitLorentzianConfig } from './fit-lorentzian';

/** area·2γ/((ω − ω₀)² + γ²) + B on a grid. */
function lorentzian(
  omega: Float64Array,
  center: number,
  gamma: number,
  area: number,
  b = 0,
): Float64Array {
  return omega.map((w) => (area * 2 * gamma) / ((w - center) ** 2 + gamma ** 2) + b);
}

const grid = (from: number, step: number, count: number): Float64Array =>
  Float64Array.from({ length: count }, (_, i) => from + step * i);

describe('fitLorentzian', () => {
  it('recovers an exact Lorentzian (doc example) to ~1e-9 and reports tiny errors', () => {
    const omega = grid(-10, 0.1, 201);
    const fit = fitLorentzian(omega, lorentzian(omega, 1, 0.5, 3));
    // Gauss–Newton converges quadratically on zero-residual data; the stopping rule
    // (relative step < 1e-10) leaves errors far below 1e-9.
    expectClose([fit.center, fit.halfWidth, fit.area], [1, 0.5, 3], { rtol: 1e-9 });
    expect(fit.background).toBeUndefined();
    expect(fit.uncertainties.background).toBeUndefined();
    expect(fit.residualRms).toBeLessThan(1e-12);
    expect(fit.uncertainties.center).toBeLessThan(1e-10);
    expect(fit.iterations).toBeLessThan(50);
  });

  it('fits a constant background when asked, and starts anywhere reasonable', () => {
    const omega = grid(-3, 0.02, 401);
    const density = lorentzian(omega, -0.4, 0.15, 0.25, 0.2);
    const fit = fitLorentzian(omega, density, { background: true });
    expectClose(
      [fit.center, fit.halfWidth, fit.area, fit.background ?? NaN],
      [-0.4, 0.15, 0.25, 0.2],
      {
        rtol: 1e-9,
      },
    );
    expect(fit.uncertainties.background).toBeLessThan(1e-10);
    const far = fitLorentzian(omega, density, {
      background: true,
      initial: { center: 0.5, halfWidth: 1, area: 1, background: 0 },
    });
    expectClose([far.center, far.halfWidth, far.area], [-0.4, 0.15, 0.25], { rtol: 1e-9 });
  });

  it('fits only inside range, and ignores samples of weight 0; weights are relative', () => {
    const omega = grid(-10, 0.05, 401);
    const two = lorentzian(omega, -5, 0.3, 1);
    const other = lorentzian(omega, 4, 0.6, 0.5);
    for (let i = 0; i < two.length; i++) two[i] += other[i];
    // the higher line (−5) wins by default; with range the line at 4 is fitted; the other
    // line's tail inside the range biases it only slightly (tail ≈ 1·0.6/81 ≈ 0.007)
    const left = fitLorentzian(omega, two, { range: [-8, -2] });
    expectClose(left.center, -5, { rtol: 1e-3 });
    const right = fitLorentzian(omega, two, { range: [1, 7] });
    expectClose([right.center, right.halfWidth, right.area], [4, 0.6, 0.5], { rtol: 0.05 });

    const clean = lorentzian(omega, 1, 0.4, 2);
    const spiked = Float64Array.from(clean);
    const w = new Float64Array(omega.length).fill(1);
    for (const i of [30, 200, 210, 350]) {
      spiked[i] += 50;
      w[i] = 0;
    }
    const fit = fitLorentzian(omega, spiked, { weights: w });
    expectClose([fit.center, fit.halfWidth, fit.area], [1, 0.4, 2], { rtol: 1e-9 });

    // scaling all weights changes neither parameters nor errors (s² absorbs the scale)
    const rng = createRng(5);
    const noisy = clean.map((v) => v + 0.05 * rng.gaussian());
    const a = fitLorentzian(omega, noisy);
    const b = fitLorentzian(omega, noisy, { weights: new Float64Array(omega.length).fill(7) });
    expectClose([b.center, b.halfWidth, b.area], [a.center, a.halfWidth, a.area], { rtol: 1e-9 });
    expectClose(
      [b.uncertainties.center, b.uncertainties.halfWidth, b.uncertainties.area],
      [a.uncertainties.center, a.uncertainties.halfWidth, a.uncertainties.area],
      { rtol: 1e-6 },
    );
  });

  it('on noisy data: parameters within a few standard errors, and the errors match the scatter', () => {
    // 50 draws of white noise σ = 2 % of the peak on 201 samples. The reported standard errors
    // must agree with the observed scatter of the 50 fits within 30 %: the sample standard
    // deviation of 50 draws has a relative spread of 1/√(2·49) ≈ 10 %, so 30 % is 3σ.
    const omega = grid(-1, 0.03, 201);
    const [c0, g0, a0] = [2, 0.3, 1];
    const clean = lorentzian(omega, c0, g0, a0);
    const sigma = 0.02 * ((2 * a0) / g0);
    const rng = createRng(12345);
    const draws = 50;
    const values = [new Float64Array(draws), new Float64Array(draws), new Float64Array(draws)];
    const errors = [0, 0, 0];
    for (let d = 0; d < draws; d++) {
      const y = clean.map((v) => v + sigma * rng.gaussian());
      const fit = fitLorentzian(omega, y);
      const got = [fit.center, fit.halfWidth, fit.area];
      const err = [fit.uncertainties.center, fit.uncertainties.halfWidth, fit.uncertainties.area];
      const truth = [c0, g0, a0];
      for (let p = 0; p < 3; p++) {
        values[p][d] = got[p];
        errors[p] += err[p] / draws;
        // 4.5σ: a false alarm over 150 checks has probability ~1e-3
        expect(Math.abs(got[p] - truth[p])).toBeLessThan(4.5 * err[p]);
      }
      expectClose(fit.residualRms, sigma, { rtol: 0.25 }); // χ² with 198 dof: ±5 % per 1σ
    }
    for (let p = 0; p < 3; p++) {
      let mean = 0;
      for (const v of values[p]) mean += v / draws;
      let variance = 0;
      for (const v of values[p]) variance += (v - mean) ** 2 / (draws - 1);
      expectClose(Math.sqrt(variance), errors[p], { rtol: 0.3 });
    }
  });

  it("weighting 'relative' fits estimated spectra (scatter ∝ S) with a clearly smaller width error", () => {
    // S = 2γ/((ω)² + γ²) (area 1, γ = 1) times (1 + 0.2 ξ): the relative scatter of a spectral
    // estimate averaged over 25 periodograms. Over 40 draws the relative-weight width scatters
    // far less than the uniform one; both are unbiased to within their scatter.
    const omega = Float64Array.from({ length: 401 }, (_, i) => -20 + 0.1 * i);
    const rng = createRng(77);
    const uniform: number[] = [];
    const relative: number[] = [];
    for (let draw = 0; draw < 40; draw++) {
      const density = omega.map((w) => (2 / (w * w + 1)) * (1 + 0.2 * rng.gaussian()));
      uniform.push(fitLorentzian(omega, density).halfWidth);
      relative.push(fitLorentzian(omega, density, { weighting: 'relative' }).halfWidth);
    }
    const stats = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return { m, sd: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) };
    };
    const u = stats(uniform);
    const r = stats(relative);
    expect(r.sd).toBeLessThan(0.5 * u.sd);
    expect(Math.abs(r.m - 1)).toBeLessThan(4 * (r.sd / Math.sqrt(40)) + 0.005); // + IRLS bias O(0.2²/n)
    expect(Math.abs(u.m - 1)).toBeLessThan(4 * (u.sd / Math.sqrt(40)));
    expect(() => fitLorentzian(omega, omega.map((w) => 2 / (w * w + 1)), { weighting: 'log' as never })).toThrow(
      "fitLorentzian: option 'weighting' must be 'uniform' or 'relative', got log",
    );
  });

  it('throws when it does not converge within maxIterations', () => {
    const omega = grid(-10, 0.1, 201);
    expect(() =>
      fitLorentzian(omega, lorentzian(omega, 1, 0.5, 3), {
        maxIterations: 1,
        initial: { center: -3, halfWidth: 4, area: 1 },
      }),
    ).toThrow(/fitLorentzian: no convergence after 1 iterations \(option 'maxIterations'\)/);
  });

  it('rejects bad input, naming the parameter', () => {
    const omega = grid(0, 1, 6);
    const y = lorentzian(omega, 2.5, 1, 1);
    const bad = (c: FitLorentzianConfig) => () => fitLorentzian(omega, y, c);
    expect(() => fitLorentzian(Float64Array.of(0, 2, 1), Float64Array.of(1, 2, 3))).toThrow(
      "fitLorentzian: argument 'omega' must increase strictly, got 2 then 1 at index 2",
    );
    expect(() => fitLorentzian(Float64Array.of(0, NaN), Float64Array.of(1, 2))).toThrow(
      "fitLorentzian: argument 'omega' must hold finite numbers, got NaN at index 1",
    );
    expect(() => fitLorentzian(omega, [1] as unknown as Float64Array)).toThrow(
      "fitLorentzian: argument 'density' must be a Float64Array, got Array",
    );
    expect(() => fitLorentzian(omega, y.subarray(1))).toThrow(
      "fitLorentzian: argument 'density' must have the length of 'omega' (6), got 5",
    );
    expect(() => fitLorentzian(omega, Float64Array.of(1, 2, Infinity, 1, 1, 1))).toThrow(
      "fitLorentzian: argument 'density' must hold finite numbers, got Infinity at index 2",
    );
    expect(() => fitLorentzian(omega, y, 5 as unknown as FitLorentzianConfig)).toThrow(
      "fitLorentzian: argument 'config' must be an object, got 5",
    );
    expect(bad({ background: 1 as unknown as boolean })).toThrow(
      "fitLorentzian: option 'background' must be true or false, got 1",
    );
    expect(bad({ maxIterations: 0 })).toThrow(
      "fitLorentzian: option 'maxIterations' must be an integer ≥ 1, got 0",
    );
    expect(bad({ weights: new Float64Array(5) })).toThrow(
      "fitLorentzian: option 'weights' must have the length of 'omega' (6), got 5",
    );
    expect(bad({ weights: Float64Array.of(1, 1, -1, 1, 1, 1) })).toThrow(
      "fitLorentzian: option 'weights' must hold finite numbers ≥ 0, got -1 at index 2",
    );
    expect(bad({ weights: [1, 1, 1, 1, 1, 1] as unknown as Float64Array })).toThrow(
      "fitLorentzian: option 'weights' must be a Float64Array, got Array",
    );
    expect(bad({ range: [3, 1] })).toThrow(
      "fitLorentzian: option 'range' must be [low, high] with low < high, got 3,1",
    );
    expect(bad({ range: [0, 2.5] })).toThrow(
      "fitLorentzian: need at least 4 samples (with positive weight, inside 'range') to fit 3 parameters, got 3",
    );
    expect(bad({ background: true, weights: Float64Array.of(1, 0, 1, 1, 0, 1) })).toThrow(
      "fitLorentzian: need at least 5 samples (with positive weight, inside 'range') to fit 4 parameters, got 4",
    );
    expect(() => fitLorentzian(omega, new Float64Array(6))).toThrow(
      "fitLorentzian: argument 'density' has no peak to start from (largest value 0 is not above 0); pass 'initial'",
    );
    expect(bad({ initial: { halfWidth: 0 } })).toThrow(
      "fitLorentzian: option 'initial.halfWidth' must be a finite number > 0, got 0",
    );
    expect(bad({ initial: { center: NaN } })).toThrow(
      "fitLorentzian: option 'initial.center' must be a finite number, got NaN",
    );
    expect(bad({ initial: 3 as unknown as { center: number } })).toThrow(
      "fitLorentzian: option 'initial' must be an object { center?, halfWidth?, area?, background? }",
    );
  });
});
