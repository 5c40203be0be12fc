/**
 * Small, independent helpers for the solver specs: a seeded generator and naive dense
 * reference kernels written as plainly as possible, so a test never checks a routine
 * against itself. Not exported from the package entry.
 */
import type { CsrMatrix, DenseMatrix } from '../types';

/** Machine epsilon of float64. */
export const EPS = 2 ** -52;

/** Seeded uniform generator on [0, 1) (mulberry32); deterministic across runs. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Dense matrix from a generator of entries (i, j) → [re, im]. */
export function denseFrom(
  n: number,
  m: number,
  entry: (i: number, j: number) => readonly [number, number],
): DenseMatrix {
  const data = new Float64Array(2 * n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const [re, im] = entry(i, j);
      data[2 * (i * m + j)] = re;
      data[2 * (i * m + j) + 1] = im;
    }
  }
  return { rows: n, cols: m, data };
}

/** Random complex n×n matrix with entries uniform in the square [−1, 1]². */
export function randomDense(n: number, rand: () => number): DenseMatrix {
  return denseFrom(n, n, () => [2 * rand() - 1, 2 * rand() - 1]);
}

/** Random complex vector of n entries in [−1, 1]². */
export function randomVector(n: number, rand: () => number): Float64Array {
  const v = new Float64Array(2 * n);
  for (let k = 0; k < 2 * n; k++) v[k] = 2 * rand() - 1;
  return v;
}

/** Identity matrix. */
export function identity(n: number): DenseMatrix {
  return denseFrom(n, n, (i, j) => [i === j ? 1 : 0, 0]);
}

/** Naive C = A·B. */
export function matmul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const c = new Float64Array(2 * a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < a.cols; k++) {
        const ar = a.data[2 * (i * a.cols + k)];
        const ai = a.data[2 * (i * a.cols + k) + 1];
        const br = b.data[2 * (k * b.cols + j)];
        const bi = b.data[2 * (k * b.cols + j) + 1];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      c[2 * (i * b.cols + j)] = re;
      c[2 * (i * b.cols + j) + 1] = im;
    }
  }
  return { rows: a.rows, cols: b.cols, data: c };
}

/** Naive y = A·x. */
export function matvec(a: DenseMatrix, x: Float64Array): Float64Array {
  const y = new Float64Array(2 * a.rows);
  for (let i = 0; i < a.rows; i++) {
    let re = 0;
    let im = 0;
    for (let k = 0; k < a.cols; k++) {
      const ar = a.data[2 * (i * a.cols + k)];
      const ai = a.data[2 * (i * a.cols + k) + 1];
      re += ar * x[2 * k] - ai * x[2 * k + 1];
      im += ar * x[2 * k + 1] + ai * x[2 * k];
    }
    y[2 * i] = re;
    y[2 * i + 1] = im;
  }
  return y;
}

/** Conjugate transpose. */
export function adjoint(a: DenseMatrix): DenseMatrix {
  return denseFrom(a.cols, a.rows, (i, j) => [
    a.data[2 * (j * a.cols + i)],
    -a.data[2 * (j * a.cols + i) + 1],
  ]);
}

/** A scaled by the real number s. */
export function scale(a: DenseMatrix, s: number): DenseMatrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) };
}

/** Kronecker product A ⊗ B. */
export function kron(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const n = a.rows * b.rows;
  const m = a.cols * b.cols;
  return denseFrom(n, m, (i, j) => {
    const ia = Math.floor(i / b.rows);
    const ib = i % b.rows;
    const ja = Math.floor(j / b.cols);
    const jb = j % b.cols;
    const ar = a.data[2 * (ia * a.cols + ja)];
    const ai = a.data[2 * (ia * a.cols + ja) + 1];
    const br = b.data[2 * (ib * b.cols + jb)];
    const bi = b.data[2 * (ib * b.cols + jb) + 1];
    return [ar * br - ai * bi, ar * bi + ai * br];
  });
}

/** Entry-wise sum of A and s·B. */
export function addScaled(a: DenseMatrix, b: DenseMatrix, s = 1): DenseMatrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, k) => v + s * b.data[k]) };
}

/** Max over entries of |a_ij − b_ij| (complex modulus). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k += 2) {
    m = Math.max(m, Math.hypot(a[k] - b[k], a[k + 1] - b[k + 1]));
  }
  return m;
}

/** Infinity norm (max row sum of moduli). */
export function normInf(a: DenseMatrix): number {
  let best = 0;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.cols; j++) {
      s += Math.hypot(a.data[2 * (i * a.cols + j)], a.data[2 * (i * a.cols + j) + 1]);
    }
    best = Math.max(best, s);
  }
  return best;
}

/** Infinity norm of a complex vector (max modulus). */
export function vecNormInf(x: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < x.length; k += 2) m = Math.max(m, Math.hypot(x[k], x[k + 1]));
  return m;
}

/** CSR matrix holding the entries of a dense matrix whose modulus is nonzero. */
export function csrFromDense(a: DenseMatrix): CsrMatrix {
  const rowPtr = new Int32Array(a.rows + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const re = a.data[2 * (i * a.cols + j)];
      const im = a.data[2 * (i * a.cols + j) + 1];
      if (re !== 0 || im !== 0) {
        cols.push(j);
        vals.push(re, im);
      }
    }
    rowPtr[i + 1] = cols.length;
  }
  return {
    rows: a.rows,
    cols: a.cols,
    rowPtr,
    colIdx: Int32Array.from(cols),
    data: Float64Array.from(vals),
  };
}

/** Dense copy of a CSR matrix. */
export function denseFromCsr(a: CsrMatrix): DenseMatrix {
  const data = new Float64Array(2 * a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const j = a.colIdx[p];
      data[2 * (i * a.cols + j)] = a.data[2 * p];
      data[2 * (i * a.cols + j) + 1] = a.data[2 * p + 1];
    }
  }
  return { rows: a.rows, cols: a.cols, data };
}

/** CSR matrix from a pattern given as (row, col) pairs, all values 1. */
export function csrPattern(n: number, edges: readonly (readonly [number, number])[]): CsrMatrix {
  return csrFromDense(
    denseFrom(n, n, (i, j) => [edges.some(([r, c]) => r === i && c === j) ? 1 : 0, 0]),
  );
}

/** Random complex banded n×n matrix (lower bandwidth kl, upper ku), diagonal made dominant by `shift`. */
export function randomBanded(
  n: number,
  kl: number,
  ku: number,
  rand: () => number,
  shift = 0,
): DenseMatrix {
  return denseFrom(n, n, (i, j) => {
    if (j < i - kl || j > i + ku) return [0, 0];
    return [2 * rand() - 1 + (i === j ? shift : 0), 2 * rand() - 1];
  });
}

/** Symmetric permutation B[i, j] = A[perm[i], perm[j]]. */
export function permuteDense(a: DenseMatrix, perm: Int32Array): DenseMatrix {
  return denseFrom(a.rows, a.cols, (i, j) => [
    a.data[2 * (perm[i] * a.cols + perm[j])],
    a.data[2 * (perm[i] * a.cols + perm[j]) + 1],
  ]);
}

/** Random permutation of 0..n−1 (Fisher–Yates). */
export function randomPermutation(n: number, rand: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    const t = p[k];
    p[k] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * Sorts interleaved complex numbers by (re, im), rounding re to `digits` decimals for
 * the primary key so that conjugate pairs and near-ties sort the same way in two lists.
 */
export function sortComplex(z: ArrayLike<number>, digits = 6): Float64Array {
  const pairs: [number, number][] = [];
  for (let k = 0; k < z.length; k += 2) pairs.push([z[k], z[k + 1]]);
  const f = 10 ** digits;
  pairs.sort((p, q) => Math.round(p[0] * f) - Math.round(q[0] * f) || p[1] - q[1]);
  return Float64Array.from(pairs.flat());
}

/** Unitary matrix from Gram–Schmidt on the columns of a random complex matrix. */
export function randomUnitary(n: number, rand: () => number): DenseMatrix {
  const a = randomDense(n, rand);
  const q = new Float64Array(a.data);
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dr = 0;
        let di = 0; // <q_k, q_j>
        for (let i = 0; i < n; i++) {
          const kr = q[2 * (i * n + k)];
          const ki = q[2 * (i * n + k) + 1];
          const jr = q[2 * (i * n + j)];
          const ji = q[2 * (i * n + j) + 1];
          dr += kr * jr + ki * ji;
          di += kr * ji - ki * jr;
        }
        for (let i = 0; i < n; i++) {
          const kr = q[2 * (i * n + k)];
          const ki = q[2 * (i * n + k) + 1];
          q[2 * (i * n + j)] -= dr * kr - di * ki;
          q[2 * (i * n + j) + 1] -= dr * ki + di * kr;
        }
      }
    }
    let nrm = 0;
    for (let i = 0; i < n; i++) nrm += q[2 * (i * n + j)] ** 2 + q[2 * (i * n + j) + 1] ** 2;
    nrm = Math.sqrt(nrm);
    for (let i = 0; i < n; i++) {
      q[2 * (i * n + j)] /= nrm;
      q[2 * (i * n + j) + 1] /= nrm;
    }
  }
  return { rows: n, cols: n, data: q };
}

/**
 * Largest distance between matched eigenvalues of two interleaved lists: each value of `a`
 * is paired greedily with the nearest unused value of `b`.
 */
export function eigenMismatch(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const used = new Uint8Array(b.length / 2);
  let worst = 0;
  for (let k = 0; k < a.length; k += 2) {
    let best = Infinity;
    let at = -1;
    for (let m = 0; m < b.length; m += 2) {
      if (used[m / 2]) continue;
      const d = Math.hypot(a[k] - b[m], a[k + 1] - b[m + 1]);
      if (d < best) {
        best = d;
        at = m / 2;
      }
    }
    used[at] = 1;
    worst = Math.max(worst, best);
  }
  return worst;
}

/** Companion matrix of the monic polynomial with the given complex roots (interleaved). */
export function companionOfRoots(roots: ArrayLike<number>): DenseMatrix {
  const n = roots.length / 2;
  // coefficients of Π (z − r_k), highest first: c[0] = 1
  let c = [[1, 0]];
  for (let k = 0; k < n; k++) {
    const rr = roots[2 * k];
    const ri = roots[2 * k + 1];
    const next = c.map(([re, im]) => [re, im]).concat([[0, 0]]);
    for (let j = 1; j < next.length; j++) {
      const [pr, pi] = c[j - 1];
      next[j][0] -= rr * pr - ri * pi;
      next[j][1] -= rr * pi + ri * pr;
    }
    c = next;
  }
  return denseFrom(n, n, (i, j) => {
    if (i === 0) return [-c[j + 1][0], -c[j + 1][1]];
    return [i === j + 1 ? 1 : 0, 0];
  });
}
