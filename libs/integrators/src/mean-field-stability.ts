import { eigenvalues, type Complex, type DenseMatrix } from '@qsync/linalg';
import type { DensityMatrix } from '@qsync/operators';
import { linearizeMeanField } from './linearize-mean-field';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** Options of {@link meanFieldStability}. */
export interface MeanFieldStabilityConfig {
  /**
   * Split M into its blocks (symmetry sectors; default true) and diagonalize each, instead of the
   * whole n²×n² matrix. Exact: the blocks never mix.
   */
  symmetryReduction?: boolean;
  /** Only the blocks of these sizes (after the split), e.g. the charge-±1 blocks; default all. */
  blockSizes?: readonly number[];
  /** See `linearizeMeanField`'s `dropTolerance` (default 1e-14). */
  dropTolerance?: number;
}

/** One block of the linearization with its spectrum. */
export interface MeanFieldStabilityBlock {
  /** its vec indices i·n + j */
  readonly indices: Int32Array;
  /** true when it holds populations: then the trace direction is removed (Tr δρ = 0) */
  readonly populations: boolean;
  /** the eigenvalues on traceless perturbations, interleaved (re, im) */
  readonly eigenvalues: Float64Array;
  /** the largest real part among them */
  readonly growthRate: number;
}

/** What {@link meanFieldStability} finds. */
export interface MeanFieldStability {
  /** the largest real part of an eigenvalue of M on traceless perturbations: > 0 means ρ0 is unstable */
  readonly growthRate: number;
  /** the eigenvalue with that real part */
  readonly leadingEigenvalue: Complex;
  /** ‖ρ̇‖_F at ρ0 (the linearization assumes ρ0 stationary) */
  readonly residual: number;
  readonly blocks: readonly MeanFieldStabilityBlock[];
}

/**
 * Linear stability of a stationary state ρ0 of a mean-field master equation (thesis Eq. 4.22): the
 * eigenvalues of the linearization M (`linearizeMeanField`) on perturbations that keep Tr ρ = 1, and
 * the largest real part, the growth rate. ρ0 is unstable when it is positive. M preserves the trace,
 * so on a block that holds populations the trace direction (eigenvalue 0, the state itself) is removed
 * exactly: coordinates of traceless δρ, one population eliminated. With `symmetryReduction` (default)
 * each block of M is diagonalized on its own (dense `eigenvalues`); for the incoherent state of a
 * U(1)-symmetric model these are the charge sectors, and its instability lives in the charge ±1
 * blocks (size n − 1 for one mode).
 *
 * @param equation L0 and the mean-field terms
 * @param rho0 a stationary state
 * @example
 * // Eq. 4.19 with κ1 = κ2 = 1 around the incoherent state: stable at V = 2, unstable at V = 6
 * const s = fockSpace(16);
 * const a = destroy(s);
 * const rate = (V) => {
 *   const l0 = lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: power(a, 2) }, { rate: V, jump: a }]);
 *   return meanFieldStability({ lindbladian: l0, terms: [{ c: { re: 0, im: V / 2 }, x: a, y: create(s) }] }, steadyState(l0).rho).growthRate;
 * };
 * rate(2) < 0; // true
 * rate(6) > 0; // true
 */
export function meanFieldStability(
  equation: MeanFieldMasterEquation,
  rho0: DensityMatrix,
  config: MeanFieldStabilityConfig = {},
): MeanFieldStability {
  const lin = linearizeMeanField(equation, rho0, config.dropTolerance !== undefined ? { dropTolerance: config.dropTolerance } : {});
  const n = lin.n;
  const reduce = config.symmetryReduction ?? true;
  let sets = reduce ? lin.blocks() : [Int32Array.from({ length: n * n }, (_, k) => k)];
  if (config.blockSizes !== undefined) {
    const wanted = config.blockSizes;
    sets = sets.filter((b) => wanted.includes(b.length));
    if (sets.length === 0) {
      throw new Error(`meanFieldStability: no block of size ${wanted.join(' or ')} (blocks: ${lin.blocks().map((b) => b.length).join(', ')})`);
    }
  }
  const blocks: MeanFieldStabilityBlock[] = [];
  let best: Complex = { re: -Infinity, im: 0 };
  for (const indices of sets) {
    const m = lin.matrix(indices);
    let first = -1;
    for (let k = 0; k < indices.length && first < 0; k++) if (indices[k] % (n + 1) === 0) first = k;
    const reduced = first >= 0 ? traceless(m, indices, n, first) : m;
    const ev = reduced.rows > 0 ? eigenvalues(reduced) : new Float64Array(0);
    let rate = -Infinity;
    for (let k = 0; k < ev.length; k += 2) {
      if (!Number.isFinite(ev[k]) || !Number.isFinite(ev[k + 1])) throw new Error('meanFieldStability: an eigenvalue is not finite');
      if (ev[k] > rate) rate = ev[k];
      if (ev[k] > best.re) best = { re: ev[k], im: ev[k + 1] };
    }
    blocks.push({ indices, populations: first >= 0, eigenvalues: ev, growthRate: rate });
  }
  return { growthRate: best.re, leadingEigenvalue: best, residual: lin.residual, blocks };
}

/**
 * M on traceless perturbations: basis e_s (coherences) and e_s − e_f (populations s ≠ f, f the first
 * population of the block); the f coordinate of M b_s follows from the others (Tr M δρ = 0), so the
 * matrix is M's columns minus column f for populations, with row and column f dropped.
 */
function traceless(m: DenseMatrix, indices: Int32Array, n: number, f: number): DenseMatrix {
  const size = m.rows;
  const k = size - 1;
  const data = new Float64Array(2 * k * k);
  for (let r = 0, rr = 0; r < size; r++) {
    if (r === f) continue;
    for (let s = 0, ss = 0; s < size; s++) {
      if (s === f) continue;
      let re = m.data[2 * (r * size + s)];
      let im = m.data[2 * (r * size + s) + 1];
      if (indices[s] % (n + 1) === 0) {
        re -= m.data[2 * (r * size + f)];
        im -= m.data[2 * (r * size + f) + 1];
      }
      data[2 * (rr * k + ss)] = re;
      data[2 * (rr * k + ss) + 1] = im;
      ss++;
    }
    rr++;
  }
  return { rows: k, cols: k, data };
}
