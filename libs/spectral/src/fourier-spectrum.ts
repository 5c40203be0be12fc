import { createDormandPrince } from '@qsync/integrators';
import { csrMatvecInto } from '@qsync/linalg';
import type { Progress } from '@qsync/frames';
import type { RegressionProblem } from './regression-problem';

/** Accuracy settings of the τ-integration (see {@link fourierSpectrumChunks}). */
export interface FourierSettings {
  readonly rtol: number;
  readonly atol: number;
  readonly decay: number;
  readonly tauMax: number;
}

/**
 * S(ω) = 2 Re ∫₀^T dτ e^{−iωτ} Tr[A X(τ)], X(τ) = e^{Lτ}X₀, written into `density` (internal to
 * the library): X is integrated by Dormand–Prince 5(4) on the kept blocks, and the Fourier
 * integrals at all ω ride along as extra components of the same ODE,
 * dI_k/dτ = e^{−iω_kτ} Tr[A X(τ)], so the step-size control that makes X accurate also makes
 * the quadrature accurate (a fifth-order rule on the same steps). T is the first τ at which
 * ‖X(τ)‖₂ ≤ max(`decay`·‖X₀‖₂, 10·atol·√(2m)) (m kept entries: below the second, X is at the
 * level the absolute tolerance resolves); the integral beyond T is left out (it is at most
 * ‖w‖₂‖X(T)‖₂/γ for the slowest decay rate γ of the blocks). Yields every few hundred steps.
 */
export function* fourierSpectrumChunks(
  problem: RegressionProblem,
  omega: Float64Array,
  density: Float64Array,
  settings: FourierSettings,
  fn: string,
): Generator<Progress, void> {
  const { block, x0, w } = problem;
  const m = block.rows;
  const K = omega.length;
  const norm0 = norm2(x0, 0, 2 * m);
  if (m === 0 || norm0 === 0) {
    density.fill(0);
    yield { done: 1, total: 1 };
    return;
  }
  const y0 = new Float64Array(2 * m + 2 * K);
  y0.set(x0);
  const outX = new Float64Array(2 * m);
  // The stepper hands the rhs its own work arrays (a handful); the X part is read in place
  // through a view made once per array, so steps allocate nothing.
  const views = new Map<Float64Array, Float64Array>();
  const rhsCached = (out: Float64Array, y: Float64Array, tau: number): void => {
    let v = views.get(y);
    if (v === undefined) {
      v = y.subarray(0, 2 * m);
      views.set(y, v);
    }
    csrMatvecInto(outX, block, v);
    rhsTail(out, y, tau);
  };
  const rhsTail = (out: Float64Array, y: Float64Array, tau: number): void => {
    out.set(outX, 0);
    let cr = 0;
    let ci = 0;
    for (let q = 0; q < m; q++) {
      const xr = y[2 * q];
      const xi = y[2 * q + 1];
      cr += w[2 * q] * xr - w[2 * q + 1] * xi;
      ci += w[2 * q] * xi + w[2 * q + 1] * xr;
    }
    const base = 2 * m;
    for (let k = 0; k < K; k++) {
      const c = Math.cos(omega[k] * tau);
      const s = Math.sin(omega[k] * tau);
      out[base + 2 * k] = cr * c + ci * s;
      out[base + 2 * k + 1] = ci * c - cr * s;
    }
  };
  const stepper = createDormandPrince(rhsCached, y0, 0, {
    rtol: settings.rtol,
    atol: settings.atol,
    maxSteps: 10_000_000,
  });
  const y = new Float64Array(y0.length);
  // Stop at decay·‖X₀‖, or where X has reached the level the absolute tolerance resolves: below
  // that the steps sit at DP5's stability limit, where stiff error components barely decay.
  const stopAt = Math.max(settings.decay * norm0, 10 * settings.atol * Math.sqrt(2 * m));
  const target = Math.log(norm0 / stopAt);
  let tau = 0;
  let dtau = 0;
  for (;;) {
    // Advance by about 200 steps per chunk.
    dtau = Math.max(dtau, 200 * stepper.h);
    tau = Math.min(tau + dtau, settings.tauMax);
    stepper.advanceTo(tau, y);
    const norm = norm2(y, 0, 2 * m);
    const ratio = norm / norm0;
    if (norm <= stopAt) break;
    if (tau >= settings.tauMax) {
      throw new Error(
        `${fn}: X(τ) = e^{Lτ}(Bρ_ss) has decayed only to ${ratio.toExponential(2)} of its start at ` +
          `τ = ${settings.tauMax} (option 'tauMax'); raise 'tauMax' or 'decay'`,
      );
    }
    yield { done: Math.max(0, Math.min(Math.log(1 / ratio), target)), total: target };
  }
  for (let k = 0; k < K; k++) density[k] = 2 * y[2 * m + 2 * k];
  yield { done: target, total: target };
}

function norm2(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let q = from; q < to; q++) s += x[q] * x[q];
  return Math.sqrt(s);
}
