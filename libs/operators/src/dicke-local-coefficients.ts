/**
 * Coefficients of the local (one spin at a time) processes Σ_i A_i ρ A_i† on the blocks of a
 * permutation-invariant state (internal). Derivation, for ρ = ⊕_J ρ_J ⊗ 1/d_J:
 * Σ_i A_i ρ A_i† is permutation invariant, so it equals N times the symmetrization of A_N ρ A_N†,
 * whose block j′ is Tr over the copies of P_j′ A_N ρ A_N† P_j′. Coupling the last spin to the first
 * N − 1 (total spin j₁ = j′ ± ½, d^{N−1}_{j₁} copies) with the spin-½ Clebsch–Gordan coefficients
 * gives, for A = σ−, σ+, σz, a sum over j₁ of products of four such coefficients times
 * N·d^{N−1}_{j₁}/d^N_J, a rational function of N and J (no factorials, no overflow):
 *   j₁ = J − ½: 2J(N/2 + J + 1)/(2J + 1),   j₁ = J + ½: (2J + 2)(N/2 − J)/(2J + 1).
 * The output entry ρ̇_j′(m, m′) reads ρ_J(m + δ, m′ + δ) with J ∈ {j′ − 1, j′, j′ + 1} and
 * δ = +1 (σ−, loss), −1 (σ+, gain), 0 (σz, dephasing).
 */

/** C(j₁, m − σ; ½, σ | J, m) for J = j₁ ± ½, σ = ±½ (Condon–Shortley phases); 0 outside the ranges. */
function cgHalf(j1: number, sigma: number, J: number, m: number): number {
  if (Math.abs(m) > J || Math.abs(m - sigma) > j1) return 0;
  const d = 2 * j1 + 1;
  if (J > j1) return Math.sqrt((sigma > 0 ? j1 + m + 0.5 : j1 - m + 0.5) / d);
  return sigma > 0 ? -Math.sqrt((j1 - m + 0.5) / d) : Math.sqrt((j1 + m + 0.5) / d);
}

/** N·d^{N−1}_{j₁}/d^N_J for j₁ = J ± ½ (0 where j₁ is not a spin of N − 1 spins). */
function copiesRatio(n: number, J: number, j1: number): number {
  if (j1 < 0 || j1 > (n - 1) / 2) return 0;
  return j1 < J ? (2 * J * (n / 2 + J + 1)) / (2 * J + 1) : ((2 * J + 2) * (n / 2 - J)) / (2 * J + 1);
}

/** Which local jump operator: σ− (loss), σ+ (gain) or σz (dephasing). */
export type LocalJump = 'loss' | 'gain' | 'dephasing';

/** The shift δ in m of the source entry ρ_J(m + δ, m′ + δ) that a local jump feeds from. */
export function localShift(kind: LocalJump): number {
  return kind === 'loss' ? 1 : kind === 'gain' ? -1 : 0;
}

/**
 * The coefficient of ρ_J(m + δ, m′ + δ) in (Σ_i A_i ρ A_i†)_j′(m, m′) for N spins, A the local
 * jump of `kind`; 0 when the source entry does not exist.
 */
export function localSandwichCoefficient(kind: LocalJump, n: number, jOut: number, m: number, mp: number, J: number): number {
  const delta = localShift(kind);
  if (Math.abs(m + delta) > J || Math.abs(mp + delta) > J || J < 0 || J > n / 2) return 0;
  let total = 0;
  for (let side = -1; side <= 1; side += 2) {
    const j1 = jOut + side / 2;
    if (Math.abs(j1 - J) !== 0.5) continue;
    const w = copiesRatio(n, J, j1);
    if (w === 0) continue;
    if (kind === 'dephasing') {
      // Σ_{s, s′ = ±½} (2s′)(2s) ⟨j′ m|j₁, m−s′; s′⟩⟨j′ m′|j₁, m′−s; s⟩⟨J m|j₁, m−s′; s′⟩⟨J m′|j₁, m′−s; s⟩
      let left = 0;
      let right = 0;
      for (let s = -0.5; s <= 0.5; s += 1) {
        left += 2 * s * cgHalf(j1, s, jOut, m) * cgHalf(j1, s, J, m);
        right += 2 * s * cgHalf(j1, s, jOut, mp) * cgHalf(j1, s, J, mp);
      }
      total += w * left * right;
    } else {
      // σ− maps the last spin's |1⟩ (s = +½) to |0⟩ (s = −½); σ+ the reverse.
      const sOut = kind === 'loss' ? -0.5 : 0.5;
      total +=
        w *
        cgHalf(j1, sOut, jOut, m) *
        cgHalf(j1, sOut, jOut, mp) *
        cgHalf(j1, -sOut, J, m + delta) *
        cgHalf(j1, -sOut, J, mp + delta);
    }
  }
  return total;
}
