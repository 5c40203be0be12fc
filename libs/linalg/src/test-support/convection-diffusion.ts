/**
 * Test problem for the Krylov specs: −Δu + β·∇u + iσu = f on a w×w grid (Dirichlet), central
 * differences scaled by h², as a complex nonsymmetric CSR matrix, plus a CSR mat-vec written
 * independently of the library.
 */
import type { CsrMatrix } from '../types';

/** Matrix of the 5-point convection–diffusion stencil; `peclet` = |β|h/2 per direction. */
export function convectionDiffusion(w: number, peclet: number, sigmaH2: number): CsrMatrix {
  const n = w * w;
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < w; r++) {
    for (let c = 0; c < w; c++) {
      const i = r * w + c;
      const entries: [number, number, number][] = [];
      if (r > 0) entries.push([i - w, -1 - peclet, 0]);
      if (c > 0) entries.push([i - 1, -1 - peclet, 0]);
      entries.push([i, 4, sigmaH2]);
      if (c + 1 < w) entries.push([i + 1, -1 + peclet, 0]);
      if (r + 1 < w) entries.push([i + w, -1 + peclet, 0]);
      for (const [j, re, im] of entries) {
        cols.push(j);
        vals.push(re, im);
      }
      rowPtr[i + 1] = cols.length;
    }
  }
  return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
}

/** out = A·x for a CSR matrix. */
export function csrApply(a: CsrMatrix): (out: Float64Array, x: Float64Array) => void {
  return (out, x) => {
    for (let i = 0; i < a.rows; i++) {
      let sr = 0;
      let si = 0;
      for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
        const j = a.colIdx[p];
        const ar = a.data[2 * p];
        const ai = a.data[2 * p + 1];
        sr += ar * x[2 * j] - ai * x[2 * j + 1];
        si += ar * x[2 * j + 1] + ai * x[2 * j];
      }
      out[2 * i] = sr;
      out[2 * i + 1] = si;
    }
  };
}
