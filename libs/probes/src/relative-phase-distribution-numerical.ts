import { assertCount, assertDensity, assertFiniteArray, assertPositive } from './assert';
import { coherentOverlapsInto } from './coherent-overlaps';
import type { DensityInput } from './density-input';
import { gaussLegendre } from './gauss-legendre';

/** Quadrature of {@link relativePhaseDistributionNumerical}. */
export interface RelativePhaseQuadratureConfig {
  /** Upper limit of both radial integrals, > 0. */
  readonly rMax: number;
  /** Gauss–Legendre nodes per radial integral on [0, rMax], integer ≥ 1. */
  readonly nr: number;
  /** Trapezoid nodes for the remaining angle φ_B on [0, 2π), integer ≥ 1; exact when ≥ NA + NB − 1. */
  readonly nphi: number;
}

/**
 * Distribution of the phase difference of two modes by direct quadrature of thesis Eq. (4.10),
 * Q(φ_AB) = ∫dφ_A ∫dφ_B ∫dr_A r_A ∫dr_B r_B Q(r_A e^{−iφ_A}, r_B e^{−iφ_B}) δ(φ_AB − φ_A + φ_B),
 * with the two-mode Husimi function Q(α, β) = (1/π²)⟨α, β|ρ|α, β⟩ (Eq. 4.9 normalised on C²; see
 * relative-phase-distribution.ts). A cross-check for the closed form {@link relativePhaseDistribution}.
 *
 * The δ (read modulo 2π) fixes φ_A = φ_AB + φ_B, leaving ∫₀^{2π} dφ_B. Quadratures:
 * - φ_B: uniform trapezoid with nphi nodes. For fixed φ_AB the integrand is a trigonometric
 *   polynomial in φ_B of degree ≤ (NA − 1) + (NB − 1), which the periodic trapezoid rule integrates
 *   exactly once nphi ≥ NA + NB − 1.
 * - r_A, r_B: nr-point Gauss–Legendre on [0, rMax] each (tensor product), for the reasons given in
 *   {@link phaseDistributionNumerical}: the radial integrands are entire (r·e^{−r²}·polynomial), the
 *   error is geometric in nr plus a tail of order rMax^{2N−1} e^{−rMax²}.
 * Q(α, β) is evaluated exactly, organised for speed: for each α node the reduced NB×NB matrix
 * ⟨α|ρ|α⟩_A is formed once (O(NA²NB²)) and reused for every β node (O(NB²) each). Total cost
 * per angle ≈ nphi·nr·(NA²NB² + nr·NB²).
 *
 * @param rho - two-mode density matrix, dims [NA, NB], index of |nα, nβ⟩ = nα·NB + nβ
 * @param phis - values of φ_AB in radians, non-empty
 * @param config - { rMax, nr, nphi }
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * const vac = { dims: [1, 1], matrix: { rows: 1, cols: 1, data: Float64Array.of(1, 0) } };
 * relativePhaseDistributionNumerical(vac, [0], { rMax: 8, nr: 40, nphi: 1 }); // Float64Array [1 / (2 * Math.PI)] — flat
 */
export function relativePhaseDistributionNumerical(
  rho: DensityInput,
  phis: ArrayLike<number>,
  config: RelativePhaseQuadratureConfig,
): Float64Array {
  const fn = 'relativePhaseDistributionNumerical';
  const [na, nb] = assertDensity(fn, 'rho', rho, 2);
  assertFiniteArray(fn, 'phis', phis);
  if (config == null || typeof config !== 'object') {
    throw new Error(
      `${fn}: argument 'config' must be an object { rMax, nr, nphi }, got ${String(config)}`,
    );
  }
  assertPositive(fn, 'config.rMax', config.rMax);
  assertCount(fn, 'config.nr', config.nr);
  assertCount(fn, 'config.nphi', config.nphi);
  const { nr, nphi } = config;
  const { nodes, weights } = gaussLegendre(nr, 0, config.rMax);
  const dim = na * nb;
  const rd = rho.matrix.data;

  // β overlaps depend only on φ_B and r_B: cB[((j·nr + k)·nb + n)·2] = ⟨n|r_k e^{−iφ_j}⟩.
  const cB = new Float64Array(2 * nphi * nr * nb);
  const tmp = new Float64Array(2 * Math.max(na, nb));
  for (let j = 0; j < nphi; j++) {
    const phiB = (2 * Math.PI * j) / nphi;
    for (let k = 0; k < nr; k++) {
      const r = nodes[k];
      coherentOverlapsInto(tmp, r * Math.cos(phiB), -r * Math.sin(phiB), nb);
      cB.set(tmp.subarray(0, 2 * nb), 2 * (j * nr + k) * nb);
    }
  }
  // Radial weight times the Jacobian r.
  const wr = new Float64Array(nr);
  for (let k = 0; k < nr; k++) wr[k] = weights[k] * nodes[k];

  const cA = new Float64Array(2 * na);
  const m = new Float64Array(2 * nb * nb);
  const out = new Float64Array(phis.length);
  for (let t = 0; t < phis.length; t++) {
    let acc = 0;
    for (let j = 0; j < nphi; j++) {
      const phiA = phis[t] + (2 * Math.PI * j) / nphi;
      const ca = Math.cos(phiA);
      const sa = -Math.sin(phiA);
      for (let i = 0; i < nr; i++) {
        const r = nodes[i];
        coherentOverlapsInto(cA, r * ca, r * sa, na);
        // m[nβ, mβ] = Σ_{nα, mα} conj(cA[nα]) cA[mα] ρ[(nα, nβ), (mα, mβ)].
        m.fill(0);
        for (let a = 0; a < na; a++) {
          for (let b = 0; b < na; b++) {
            const fr = cA[2 * a] * cA[2 * b] + cA[2 * a + 1] * cA[2 * b + 1];
            const fi = cA[2 * a] * cA[2 * b + 1] - cA[2 * a + 1] * cA[2 * b];
            for (let u = 0; u < nb; u++) {
              let p = 2 * ((a * nb + u) * dim + b * nb);
              let q = 2 * u * nb;
              for (let v = 0; v < nb; v++, p += 2, q += 2) {
                m[q] += fr * rd[p] - fi * rd[p + 1];
                m[q + 1] += fr * rd[p + 1] + fi * rd[p];
              }
            }
          }
        }
        let inner = 0;
        for (let k = 0; k < nr; k++) {
          const off = 2 * (j * nr + k) * nb;
          // Re(cB† m cB).
          let val = 0;
          for (let u = 0; u < nb; u++) {
            let yr = 0;
            let yi = 0;
            for (let v = 0; v < nb; v++) {
              const mr = m[2 * (u * nb + v)];
              const mi = m[2 * (u * nb + v) + 1];
              const br = cB[off + 2 * v];
              const bi = cB[off + 2 * v + 1];
              yr += mr * br - mi * bi;
              yi += mr * bi + mi * br;
            }
            val += cB[off + 2 * u] * yr + cB[off + 2 * u + 1] * yi;
          }
          inner += wr[k] * val;
        }
        acc += wr[i] * inner;
      }
    }
    out[t] = (acc * (2 * Math.PI)) / nphi / (Math.PI * Math.PI);
  }
  return out;
}
