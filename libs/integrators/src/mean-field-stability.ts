import { eigenvalues, type Complex, type DenseMatrix } from '@qsync/linalg';
import type { DensityMatrix, Operator } from '@qsync/operators';
import { linearizeMeanField } from './linearize-mean-field';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** Options of {@link meanFieldStability}. */
export interface MeanFieldStabilityConfig {
  /**
   * Split M into its blocks (symmetry sectors; default true) and diagonalize each, instead of the
   * whole n²×n² matrix. Exact: the blocks never mix.
   */
  symmetryReduction?: boolean;
  /**
   * Only the symmetry sectors of these U(1) charges (default all): `charge` is a diagonal operator
   * (e.g. `num(s)` for one mode, the total excitation number for several) and the charge of the vec
   * index (i, j) is q_i − q_j; `values` lists the charges wanted, e.g. [1, −1] for the sectors where
   * the incoherent state of Eq. 4.19 loses stability. Every selected block must carry one charge (the
   * operator must label M's blocks), else an error.
   */
  sectors?: { readonly charge: Operator; readonly values: readonly number[] };
  /** See `linearizeMeanField`'s `dropTolerance` (default 1e-14). */
  dropTolerance?: number;
}

/** One block of the linearization with its spectrum. */
export interface MeanFieldStabilityBlock {
  /** its vec indices i·n + j */
  readonly indices: Int32Array;
  /** its U(1) charge q_i − q_j when `sectors` was given */
  readonly charge?: number;
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
 * sectors, which `sectors` selects by charge.
 *
 * @param equation L0 and the mean-field terms
 * @param rho0 a stationary state
 * @example
 * // Eq. 4.19 with κ1 = κ2 = 1 around the incoherent state: stable at V = 2, unstable at V = 6
 * const s = fockSpace(16);
 * const a = destroy(s);
 * const rate = (V) => {
 *   const l0 = lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: power(a, 2) }, { rate: V, jump: a }]);
 *   const equation = { lindbladian: l0, terms: [{ c: { re: 0, im: V / 2 }, x: a, y: create(s) }] };
 *   // only the sectors of charge ±1 (the number difference of ket and bra), where the instability lives
 *   return meanFieldStability(equation, steadyState(l0).rho, { sectors: { charge: num(s), values: [1, -1] } }).growthRate;
 * };
 * rate(2) < 0; // true
 * rate(6) > 0; // true
 */
export function meanFieldStability(
  equation: MeanFieldMasterEquation,
  rho0: DensityMatrix,
  config: MeanFieldStabilityConfig = {},
): MeanFieldStability {
  const fn = 'meanFieldStability';
  const lin = linearizeMeanField(equation, rho0, config.dropTolerance !== undefined ? { dropTolerance: config.dropTolerance } : {});
  const n = lin.n;
  const reduce = config.symmetryReduction ?? true;
  let sets = reduce ? lin.blocks() : [Int32Array.from({ length: n * n }, (_, k) => k)];
  let charges: number[] | null = null;
  if (config.sectors !== undefined) {
    if (!reduce) throw new Error(`${fn}: option 'sectors' needs symmetryReduction (the whole matrix mixes the sectors)`);
    const q = chargeDiagonal(config.sectors.charge, equation, n);
    const wanted = config.sectors.values;
    if (!Array.isArray(wanted) || wanted.length === 0 || !wanted.every(Number.isFinite)) {
      throw new Error(`${fn}: option 'sectors.values' must be a non-empty list of finite charges, got ${JSON.stringify(wanted)}`);
    }
    const all = sets.map((b) => blockCharge(q, b, n));
    const keep = sets.map((_, k) => wanted.some((v) => Math.abs(all[k] - v) <= 1e-9 * Math.max(1, Math.abs(v))));
    sets = sets.filter((_, k) => keep[k]);
    charges = all.filter((_, k) => keep[k]);
    if (sets.length === 0) {
      throw new Error(`${fn}: no block of charge ${wanted.join(' or ')} (charges: ${[...new Set(all)].sort((x, y) => x - y).join(', ')})`);
    }
  }
  const blocks: MeanFieldStabilityBlock[] = [];
  let best: Complex = { re: -Infinity, im: 0 };
  for (const [b, indices] of sets.entries()) {
    const m = lin.matrix(indices);
    let first = -1;
    for (let k = 0; k < indices.length && first < 0; k++) if (indices[k] % (n + 1) === 0) first = k;
    const reduced = first >= 0 ? traceless(m, indices, n, first) : m;
    const ev = reduced.rows > 0 ? eigenvalues(reduced) : new Float64Array(0);
    let rate = -Infinity;
    for (let k = 0; k < ev.length; k += 2) {
      if (!Number.isFinite(ev[k]) || !Number.isFinite(ev[k + 1])) throw new Error(`${fn}: an eigenvalue is not finite`);
      if (ev[k] > rate) rate = ev[k];
      if (ev[k] > best.re) best = { re: ev[k], im: ev[k + 1] };
    }
    blocks.push({ indices, ...(charges !== null ? { charge: charges[b] } : {}), populations: first >= 0, eigenvalues: ev, growthRate: rate });
  }
  return { growthRate: best.re, leadingEigenvalue: best, residual: lin.residual, blocks };
}

/** The diagonal q of a real diagonal charge operator on the equation's space. */
function chargeDiagonal(charge: Operator, equation: MeanFieldMasterEquation, n: number): Float64Array {
  const fn = 'meanFieldStability';
  const dims = equation.lindbladian.dims;
  const m = charge?.matrix;
  if (m === undefined || m.rows !== n || m.cols !== n || charge.dims.length !== dims.length || charge.dims.some((d, k) => d !== dims[k])) {
    throw new Error(`${fn}: option 'sectors.charge' must be an operator on the Lindbladian's space, dims [${dims.join(', ')}]`);
  }
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      const re = m.data[2 * p];
      const im = m.data[2 * p + 1];
      if (re === 0 && im === 0) continue;
      if (m.colIdx[p] !== i || im !== 0 || !Number.isFinite(re)) {
        throw new Error(`${fn}: option 'sectors.charge' must be diagonal with real entries (a charge per basis state), entry (${i}, ${m.colIdx[p]}) is ${re} + ${im}i`);
      }
      q[i] += re;
    }
  }
  return q;
}

/** The charge q_i − q_j shared by the vec indices i·n + j of a block; an error if they differ. */
function blockCharge(q: Float64Array, indices: Int32Array, n: number): number {
  const of = (k: number) => q[Math.floor(k / n)] - q[k % n];
  const c = of(indices[0]);
  for (let k = 1; k < indices.length; k++) {
    if (Math.abs(of(indices[k]) - c) > 1e-9 * Math.max(1, Math.abs(c))) {
      throw new Error(
        `meanFieldStability: option 'sectors.charge' does not label the blocks of M: one block holds charges ${c} and ${of(indices[k])} (is it a symmetry of the equation and of rho0?)`,
      );
    }
  }
  return c;
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
