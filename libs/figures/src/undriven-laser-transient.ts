// The frequency-shift transient of Figs. 7.3(b) and 7.4 (internal to the library).
import { dormandPrince } from '@qsync/integrators';
import { undrivenAtomLaserBadCavity } from '@qsync/models';
import { V, laserCumulants, meanFieldLongTime, spectralPeak } from './undriven-laser-support';

/** Fig. 7.3's rates: γz = 10⁻³V, γ− = 10⁻⁴V, so Γ = γ− + 2γz = 2.1·10⁻³V; p_d = 0.8, γ+ = V in (b) and Fig. 7.4. */
export const GAMMA_Z = 1e-3 * V;
export const GAMMA_MINUS = 1e-4 * V;
export const GAMMA = GAMMA_MINUS + 2 * GAMMA_Z;
export const TRANSIENT_PD = 0.8;
export const TRANSIENT_GAMMA_PLUS = V;

/**
 * The mean-field shift after γ−, γz are switched on: the bad-cavity equations (7.4) started from
 * the long-time traveling wave of (7.5) (γ− = γz = 0, undriven atoms pure), ω(t) = d arg s+/dt at
 * the times t = tΓ/Γ.
 */
export function meanFieldShift(tGamma: Float64Array): Float64Array {
  const start = meanFieldLongTime(TRANSIENT_PD, TRANSIENT_GAMMA_PLUS, 3000).y;
  const model = undrivenAtomLaserBadCavity({ V, pd: TRANSIENT_PD, gammaPlus: TRANSIENT_GAMMA_PLUS, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z });
  const sol = dormandPrince(model.rhs, start, Array.from(tGamma, (x) => x / GAMMA), { rtol: 1e-11, atol: 1e-14, maxSteps: 10_000_000 });
  return Float64Array.from(sol.y, (y) => Math.abs(model.frequency(y)));
}

/** S(t, ω) of one N and its peak. */
export interface ShiftTransient {
  /** S(t_k, ω_j)/max S(t_k, ·) at [j·times + k] (heatmap layout: ω on y, t on x); the max over `omega`, or with `peakOmega` given the spectrum's own maximum (at its refined peak, also when that lies outside `omega`) */
  readonly normalized: Float64Array;
  /** the ω > 0 peak of S(t, ω) at each time (refined), searched on `peakOmega` */
  readonly peak: Float64Array;
}

/**
 * The time-resolved spectrum (7.16) of N atoms: the cumulant equations (App. 7.A) start from their
 * steady state at γ− = γz = 0 (every atom in |0⟩ before that), then run with γ−, γz on; at each
 * time t the quasi-static S(t, ω) = 2Re[(iω − M(t))⁻¹c(t, 0)]₀ (the model's `spectrum` at y(t)).
 * `omega` > 0 ascending (the spectrum is symmetric, ω → −ω); the peak is searched on `peakOmega`
 * (> 0 ascending, default `omega`), e.g. a grid wider than the one drawn.
 */
export function shiftTransient(n: number, tGamma: Float64Array, omega: Float64Array, peakOmega: Float64Array = omega): ShiftTransient {
  const start = laserCumulants(n, TRANSIENT_PD, { gammaPlus: TRANSIENT_GAMMA_PLUS }).steadyState({ settle: 400, tolerance: 1e-10 });
  const model = laserCumulants(n, TRANSIENT_PD, { gammaPlus: TRANSIENT_GAMMA_PLUS, gammaMinus: GAMMA_MINUS, gammaZ: GAMMA_Z });
  const sol = dormandPrince(model.rhs, start, Array.from(tGamma, (x) => x / GAMMA), { rtol: 1e-9, atol: 1e-12, maxSteps: 10_000_000 });
  const nt = tGamma.length;
  const normalized = new Float64Array(nt * omega.length);
  const peak = new Float64Array(nt);
  sol.y.forEach((y, k) => {
    const s = model.spectrum(y, omega);
    let top = 0;
    for (const v of s) top = Math.max(top, v);
    peak[k] = spectralPeak(model, y, peakOmega, peakOmega === omega ? s : model.spectrum(y, peakOmega), 1).omega;
    if (peakOmega !== omega) top = Math.max(top, model.spectrum(y, [peak[k]])[0]);
    s.forEach((v, j) => (normalized[j * nt + k] = v / top));
  });
  return { normalized, peak };
}
