/** The tapers {@link windowFunction} knows. */
export type WindowName = 'rectangular' | 'hann' | 'hamming' | 'blackman';

/** Options of {@link windowFunction}. */
export interface WindowFunctionConfig {
  /**
   * true (default): the periodic ("DFT-even") form, w_k = f(2πk/n) — one period of the
   * taper sampled n times, what spectral estimation (periodogram, Welch) wants.
   * false: the symmetric form, w_k = f(2πk/(n − 1)), w_0 = w_{n−1} — for lag windows and
   * filter design.
   */
  periodic?: boolean;
}

const NAMES: readonly WindowName[] = ['rectangular', 'hann', 'hamming', 'blackman'];

/**
 * A taper of length `n` as a Float64Array, from the generalised cosine family
 * w_k = a₀ − a₁ cos(θ_k) + a₂ cos(2θ_k), θ_k = 2πk/M (M = n periodic, n − 1 symmetric):
 * rectangular (1, 0, 0), hann (½, ½, 0), hamming (0.54, 0.46, 0), blackman (0.42, 0.5, 0.08).
 * A window of length 1 is [1].
 *
 * @param name - `'rectangular' | 'hann' | 'hamming' | 'blackman'`
 * @param n - number of samples, an integer ≥ 1
 * @param config - `{ periodic }` (default true, see {@link WindowFunctionConfig})
 * @returns a new Float64Array of length n
 * @throws Error naming `name`, `n` or `periodic` when they are not as described
 * @example
 * Array.from(windowFunction('hann', 4));
 * // → [0, 0.5, 1, 0.5]
 */
export function windowFunction(
  name: WindowName,
  n: number,
  config: WindowFunctionConfig = {},
): Float64Array {
  if (!NAMES.includes(name)) {
    throw new Error(
      `windowFunction: argument 'name' must be one of ${NAMES.map((s) => `'${s}'`).join(', ')}, ` +
        `got ${String(name)}`,
    );
  }
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`windowFunction: argument 'n' must be an integer ≥ 1, got ${String(n)}`);
  }
  const periodic = config.periodic ?? true;
  if (typeof periodic !== 'boolean') {
    throw new Error(
      `windowFunction: option 'periodic' must be true or false, got ${String(periodic)}`,
    );
  }
  const w = new Float64Array(n);
  if (name === 'rectangular' || n === 1) {
    w.fill(1);
    return w;
  }
  const [a0, a1, a2] =
    name === 'hann' ? [0.5, 0.5, 0] : name === 'hamming' ? [0.54, 0.46, 0] : [0.42, 0.5, 0.08];
  const m = periodic ? n : n - 1;
  for (let k = 0; k < n; k++) {
    const theta = (2 * Math.PI * k) / m;
    w[k] = a0 - a1 * Math.cos(theta) + a2 * Math.cos(2 * theta);
  }
  return w;
}
