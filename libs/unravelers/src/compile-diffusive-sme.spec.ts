import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { coherentKet, create, destroy, fockSpace, num, plus, power, pureState, scaled, sigmaZ, spinHalfSpace } from '@qsync/operators';
import { compileDiffusiveSme } from './compile-diffusive-sme';
import type { DiffusiveSmeModel, SmeMethod } from './compile-diffusive-sme';
import { compileReferenceDiffusiveSme } from './test-support/reference-diffusive-sme';

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

describe('compileDiffusiveSme: the fused step equals the unfused reference step', () => {
  /** max |Δ(fused) − Δ(reference)| / max |Δ(reference)| of the increments ρ(t + dt) − ρ(t). */
  function deviation(model: DiffusiveSmeModel, rho0: Float64Array, dt: number, dW: Float64Array, method: SmeMethod, filter: boolean): number {
    const fused = compileDiffusiveSme(model);
    const ref = compileReferenceDiffusiveSme(model);
    const a = Float64Array.from(rho0);
    const b = Float64Array.from(rho0);
    const sa = new Float64Array(fused.noises);
    const sb = new Float64Array(fused.noises);
    if (filter) {
      fused.filterStepInto(a, 0.37, dt, dW, sa, method);
      ref.filterStepInto(b, 0.37, dt, dW, sb, method);
    } else {
      fused.stepInto(a, 0.37, dt, dW, sa, method);
      ref.stepInto(b, 0.37, dt, dW, sb, method);
    }
    let d = 0;
    let s = 0;
    for (let k = 0; k < a.length; k++) {
      d = Math.max(d, Math.abs(a[k] - b[k]));
      s = Math.max(s, Math.abs(b[k] - rho0[k]));
    }
    for (let l = 0; l < sa.length; l++) d = Math.max(d, Math.abs(sa[l] - sb[l]));
    return d / s;
  }

  /** A random density matrix (Hermitian, positive, trace 1) of dimension n. */
  function randomState(n: number, seed: number): Float64Array {
    const rng = createRng(seed);
    const g = new Float64Array(2 * n * n);
    rng.fillNormalZigguratInto(g, 0, g.length, 1);
    const rho = new Float64Array(2 * n * n);
    let tr = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < n; k++) {
          // (G G†)_ij = Σ_k G_ik conj(G_jk)
          const ar = g[2 * (i * n + k)];
          const ai = g[2 * (i * n + k) + 1];
          const br = g[2 * (j * n + k)];
          const bi = g[2 * (j * n + k) + 1];
          re += ar * br + ai * bi;
          im += ai * br - ar * bi;
        }
        rho[2 * (i * n + j)] = re;
        rho[2 * (i * n + j) + 1] = im;
      }
      tr += rho[2 * (i * n + i)];
    }
    for (let k = 0; k < rho.length; k++) rho[k] /= tr;
    return rho;
  }

  // Both evaluate the same O(10) products per entry in a different order: round-off of ρ ~ 1
  // relative to an increment of ~0.1, i.e. ~1e-15; a missing or mis-weighted term moves the
  // increment by O(dW²) ~ 1e-2 of it.
  const RTOL = 1e-13;
  const N = 6;
  const space = fockSpace(N);
  const a = destroy(space);
  const vdp: DiffusiveSmeModel = {
    hamiltonian: scaled(num(space), 4),
    dissipators: [
      { rate: 4, jump: create(space) },
      { rate: 0.5, jump: power(a, 2) },
    ],
    monitored: [{ rate: 1, jump: a, unraveling: 'heterodyne' }],
  };
  // a drive breaks U(1); a homodyne channel with phase, detuning and ξ < 1 beside a heterodyne
  // one on another jump operator: the Milstein cross terms J_c J_d ρ, J_c ρ J_d† of c ≠ d occur
  const mixed: DiffusiveSmeModel = {
    hamiltonian: plus(scaled(num(space), 0.4), scaled(plus(a, create(space)), 1.3)),
    dissipators: [{ rate: 0.3, jump: create(space) }],
    monitored: [
      { rate: 0.8, jump: a, unraveling: 'homodyne', phase: 0.7, frequency: 2.1, efficiency: 0.6 },
      { rate: 0.35, jump: power(a, 2), unraveling: 'heterodyne', efficiency: 0.9 },
    ],
  };

  // homodyne with phase 0 and no detuning: real LO factors, the step's real-weight path
  const real: DiffusiveSmeModel = {
    hamiltonian: plus(scaled(num(space), 0.4), scaled(plus(a, create(space)), 1.3)),
    dissipators: [{ rate: 0.3, jump: create(space) }],
    monitored: [
      { rate: 0.8, jump: a, unraveling: 'homodyne', efficiency: 0.7 },
      { rate: 0.35, jump: power(a, 2), unraveling: 'homodyne' },
    ],
  };

  // a jump operator with complex matrix elements, a + 0.4i·a²: the traces' imaginary coefficients
  const complexJump: DiffusiveSmeModel = {
    hamiltonian: plus(scaled(num(space), 0.4), scaled(plus(a, create(space)), 1.3)),
    monitored: [{ rate: 0.9, jump: plus(a, scaled(power(a, 2), { re: 0, im: 0.4 })), unraveling: 'heterodyne', efficiency: 0.8 }],
  };

  it('heterodyne vdP (Fig. 4.1 rates), a driven two-channel model, a real-LO one and a complex jump, both schemes, simulation and filter', () => {
    const dt = 0.01;
    for (const [model, noises] of [[vdp, 2], [mixed, 3], [real, 2], [complexJump, 2]] as const) {
      const rho = randomState(N, 5 + noises);
      const dW = Float64Array.from({ length: noises }, (_, l) => 0.1 * Math.cos(1 + 2 * l));
      for (const method of ['euler-maruyama', 'milstein'] as const) {
        for (const filter of [false, true]) {
          const dY = filter ? dW.map((w) => w + 0.05) : dW;
          expect(deviation(model, rho, dt, dY, method, filter)).toBeLessThan(RTOL);
        }
      }
    }
  });
});
