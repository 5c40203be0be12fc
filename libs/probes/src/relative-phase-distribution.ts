import { assertDensity, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { evaluateFourierSeries } from './fourier-series';
import { logGammaHalfTable } from './log-gamma-half';

/*
 * Derivation of Eq. (4.11) from Eqs. (4.9)–(4.10), and its normalisation.
 *
 * Take the two-mode Husimi function normalised as a probability density on C²,
 *   Q(α, β) = (1/π²) ⟨α, β|ρ|α, β⟩,   ∫ d²α d²β Q = Tr ρ.
 * (Eq. 4.9 is printed with 1/π; that is the one-mode factor. With 1/π the integral would be π·Tr ρ.)
 * With α = r_A e^{−iφ_A}, β = r_B e^{−iφ_B} and the Fock expansion of both coherent states,
 *   Q = (1/π²) e^{−r_A²−r_B²} Σ ρ_{nα nβ, mα mβ} r_A^{nα+mα} r_B^{nβ+mβ}
 *        e^{iφ_A(nα−mα)} e^{iφ_B(nβ−mβ)} / √(nα! nβ! mα! mβ!).
 * Each radial integral gives ½Γ(1 + (n+m)/2) (see phase-distribution.ts). For the angles, the δ
 * is read modulo 2π (φ_AB is an angle): set φ_A = φ_AB + φ_B, then
 *   ∫₀^{2π} dφ_B e^{i(φ_AB+φ_B)(nα−mα)} e^{iφ_B(nβ−mβ)} = 2π e^{iφ_AB(nα−mα)} δ_{nα−mα, mβ−nβ}.
 * Altogether (1/π²)·(¼)·2π = 1/(2π), which is exactly the prefactor printed in Eq. (4.11): the
 * closed form as printed belongs to the 1/π² normalisation. Then ∫₀^{2π} Q(φ_AB) dφ_AB keeps only
 * nα = mα, nβ = mβ, where the weight is Γ(1+nα)Γ(1+nβ)/(nα! nβ!) = 1, giving Tr ρ.
 *
 * With k = nα − mα = mβ − nβ the result is a trigonometric polynomial of degree
 * K = min(NA, NB) − 1 in φ_AB, Q = (1/2π) Re Σ_k s_k e^{ikφ_AB}; building the s_k costs O(NA²·NB).
 */

/**
 * Distribution of the phase difference φ_AB = φ_A − φ_B of two modes (thesis Eqs. 4.10–4.11),
 * in closed form:
 * Q(φ_AB) = Σ e^{iφ_AB(nα−mα)} Γ(1+(nα+mα)/2) Γ(1+(nβ+mβ)/2) / (2π √(nα! nβ! mα! mβ!))
 *           · ⟨nα, nβ|ρ|mα, mβ⟩ · δ_{nα−mα, mβ−nβ}.
 *
 * Conventions: α = r_A e^{−iφ_A}, β = r_B e^{−iφ_B} (so φ_AB = arg β − arg α for coherent peaks);
 * two-mode Husimi function normalised with 1/π² (see the derivation above), hence
 * ∫₀^{2π} Q(φ_AB) dφ_AB = Tr ρ and an uncorrelated phase gives the flat 1/(2π). Only the
 * Hermitian part of ρ contributes. The thesis's phase-locking measure is max Q(φ_AB), see
 * {@link maxRelativePhase}.
 *
 * @param rho - two-mode density matrix, dims [NA, NB], index of |nα, nβ⟩ = nα·NB + nβ
 * @param phis - values of φ_AB in radians, non-empty
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * // ρ = ½(|1,0⟩ + |0,1⟩)(⟨1,0| + ⟨0,1|): coherence c = ½, Q = 1/(2π) + (c/4) cos φ_AB
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
 * relativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0]); // Float64Array [1 / (2 * Math.PI) + 1 / 8]
 */
export function relativePhaseDistribution(rho: DensityInput, phis: ArrayLike<number>): Float64Array {
  const [na, nb] = assertDensity('relativePhaseDistribution', 'rho', rho, 2);
  assertFiniteArray('relativePhaseDistribution', 'phis', phis);
  const lg = logGammaHalfTable(2 * Math.max(na, nb));
  const kMax = Math.min(na, nb) - 1;
  const dim = na * nb;
  const rd = rho.matrix.data;
  const s = new Float64Array(2 * (2 * kMax + 1));
  for (let ia = 0; ia < na; ia++) {
    for (let ma = 0; ma < na; ma++) {
      const k = ia - ma;
      if (k > kMax || -k > kMax) continue;
      const wa = lg[ia + ma] - 0.5 * (lg[2 * ia] + lg[2 * ma]);
      const q = 2 * (k + kMax);
      // nβ runs so that mβ = nβ + k stays inside 0…NB−1.
      const ibLo = Math.max(0, -k);
      const ibHi = Math.min(nb, nb - k);
      for (let ib = ibLo; ib < ibHi; ib++) {
        const mb = ib + k;
        const w = Math.exp(wa + lg[ib + mb] - 0.5 * (lg[2 * ib] + lg[2 * mb]));
        const p = 2 * ((ia * nb + ib) * dim + (ma * nb + mb));
        s[q] += w * rd[p];
        s[q + 1] += w * rd[p + 1];
      }
    }
  }
  return evaluateFourierSeries(s, kMax, phis);
}
