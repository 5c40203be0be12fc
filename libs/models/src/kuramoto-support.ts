import { createRng } from '@qsync/linalg';
import { describeValue } from './describe-value';
import type { ParameterTable } from './parameters';

/**
 * Refuses a name in `given` that is neither a parameter of `table` nor one of `options`,
 * listing both (the Kuramoto models take numbers and options in one object).
 */
export function assertKnownNames(
  fn: string,
  given: object,
  table: ParameterTable,
  options: readonly string[],
): void {
  const known = [...Object.keys(table), ...options];
  for (const name of Object.keys(given)) {
    if (!known.includes(name)) {
      throw new Error(`${fn}: unknown parameter '${name}' (known: ${known.join(', ')})`);
    }
  }
}

/** Refuses an option value that is not one of `allowed`. */
export function assertOneOf(fn: string, name: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new Error(`${fn}: option '${name}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`);
  }
}

/** Refuses a seed option `name` that is not a safe integer. */
export function assertSeed(fn: string, name: string, seed: unknown): void {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new Error(`${fn}: option '${name}' must be an integer, got ${describeValue(seed)}`);
  }
}

/** Refuses a flag that is not a boolean. */
export function assertFlag(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw new Error(`${fn}: option '${name}' must be a boolean, got ${describeValue(value)}`);
  }
}

/**
 * Mean and (population) standard deviation of |z| over the entries of an interleaved complex
 * array: the `r` and `rStd` channels of the Kuramoto models.
 */
export function orderParameterStats(z: Float64Array): { mean: number; std: number } {
  const m = z.length / 2;
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < m; k++) {
    const a = Math.sqrt(z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1]);
    s1 += a;
    s2 += a * a;
  }
  const mean = s1 / m;
  return { mean, std: Math.sqrt(Math.max(0, s2 / m - mean * mean)) };
}

/**
 * Writes natural frequencies from the Lorentzian of width g around w0 (Eq. 2.34) into
 * out[offset … offset+count−1]: 'random' by the inverse CDF, ω = w0 + g tan(π(u − ½)), of
 * uniforms from `createRng(seed).split(2)` (in index order), 'quantile' as the count quantiles
 * ω_i = w0 + g tan(π((i + ½)/count − ½)). `seed` is the model's disorder seed.
 */
export function lorentzianFrequenciesInto(
  out: Float64Array,
  offset: number,
  count: number,
  g: number,
  w0: number,
  sampling: 'random' | 'quantile',
  seed: number,
): void {
  if (g === 0) {
    out.fill(w0, offset, offset + count);
    return;
  }
  if (sampling === 'quantile') {
    for (let i = 0; i < count; i++) out[offset + i] = w0 + g * Math.tan(Math.PI * ((i + 0.5) / count - 0.5));
    return;
  }
  createRng(seed).split(2).fillUniformInto(out, offset, count);
  // uniform() gives multiples of 2^-53 in [0, 1); shifted by half a step they lie in (0, 1),
  // symmetric about ½, so tan never meets ±π/2
  const half = 2 ** -54;
  for (let k = offset; k < offset + count; k++) out[k] = w0 + g * Math.tan(Math.PI * (out[k] + half - 0.5));
}
