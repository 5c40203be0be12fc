import { PhaseTracker, assertTau } from './phase-tracker';

/** Options of {@link currentPhase}. */
export interface CurrentPhaseConfig {
  /** sample spacing Δt > 0 */
  dt: number;
  /** time constant τ ≥ 0 of the one-pole low-pass applied before taking the phase; 0: none */
  tau: number;
}

/**
 * Phase tracking of one heterodyne current I = √κ⟨a⟩ + noise (thesis Eqs. 4.14, 4.48): the
 * unwrapped phase of the low-passed current, in the thesis's sign (α = r e^{−iφ}, so the phase is
 * φ = −arg): φ̂_n = −unwrap(arg y_n), y_n = a·y_{n−1} + (1 − a)I_n, a = e^{−Δt/τ}, y_{−1} = 0.
 *
 * What it estimates: the raw current is noise-dominated (per sample the noise has E|ξ|² = 1/Δt
 * against κ|⟨a⟩|²), so the filter averages over ≈ τ. When the conditional amplitude
 * ⟨a⟩ = r e^{−iφ(t)} keeps its modulus and its phase moves little within τ, φ̂(t) follows φ(t)
 * delayed by the filter: for a steady rotation φ = νt + φ₀ exactly φ̂ = νt + φ₀ − arg H with
 * H = (1 − a)/(1 − a e^{iνΔt}) (≈ arctan(ντ) for Δt ≪ τ), plus a phase noise of standard deviation
 * ≈ √((1 − a)/(2(1 + a)Δt))/(√κ r|H|) (≈ 1/(2r√(κτ))). It is reliable while κr²τ ≫ 1 and the phase
 * diffuses little within τ; otherwise |y| dips towards 0 and the unwrapping may slip by 2π. Its
 * slope is the observed frequency.
 *
 * @param current - the current, interleaved (re, im), finite, ≥ 1 sample
 * @param config - `{ dt, tau }`
 * @returns `{ phase, amplitude }`: φ̂_n (rad) and |y_n|, one per sample (new arrays)
 * @throws Error naming `current`, `config`, `dt` or `tau` on bad input
 * @example
 * // I = e^{−iπn/2} (φ = πn/2 in the thesis's sign), unfiltered: the phase keeps growing
 * currentPhase(Float64Array.of(1, 0, 0, -1, -1, 0, 0, 1, 1, 0), { dt: 1, tau: 0 }).phase; // Float64Array [0, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI]
 */
export function currentPhase(current: Float64Array, config: CurrentPhaseConfig): { phase: Float64Array; amplitude: Float64Array } {
  const fn = 'currentPhase';
  if (!(current instanceof Float64Array) || current.length === 0 || current.length % 2 !== 0) {
    throw new Error(`${fn}: argument 'current' must be a non-empty Float64Array of interleaved (re, im) pairs, got ${current instanceof Float64Array ? `length ${current.length}` : String(current)}`);
  }
  if (config == null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { dt, tau }, got ${String(config)}`);
  const { dt, tau } = config;
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt <= 0) throw new Error(`${fn}: option 'dt' must be a finite number > 0, got ${String(dt)}`);
  assertTau(fn, tau);
  for (let i = 0; i < current.length; i++) {
    if (!Number.isFinite(current[i])) throw new Error(`${fn}: argument 'current' must be finite, got ${current[i]} at sample ${i >> 1}`);
  }
  const n = current.length / 2;
  const phase = new Float64Array(n);
  const amplitude = new Float64Array(n);
  new PhaseTracker(dt, tau).run(current, 0, n, phase, amplitude);
  return { phase, amplitude };
}
