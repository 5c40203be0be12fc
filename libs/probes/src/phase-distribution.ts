import { assertDensity, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { evaluateFourierSeries } from './fourier-series';
import { logGammaHalfTable } from './log-gamma-half';

/*
 * Derivation of the closed form (thesis Eq. 4.5 with Q of Eq. 4.4).
 *
 * With ⟨n|α⟩ = e^{−|α|²/2} αⁿ/√(n!),
 *   Q(α) = (1/π) Σ_{n,m} ⟨α|n⟩ ρ_nm ⟨m|α⟩ = (1/π) e^{−|α|²} Σ_{n,m} ρ_nm (α*)ⁿ αᵐ / √(n! m!).
 * On the ray α = r e^{−iφ} (note the minus sign: φ is minus the argument of α) we get
 * α* = r e^{+iφ}, so ⟨α|n⟩ carries e^{+iφn} and (α*)ⁿ αᵐ = r^{n+m} e^{iφ(n−m)}. The radial
 * integral, with u = r², is
 *   ∫₀^∞ dr r · r^{n+m} e^{−r²} = ½ ∫₀^∞ du u^{(n+m)/2} e^{−u} = ½ Γ(1 + (n+m)/2),
 * hence
 *   Q(φ) = (1/2π) Σ_{n,m} ρ_nm e^{iφ(n−m)} Γ(1 + (n+m)/2) / √(n! m!).
 * Normalisation: ∫₀^{2π} e^{iφ(n−m)} dφ = 2π δ_nm and Γ(1+n)/n! = 1, so ∫₀^{2π} Q(φ) dφ = Σ_n ρ_nn = Tr ρ.
 * The weights w_nm = Γ(1+(n+m)/2)/√(n! m!) are ≤ 1 (ln Γ is convex, so Γ at the midpoint of
 * 1+n and 1+m is at most the geometric mean), so nothing overflows; they are formed as exp of
 * differences of log-Gamma values.
 *
 * Grouping by k = n − m gives a trigonometric polynomial,
 *   Q(φ) = (1/2π) Re Σ_{k=−(N−1)}^{N−1} s_k e^{ikφ},  s_k = Σ_{n−m=k} ρ_nm w_nm,
 * evaluated in O(N) per angle after an O(N²) pass. Taking the real part keeps only the
 * Hermitian part of ρ, exactly as husimiQ does; for Hermitian ρ, s_{−k} = conj(s_k) and the
 * sum is real anyway.
 */

/**
 * Phase distribution of one mode, Q(φ) = ∫₀^∞ dr r Q(α = r e^{−iφ}) (thesis Eq. 4.5), in closed form:
 * Q(φ) = (1/2π) Σ_{n,m} ρ_nm e^{iφ(n−m)} Γ(1 + (n+m)/2)/√(n! m!).
 *
 * Convention: α = r e^{−iφ}, so a coherent state |α₀⟩ peaks at φ = −arg α₀. Normalisation:
 * ∫₀^{2π} Q(φ) dφ = Tr ρ (a Fock state gives the flat 1/(2π)). Cost O(N²) + O(N) per angle.
 *
 * @param rho - single-mode density matrix, dims [N]
 * @param phis - angles φ in radians (any values; Q is 2π-periodic), non-empty
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * const plus = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * phaseDistribution(plus, [0]); // Float64Array [(2 + Math.sqrt(Math.PI)) / (4 * Math.PI)] — (1/2π)(1 + Γ(3/2))
 */
export function phaseDistribution(rho: DensityInput, phis: ArrayLike<number>): Float64Array {
  const [n] = assertDensity('phaseDistribution', 'rho', rho, 1);
  assertFiniteArray('phaseDistribution', 'phis', phis);
  const lg = logGammaHalfTable(2 * n);
  const rd = rho.matrix.data;
  // s[2(k + n − 1)] + i s[…+1] = s_k for k = −(n−1)…(n−1).
  const s = new Float64Array(2 * (2 * n - 1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = Math.exp(lg[i + j] - 0.5 * (lg[2 * i] + lg[2 * j]));
      const p = 2 * (i * n + j);
      const q = 2 * (i - j + n - 1);
      s[q] += w * rd[p];
      s[q + 1] += w * rd[p + 1];
    }
  }
  return evaluateFourierSeries(s, n - 1, phis);
}
