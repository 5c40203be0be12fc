/**
 * Internal kernels of the spin-1/2 probes (thesis Sec. 4.2): the guard for one- and two-spin
 * density matrices, the spin-coherent amplitudes of Eq. (4.31) and the expectation values the
 * closed forms (4.33) and (4.45) read. Not exported from index.ts.
 *
 * Basis and conventions (thesis Eq. 4.24, as in @qsync/operators): levels |0⟩, |1⟩ in that order,
 * σ+ = |1⟩⟨0|, σz = |1⟩⟨1| − |0⟩⟨0|; two spins in Kronecker order, index of |a, b⟩ = 2a + b.
 * The spin-coherent state (4.31) works out to
 *   |θ, φ⟩ = e^{−iφσz/2} e^{−iθσy/2} |1⟩ = e^{iφ/2} sin(θ/2) |0⟩ + e^{−iφ/2} cos(θ/2) |1⟩,
 * the same ket as `spinCoherentKet` of @qsync/operators (θ = 0 is |1⟩, ⟨σz⟩ = cos θ,
 * ⟨σ+⟩ = ½ sin θ e^{iφ}: φ is the argument of ⟨σ+⟩).
 */
import { assertDensity } from './assert';
import type { DensityInput } from './density-input';

/** Throws unless `rho` is a density matrix of `spins` spins-1/2 (dims [2] or [2, 2]). */
export function assertSpinDensity(fn: string, name: string, rho: unknown, spins: 1 | 2): void {
  const dims = assertDensity(fn, name, rho, spins);
  if (dims.some((d) => d !== 2)) {
    throw new Error(
      `${fn}: argument '${name}' must be the density matrix of ${spins === 1 ? 'a spin-1/2 (dims [2])' : 'two spins-1/2 (dims [2, 2])'}, got dims [${dims.join(', ')}]`,
    );
  }
}

/** Writes ⟨0|θ, φ⟩ and ⟨1|θ, φ⟩ (Eq. 4.31) interleaved into out[offset … offset + 3]. */
export function spinCoherentAmplitudesInto(out: Float64Array, offset: number, theta: number, phi: number): void {
  const lo = Math.sin(theta / 2);
  const hi = Math.cos(theta / 2);
  const c = Math.cos(phi / 2);
  const s = Math.sin(phi / 2);
  out[offset] = lo * c;
  out[offset + 1] = lo * s;
  out[offset + 2] = hi * c;
  out[offset + 3] = -hi * s;
}

/** Re ψ†ρψ for an n×n interleaved ρ and an interleaved ψ of length 2n (only ρ's Hermitian part counts). */
export function expectationInKet(rd: Float64Array, n: number, psi: Float64Array): number {
  let acc = 0;
  for (let j = 0; j < n; j++) {
    let yr = 0;
    let yi = 0;
    let p = 2 * j * n;
    for (let k = 0; k < n; k++, p += 2) {
      yr += rd[p] * psi[2 * k] - rd[p + 1] * psi[2 * k + 1];
      yi += rd[p] * psi[2 * k + 1] + rd[p + 1] * psi[2 * k];
    }
    acc += psi[2 * j] * yr + psi[2 * j + 1] * yi;
  }
  return acc;
}

/** Re Tr ρ of an n×n interleaved ρ. */
export function traceRe(rd: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += rd[2 * (i * n + i)];
  return t;
}

/**
 * The Hermitian-part matrix element (ρ_ij + conj ρ_ji)/2 of an n×n interleaved ρ as [re, im]:
 * Tr[|j⟩⟨i| ρ] for a Hermitian ρ.
 */
export function hermitianElement(rd: Float64Array, n: number, i: number, j: number): [number, number] {
  const p = 2 * (i * n + j);
  const q = 2 * (j * n + i);
  return [(rd[p] + rd[q]) / 2, (rd[p + 1] - rd[q + 1]) / 2];
}

/** ⟨σ+⟩ = Tr[|1⟩⟨0| ρ] = ρ_01 of one spin, from ρ's Hermitian part. */
export function sigmaPlusExpectation(rho: DensityInput): [number, number] {
  return hermitianElement(rho.matrix.data, 2, 0, 1);
}

/** ⟨σ+_A σ−_B⟩ = Tr[|1,0⟩⟨0,1| ρ] = ⟨0,1|ρ|1,0⟩ of two spins, from ρ's Hermitian part. */
export function pairCoherence(rho: DensityInput): [number, number] {
  // |0,1⟩ has index 1, |1,0⟩ index 2.
  return hermitianElement(rho.matrix.data, 4, 1, 2);
}

/** ψ = a ⊗ b for two interleaved 2-vectors (index 2i + j). */
export function productKetInto(psi: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const ar = a[2 * i];
      const ai = a[2 * i + 1];
      const br = b[2 * j];
      const bi = b[2 * j + 1];
      psi[2 * (2 * i + j)] = ar * br - ai * bi;
      psi[2 * (2 * i + j) + 1] = ar * bi + ai * br;
    }
  }
}

/** Work arrays of {@link polarIntegral}. */
export interface PairScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly psi: Float64Array;
}

/** Fresh work arrays for {@link polarIntegral}. */
export function pairScratch(): PairScratch {
  return { a: new Float64Array(4), b: new Float64Array(4), psi: new Float64Array(8) };
}

/**
 * ∫∫ dθ_A sin θ_A dθ_B sin θ_B Q(θ_A, φ_A, θ_B, φ_B) (Eqs. 4.42–4.43) on the given polar rule.
 * Internal kernel shared with the relative-phase quadrature; no argument checks.
 */
export function polarIntegral(
  rd: Float64Array,
  phiA: number,
  phiB: number,
  nodes: Float64Array,
  weights: Float64Array,
  s: PairScratch,
): number {
  let acc = 0;
  for (let i = 0; i < nodes.length; i++) {
    spinCoherentAmplitudesInto(s.a, 0, nodes[i], phiA);
    const wa = weights[i] * Math.sin(nodes[i]);
    for (let j = 0; j < nodes.length; j++) {
      spinCoherentAmplitudesInto(s.b, 0, nodes[j], phiB);
      productKetInto(s.psi, s.a, s.b);
      acc += wa * weights[j] * Math.sin(nodes[j]) * expectationInKet(rd, 4, s.psi);
    }
  }
  return acc / (4 * Math.PI * Math.PI);
}
