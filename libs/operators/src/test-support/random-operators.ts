/**
 * Helpers shared by the spec files only (not exported from the library entry): seeded
 * random operators and states, dense views of operators, comparison of complex matrices.
 */
import { createRng, csrFromDense, csrToDense, denseAdjoint, denseAdd, denseMatmul, denseTrace } from '@qsync/linalg';
import type { DenseMatrix, Rng } from '@qsync/linalg';
import type { Operator } from '../operator';
import { lindbladian } from '../lindbladian';
import type { Lindbladian } from '../lindbladian';
import type { DensityMatrix } from '../state';

export { createRng };

/** A dense n×n matrix with independent N(0,1) real and imaginary parts. */
export function randomDense(rng: Rng, n: number): DenseMatrix {
  const data = new Float64Array(2 * n * n);
  rng.fillGaussianInto(data);
  return { rows: n, cols: n, data };
}

/** A random operator with the given dims (dense entries stored in CSR). */
export function randomOperator(rng: Rng, dims: readonly number[]): Operator {
  const n = dims.reduce((p, d) => p * d, 1);
  return { dims, matrix: csrFromDense(randomDense(rng, n)) };
}

/** A random Hermitian operator (G + G†)/2. */
export function randomHermitian(rng: Rng, dims: readonly number[]): Operator {
  const n = dims.reduce((p, d) => p * d, 1);
  const g = randomDense(rng, n);
  const h = denseAdd(g, denseAdjoint(g), { re: 0.5, im: 0 }, { re: 0.5, im: 0 });
  return { dims, matrix: csrFromDense(h) };
}

/** A random full-rank density matrix G G† / Tr[G G†]. */
export function randomDensity(rng: Rng, dims: readonly number[]): DensityMatrix {
  const n = dims.reduce((p, d) => p * d, 1);
  const g = randomDense(rng, n);
  const m = denseMatmul(g, denseAdjoint(g));
  const tr = denseTrace(m).re;
  for (let k = 0; k < m.data.length; k++) m.data[k] /= tr;
  return { dims, matrix: m };
}

/** The dense matrix of an operator. */
export function dense(op: Operator): DenseMatrix {
  return csrToDense(op.matrix);
}

/** Largest |entry| of a dense matrix. */
export function maxAbs(m: DenseMatrix): number {
  let best = 0;
  for (let k = 0; k < m.data.length; k += 2) best = Math.max(best, Math.hypot(m.data[k], m.data[k + 1]));
  return best;
}

/**
 * A random Lindbladian on `dims`: random Hermitian H, two ordinary dissipators and a pair of
 * cross dissipators D[o1,o2] + D[o2,o1] with a negative rate (as V+ < 0 in thesis Ch. 6).
 */
export function randomLindbladian(rng: Rng, dims: readonly number[]): Lindbladian {
  const o1 = randomOperator(rng, dims);
  const o2 = randomOperator(rng, dims);
  return lindbladian(randomHermitian(rng, dims), [
    { rate: 0.8, jump: randomOperator(rng, dims) },
    { rate: 1.3, jump: randomOperator(rng, dims) },
    { rate: -0.6, jump: o1, jump2: o2 },
    { rate: -0.6, jump: o2, jump2: o1 },
  ]);
}
