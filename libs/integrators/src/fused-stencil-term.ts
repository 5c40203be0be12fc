// Shared by the JavaScript and the WebAssembly stencil generators (internal to this library).

/** Kind of a coefficient: bit RE = may have a real part, bit IM = may have an imaginary part. */
export const RE = 1;
export const IM = 2;

/** One weighted contribution to a term's row factor. */
export interface Part {
  readonly group: number;
  /** per-row factor u[i] (interleaved complex); null means 1 */
  u: Float64Array | null;
}

/**
 * One fused stencil term, out[i][j] += c(i, j)·ρ[i + s][j + t]: a product term has
 * c = ũ_i·w_j with ũ_i = Σ_parts g_part·u_part[i]; the sum term (s = t = 0) has
 * c = ũ_i + w̃_j with w̃_j = Σ_wParts g·w[j].
 */
export interface FusedTerm {
  readonly s: number;
  readonly t: number;
  readonly sum: boolean;
  readonly parts: Part[];
  /** product: the column factor (null means 1); sum: unused */
  readonly w: Float64Array | null;
  readonly wParts: { readonly group: number; readonly w: Float64Array }[];
}

/** Coefficient kinds of a stencil term's factors, as the generators use them. */
export const termKinds = {
  /** true when every entry of v equals the first one */
  isConstant(v: Float64Array): boolean {
    for (let q = 2; q < v.length; q += 2) if (v[q] !== v[0] || v[q + 1] !== v[1]) return false;
    return true;
  },
  /** which parts (RE, IM) of an interleaved complex vector are not all zero; null is 1 (RE) */
  kindOf(v: Float64Array | null): number {
    if (v === null) return RE;
    let k = 0;
    for (let q = 0; q < v.length; q += 2) {
      if (v[q] !== 0) k |= RE;
      if (v[q + 1] !== 0) k |= IM;
    }
    return k;
  },
  /** kind of a product of kinds a and b */
  mulKind(a: number, b: number): number {
    if (a === 0 || b === 0) return 0;
    let k = 0;
    if ((a & RE && b & RE) || (a & IM && b & IM)) k |= RE;
    if ((a & RE && b & IM) || (a & IM && b & RE)) k |= IM;
    return k;
  },
  /**
   * true for a product term whose row factors are all constant: its whole coefficient g·u·w[j]
   * can be formed once per call as a column vector
   */
  columnOnly(term: FusedTerm): boolean {
    return !term.sum && term.w !== null && term.parts.every((p) => p.u === null || termKinds.isConstant(p.u));
  },
};
