/**
 * Helpers shared by the spec files only (not exported from the library entry): seeded
 * random operators and states, dense views of operators, comparison of complex matrices.
 */
import { createRng, csrFromDense, csrToDense, denseAdjoint, denseAdd, denseMatmul, denseTrace } from '@qsync/linalg';
import type { DenseMatrix, Rng } from '@qsync/linalg';
import type { Operator } from './operator';
import type { DensityMatrix } from './state';

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
