/**
 * Dense real linear algebra for the few-parameter fits of this library (p ≤ 4).
 * Internal to the library (not in index.ts).
 */

/**
 * Solves A·x = b for a p×p row-major real A by Gaussian elimination with partial pivoting,
 * writing x into `x`. A and b are not modified. Returns false when a pivot is 0 or not
 * finite (A singular to working precision).
 */
export function solveSmallInto(
  x: Float64Array,
  a: Float64Array,
  b: Float64Array,
  p: number,
): boolean {
  const m = Float64Array.from(a);
  x.set(b);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r * p + c]) > Math.abs(m[piv * p + c])) piv = r;
    const d = m[piv * p + c];
    if (!(d !== 0) || !Number.isFinite(d)) return false;
    if (piv !== c) {
      for (let k = 0; k < p; k++) {
        const t = m[c * p + k];
        m[c * p + k] = m[piv * p + k];
        m[piv * p + k] = t;
      }
      const t = x[c];
      x[c] = x[piv];
      x[piv] = t;
    }
    for (let r = c + 1; r < p; r++) {
      const f = m[r * p + c] / d;
      if (f === 0) continue;
      for (let k = c; k < p; k++) m[r * p + k] -= f * m[c * p + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = p - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < p; k++) s -= m[c * p + k] * x[k];
    x[c] = s / m[c * p + c];
  }
  for (let c = 0; c < p; c++) if (!Number.isFinite(x[c])) return false;
  return true;
}

/** The diagonal of A⁻¹ for a p×p row-major A, or null when A is singular. */
export function inverseDiagonal(a: Float64Array, p: number): Float64Array | null {
  const out = new Float64Array(p);
  const e = new Float64Array(p);
  const col = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    if (!solveSmallInto(col, a, e, p)) return null;
    out[j] = col[j];
  }
  return out;
}
