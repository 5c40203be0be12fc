/** Tolerances for {@link expectClose}: |actual − expected| ≤ atol + rtol·|expected|, element-wise. */
export interface CloseConfig {
  rtol?: number;
  atol?: number;
}

/**
 * Asserts that two numbers or two arrays agree element-wise within
 * |actual − expected| ≤ atol + rtol·|expected| (defaults: rtol = 1e-12, atol = 0).
 * Throws with the first offending index, both values and the tolerance used.
 * NaN never passes, not even against NaN.
 *
 * @example
 * expectClose(Math.sqrt(2) ** 2, 2, { rtol: 4 * Number.EPSILON }); // undefined — passes: two roundings
 * expectClose([1, 2.1], [1, 2], { rtol: 1e-3 }); // throws "at index 1: got 2.1, expected 2"
 */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  config: CloseConfig = {},
): void {
  const rtol = config.rtol ?? 1e-12;
  const atol = config.atol ?? 0;
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  if (a.length !== e.length) {
    throw new Error(`expectClose: length ${a.length} differs from expected length ${e.length}`);
  }
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = e[k];
    const bound = atol + rtol * Math.abs(y);
    if (!(Math.abs(x - y) <= bound)) {
      throw new Error(
        `expectClose: at index ${k}: got ${x}, expected ${y} ` +
          `(|diff| = ${Math.abs(x - y)} > ${bound} = atol ${atol} + rtol ${rtol}·|expected|)`,
      );
    }
  }
}
