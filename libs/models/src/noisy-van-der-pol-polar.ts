import { arrayChannel, complexChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { defaultStep, resolveWithOptional, wrapPhase } from './classical-internal';
import { noisyVanDerPolParameters, type NoisyVanDerPolConfig } from './noisy-van-der-pol';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link noisyVanDerPolPolar}: those of the Cartesian model (x0, p0 not both 0). */
export type NoisyVanDerPolPolarConfig = NoisyVanDerPolConfig;

/** The parameter table of {@link noisyVanDerPolPolar} (the same as {@link noisyVanDerPolParameters}). */
export const noisyVanDerPolPolarParameters: ParameterTable = noisyVanDerPolParameters;

/**
 * The noisy van-der-Pol oscillator of Eq. (2.8) in polar coordinates α = r e^{−iφ}, thesis
 * Eqs. (2.10)–(2.11), obtained with Itô's formula:
 *
 *   dr = ((κ1/2 − κ2r²) r + σ²/(2r)) dt + σ dW_r,    dφ = ω dt + (σ/r) dW_φ.
 *
 * Same law as {@link noisyVanDerPol}; φ here is the continuous (unwrapped) phase, so the phase
 * diffusion Var φ(t) ≈ 2Dt, D = σ²/(2r0²) (Eq. 2.13), is read off directly.
 *
 * State layout: [realization][r, φ], length 2·realizations. Initial state r = |x0 + ip0|,
 * φ = −arg(x0 + ip0) for every realization.
 *
 * Scheme: the noise is diagonal but g_φ = σ/r depends on r, not on φ, so it is not commutative
 * (g_r ∂g_φ/∂r ≠ g_φ ∂g_r/∂φ) and Milstein would need Lévy areas: no `diffusionDerivative` is
 * given and 'milstein' is refused; the default is 'euler-maruyama' (weak order 1), with the
 * library's step for it, 0.02 of the fastest time scale (see {@link noisyVanDerPol}). The σ²/(2r) and σ/r terms make
 * the equations singular at r = 0: use them where the radius stays well away from 0
 * (σ² ≪ κ1 r0², the regime of Eq. 2.12); near the origin use the Cartesian model.
 *
 * Channels: `alpha` (complex array), `mean` (complex E[α]), `phi` (φ wrapped to (−π, π], rad),
 * `r` (real array) as in {@link noisyVanDerPol}, plus `phiUnwrapped` (the continuous φ, rad).
 *
 * @param config - see {@link NoisyVanDerPolConfig}
 * @example
 * const polar = noisyVanDerPolPolar({ omega: 1, kappa1: 8, kappa2: 4, sigma: 0.3, realizations: 1000 });
 * polar.system.dim; // → 2000
 */
export function noisyVanDerPolPolar(config: NoisyVanDerPolPolarConfig): StochasticModel {
  const p = resolveWithOptional('noisyVanDerPolPolar', noisyVanDerPolPolarParameters, config);
  const { omega, kappa1, kappa2, sigma, x0, p0 } = p;
  const r0 = Math.hypot(x0, p0);
  if (!(r0 > 0)) {
    throw new Error(
      "noisyVanDerPolPolar: parameters 'x0' and 'p0' must not both be 0 (r = 0 is singular in polar coordinates)",
    );
  }
  const phi0 = -Math.atan2(p0, x0);
  const n = p.realizations;
  const halfGain = kappa1 / 2;
  const halfNoise = (sigma * sigma) / 2;

  const system: SdeSystem = {
    dim: 2 * n,
    drift(out, y) {
      for (let j = 0; j < 2 * n; j += 2) {
        const r = y[j];
        out[j] = (halfGain - kappa2 * r * r) * r + halfNoise / r;
        out[j + 1] = omega;
      }
    },
    noise: {
      kind: 'diagonal',
      diffusion(out, y) {
        for (let j = 0; j < 2 * n; j += 2) {
          out[j] = sigma;
          out[j + 1] = sigma / y[j];
        }
      },
    },
  };

  const r2 = Math.max(kappa1 / (2 * kappa2), r0 * r0);
  const model = {
    equation: '2.10–2.11',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'euler-maruyama' as const,
    defaultDt: defaultStep('euler-maruyama', Math.abs(omega), kappa1, 2 * kappa2 * r2, (sigma * sigma * 2 * kappa2) / kappa1),
    initialState(): Float64Array {
      const y = new Float64Array(2 * n);
      for (let j = 0; j < 2 * n; j += 2) {
        y[j] = r0;
        y[j + 1] = phi0;
      }
      return y;
    },
    observe(_t: number, y: Float64Array): Record<string, Channel> {
      const alpha = new Float64Array(2 * n);
      const phi = new Float64Array(n);
      const phiUnwrapped = new Float64Array(n);
      const r = new Float64Array(n);
      let sx = 0;
      let sp = 0;
      for (let j = 0; j < n; j++) {
        const rj = y[2 * j];
        const fj = y[2 * j + 1];
        const x = rj * Math.cos(fj);
        const q = -rj * Math.sin(fj);
        alpha[2 * j] = x;
        alpha[2 * j + 1] = q;
        sx += x;
        sp += q;
        phi[j] = wrapPhase(fj);
        phiUnwrapped[j] = fj;
        r[j] = rj;
      }
      return {
        alpha: arrayChannel(alpha, [n], { complex: true }),
        mean: complexChannel(sx / n, sp / n),
        phi: arrayChannel(phi, [n], { unit: 'rad' }),
        phiUnwrapped: arrayChannel(phiUnwrapped, [n], { unit: 'rad' }),
        r: arrayChannel(r, [n]),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
