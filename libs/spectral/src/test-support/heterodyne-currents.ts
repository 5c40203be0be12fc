/**
 * Synthetic detector currents with known spectra for the specs of currentSpectrum(Of) (test
 * support, not exported): the heterodyne white noise written as the thesis writes it (Eq. 3.15,
 * √(1/2)(ΔW_x + iΔW_y)/Δt with ΔW ~ N(0, Δt)), a complex Ornstein–Uhlenbeck amplitude sampled
 * exactly, and the exact expectation of a tapered periodogram from the autocorrelation.
 */
import { createRng } from '@qsync/linalg';

/** n samples of √(1/2)(ΔW_x + iΔW_y)/Δt, ΔW_x, ΔW_y independent N(0, Δt), interleaved. */
export function heterodyneNoise(n: number, dt: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) {
    const dW = Math.sqrt(dt) * rng.gaussian();
    x[i] = (Math.SQRT1_2 * dW) / dt;
  }
  return x;
}

/** Parameters of the complex OU amplitude dα = −(γ/2 + iν)α dt + √(γ·nbar) dZ, E|dZ|² = dt. */
export interface OrnsteinUhlenbeck {
  gamma: number;
  nu: number;
  nbar: number;
}

/**
 * n samples of the stationary α above at spacing Δt, by its exact AR(1) update
 * α_{k+1} = e^{−(γ/2 + iν)Δt}α_k + √(nbar(1 − e^{−γΔt}))ζ_k (ζ complex, E|ζ|² = 1), started in
 * the stationary law (E|α|² = nbar). Its g(τ) = E[α*(t+τ)α(t)] = nbar e^{−(γ/2 − iν)τ} (τ ≥ 0),
 * and S(ω) = ∫dτ e^{−iωτ}g(τ) = nbar·γ/((γ/2)² + (ω − ν)²): a Lorentzian at +ν.
 */
export function ornsteinUhlenbeck(p: OrnsteinUhlenbeck, n: number, dt: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const decay = Math.exp((-p.gamma * dt) / 2);
  const cr = decay * Math.cos(p.nu * dt);
  const ci = -decay * Math.sin(p.nu * dt);
  const kick = Math.sqrt((p.nbar * (1 - Math.exp(-p.gamma * dt))) / 2);
  const x = new Float64Array(2 * n);
  let re = Math.sqrt(p.nbar / 2) * rng.gaussian();
  let im = Math.sqrt(p.nbar / 2) * rng.gaussian();
  for (let k = 0; k < n; k++) {
    x[2 * k] = re;
    x[2 * k + 1] = im;
    const nr = cr * re - ci * im + kick * rng.gaussian();
    const ni = cr * im + ci * re + kick * rng.gaussian();
    re = nr;
    im = ni;
  }
  return x;
}

/** The continuous Lorentzian S(ω) of {@link ornsteinUhlenbeck}. */
export function ouSpectrum(p: OrnsteinUhlenbeck, omega: number): number {
  return (p.nbar * p.gamma) / ((p.gamma / 2) ** 2 + (omega - p.nu) ** 2);
}

/**
 * Exact expectation of Δt|Σ_n w_n I*_n e^{−iωnΔt}|²/Σw² for I = √κ α + heterodyne noise, from
 * the lag sum Δt/Σw² Σ_m W_m c_m e^{−iωmΔt} with W_m = Σ_j w_j w_{j+|m|} and
 * c_m = E[I*_{n+m} I_n] = κ·nbar·e^{−(γ/2 − iν)mΔt} + δ_{m0}/Δt (m ≥ 0; c_{−m} = c_m*):
 * the time-domain route, independent of the FFT code under test.
 */
export function expectedTaperedSpectrum(p: OrnsteinUhlenbeck, kappa: number, w: Float64Array, dt: number, omega: number): number {
  const L = w.length;
  let s2 = 0;
  for (let j = 0; j < L; j++) s2 += w[j] * w[j];
  const lagWeights = windowLags(w);
  let sum = 0;
  for (let m = 0; m < L; m++) {
    const W = lagWeights[m];
    const mag = kappa * p.nbar * Math.exp((-p.gamma * m * dt) / 2);
    // c_m e^{−iωmΔt} + c.c. for m > 0 (c_{−m} = c_m*): 2·Re; real part of c_m e^{−iωmΔt}
    const re = mag * Math.cos((p.nu - omega) * m * dt) + (m === 0 ? 1 / dt : 0);
    sum += (m === 0 ? 1 : 2) * W * re;
  }
  return (dt * sum) / s2;
}

const lagCache = new WeakMap<Float64Array, Float64Array>();

/** W_m = Σ_j w_j w_{j+m}, m = 0 … L − 1 (cached per window array). */
function windowLags(w: Float64Array): Float64Array {
  let W = lagCache.get(w);
  if (W !== undefined) return W;
  const L = w.length;
  W = new Float64Array(L);
  for (let m = 0; m < L; m++) for (let j = 0; j + m < L; j++) W[m] += w[j] * w[j + m];
  lagCache.set(w, W);
  return W;
}
