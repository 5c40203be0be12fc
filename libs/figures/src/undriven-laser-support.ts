// Shared computations of Figs. 7.2–7.5, the superradiant laser with N_d driven and N_ud undriven
// atoms (thesis Eq. 7.1). Internal to the library (not in index.ts).
import { dormandPrince } from '@qsync/integrators';
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
 * from the model's default, a tilt of |0⟩ by θ = 0.02 (s+ ≈ 0.01; pure, as Eq. 7.7 assumes): y = [Re s+_d, Im s+_d, Re s+_ud,
 * Im s+_ud, s^z_d, s^z_ud] at t = `tEnd`, and its frequency d arg(s+)/dt there.
 */
export function meanFieldLongTime(pd: number, gammaPlus: number, tEnd: number): { y: Float64Array; frequency: number; model: ReturnType<typeof undrivenAtomLaserBadCavity> } {
  const model = undrivenAtomLaserBadCavity({ V, pd, gammaPlus });
  const y = dormandPrince(model.rhs, model.initialState(), [0, tEnd], { rtol: 1e-11, atol: 1e-14, maxSteps: 10_000_000 }).y[1];
  return { y, frequency: model.frequency(y), model };
}
