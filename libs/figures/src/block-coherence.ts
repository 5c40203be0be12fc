import type { DensityMatrix, Lindbladian, Operator } from '@qsync/operators';
import { steadyStateCorrelation } from '@qsync/spectral';

/** What {@link blockCoherence} integrates: the watched pair's operators, rate and averaging time. */
export interface BlockCoherenceSpec {
  /** the watched jump operators (a, b or σ−_A, σ−_B) and their adjoints */
  readonly a: Operator;
  readonly b: Operator;
  readonly adag: Operator;
  readonly bdag: Operator;
  /** rate of the watched channels rate·D[a], rate·D[b] (times the detection efficiency) */
  readonly rate: number;
  /** the detector's averaging time Δ > 0 */
  readonly blockTime: number;
  /** ρ_ss of the Lindbladian, if known (else `steadyState` solves it once per correlation) */
  readonly rhoSS?: DensityMatrix;
  /** lags of Simpson's rule on [0, Δ], odd ≥ 3 (default 201) */
  readonly lags?: number;
}

/**
 * The block coherence C_AB = ⟨c_A†c_B⟩ of the temporal modes c = Δ^{−1/2}∫_block a_out ds that a
 * heterodyne current averaged over Δ measures (Eqs. 4.13–4.15): with a_out = √rate·a + vacuum,
 *   C_AB = (rate/Δ)∬_0^Δ⟨a†(s)b(s′)⟩ds ds′ = (rate/Δ)∫_{−Δ}^{Δ}(Δ − |τ|)⟨a†(t + τ)b(t)⟩dτ
 * in the steady state, from the regression theorem (`steadyStateCorrelation`); for τ < 0 the
 * correlation is conj⟨b†(t + |τ|)a(t)⟩. Simpson's rule on `lags` lags of [0, Δ]. For Δ short
 * against the dynamics it tends to rate·Δ·⟨a†b⟩.
 *
 * @param l - the Lindbladian (it must hold rate·D[a] and rate·D[b])
 * @param spec - `{ a, b, adag, bdag, rate, blockTime, rhoSS?, lags? }`
 * @returns C_AB as `{ re, im }`
 * @throws Error naming `rate`, `blockTime` or `lags` when not positive finite (lags: odd ≥ 3)
 * @example
 * // spin A of an uncoupled pair, H = (δ/4)σz (ω₀ = 2 at δ = 4), γ+ = 0.5, γ− = 1, a = b = σ−_A:
 * // ⟨σ+(τ)σ−⟩ = ⅓e^{sτ}, s = ±2i − 0.75, so C = (2/(3Δ))Re[(e^{sΔ} − 1 − sΔ)/s²]; rate·Δ·⅓ = 0.0833 at Δ = 0.25
 * const { lindbladian, operators: o } = coupledSpins({ delta: 4, V: 0, gammaPlus: 0.5, gammaMinus: 1 });
 * const spec = { a: o.sigmaMinusA, b: o.sigmaMinusA, adag: o.sigmaPlusA, bdag: o.sigmaPlusA, rate: 1, blockTime: 0.25 };
 * blockCoherence(lindbladian, spec).re; // ≈ 0.0768203888
 */
export function blockCoherence(l: Lindbladian, spec: BlockCoherenceSpec): { re: number; im: number } {
  const fn = 'blockCoherence';
  const lags = spec.lags ?? 201;
  if (!(spec.rate > 0 && Number.isFinite(spec.rate))) throw new Error(`${fn}: 'rate' must be a positive finite number, got ${String(spec.rate)}`);
  if (!(spec.blockTime > 0 && Number.isFinite(spec.blockTime))) throw new Error(`${fn}: 'blockTime' (Δ) must be a positive finite number, got ${String(spec.blockTime)}`);
  if (!(Number.isInteger(lags) && lags >= 3 && lags % 2 === 1)) throw new Error(`${fn}: 'lags' must be an odd integer ≥ 3 (Simpson's rule), got ${String(lags)}`);
  const delta = spec.blockTime;
  const tau = Float64Array.from({ length: lags }, (_, k) => (k * delta) / (lags - 1));
  const options = spec.rhoSS === undefined ? {} : { rhoSS: spec.rhoSS };
  const forward = steadyStateCorrelation(l, tau, spec.adag, spec.b, options).g;
  const backward = steadyStateCorrelation(l, tau, spec.bdag, spec.a, options).g;
  let re = 0;
  let im = 0;
  for (let k = 0; k < lags; k++) {
    const simpson = k === 0 || k === lags - 1 ? 1 : k % 2 === 1 ? 4 : 2;
    const w = ((simpson * delta) / (3 * (lags - 1))) * (delta - tau[k]);
    // ⟨a†(τ)b⟩ + conj⟨b†(τ)a⟩
    re += w * (forward[2 * k] + backward[2 * k]);
    im += w * (forward[2 * k + 1] - backward[2 * k + 1]);
  }
  return { re: (spec.rate * re) / delta, im: (spec.rate * im) / delta };
}
