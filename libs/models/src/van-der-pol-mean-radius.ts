import { radialGrid, type VanDerPolStationaryConfig } from './van-der-pol-radial-support';

/**
 * The stationary mean radius E[r] = ∫ r² e^{2Φ/σ²} dr / ∫ r e^{2Φ/σ²} dr of the noisy van-der-Pol
 * oscillator, Eq. (2.8) (stationary Fokker–Planck density ∝ e^{2Φ(r)/σ²}, Φ(r) = κ1r²/4 − κ2r⁴/4,
 * so the radial density is ∝ r e^{2Φ/σ²}), by Simpson's rule on the radial grid. It tends to
 * r0 = √(κ1/2κ2) (Eq. 2.4) as σ → 0 and lies below it with noise (E[r]/r0 − 1 ≈ −κ2σ²/(2κ1²) to first order in σ²).
 *
 * @param config - kappa1, kappa2, sigma and the grid size `points` (see {@link VanDerPolStationaryConfig})
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * // Ornstein–Uhlenbeck (κ1 = −2, κ2 = 0, σ = 1): x, p ~ N(0, 1/2), E[r] = √π/2
 * vanDerPolMeanRadius({ kappa1: -2, kappa2: 0, sigma: 1 }); // → 0.886226925… (to ~1e-12)
 * // the point of Fig. 2.3, κ1 = κ2 = 10σ²: 0.9945 r0
 * vanDerPolMeanRadius({ kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1) }); // → 0.70321186…
 */
export function vanDerPolMeanRadius(config: VanDerPolStationaryConfig): number {
  const { h, m, logWeight } = radialGrid('vanDerPolMeanRadius', config);
  let num = 0;
  let den = 0;
  // Simpson on r_i = i·h, i = 0 … m + 1 requires an even number m + 1 of intervals
  const n = m % 2 === 1 ? m + 1 : m + 2;
  for (let i = 0; i <= n; i++) {
    const c = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    const r = i * h;
    const w = r === 0 ? 0 : Math.exp(logWeight(r));
    num += c * r * w;
    den += c * w;
  }
  return num / den;
}
