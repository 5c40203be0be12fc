import type { DensityInput } from './density-input';
import { assertSpinDensity, pairCoherence } from './spin-support';

/**
 * The order parameter of a spin ensemble, √⟨σ+σ−⟩ (thesis Sec. 4.2.3, Fig. 4.10): the square root
 * of the correlation ⟨σ+_iσ−_j⟩ (i ≠ j) between two of its spins, which tends to |s+| as N → ∞.
 *
 * Input: the correlation itself (a real number, as the cumulant equations (4.58) give it, or a
 * complex { re, im }, e.g. ⟨σ+_Aσ−_B⟩ of two detuned spins) or the reduced density matrix of two
 * spins (dims [2, 2]), from which ⟨σ+_Aσ−_B⟩ = ⟨0,1|ρ|1,0⟩ is read.
 * Output: √|⟨σ+_iσ−_j⟩|. For the positive correlations of a synchronized ensemble this is √⟨σ+σ−⟩
 * as printed; the modulus also covers a complex correlation and a negative one (anti-phase locking,
 * s_z < 0, Fig. 4.8), for which √⟨σ+σ−⟩ is not real. By Eq. (4.45), max Q(φ_AB) − 1/2π =
 * (π/16)·(order)², so the order parameter measures the phase locking of any pair whatever the
 * locked angle. Since |⟨σ+_iσ−_j⟩| ≤ ½ it lies in [0, 1/√2].
 *
 * @param correlation - ⟨σ+_iσ−_j⟩ as a finite number or { re, im }, or a two-spin density matrix
 * @example
 * pairCorrelationOrder(0.25); // 0.5
 * pairCorrelationOrder({ re: -0.09, im: 0.12 }); // Math.sqrt(0.15)
 */
export function pairCorrelationOrder(correlation: number | { re: number; im: number } | DensityInput): number {
  const fn = 'pairCorrelationOrder';
  let re: number;
  let im: number;
  if (typeof correlation === 'number') {
    re = correlation;
    im = 0;
  } else if (correlation != null && typeof correlation === 'object' && 'matrix' in correlation) {
    assertSpinDensity(fn, 'correlation', correlation, 2);
    [re, im] = pairCoherence(correlation);
  } else if (correlation != null && typeof correlation === 'object' && 're' in correlation && 'im' in correlation) {
    ({ re, im } = correlation);
  } else {
    throw new Error(
      `${fn}: argument 'correlation' must be ⟨σ+σ−⟩ as a number or { re, im }, or a two-spin density matrix { dims: [2, 2], matrix }, got ${String(correlation)}`,
    );
  }
  if (typeof re !== 'number' || typeof im !== 'number' || !Number.isFinite(re) || !Number.isFinite(im)) {
    throw new Error(`${fn}: argument 'correlation' must be finite, got ${String(re)} + ${String(im)}i`);
  }
  return Math.sqrt(Math.hypot(re, im));
}
