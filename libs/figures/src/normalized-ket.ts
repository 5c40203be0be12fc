import type { Ket } from '@qsync/operators';

/**
 * The ket scaled to norm 1. A truncated coherent state (`coherentKet`) is short of norm 1 by its
 * tail beyond the cutoff; a stochastic master equation renormalizes its state every step while
 * `mesolve` keeps the trace, so a comparison of the two must start both from the normalized ket.
 *
 * @example
 * const k = normalizedKet({ dims: [2], data: Float64Array.of(3, 0, 0, 4) });
 * Array.from(k.data); // → [0.6, 0, 0, 0.8]
 */
export function normalizedKet(ket: Ket): Ket {
  let norm2 = 0;
  for (const v of ket.data) norm2 += v * v;
  if (!(norm2 > 0)) throw new Error('normalizedKet: ket must have a positive norm');
  const s = 1 / Math.sqrt(norm2);
  return { dims: ket.dims, data: ket.data.map((v) => v * s) };
}
