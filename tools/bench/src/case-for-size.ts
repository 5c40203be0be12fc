/**
 * The other side's case at size N, for pairing it with qsync's: an error naming the program and
 * the side when that side returned none (its script skipped or lost a size).
 *
 * @param cases - the other side's cases
 * @param N - the size
 * @param program - the benchmark program, first in the error ('dicke bench')
 * @param side - the other side ('PIQS')
 * @example
 * caseForSize([{ N: 4, s: 0.1 }], 4, 'demo bench', 'QuTiP').s; // 0.1
 * caseForSize([{ N: 4 }], 8, 'demo bench', 'QuTiP'); // throws 'demo bench: QuTiP returned no case for N = 8'
 */
export function caseForSize<C extends { readonly N: number }>(cases: readonly C[], N: number, program: string, side: string): C {
  const c = cases.find((x) => x.N === N);
  if (c === undefined) throw new Error(`${program}: ${side} returned no case for N = ${N}`);
  return c;
}
