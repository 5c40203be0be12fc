import { assertFinite, assertSquareDense } from './solver-asserts';
import type { DenseMatrix } from './types';

const EPS = 2 ** -52;

/** Options of {@link eigenvalues}. */
export interface EigenvaluesOptions {
  /** Upper limit on QR sweeps over the whole matrix (default 30·n). */
  maxIterations?: number;
}

/**
 * Diagonal similarity scaling by powers of 2 that makes row and column 1-norms of the
 * off-diagonal part comparable (Parlett–Reinsch balancing, as in LAPACK zgebal without
 * permutations). Leaves eigenvalues unchanged and exact (powers of 2), improves their accuracy
 * for badly scaled matrices such as companion matrices.
 */
function balanceInPlace(h: Float64Array, n: number): void {
  let converged = false;
  while (!converged) {
    converged = true;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(h[2 * (j * n + i)]) + Math.abs(h[2 * (j * n + i) + 1]);
        r += Math.abs(h[2 * (i * n + j)]) + Math.abs(h[2 * (i * n + j) + 1]);
      }
      if (c === 0 || r === 0) continue;
      const s = c + r;
      let f = 1;
      let g = r / 2;
      while (c < g) {
        f *= 2;
        c *= 4;
      }
      g = r * 2;
      while (c >= g) {
        f /= 2;
        c /= 4;
      }
      if ((c + r) / f < 0.95 * s) {
        converged = false;
        const inv = 1 / f;
        // row i scaled by 1/f, column i by f
        for (let j = 0; j < 2 * n; j++) h[2 * i * n + j] *= inv;
        for (let j = 0; j < n; j++) {
          h[2 * (j * n + i)] *= f;
          h[2 * (j * n + i) + 1] *= f;
        }
      }
    }
  }
}

/** Reduces h (n×n, row-major interleaved) to upper Hessenberg form by Householder similarities. */
function hessenbergInPlace(h: Float64Array, n: number, v: Float64Array, w: Float64Array): void {
  for (let k = 0; k < n - 2; k++) {
    // x = h[k+1 … n−1, k]
    let tail = 0;
    for (let i = k + 2; i < n; i++) {
      tail += h[2 * (i * n + k)] ** 2 + h[2 * (i * n + k) + 1] ** 2;
    }
    if (tail === 0) continue;
    const x0r = h[2 * ((k + 1) * n + k)];
    const x0i = h[2 * ((k + 1) * n + k) + 1];
    const x0 = Math.hypot(x0r, x0i);
    const alpha = Math.sqrt(x0 * x0 + tail);
    const pr = x0 === 0 ? 1 : x0r / x0;
    const pi = x0 === 0 ? 0 : x0i / x0;
    // v = x + phase·alpha·e1, so that P x = −phase·alpha·e1 with P = I − β v v†
    for (let i = k + 1; i < n; i++) {
      v[2 * i] = h[2 * (i * n + k)];
      v[2 * i + 1] = h[2 * (i * n + k) + 1];
    }
    v[2 * (k + 1)] += pr * alpha;
    v[2 * (k + 1) + 1] += pi * alpha;
    const beta = 1 / (alpha * alpha + x0 * alpha); // 2 / ‖v‖²
    // left: H ← P H on rows k+1…n−1, columns k…n−1
    for (let j = 2 * k; j < 2 * n; j++) w[j] = 0;
    for (let r = k + 1; r < n; r++) {
      const vr = v[2 * r];
      const vi = v[2 * r + 1];
      const row = 2 * r * n;
      for (let j = 2 * k; j < 2 * n; j += 2) {
        const hr = h[row + j];
        const hi = h[row + j + 1];
        w[j] += vr * hr + vi * hi; // conj(v_r) h_rj
        w[j + 1] += vr * hi - vi * hr;
      }
    }
    for (let r = k + 1; r < n; r++) {
      const vr = beta * v[2 * r];
      const vi = beta * v[2 * r + 1];
      const row = 2 * r * n;
      for (let j = 2 * k; j < 2 * n; j += 2) {
        h[row + j] -= vr * w[j] - vi * w[j + 1];
        h[row + j + 1] -= vr * w[j + 1] + vi * w[j];
      }
    }
    // right: H ← H P on all rows, columns k+1…n−1
    for (let i = 0; i < n; i++) {
      const row = 2 * i * n;
      let tr = 0;
      let ti = 0;
      for (let c = k + 1; c < n; c++) {
        const hr = h[row + 2 * c];
        const hi = h[row + 2 * c + 1];
        tr += hr * v[2 * c] - hi * v[2 * c + 1];
        ti += hr * v[2 * c + 1] + hi * v[2 * c];
      }
      tr *= beta;
      ti *= beta;
      for (let c = k + 1; c < n; c++) {
        const vr = v[2 * c];
        const vi = v[2 * c + 1];
        h[row + 2 * c] -= tr * vr + ti * vi; // t · conj(v_c)
        h[row + 2 * c + 1] -= ti * vr - tr * vi;
      }
    }
    h[2 * ((k + 1) * n + k)] = -pr * alpha;
    h[2 * ((k + 1) * n + k) + 1] = -pi * alpha;
    for (let i = k + 2; i < n; i++) {
      h[2 * (i * n + k)] = 0;
      h[2 * (i * n + k) + 1] = 0;
    }
  }
}

// scratch for the complex square root (no per-call objects)
let sqRe = 0;
let sqIm = 0;
/** Principal square root of x + iy into (sqRe, sqIm). */
function csqrt(x: number, y: number): void {
  const r = Math.hypot(x, y);
  if (r === 0) {
    sqRe = 0;
    sqIm = 0;
  } else if (x >= 0) {
    const t = Math.sqrt((r + x) / 2);
    sqRe = t;
    sqIm = y / (2 * t);
  } else {
    const t = Math.sqrt((r - x) / 2);
    sqRe = Math.abs(y) / (2 * t);
    sqIm = y < 0 ? -t : t;
  }
}

// scratch for the 2×2 eigenvalue routine: mu1 = larger root of μ² − 2pμ − bc, mu2 = smaller
let mu1Re = 0;
let mu1Im = 0;
let mu2Re = 0;
let mu2Im = 0;
/**
 * Eigenvalues of [[a, b], [c, d]] as d + μ, with μ² − (a − d)μ − bc = 0, written as the root
 * of larger modulus μ₁ = p + √(p² + bc) (sign aligned with p) and μ₂ = −bc/μ₁ (no cancellation).
 */
function eig2(
  ar: number, ai: number, br: number, bi: number,
  cr: number, ci: number, dr: number, di: number,
): void {
  const pr = (ar - dr) / 2;
  const pi = (ai - di) / 2;
  const bcr = br * cr - bi * ci;
  const bci = br * ci + bi * cr;
  csqrt(pr * pr - pi * pi + bcr, 2 * pr * pi + bci);
  let rr = sqRe;
  let ri = sqIm;
  if (pr * rr + pi * ri < 0) {
    rr = -rr;
    ri = -ri;
  }
  mu1Re = pr + rr;
  mu1Im = pi + ri;
  const m2 = mu1Re * mu1Re + mu1Im * mu1Im;
  if (m2 === 0) {
    mu2Re = 0;
    mu2Im = 0;
  } else {
    // −bc / μ₁
    mu2Re = -(bcr * mu1Re + bci * mu1Im) / m2;
    mu2Im = -(bci * mu1Re - bcr * mu1Im) / m2;
  }
}

/**
 * Eigenvalues of a complex square matrix (not necessarily normal or Hermitian): balancing,
 * Householder reduction to upper Hessenberg form, then single-shift complex QR iteration with
 * Givens rotations on the active block, Wilkinson shifts (the eigenvalue of the trailing 2×2
 * block nearer its last diagonal entry), an exceptional shift every 10 sweeps without
 * deflation, and deflation when |h_{k,k−1}| ≤ eps·(|h_{k−1,k−1}| + |h_{k,k}|).
 * Eigenvectors are not formed. Cost ≈ 10n³ real flops for the reduction plus O(n³) for QR;
 * n = 200 takes well under a second (see bench/eig.bench.ts).
 *
 * Use it for Liouvillian spectra and linear stability (non-normal generators). For real
 * matrices {@link eigenvaluesReal} is the real-arithmetic alternative.
 *
 * @param a square complex n×n matrix (not modified)
 * @param options `maxIterations`: cap on QR sweeps (default 30·n); exceeding it throws
 * @returns the n eigenvalues as interleaved (re, im) pairs, length 2n, in no particular order
 * @example
 * // [[0, 1], [−1, 0]] has eigenvalues ±i
 * const ev = eigenvalues({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 0, -1, 0, 0, 0) });
 * ev.length; // 4 — two (re, im) pairs, in no particular order
 * [Math.hypot(ev[0], ev[1]), ev[0] * ev[2] - ev[1] * ev[3], ev[0] + ev[2], ev[1] + ev[3]]; // [1, 1, 0, 0] — |λ| = 1, λ₁λ₂ = det = 1, λ₁ + λ₂ = tr = 0
 */
export function eigenvalues(a: DenseMatrix, options: EigenvaluesOptions = {}): Float64Array {
  assertSquareDense('eigenvalues', 'a', a);
  assertFinite('eigenvalues', 'a', a.data);
  const n = a.rows;
  const maxIterations = options.maxIterations ?? 30 * n;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new Error(
      `eigenvalues: option 'maxIterations' must be an integer ≥ 0, got ${maxIterations}`,
    );
  }
  const h = Float64Array.from(a.data);
  const out = new Float64Array(2 * n);
  balanceInPlace(h, n);
  hessenbergInPlace(h, n, new Float64Array(2 * n), new Float64Array(2 * n));

  let norm = 0; // scale for blocks whose two diagonal entries vanish
  for (let k = 0; k < h.length; k += 2) norm = Math.max(norm, Math.abs(h[k]) + Math.abs(h[k + 1]));
  const gc = new Float64Array(n); // Givens cosines of one sweep
  const gs = new Float64Array(2 * n); // Givens sines (complex)
  let hi = n - 1;
  let sinceDeflation = 0;
  let sweeps = 0;
  while (hi >= 0) {
    // find the start l of the unreduced block ending at hi
    let l = hi;
    while (l > 0) {
      const sub = 2 * (l * n + l - 1);
      const dPrev = 2 * ((l - 1) * n + l - 1);
      const dHere = 2 * (l * n + l);
      let s = Math.abs(h[dPrev]) + Math.abs(h[dPrev + 1]) + Math.abs(h[dHere]) + Math.abs(h[dHere + 1]);
      if (s === 0) s = norm;
      if (Math.abs(h[sub]) + Math.abs(h[sub + 1]) <= EPS * s) {
        h[sub] = 0;
        h[sub + 1] = 0;
        break;
      }
      l--;
    }
    if (l === hi) {
      out[2 * hi] = h[2 * (hi * n + hi)];
      out[2 * hi + 1] = h[2 * (hi * n + hi) + 1];
      hi--;
      sinceDeflation = 0;
      continue;
    }
    if (l === hi - 1) {
      const p = 2 * ((hi - 1) * n + hi - 1);
      const q = 2 * (hi * n + hi - 1);
      eig2(h[p], h[p + 1], h[p + 2], h[p + 3], h[q], h[q + 1], h[q + 2], h[q + 3]);
      out[2 * (hi - 1)] = h[q + 2] + mu1Re;
      out[2 * (hi - 1) + 1] = h[q + 3] + mu1Im;
      out[2 * hi] = h[q + 2] + mu2Re;
      out[2 * hi + 1] = h[q + 3] + mu2Im;
      hi -= 2;
      sinceDeflation = 0;
      continue;
    }
    if (sweeps >= maxIterations) {
      throw new Error(
        `eigenvalues: QR iteration on argument 'a' did not converge within maxIterations = ` +
          `${maxIterations} sweeps (${hi + 1} eigenvalues left)`,
      );
    }
    sweeps++;
    sinceDeflation++;
    // shift σ
    const dd = 2 * (hi * n + hi);
    let sr: number;
    let si: number;
    if (sinceDeflation % 10 === 0) {
      // exceptional shift breaks cycles of the Wilkinson shift
      const sub = 2 * (hi * n + hi - 1);
      const t = 0.75 * (Math.abs(h[sub]) + Math.abs(h[sub + 1]));
      sr = h[dd] + t;
      si = h[dd + 1];
    } else {
      const p = 2 * ((hi - 1) * n + hi - 1);
      const q = 2 * (hi * n + hi - 1);
      eig2(h[p], h[p + 1], h[p + 2], h[p + 3], h[q], h[q + 1], h[q + 2], h[q + 3]);
      sr = h[dd] + mu2Re;
      si = h[dd + 1] + mu2Im;
    }
    for (let i = l; i <= hi; i++) {
      h[2 * (i * n + i)] -= sr;
      h[2 * (i * n + i) + 1] -= si;
    }
    // H − σI = Q R: rotations G_k = [c s; −s̄ c] zero the subdiagonal from the left
    for (let k = l; k < hi; k++) {
      const pk = 2 * (k * n + k);
      const pk1 = 2 * ((k + 1) * n + k);
      const xr = h[pk];
      const xi = h[pk + 1];
      const yr = h[pk1];
      const yi = h[pk1 + 1];
      const nx = Math.hypot(xr, xi);
      const ny = Math.hypot(yr, yi);
      let c: number;
      let snr: number;
      let sni: number;
      if (ny === 0) {
        c = 1;
        snr = 0;
        sni = 0;
      } else if (nx === 0) {
        c = 0;
        snr = yr / ny;
        sni = -yi / ny;
      } else {
        const r = Math.hypot(nx, ny);
        c = nx / r;
        // s = (x/|x|)·conj(y)/r
        const ur = xr / nx;
        const ui = xi / nx;
        snr = (ur * yr + ui * yi) / r;
        sni = (ui * yr - ur * yi) / r;
      }
      gc[k] = c;
      gs[2 * k] = snr;
      gs[2 * k + 1] = sni;
      const rowK = 2 * k * n;
      const rowK1 = 2 * (k + 1) * n;
      for (let j = 2 * k; j <= 2 * hi; j += 2) {
        const ar = h[rowK + j];
        const ai = h[rowK + j + 1];
        const br = h[rowK1 + j];
        const bi = h[rowK1 + j + 1];
        // row k ← c·a + s·b ; row k+1 ← −s̄·a + c·b
        h[rowK + j] = c * ar + snr * br - sni * bi;
        h[rowK + j + 1] = c * ai + snr * bi + sni * br;
        h[rowK1 + j] = c * br - (snr * ar + sni * ai);
        h[rowK1 + j + 1] = c * bi - (snr * ai - sni * ar);
      }
      h[pk1] = 0;
      h[pk1 + 1] = 0;
    }
    // R Q = R G_l† … G_{hi−1}†: columns k, k+1 ← [x y]·[[c, −s], [s̄, c]]
    for (let k = l; k < hi; k++) {
      const c = gc[k];
      const snr = gs[2 * k];
      const sni = gs[2 * k + 1];
      const last = Math.min(k + 1, hi);
      for (let i = l; i <= last; i++) {
        const px = 2 * (i * n + k);
        const xr = h[px];
        const xi = h[px + 1];
        const yr = h[px + 2];
        const yi = h[px + 3];
        h[px] = c * xr + snr * yr + sni * yi;
        h[px + 1] = c * xi + snr * yi - sni * yr;
        h[px + 2] = c * yr - (snr * xr - sni * xi);
        h[px + 3] = c * yi - (snr * xi + sni * xr);
      }
    }
    for (let i = l; i <= hi; i++) {
      h[2 * (i * n + i)] += sr;
      h[2 * (i * n + i) + 1] += si;
    }
  }
  return out;
}
