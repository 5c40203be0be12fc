import { erfc, erfcx } from './complementary-error-function';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link vanDerPolIntensityDistribution}: the noisy van-der-Pol oscillator, Eq. (2.8). */
export interface VanDerPolIntensityConfig {
  /** linear gain κ1 (rate; may be ≤ 0; κ2 = 0 needs κ1 < 0) */
  kappa1: number;
  /** nonlinear loss κ2 ≥ 0 (rate) */
  kappa2: number;
  /** noise amplitude σ > 0 on each quadrature of α (σ² a rate) */
  sigma: number;
}

/** The stationary distribution of u = |α|², from {@link vanDerPolIntensityDistribution}. */
export interface VanDerPolIntensityDistribution {
  /** probability density of u at u (0 for u < 0) */
  density(u: number): number;
  /** P(|α|² ≤ u) */
  cdf(u: number): number;
  /** the u with P(|α|² ≤ u) = p, for 0 ≤ p < 1 (to ~1e-15 relative, by bisection) */
  quantile(p: number): number;
}

const parameters: ParameterTable = {
  kappa1: { description: 'linear gain κ1' },
  kappa2: { description: 'nonlinear loss κ2', min: 0 },
  sigma: { description: 'noise amplitude σ', min: 0, exclusiveMin: true },
};

/**
 * The stationary distribution of the intensity u = |α|² of the noisy van-der-Pol oscillator,
 * Eq. (2.8), from its Fokker–Planck equation (2.9), in closed form. The drift is the gradient of
 * Φ(r) = κ1r²/4 − κ2r⁴/4 plus a rotation, so the stationary density in the plane is ∝ e^{2Φ(r)/σ²}
 * (with the Itô noise of Eq. 2.8 the diffusion term is (σ²/2)∇²P; see {@link vanDerPolMeanRadius}),
 * and since d²α = π du, u has the density ∝ exp((κ1u − κ2u²)/(2σ²)) on u ≥ 0: a Gaussian of mean
 * r0² = κ1/(2κ2) (Eq. 2.4) and variance σ²/κ2, cut off at u = 0; for κ2 = 0 (κ1 < 0, an
 * Ornstein–Uhlenbeck amplitude) the exponential of mean 2σ²/|κ1|. With y(u) = (u − r0²)/√(2σ²/κ2),
 *
 *   P(|α|² > u) = erfc(y(u))/erfc(y(0)),
 *
 * taken through the scaled erfcx where both are far out in the tail (a cut-off deep below the mean
 * of a Gaussian centred at u < 0), so that nothing underflows.
 *
 * @param config - kappa1, kappa2, sigma (see {@link VanDerPolIntensityConfig})
 * @throws Error naming the parameter when one is missing, unknown or out of range; `quantile`
 *   throws for p outside [0, 1)
 * @example
 * // far above threshold the cut-off is negligible: the median is the mean r0² = κ1/2κ2 = 2
 * vanDerPolIntensityDistribution({ kappa1: 4, kappa2: 1, sigma: 0.1 }).quantile(0.5); // ≈ 2.000000
 * // the point of Figs. 2.2–2.3 (κ1 = κ2 = 10σ²): P(|α|² ≤ r0² = ½) is below ½, the Gaussian's
 * // mass below u = 0 (5.7 %) being cut off and renormalised
 * vanDerPolIntensityDistribution({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) }).cdf(0.5); // ≈ 0.4698
 * // Ornstein–Uhlenbeck: x, p ~ N(0, σ²/|κ1|), so |α|² is exponential with mean 2σ²/|κ1| = 1
 * vanDerPolIntensityDistribution({ kappa1: -2, kappa2: 0, sigma: 1 }).cdf(1); // 1 - Math.exp(-1)
 */
export function vanDerPolIntensityDistribution(config: VanDerPolIntensityConfig): VanDerPolIntensityDistribution {
  const FN = 'vanDerPolIntensityDistribution';
  const { kappa1, kappa2, sigma } = resolveParameters(FN, parameters, config as unknown as Record<string, unknown>);
  if (kappa2 === 0 && !(kappa1 < 0)) {
    throw new Error(`${FN}: parameter 'kappa1' must be < 0 when kappa2 = 0 (no stationary state), got ${kappa1}`);
  }
  const s2 = sigma * sigma;
  let survival: (u: number) => number;
  let density: (u: number) => number;
  if (kappa2 === 0) {
    // exponential: P(u > v) = e^{κ1 v/(2σ²)}
    const rate = -kappa1 / (2 * s2);
    survival = (u) => Math.exp(-rate * u);
    density = (u) => rate * Math.exp(-rate * u);
  } else {
    const mean = kappa1 / (2 * kappa2);
    const width = Math.sqrt((2 * s2) / kappa2); // √2 × the standard deviation
    const y0 = -mean / width;
    if (y0 >= 0) {
      // the mean at or below the cut-off: ratios of tails, e^{y0² − y²}·erfcx(y)/erfcx(y0), y ≥ y0 ≥ 0
      const tail0 = erfcx(y0);
      survival = (u) => {
        const y = (u - mean) / width;
        return Math.exp((y0 - y) * (y0 + y)) * (erfcx(y) / tail0);
      };
      density = (u) => {
        const y = (u - mean) / width;
        return (2 / (Math.sqrt(Math.PI) * width)) * Math.exp((y0 - y) * (y0 + y)) / tail0;
      };
    } else {
      const tail0 = erfc(y0); // in (1, 2]
      survival = (u) => erfc((u - mean) / width) / tail0;
      density = (u) => ((2 / (Math.sqrt(Math.PI) * width)) * Math.exp(-(((u - mean) / width) ** 2))) / tail0;
    }
  }
  // an upper end for the bisection: P(u > hi) ≤ 1e-300 never exceeds any 1 − p a double can hold above 0
  const hi =
    kappa2 === 0 ? (700 * 2 * s2) / -kappa1 : Math.max(kappa1 / (2 * kappa2), 0) + 27 * Math.sqrt((2 * s2) / kappa2);
  return {
    density: (u) => (u < 0 ? 0 : density(u)),
    cdf: (u) => (u <= 0 ? 0 : 1 - survival(u)),
    quantile(p) {
      if (!(p >= 0 && p < 1)) throw new Error(`${FN}: quantile needs a probability p in [0, 1), got ${p}`);
      if (p === 0) return 0;
      // bisection on the survival function, compared with 1 − p (exact in binary for p ≥ ½, and the
      // tail of P(u > v) is computed in relative precision, unlike 1 − P(u > v))
      const target = 1 - p;
      let lo = 0;
      let up = hi;
      for (let k = 0; k < 200 && up - lo > 1e-15 * up; k++) {
        const mid = 0.5 * (lo + up);
        if (survival(mid) > target) lo = mid;
        else up = mid;
      }
      return 0.5 * (lo + up);
    },
  };
}
