import { luFactorChecked, luSolveMatrixInPlace } from './lu-factor';
import { assertFinite, assertSquareDense } from './solver-asserts';
import type { DenseMatrix } from './types';

/**
 * Largest 1-norms for which the [m/m] Padé approximant of degree m = 3, 5, 7, 9, 13 gives
 * exp(A) to double precision in exact arithmetic (Higham 2005, Table 2.3).
 */
const THETA: Readonly<Record<number, number>> = {
  3: 1.495585217958292e-2,
  5: 2.539398330063230e-1,
  7: 9.504178996162932e-1,
  9: 2.097847961257068,
  13: 5.371920351148152,
};

/** Coefficients of the [m/m] Padé numerator of e^x, scaled to integers: b_j = (2m − j)! / (j! (m − j)!). */
function padeCoefficients(m: number): Float64Array {
  const b = new Float64Array(m + 1);
  // the textbook c_j = (2m − j)! m! / ((2m)! j! (m − j)!) times the common factor (2m)!/m!
  for (let j = 0; j <= m; j++) {
    let v = 1;
    for (let t = m - j + 1; t <= 2 * m - j; t++) v *= t; // (2m − j)! / (m − j)!
    for (let t = 2; t <= j; t++) v /= t; // / j!
    b[j] = v;
  }
  return b;
}

const COEFFS: Readonly<Record<number, Float64Array>> = {
  3: padeCoefficients(3),
  5: padeCoefficients(5),
  7: padeCoefficients(7),
  9: padeCoefficients(9),
  13: padeCoefficients(13),
};

/** out = x·y for n×n interleaved row-major matrices (out must not alias x or y). */
function gemmInto(out: Float64Array, x: Float64Array, y: Float64Array, n: number): void {
  out.fill(0);
  const w = 2 * n;
  for (let i = 0; i < n; i++) {
    const ro = i * w;
    for (let k = 0; k < n; k++) {
      const xr = x[ro + 2 * k];
      const xi = x[ro + 2 * k + 1];
      if (xr === 0 && xi === 0) continue;
      const rk = k * w;
      for (let j = 0; j < w; j += 2) {
        const yr = y[rk + j];
        const yi = y[rk + j + 1];
        out[ro + j] += xr * yr - xi * yi;
        out[ro + j + 1] += xr * yi + xi * yr;
      }
    }
  }
}

/** out = Σ_t c_t·M_t (+ c_I·I), all n×n. */
function combineInto(
  out: Float64Array,
  n: number,
  terms: readonly (readonly [number, Float64Array])[],
  identityCoeff: number,
): void {
  out.fill(0);
  for (const [c, m] of terms) {
    if (c === 0) continue;
    for (let k = 0; k < out.length; k++) out[k] += c * m[k];
  }
  for (let i = 0; i < n; i++) out[2 * (i * n + i)] += identityCoeff;
}

/** [m/m] Padé approximant r_m(A) = (V − U)⁻¹(V + U). */
function pade(a: Float64Array, n: number, m: number): Float64Array {
  const b = COEFFS[m];
  const size = 2 * n * n;
  const u = new Float64Array(size);
  const v = new Float64Array(size);
  const tmp = new Float64Array(size);
  const a2 = new Float64Array(size);
  gemmInto(a2, a, a, n);
  if (m === 13) {
    const a4 = new Float64Array(size);
    const a6 = new Float64Array(size);
    gemmInto(a4, a2, a2, n);
    gemmInto(a6, a4, a2, n);
    // U = A·[A6(b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
    combineInto(tmp, n, [[b[13], a6], [b[11], a4], [b[9], a2]], 0);
    gemmInto(u, a6, tmp, n);
    for (let k = 0; k < size; k++) u[k] += b[7] * a6[k] + b[5] * a4[k] + b[3] * a2[k];
    for (let i = 0; i < n; i++) u[2 * (i * n + i)] += b[1];
    tmp.set(u);
    gemmInto(u, a, tmp, n);
    // V = A6(b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
    combineInto(tmp, n, [[b[12], a6], [b[10], a4], [b[8], a2]], 0);
    gemmInto(v, a6, tmp, n);
    for (let k = 0; k < size; k++) v[k] += b[6] * a6[k] + b[4] * a4[k] + b[2] * a2[k];
    for (let i = 0; i < n; i++) v[2 * (i * n + i)] += b[0];
  } else {
    // powers A^2, A^4, …, A^(m−1)
    const powers: Float64Array[] = [a2];
    for (let p = 4; p < m; p += 2) {
      const next = new Float64Array(size);
      gemmInto(next, powers[powers.length - 1], a2, n);
      powers.push(next);
    }
    combineInto(
      tmp,
      n,
      powers.map((pw, idx) => [b[2 * idx + 3], pw] as const),
      b[1],
    );
    gemmInto(u, a, tmp, n);
    combineInto(
      v,
      n,
      powers.map((pw, idx) => [b[2 * idx + 2], pw] as const),
      b[0],
    );
  }
  // solve (V − U) R = (V + U)
  const q: DenseMatrix = { rows: n, cols: n, data: v.map((x, k) => x - u[k]) };
  const r = v.map((x, k) => x + u[k]);
  luSolveMatrixInPlace(luFactorChecked(q, 'expm', 'a (Padé denominator)'), r);
  return r;
}

/**
 * Matrix exponential exp(A) of a complex square matrix by scaling and squaring with Padé
 * approximants of degree 3, 5, 7, 9 or 13 (N. J. Higham, "The scaling and squaring method
 * for the matrix exponential revisited", SIAM J. Matrix Anal. Appl. 26 (2005) 1179–1193,
 * Algorithm 2.3): the lowest degree whose θ_m bounds ‖A‖₁ is used; otherwise A is scaled by
 * 2^−s so that ‖A/2^s‖₁ ≤ θ₁₃, r₁₃ is formed with six products and one LU solve, and the
 * result is squared s times. Cost ≈ (6 + s + 4/3)·n³ complex flops; allocates O(n²) scratch.
 *
 * @param a square complex matrix (not modified), e.g. t·L for a propagator e^{tL}
 * @returns exp(a) as a new DenseMatrix
 * @example
 * // exp([[0, −π], [π, 0]]) = rotation by π = −I
 * expm({ rows: 2, cols: 2, data: Float64Array.of(0, 0, -Math.PI, 0, Math.PI, 0, 0, 0) }).data;
 * // → [-1, 0, 0, 0, 0, 0, -1, 0]
 */
export function expm(a: DenseMatrix): DenseMatrix {
  assertSquareDense('expm', 'a', a);
  assertFinite('expm', 'a', a.data);
  const n = a.rows;
  let norm1 = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.hypot(a.data[2 * (i * n + j)], a.data[2 * (i * n + j) + 1]);
    if (s > norm1) norm1 = s;
  }
  for (const m of [3, 5, 7, 9]) {
    if (norm1 <= THETA[m]) return { rows: n, cols: n, data: pade(a.data, n, m) };
  }
  const s = Math.max(0, Math.ceil(Math.log2(norm1 / THETA[13])));
  const scaled = s === 0 ? a.data : a.data.map((x) => x * 2 ** -s);
  let r: Float64Array = pade(scaled, n, 13);
  let spare: Float64Array = new Float64Array(r.length);
  for (let k = 0; k < s; k++) {
    gemmInto(spare, r, r, n);
    const t = r;
    r = spare;
    spare = t;
  }
  return { rows: n, cols: n, data: r };
}
