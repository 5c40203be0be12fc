import { bandwidth } from './bandwidth';
import type { BandLuFactors, BandLuOptions } from './band-lu-factor';
import { assertFinite, assertSquareCsr, checkedInversePermutation } from './solver-asserts';
import type { CsrMatrix } from './types';

const EPS = 2 ** -52;

/**
 * The band LU elimination shared by {@link bandLuFactor} and {@link bandLuFactorSteps}, with the
 * caller's name `fn` in its errors: a generator that eliminates a few columns per step (about
 * 2e5 complex multiply-adds), yields `{ done, total }` in columns after each and returns the
 * factors. Internal to linalg.
 */
export function* bandLuElimination(
  fn: string,
  a: CsrMatrix,
  perm?: Int32Array,
  options: BandLuOptions = {},
): Generator<{ done: number; total: number }, BandLuFactors, void> {
  assertSquareCsr(fn, 'a', a);
  const nnz = a.rowPtr[a.rows];
  assertFinite(fn, 'a', a.data.subarray(0, 2 * nnz));
  const n = a.rows;
  const inv = perm === undefined ? null : checkedInversePermutation(fn, 'perm', perm, n, true);
  const allowSingular = options.allowSingular ?? false;
  if (typeof allowSingular !== 'boolean') {
    throw new Error(`${fn}: option 'allowSingular' must be a boolean, got ${allowSingular}`);
  }
  const { lower: kl, upper: ku } = bandwidth(a, perm);
  const width = 2 * kl + ku + 1;
  const ab = new Float64Array(2 * n * width);
  // Last stored column of each row: elimination only sweeps the row profile, which after a
  // band-narrowing ordering is often far shorter than the band (and grows only by fill).
  const rowEnd = new Int32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const r = perm === undefined ? i : perm[i];
    let s = 0;
    rowEnd[i] = i;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const j = inv === null ? a.colIdx[p] : inv[a.colIdx[p]];
      if (j > rowEnd[i]) rowEnd[i] = j;
      const at = 2 * (i * width + j - i + kl);
      ab[at] = a.data[2 * p];
      ab[at + 1] = a.data[2 * p + 1];
      s += Math.hypot(a.data[2 * p], a.data[2 * p + 1]);
    }
    if (s > norm) norm = s;
  }
  const throwBelow = n * EPS * norm;
  const replaceBelow = EPS * norm;
  const replacement = norm > 0 ? EPS * norm : 1;
  const piv = new Int32Array(n);
  const state = { pivotsReplaced: 0 };
  const perStep = Math.max(1, Math.floor(2e5 / Math.max(1, kl * (kl + ku + 1))));
  for (let k0 = 0; k0 < n; k0 += perStep) {
    const k1 = Math.min(n, k0 + perStep);
    eliminateColumns(fn, ab, rowEnd, piv, n, kl, ku, width, k0, k1, allowSingular, throwBelow, replaceBelow, replacement, perm !== undefined, state);
    if (k1 < n) yield { done: k1, total: n };
  }
  const pivotsReplaced = state.pivotsReplaced;
  return {
    n,
    kl,
    ku,
    ab,
    piv,
    perm: perm === undefined ? null : Int32Array.from(perm),
    pivotsReplaced,
    work: new Float64Array(2 * n),
  };
}

/** Columns k0 … k1 − 1 of the elimination of bandLuElimination (a plain function, so V8 optimises its loops). */
function eliminateColumns(
  fn: string,
  ab: Float64Array,
  rowEnd: Int32Array,
  piv: Int32Array,
  n: number,
  kl: number,
  ku: number,
  width: number,
  k0: number,
  k1: number,
  allowSingular: boolean,
  throwBelow: number,
  replaceBelow: number,
  replacement: number,
  permuted: boolean,
  state: { pivotsReplaced: number },
): void {
  let pivotsReplaced = state.pivotsReplaced;
  // (i, j) lives at 2·(i·width + j − i + kl)
  for (let k = k0; k < k1; k++) {
    const last = Math.min(n - 1, k + kl);
    const jmax = Math.min(n - 1, k + kl + ku);
    let p = k;
    let best = -1;
    for (let i = k; i <= last; i++) {
      const at = 2 * (i * width + k - i + kl);
      const m = Math.abs(ab[at]) + Math.abs(ab[at + 1]);
      if (m > best) {
        best = m;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      const rk = 2 * (k * width - k + kl);
      const rp = 2 * (p * width - p + kl);
      const end = Math.max(rowEnd[k], rowEnd[p]);
      for (let j = 2 * k; j <= 2 * end + 1; j++) {
        const t = ab[rk + j];
        ab[rk + j] = ab[rp + j];
        ab[rp + j] = t;
      }
      const e = rowEnd[k];
      rowEnd[k] = rowEnd[p];
      rowEnd[p] = e;
    }
    const dk = 2 * (k * width + kl);
    let dr = ab[dk];
    let di = ab[dk + 1];
    const dmod = Math.hypot(dr, di);
    if (allowSingular) {
      if (dmod === 0 || dmod < replaceBelow) {
        if (dmod === 0) {
          dr = replacement;
          di = 0;
        } else {
          dr = (dr / dmod) * replacement;
          di = (di / dmod) * replacement;
        }
        ab[dk] = dr;
        ab[dk + 1] = di;
        pivotsReplaced++;
      }
    } else if (!(dmod > throwBelow)) {
      throw new Error(
        `${fn}: argument 'a' is numerically singular: pivot ${k} (of the ${
          permuted ? 'permuted ' : ''
        }matrix) has modulus ${dmod} ≤ n·eps·‖a‖∞ = ${throwBelow}; ` +
          `pass { allowSingular: true } for inverse iteration`,
      );
    }
    const d2 = dr * dr + di * di;
    const ir = dr / d2;
    const ii = -di / d2;
    const rowK = 2 * (k * width - k + kl); // + 2j gives (k, j)
    const endK = Math.min(rowEnd[k], jmax);
    for (let i = k + 1; i <= last; i++) {
      const rowI = 2 * (i * width - i + kl);
      const xr = ab[rowI + 2 * k];
      const xi = ab[rowI + 2 * k + 1];
      if (xr === 0 && xi === 0) continue;
      const lr = xr * ir - xi * ii;
      const li = xr * ii + xi * ir;
      ab[rowI + 2 * k] = lr;
      ab[rowI + 2 * k + 1] = li;
      if (rowEnd[i] < endK) rowEnd[i] = endK;
      for (let j = 2 * (k + 1); j <= 2 * endK; j += 2) {
        const ur = ab[rowK + j];
        const ui = ab[rowK + j + 1];
        ab[rowI + j] -= lr * ur - li * ui;
        ab[rowI + j + 1] -= lr * ui + li * ur;
      }
    }
  }
  state.pivotsReplaced = pivotsReplaced;
}

