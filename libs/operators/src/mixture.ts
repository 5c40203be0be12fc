import { assertDensityMatrix, assertSameDims } from './assert';
import type { DensityMatrix } from './state';

/** One component of a {@link mixture}: a density matrix and its probability. */
export interface MixtureComponent {
  /** Probability p_k, finite ≥ 0; the weights of a mixture sum to 1. */
  readonly weight: number;
  /** The component state ρ_k. */
  readonly state: DensityMatrix;
}

/** Tolerance on |Σ p_k − 1|: a few hundred ulps, far above rounding in weights like 1/3. */
const WEIGHT_SUM_TOL = 1e-12;

/**
 * The statistical mixture ρ = Σ_k p_k ρ_k.
 *
 * @param components - one or more {weight, state}; weights finite ≥ 0 summing to 1 (within
 *   1e-12), states of equal dims
 * @example
 * const s = spinHalfSpace();
 * const rho = mixture([
 *   { weight: 0.25, state: pureState(fockKet(s, 0)) },
 *   { weight: 0.75, state: pureState(fockKet(s, 1)) },
 * ]);
 * rho.matrix.data[6]; // 0.75 — entry ⟨1|ρ|1⟩
 */
export function mixture(components: readonly MixtureComponent[]): DensityMatrix {
  const fn = 'mixture';
  if (!Array.isArray(components) || components.length < 1) {
    throw new Error(`${fn}: argument 'components' must be a non-empty array of {weight, state}`);
  }
  let total = 0;
  components.forEach((c, k) => {
    const w: unknown = c?.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new Error(`${fn}: components[${k}].weight must be a finite probability ≥ 0, got ${String(w)}`);
    }
    assertDensityMatrix(fn, `components[${k}].state`, c.state);
    assertSameDims(fn, 'components[0].state', components[0].state, `components[${k}].state`, c.state);
    total += w;
  });
  if (!(Math.abs(total - 1) <= WEIGHT_SUM_TOL)) {
    throw new Error(`${fn}: the weights must sum to 1 (within ${WEIGHT_SUM_TOL}), got ${total}`);
  }
  const first = components[0].state;
  const data = new Float64Array(first.matrix.data.length);
  for (const c of components) {
    const src = c.state.matrix.data;
    const w = c.weight;
    for (let p = 0; p < data.length; p++) data[p] += w * src[p];
  }
  return { dims: first.dims, matrix: { rows: first.matrix.rows, cols: first.matrix.cols, data } };
}
