// Shared computations of Figs. 7.2–7.5, the superradiant laser with N_d driven and N_ud undriven
// atoms (thesis Eq. 7.1). Internal to the library (not in index.ts).
import { dormandPrince } from '@qsync/integrators';
import { denseZeros, eigenvalues, solveDense } from '@qsync/linalg';
import type { DenseMatrix } from '@qsync/linalg';
import { undrivenAtomLaserBadCavity, undrivenAtomLaserCumulants, type UndrivenAtomLaserCumulants } from '@qsync/models';

/** The rate unit of Ch. 7's figures: V = 2NΩ²/κ (Eq. 7.4) = 1. */
export const V = 1;

/**
 * Ω and κ for N atoms with κ = 10√N Ω at V = 2NΩ²/κ (the captions of Figs. 7.2, 7.3):
 * V = √N Ω/5, so Ω = 5V/√N and κ = 50V whatever N.
 */
export function laserCavity(n: number): { Omega: number; kappa: number } {
  return { Omega: (5 * V) / Math.sqrt(n), kappa: 50 * V };
}

/** Rates of one laser: γ+ and optional γ−, γz, detuning ωc − ωs (units of V). */
export interface LaserRates {
  readonly gammaPlus: number;
  readonly gammaMinus?: number;
  readonly gammaZ?: number;
  readonly detuning?: number;
}

/** The cumulant model (App. 7.A) of N atoms, a fraction p_d of them driven (N_d = round(p_d N)). */
export function laserCumulants(n: number, pd: number, rates: LaserRates): UndrivenAtomLaserCumulants {
  const nd = Math.round(pd * n);
  return undrivenAtomLaserCumulants({ Nd: nd, Nud: n - nd, ...laserCavity(n), ...rates });
}

/**
 * The steady state of the cumulant equations reached from `y0` (default: every atom in |0⟩, the
 * cavity empty, as the issue prescribes for γ− = γz = 0, where 4⟨σ+_udσ−_ud⟩ + (s^z_ud)² is
 * conserved and the end state depends on the start): integrated over `settle` (Dormand–Prince),
 * then handed to the model's `steadyState` from there. Integrating first keeps its Newton polish
 * on the physical branch (from the empty cavity it can land on a root with ⟨a†a⟩ < 0). Throws if
 * the result is unphysical (⟨a†a⟩ < 0 or |s^z| > 1).
 */
export function laserSteadyState(model: UndrivenAtomLaserCumulants, settle: number, y0?: Float64Array): Float64Array {
  const start = y0 ?? model.initialState();
  const settled = settle > 0 ? dormandPrince(model.rhs, start, [0, settle], { rtol: 1e-9, atol: 1e-12 }).y[1] : start;
  // residual ‖ẏ‖ ≤ 1e-10·κ: far below what moves a spectral line (the default 1e-12 is not always reached with γ− = γz = 0)
  const y = model.steadyState({ y0: settled, tolerance: 1e-10 });
  const s = model.slots;
  if (!(y[s.photons] >= -1e-9 * Math.max(1, Math.abs(y[s.photons]))) || Math.abs(y[s.szDriven]) > 1 + 1e-9 || Math.abs(y[s.szUndriven]) > 1 + 1e-9) {
    throw new Error(`Ch. 7 figures: unphysical cumulant steady state (⟨a†a⟩ = ${y[s.photons]}, s^z_d = ${y[s.szDriven]}, s^z_ud = ${y[s.szUndriven]})`);
  }
  return y;
}

/**
 * `count` angular frequencies symmetric about 0 on [−max, max] that leave out ω = 0 (an even
 * count: at p_d = 1 the undriven row of (7.14) has the eigenvalue 0 and (iω − M) is singular at 0).
 */
export function symmetricFrequencies(max: number, count: number): Float64Array {
  const n = 2 * Math.ceil(count / 2);
  const step = (2 * max) / n;
  return Float64Array.from({ length: n }, (_, i) => -max + step * (i + 0.5));
}

/**
 * The largest maximum of S on ω > 0 (sign +1) or ω < 0 (−1): located on `omega`, then refined
 * twice on 201 points over ±1 local grid step (S from the model's `spectrum` at the moments y).
 */
export function spectralPeak(
  model: UndrivenAtomLaserCumulants,
  y: Float64Array,
  omega: Float64Array,
  density: Float64Array,
  sign: 1 | -1,
): { omega: number; height: number } {
  let best = -1;
  for (let i = 0; i < omega.length; i++) {
    if (sign * omega[i] <= 0) continue;
    if (best < 0 || density[i] > density[best]) best = i;
  }
  if (best < 0) throw new Error('spectralPeak: no frequency on that side');
  let center = omega[best];
  // the local grid step (the grid may be logarithmic)
  let half = Math.max(best > 0 ? omega[best] - omega[best - 1] : 0, best < omega.length - 1 ? omega[best + 1] - omega[best] : 0);
  let height = density[best];
  for (let pass = 0; pass < 2; pass++) {
    const fine = Float64Array.from({ length: 201 }, (_, i) => center - half + (2 * half * i) / 200);
    const s = model.spectrum(y, fine);
    let k = 0;
    for (let i = 1; i < s.length; i++) if (s[i] > s[k]) k = i;
    center = fine[k];
    height = s[k];
    half = (2 * half) / 200;
  }
  return { omega: center, height };
}

/**
 * The long-time state of the bad-cavity mean field (7.5) (γ− = γz = 0) at p_d, γ+ = V, started
 * from a tilt of |0⟩ by s+ = 0.01 (pure, as Eq. 7.7 assumes): y = [Re s+_d, Im s+_d, Re s+_ud,
 * Im s+_ud, s^z_d, s^z_ud] at t = `tEnd`, and its frequency d arg(s+)/dt there.
 */
export function meanFieldLongTime(pd: number, gammaPlus: number, tEnd: number): { y: Float64Array; frequency: number; model: ReturnType<typeof undrivenAtomLaserBadCavity> } {
  const model = undrivenAtomLaserBadCavity({ V, pd, gammaPlus });
  const y = dormandPrince(model.rhs, model.initialState(), [0, tEnd], { rtol: 1e-11, atol: 1e-14, maxSteps: 10_000_000 }).y[1];
  return { y, frequency: model.frequency(y), model };
}

/**
 * The stable steady state of the cumulant equations from `y0`: first integrated over `settle`
 * (Dormand–Prince, through the build-up of the field at rates ~κ), then pseudo-transient
 * continuation — linearly implicit Euler steps (I/Δt − J)Δy = f(y), Δt grown (×2 … ×10, by the
 * ratio of successive residuals) while the residual falls. A step longer than 1/κ must lower the
 * residual (else Δt is halved: Newton globalized by the step length); a shorter one follows the
 * dynamics; no step may leave the Bloch ball (|s^z| > 1). With γ−, γz > 0 the slow rates (~γ−)
 * would take plain integration ~10⁶ steps. J is the central-difference Jacobian (exact to
 * rounding for the quadratic right-hand side). Done when ‖f‖∞ ≤ 1e-11·κ·max(1, ‖y‖∞) on the
 * moments of groups with members; after 3000 steps a residual ≤ 1e-7 is accepted (near-marginal
 * modes stall it), else the model's `steadyState` continues from there (`laserSteadyState`).
 * The end point must be stable (the Jacobian has no eigenvalue with Re > 1e-9κ: long steps are
 * Newton steps, which also converge to unstable roots; throws UnstableSteadyState) and have
 * ⟨a†a⟩ ≥ 0.
 */
export function relaxSteadyState(model: UndrivenAtomLaserCumulants, y0: Float64Array, settle: number): Float64Array {
  const n = y0.length;
  const kappa = model.parameters.kappa;
  const s = model.slots;
  const f = new Float64Array(n);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  // a group without members (N_ud = 0 at p_d = 1) keeps meaningless moments that feed nothing back:
  // they are left out of the residual and of the physical check
  const hasUndriven = model.parameters.Nud > 0;
  const counted = Array.from({ length: n }, (_, i) => i).filter(
    (i) => hasUndriven || ![s.szUndriven, s.aSigmaPlusUndriven, s.aSigmaPlusUndriven + 1, s.pairUndriven, s.pairMixed, s.pairMixed + 1].includes(i),
  );
  const residual = (z: Float64Array): number => {
    model.rhs(f, z, 0);
    let r = 0;
    let m = 1;
    for (const i of counted) {
      r = Math.max(r, Math.abs(f[i]));
      m = Math.max(m, Math.abs(z[i]));
    }
    return r / (kappa * m);
  };
  // (⟨a†a⟩ may dip below 0 on the way: the truncated equations allow it; only the end point must be physical)
  const physical = (z: Float64Array): boolean => Math.abs(z[s.szDriven]) <= 1 && (!hasUndriven || Math.abs(z[s.szUndriven]) <= 1);
  const jacobian = (z: Float64Array): DenseMatrix => {
    const a = denseZeros(n, n);
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(z[j]));
      const zp = Float64Array.from(z);
      const zm = Float64Array.from(z);
      zp[j] += h;
      zm[j] -= h;
      model.rhs(fp, zp, 0);
      model.rhs(fm, zm, 0);
      for (let i = 0; i < n; i++) a.data[2 * (i * n + j)] = (fp[i] - fm[i]) / (2 * h);
    }
    return a;
  };
  // large steps are Newton steps, which converge to unstable roots as well: the end point must be
  // stable (the Jacobian on the counted moments has no eigenvalue with Re > 1e-9κ) and have ⟨a†a⟩ ≥ 0
  const stableOrThrow = (z: Float64Array): Float64Array => {
    if (!(z[s.photons] >= 0)) throw new Error(`relaxSteadyState: the steady state reached has ⟨a†a⟩ = ${z[s.photons]} < 0`);
    const full = jacobian(z);
    const c = counted.length;
    const sub = denseZeros(c, c);
    counted.forEach((i, a) => counted.forEach((j, b) => (sub.data[2 * (a * c + b)] = full.data[2 * (i * n + j)])));
    const ev = eigenvalues(sub);
    let growth = -Infinity;
    for (let k = 0; k < c; k++) growth = Math.max(growth, ev[2 * k]);
    if (growth > 1e-9 * kappa) throw new UnstableSteadyState(`relaxSteadyState: the steady state reached is unstable (an eigenvalue with Re = ${growth.toExponential(3)})`);
    return z;
  };
  // through the fast build-up of the field first (rates ~κ, ~√NΩ), where linearization is poor
  let y = Float64Array.from(dormandPrince(model.rhs, y0, [0, settle], { rtol: 1e-9, atol: 1e-12 }).y[1]);
  let r = residual(y);
  let dt = 1 / kappa;
  for (let step = 0; step < 3000; step++) {
    if (r <= 1e-11) return stableOrThrow(y);
    const a = jacobian(y);
    for (let i = 0; i < 2 * n * n; i++) a.data[i] = -a.data[i];
    model.rhs(f, y, 0);
    const b = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) b[2 * i] = f[i];
    for (;;) {
      const m = { rows: n, cols: n, data: Float64Array.from(a.data) };
      for (let i = 0; i < n; i++) m.data[2 * (i * n + i)] += 1 / dt;
      const d = solveDense(m, b);
      const next = Float64Array.from(y, (v, i) => v + d[2 * i]);
      const rn = physical(next) ? residual(next) : Infinity;
      // a long step must lower the residual (Newton globalized by the step length); a short one
      // (≤ 1/κ) follows the dynamics even where the residual grows (the field building up)
      if (rn <= r || (rn < Infinity && dt <= 1 / kappa)) {
        dt = rn <= r ? Math.min(dt * Math.min(10, Math.max(2, r / rn)), 1e12) : dt;
        y = next;
        r = rn;
        break;
      }
      dt /= 2;
      if (dt < 1e-3 / kappa) dt = 1e-3 / kappa; // (rn = Infinity only: leave the Bloch ball by a shorter step)
      if (dt <= 1e-3 / kappa && !(rn < Infinity)) throw new Error('relaxSteadyState: every step leaves the Bloch ball');
    }
  }
  // near-marginal modes (close to the transition) can stall it around 1e-8: still stationary to far
  // better than the figures resolve (|ẏ| ≤ 1e-7·κ·|y|); beyond that the model's own steadyState
  // (integration in growing spans, Newton) takes over from where it stalled
  if (r <= 1e-7) return stableOrThrow(y);
  return laserSteadyState(model, 0, y);
}

/** Thrown by {@link relaxSteadyState} when the stationary point it reached is unstable. */
export class UnstableSteadyState extends Error {}
