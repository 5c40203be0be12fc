import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { coherentKet, destroy, fockSpace, num, pureState, scaled, sigmaZ, spinHalfSpace } from '@qsync/operators';
import { compileDiffusiveSme } from './compile-diffusive-sme';
import type { SmeMethod } from './compile-diffusive-sme';

/**
 * Homodyne detection of σz with LO phase π/2 measures the operator X = i√κσz, whose quadrature
 * X + X† vanishes: no information, and the backaction i√κ[σz, ρ]dW is a random rotation. With
 * H = (ω/2)σz the SME dρ = −i[H, ρ]dt + κD[σz]ρdt + i√κ[σz, ρ]dW has the exact solution
 * ρ(t) = Uρ(0)U†, U = exp(iσz(√κ W_t − ωt/2)) (Itô: the κD[σz] term is the correction of the
 * Stratonovich rotation), so ρ₀₁(t) = ρ₀₁(0)·exp(−2i(√κ W_t − ωt/2)) with σz = diag(−1, 1).
 */
const kappa = 1;
const omega = 1;
const T = 1;
const space = spinHalfSpace();
const rotation = compileDiffusiveSme({
  hamiltonian: scaled(sigmaZ(space), omega / 2),
  monitored: [{ rate: kappa, jump: sigmaZ(space), unraveling: 'homodyne', phase: Math.PI / 2 }],
});

/** Mean strong error E|ρ₀₁(T) − exact| at steps T/2^levels[i], on `paths` Brownian paths sampled at the finest step. */
function strongErrors(method: SmeMethod, levels: readonly number[], paths: number): { err: number[]; se: number[] } {
  const finest = Math.max(...levels);
  const nFine = 2 ** finest;
  const fine = new Float64Array(nFine);
  const rng = createRng(99);
  const sums = levels.map(() => 0);
  const sq = levels.map(() => 0);
  const rho = new Float64Array(8);
  const dW = new Float64Array(1);
  const signal = new Float64Array(1);
  for (let p = 0; p < paths; p++) {
    rng.fillNormalZigguratInto(fine, 0, nFine, Math.sqrt(T / nFine));
    let w = 0;
    for (let k = 0; k < nFine; k++) w += fine[k];
    const phase = -2 * (Math.sqrt(kappa) * w - (omega * T) / 2);
    const exRe = 0.5 * Math.cos(phase);
    const exIm = 0.5 * Math.sin(phase);
    levels.forEach((level, i) => {
      rho.set([0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0]);
      const steps = 2 ** level;
      const group = nFine / steps;
      const dt = T / steps;
      for (let s = 0; s < steps; s++) {
        let inc = 0;
        for (let q = 0; q < group; q++) inc += fine[s * group + q];
        dW[0] = inc;
        rotation.stepInto(rho, s * dt, dt, dW, signal, method);
      }
      const e = Math.hypot(rho[2] - exRe, rho[3] - exIm);
      sums[i] += e;
      sq[i] += e * e;
    });
  }
  const err = sums.map((s) => s / paths);
  const se = sq.map((s, i) => Math.sqrt((s / paths - err[i] ** 2) / (paths - 1)));
  return { err, se };
}

/** Least-squares slope of log err against log dt and its standard error from the errors' standard errors. */
function slope(levels: readonly number[], err: number[], se: number[]): { order: number; sigma: number } {
  const x = levels.map((l) => Math.log(T / 2 ** l));
  const y = err.map(Math.log);
  const sy = se.map((s, i) => s / err[i]); // σ of log err
  const m = x.length;
  const xm = x.reduce((a, b) => a + b, 0) / m;
  const ym = y.reduce((a, b) => a + b, 0) / m;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += (x[i] - xm) ** 2;
    sxy += (x[i] - xm) * (y[i] - ym);
  }
  // the levels share their paths, so their errors are correlated: bound σ by the uncorrelated
  // propagation with the largest σ of log err (conservative)
  const sigma = Math.max(...sy) * Math.sqrt(2 / sxx);
  return { order: sxy / sxx, sigma };
}

describe('compileDiffusiveSme', () => {
  const levels = [4, 5, 6, 7, 8];

  it('Euler–Maruyama has strong order ½ on the random rotation with a closed-form solution', () => {
    const { err, se } = strongErrors('euler-maruyama', levels, 300);
    const { order, sigma } = slope(levels, err, se);
    expect(sigma).toBeLessThan(0.06);
    expect(Math.abs(order - 0.5)).toBeLessThan(Math.max(3 * sigma, 0.1));
  });

  it('Milstein has strong order 1 on the same problem', () => {
    const { err, se } = strongErrors('milstein', levels, 300);
    const { order, sigma } = slope(levels, err, se);
    expect(sigma).toBeLessThan(0.06);
    expect(Math.abs(order - 1)).toBeLessThan(Math.max(3 * sigma, 0.1));
    // measured: err 0.268 … 0.0167 for dt = 1/16 … 1/256 (EM: 0.285 … 0.0698), order 1.001 ± 0.027
    expect(err[err.length - 1]).toBeLessThan(0.4 * strongErrors('euler-maruyama', [8], 300).err[0]);
  });

  it('keeps ρ Hermitian with trace 1 and reports the currents signal', () => {
    const cavity = fockSpace(6);
    const a = destroy(cavity);
    const sme = compileDiffusiveSme({
      hamiltonian: scaled(a, 0),
      monitored: [{ rate: 2, jump: a, unraveling: 'heterodyne', efficiency: 0.5 }],
    });
    // ρ = |α⟩⟨α|-like start: |0⟩ + |1⟩ superposition, ⟨a⟩ = 1/2
    const rho = new Float64Array(2 * 36);
    rho[0] = rho[2] = rho[12] = rho[14] = 0.5;
    const signal = new Float64Array(2);
    sme.stepInto(rho, 0, 1e-3, Float64Array.of(0.03, -0.02), signal, 'milstein');
    // s_x = √(2ξκ) Re⟨a⟩ = √2 · 0.5, s_y = √(2ξκ) Im⟨a⟩ = 0
    expect(signal[0]).toBeCloseTo(Math.SQRT2 * 0.5, 14);
    expect(signal[1]).toBeCloseTo(0, 14);
    let tr = 0;
    let herm = 0;
    for (let i = 0; i < 6; i++) {
      tr += rho[2 * (i * 6 + i)];
      for (let j = 0; j < 6; j++) {
        herm = Math.max(herm, Math.abs(rho[2 * (i * 6 + j)] - rho[2 * (j * 6 + i)]), Math.abs(rho[2 * (i * 6 + j) + 1] + rho[2 * (j * 6 + i) + 1]));
      }
    }
    expect(Math.abs(tr - 1)).toBeLessThan(1e-15);
    expect(herm).toBe(0);
  });

  it('demodulates with e^{+iω_m t} (Eq. 3.11): ω_m = ω makes the signal of a cavity rotating at ω stationary', () => {
    // H = ωa†a, κD[a] monitored, |α = 1⟩: under diffusive detection of a a coherent state stays
    // coherent, ⟨a⟩ = e^{−iωt − κt/2} on every path, so the signal is deterministic:
    // 2√κ Re[e^{iω_m t}⟨a⟩] = 2√κ e^{−κt/2} cos((ω_m − ω)t)
    const cavity = fockSpace(12);
    const a = destroy(cavity);
    const w = 3;
    const rng = createRng(4);
    for (const wm of [w, -w]) {
      const sme = compileDiffusiveSme({
        hamiltonian: scaled(num(cavity), w),
        monitored: [{ rate: 1, jump: a, unraveling: 'homodyne', frequency: wm }],
      });
      const rho = Float64Array.from(pureState(coherentKet(cavity, { re: 1, im: 0 })).matrix.data);
      const dt = 1e-3;
      const dW = new Float64Array(1);
      const signal = new Float64Array(1);
      let worst = 0;
      for (let k = 0; k < 2000; k++) {
        const t = k * dt;
        rng.fillNormalZigguratInto(dW, 0, 1, Math.sqrt(dt));
        sme.stepInto(rho, t, dt, dW, signal, 'milstein');
        worst = Math.max(worst, Math.abs(signal[0] - 2 * Math.exp(-t / 2) * Math.cos((wm - w) * t)));
      }
      // the drift's Euler error: ~ω²dt/2 ≈ 5e-3 of the amplitude per unit time; a flipped ω_m sign is off by O(1)
      expect(worst).toBeLessThan(0.02);
    }
  });

  it('names the bad field', () => {
    const s = spinHalfSpace();
    const h = scaled(sigmaZ(s), 1);
    expect(() => compileDiffusiveSme({ hamiltonian: h, monitored: [] })).toThrow(/'monitored' must list at least one/);
    expect(() =>
      compileDiffusiveSme({ hamiltonian: h, monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'homodyne', efficiency: 1.5 }] }),
    ).toThrow(/monitored\[0\]\.efficiency must be a number in \[0, 1\]/);
    expect(() => compileDiffusiveSme({ hamiltonian: h, monitored: [{ rate: -1, jump: sigmaZ(s), unraveling: 'homodyne' }] })).toThrow(
      /monitored\[0\]\.rate must be a finite number ≥ 0/,
    );
    expect(() =>
      compileDiffusiveSme({ hamiltonian: h, monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'heterodyne', frequency: 2 }] }),
    ).toThrow(/frequency applies to 'homodyne' channels/);
    expect(() =>
      compileDiffusiveSme({ hamiltonian: h, monitored: [{ rate: 1, jump: destroy(fockSpace(3)), unraveling: 'homodyne' }] }),
    ).toThrow(/monitored\[0\]\.jump must be an operator on dims \[2\]/);
  });
});
