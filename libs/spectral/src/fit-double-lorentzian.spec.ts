import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { fitDoubleLorentzian } from './fit-double-lorentzian';
import type { FitDoubleLorentzianConfig } from './fit-double-lorentzian';
import { fitLorentzian } from './fit-lorentzian';

/** Eq. 7.12 on a grid, written out independently of the fit's model. */
function doubleLorentzian(
  omega: Float64Array,
  amplitude: number,
  linewidth: number,
  shift: number,
  background = 0,
): Float64Array {
  return omega.map(
    (w) =>
      (amplitude / Math.PI) *
        (linewidth / (linewidth ** 2 + (w - shift) ** 2) +
          linewidth / (linewidth ** 2 + (w + shift) ** 2)) +
      background,
  );
}

const grid = (from: number, step: number, count: number): Float64Array =>
  Float64Array.from({ length: count }, (_, i) => from + step * i);

/** Trapezoid ∫ y dx. */
function integral(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
  return s;
}

describe('fitDoubleLorentzian', () => {
  it('recovers exact spectra of (7.12) to 1e-9: separated, merged (one maximum) and nearly touching lines', () => {
    const omega = grid(-5, 0.02, 501);
    // δ/Δν = 5, 0.4 (< 1/√3: a single maximum at 0), 0.5, 2
    for (const [a, dv, d] of [
      [2, 0.3, 1.5],
      [1, 0.5, 0.2],
      [3, 0.1, 0.05],
      [1, 0.2, 0.4],
    ]) {
      const fit = fitDoubleLorentzian(omega, doubleLorentzian(omega, a, dv, d));
      expectClose([fit.amplitude, fit.linewidth, fit.shift], [a, dv, d], { rtol: 1e-9 });
      expect(fit.residualRms).toBeLessThan(1e-10);
      expect(fit.background).toBeUndefined();
    }
  });

  it('follows the normalisation of (7.12): each line holds A, so ∫ S dω = 2A', () => {
    // wide grid so that the tails' share (≈ 2Δν/(πL) per side) is below 1e-3
    const omega = grid(-400, 0.01, 80001);
    const s = doubleLorentzian(omega, 1.7, 0.2, 1);
    const fit = fitDoubleLorentzian(omega, s);
    expectClose(integral(omega, s), 2 * fit.amplitude, { rtol: 1e-3 });
  });

  it('a single Lorentzian at 0 gives shift 0, the line as a pair of half amplitude, and an infinite shift error', () => {
    // a single line of area ∫dω/2π = 1.5 and half width 0.4 (fitLorentzian's convention) is (7.12) with
    // δ = 0, Δν = 0.4 and 2A = 2π·1.5
    const omega = grid(-6, 0.03, 401);
    const line = omega.map((w) => (1.5 * 2 * 0.4) / (w * w + 0.16));
    const fit = fitDoubleLorentzian(omega, line);
    expect(fit.shift).toBeLessThan(1e-4 * fit.linewidth);
    expectClose([fit.linewidth, fit.amplitude], [0.4, Math.PI * 1.5], { rtol: 1e-8 });
    expect(fitLorentzian(omega, line).halfWidth).toBeCloseTo(fit.linewidth, 8);
    expect(Number.isFinite(fit.uncertainties.amplitude)).toBe(true);
    expect(fit.uncertainties.shift === Infinity || fit.uncertainties.shift > 1e3 * fit.shift).toBe(true);
  });

  it('fits a background when asked, from a far start too', () => {
    const omega = grid(-4, 0.02, 401);
    const s = doubleLorentzian(omega, 0.8, 0.25, 1.2, 0.05);
    const fit = fitDoubleLorentzian(omega, s, { background: true });
    expectClose([fit.amplitude, fit.linewidth, fit.shift, fit.background ?? NaN], [0.8, 0.25, 1.2, 0.05], { rtol: 1e-9 });
    const far = fitDoubleLorentzian(omega, s, {
      background: true,
      initial: { amplitude: 2, linewidth: 0.6, shift: 0.6, background: 0 },
    });
    expectClose([far.amplitude, far.linewidth, far.shift], [0.8, 0.25, 1.2], { rtol: 1e-9 });
    // without the background the model cannot fit: the residual stays well above 0
    expect(fitDoubleLorentzian(omega, s).residualRms).toBeGreaterThan(1e-3);
  });

  it('on noisy data: parameters within 4.5 standard errors, and the errors match the scatter of 60 draws', () => {
    // white noise of 2 % of the peak height on 301 samples, at δ = 2Δν (peaks resolved, overlapping).
    // The reported errors must equal the observed scatter within 30 % (3σ for 60 draws: 1/√118 ≈ 9 %).
    const omega = grid(-3, 0.02, 301);
    const truth = [1, 0.25, 0.5];
    const clean = doubleLorentzian(omega, truth[0], truth[1], truth[2]);
    let top = 0;
    for (const v of clean) top = Math.max(top, v);
    const sigma = 0.02 * top;
    const rng = createRng(2024);
    const draws = 60;
    const values = truth.map(() => new Float64Array(draws));
    const errors = [0, 0, 0];
    for (let k = 0; k < draws; k++) {
      const y = clean.map((v) => v + sigma * rng.gaussian());
      const fit = fitDoubleLorentzian(omega, y);
      const got = [fit.amplitude, fit.linewidth, fit.shift];
      const err = [fit.uncertainties.amplitude, fit.uncertainties.linewidth, fit.uncertainties.shift];
      for (let p = 0; p < 3; p++) {
        values[p][k] = got[p];
        errors[p] += err[p] / draws;
        expect(Math.abs(got[p] - truth[p])).toBeLessThan(4.5 * err[p]);
      }
      expectClose(fit.residualRms, sigma, { rtol: 0.25 });
    }
    for (let p = 0; p < 3; p++) {
      const mean = values[p].reduce((a, b) => a + b, 0) / draws;
      const sd = Math.sqrt(values[p].reduce((a, b) => a + (b - mean) ** 2, 0) / (draws - 1));
      expectClose(sd, errors[p], { rtol: 0.3 });
      // and the mean is unbiased within its own error
      expect(Math.abs(mean - truth[p])).toBeLessThan(4 * (sd / Math.sqrt(draws)));
    }
  });

  it("weighting 'relative' fits an estimated spectrum (scatter ∝ S) without bias", () => {
    const omega = grid(-4, 0.02, 401);
    const clean = doubleLorentzian(omega, 1, 0.2, 1);
    const rng = createRng(9);
    const shifts: number[] = [];
    const widths: number[] = [];
    for (let k = 0; k < 30; k++) {
      const y = clean.map((v) => v * (1 + 0.2 * rng.gaussian()));
      const fit = fitDoubleLorentzian(omega, y, { weighting: 'relative' });
      shifts.push(fit.shift);
      widths.push(fit.linewidth);
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expectClose(mean(shifts), 1, { rtol: 0.01 });
    expectClose(mean(widths), 0.2, { rtol: 0.03 });
  });

  it('throws when it does not converge within maxIterations', () => {
    const omega = grid(-5, 0.02, 501);
    expect(() =>
      fitDoubleLorentzian(omega, doubleLorentzian(omega, 2, 0.3, 1.5), {
        maxIterations: 1,
        initial: { amplitude: 1, linewidth: 1, shift: 0.2 },
      }),
    ).toThrow(/fitDoubleLorentzian: no convergence after 1 iterations \(option 'maxIterations'\); last parameters amplitude/);
  });

  it('rejects bad input, naming the parameter', () => {
    const omega = grid(-2, 1, 6);
    const y = doubleLorentzian(omega, 1, 1, 0.5);
    const bad = (c: FitDoubleLorentzianConfig) => () => fitDoubleLorentzian(omega, y, c);
    expect(() => fitDoubleLorentzian(Float64Array.of(0, 2, 1), Float64Array.of(1, 2, 3))).toThrow(
      "fitDoubleLorentzian: argument 'omega' must increase strictly, got 2 then 1 at index 2",
    );
    expect(() => fitDoubleLorentzian(omega, y.subarray(1))).toThrow(
      "fitDoubleLorentzian: argument 'density' must have the length of 'omega' (6), got 5",
    );
    expect(() => fitDoubleLorentzian(omega, Float64Array.of(1, 2, NaN, 1, 1, 1))).toThrow(
      "fitDoubleLorentzian: argument 'density' must hold finite numbers, got NaN at index 2",
    );
    expect(() => fitDoubleLorentzian(omega, new Float64Array(6))).toThrow(
      "fitDoubleLorentzian: argument 'density' has no peak to start from (largest value 0 is not above 0); pass 'initial'",
    );
    expect(bad({ range: [3, 1] })).toThrow("fitDoubleLorentzian: option 'range' must be [low, high] with low < high, got 3,1");
    expect(bad({ range: [-2, 0.5] })).toThrow(
      "fitDoubleLorentzian: need at least 4 samples (with positive weight, inside 'range') to fit 3 parameters, got 3",
    );
    expect(bad({ weights: Float64Array.of(1, 1, -1, 1, 1, 1) })).toThrow(
      "fitDoubleLorentzian: option 'weights' must hold finite numbers ≥ 0, got -1 at index 2",
    );
    expect(bad({ weighting: 'log' as never })).toThrow("fitDoubleLorentzian: option 'weighting' must be 'uniform' or 'relative', got log");
    expect(bad({ maxIterations: 0 })).toThrow("fitDoubleLorentzian: option 'maxIterations' must be an integer ≥ 1, got 0");
    expect(bad({ initial: { linewidth: 0 } })).toThrow("fitDoubleLorentzian: option 'initial.linewidth' must be a finite number > 0, got 0");
    expect(bad({ initial: { shift: -1 } })).toThrow("fitDoubleLorentzian: option 'initial.shift' must be a finite number ≥ 0, got -1");
    expect(bad({ initial: { amplitude: NaN } })).toThrow("fitDoubleLorentzian: option 'initial.amplitude' must be a finite number, got NaN");
  });
});
