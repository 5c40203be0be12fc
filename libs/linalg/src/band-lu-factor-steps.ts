import type { BandLuFactors, BandLuOptions } from './band-lu-factor';
import { bandLuElimination } from './band-lu-elimination';
import type { CsrMatrix } from './types';

/**
 * `bandLuFactor` cut into steps, for a caller that reports progress or may stop early
 * (a chunked computation of `@qsync/frames`): a generator that eliminates a few columns per
 * step, yields `{ done, total }` in columns after each, and returns the factors. Each step does
 * about 2e5 complex multiply-adds. The factors are the same, bit for bit, as bandLuFactor's.
 *
 * @param a square complex CSR matrix (not modified)
 * @param perm optional full permutation, new → old (length n)
 * @param options `allowSingular` (default false)
 * @returns a generator of progress in columns whose return value is the factors
 * @example
 * const a = {
 *   rows: 3, cols: 3, rowPtr: Int32Array.of(0, 2, 5, 7), colIdx: Int32Array.of(0, 1, 0, 1, 2, 1, 2),
 *   data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0),
 * };
 * const steps = bandLuFactorSteps(a);
 * let r = steps.next();
 * while (r.done !== true) r = steps.next();
 * bandLuSolveInto(new Float64Array(6), r.value, Float64Array.of(3, 0, 4, 0, 3, 0)); // Float64Array [1, 0, 1, 0, 1, 0]
 */
export function bandLuFactorSteps(
  a: CsrMatrix,
  perm?: Int32Array,
  options: BandLuOptions = {},
): Generator<{ done: number; total: number }, BandLuFactors, void> {
  return bandLuElimination('bandLuFactorSteps', a, perm, options);
}
