/**
 * Largest modulus of the difference of two complex series, max_k |a_k − b_k|, each given as
 * parallel real and imaginary parts; the accuracy measure of the benchmark's tables.
 *
 * @param aRe - real parts of a
 * @param aIm - imaginary parts of a (same length as aRe)
 * @param bRe - real parts of b (same length)
 * @param bIm - imaginary parts of b (same length)
 * @example
 * maxAbsDiff([1, 2], [0, 0], [1, 2], [0, 1e-9]); // 1e-9
 */
export function maxAbsDiff(
  aRe: ArrayLike<number>,
  aIm: ArrayLike<number>,
  bRe: ArrayLike<number>,
  bIm: ArrayLike<number>,
): number {
  const n = aRe.length;
  for (const [name, v] of [['aIm', aIm], ['bRe', bRe], ['bIm', bIm]] as const) {
    if (v.length !== n) throw new Error(`maxAbsDiff: argument '${name}' must have length ${n} (that of 'aRe'), got ${v.length}`);
  }
  if (n === 0) throw new Error("maxAbsDiff: the series must hold at least one value, got length 0");
  let worst = 0;
  for (let k = 0; k < n; k++) {
    const d = Math.hypot(aRe[k] - bRe[k], aIm[k] - bIm[k]);
    if (!Number.isFinite(d)) throw new Error(`maxAbsDiff: entry ${k} is not finite in one of the series`);
    worst = Math.max(worst, d);
  }
  return worst;
}
