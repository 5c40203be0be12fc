/**
 * Reads a `window` option (a {@link WindowName} or explicit weights). Internal to the library.
 */
import { windowFunction } from './window-function';
import type { WindowName } from './window-function';

/**
 * The taper of length `n` that the option `window` asks for: a name gives the periodic
 * window of that name, a Float64Array is used as given (not copied) and must have length `n`
 * and finite entries with Σw² > 0.
 */
export function resolveWindow(
  fn: string,
  window: WindowName | Float64Array,
  n: number,
  periodic = true,
  entry = 'sample',
): Float64Array {
  if (window instanceof Float64Array) {
    if (window.length !== n) {
      throw new Error(
        `${fn}: option 'window' must have length ${n} (one weight per ${entry}), got length ${window.length}`,
      );
    }
    let s2 = 0;
    for (let k = 0; k < n; k++) s2 += window[k] * window[k];
    if (!(s2 > 0) || !Number.isFinite(s2)) {
      throw new Error(
        `${fn}: option 'window' must hold finite weights, not all zero (Σw² = ${s2})`,
      );
    }
    return window;
  }
  if (typeof window !== 'string') {
    throw new Error(
      `${fn}: option 'window' must be a window name or a Float64Array of weights, got ${String(window)}`,
    );
  }
  try {
    return windowFunction(window, n, { periodic });
  } catch {
    throw new Error(
      `${fn}: option 'window' must be 'rectangular', 'hann', 'hamming', 'blackman' or a ` +
        `Float64Array of weights, got '${window}'`,
    );
  }
}

/** Σ w_k². */
export function sumOfSquares(w: Float64Array): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k] * w[k];
  return s;
}
