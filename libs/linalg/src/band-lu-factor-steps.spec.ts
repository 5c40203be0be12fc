import { describe, expect, it } from 'vitest';
import { bandLuFactorSteps } from './band-lu-factor-steps';
import { bandLuSolveInto, type BandLuFactors } from './band-lu-factor';
import { csrMatvecInto } from './csr-matvec-into';
import { csrToDense } from './csr-to-dense';
import { luFactor } from './lu-factor';
import { createRng } from './rng';
import type { CsrMatrix } from './types';

const EPS = 2 ** -52;

/**
 * A random complex banded n×n matrix (lower kl, upper ku) whose diagonal is 100× smaller than
 * its off-diagonal entries, so partial pivoting swaps rows at almost every step.
 */
function banded(n: number, kl: number, ku: number, seed = 3): CsrMatrix {
  const rng = createRng(seed);
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
      const s = i === j ? 1e-2 : 1;
      cols.push(j);
      vals.push(s * rng.gaussian(), s * rng.gaussian());
    }
    rowPtr[i + 1] = cols.length;
  }
  return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
}

/** Runs the generator to its end, collecting the progress reports. */
function drain(steps: Generator<{ done: number; total: number }, BandLuFactors, void>): { f: BandLuFactors; done: number[] } {
  const done: number[] = [];
  let r = steps.next();
  while (r.done !== true) {
    done.push(r.value.done);
    r = steps.next();
  }
  return { f: r.value, done };
}

/** max_i |(A x − b)_i| / (‖A‖∞ ‖x‖∞): the backward error of a solve, O(n·eps) for a stable LU. */
function backwardError(a: CsrMatrix, x: Float64Array, b: Float64Array): number {
  const ax = csrMatvecInto(new Float64Array(b.length), a, x);
  let r = 0;
  let xn = 0;
  for (let k = 0; k < b.length; k += 2) {
    r = Math.max(r, Math.hypot(ax[k] - b[k], ax[k + 1] - b[k + 1]));
    xn = Math.max(xn, Math.hypot(x[k], x[k + 1]));
  }
  let an = 0;
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) s += Math.hypot(a.data[2 * p], a.data[2 * p + 1]);
    an = Math.max(an, s);
  }
  return r / (an * xn);
}

/**
 * The dense matrix P₀L₀P₁L₁…U rebuilt from band factors (no permutation): U from the band, then
 * for k = n − 1 … 0 the multipliers of step k added back and rows k, piv[k] swapped — the
 * elimination undone, written from the storage layout alone (not from bandLuSolveInto).
 */
function rebuild(f: BandLuFactors): Float64Array {
  const { n, kl, ku, ab, piv } = f;
  const width = 2 * kl + ku + 1;
  const at = (i: number, j: number): number => 2 * (i * width + j - i + kl);
  const m = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j <= Math.min(n - 1, i + kl + ku); j++) {
      m[2 * (i * n + j)] = ab[at(i, j)];
      m[2 * (i * n + j) + 1] = ab[at(i, j) + 1];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    for (let i = k + 1; i <= Math.min(n - 1, k + kl); i++) {
      const lr = ab[at(i, k)];
      const li = ab[at(i, k) + 1];
      for (let j = 0; j < n; j++) {
        const ur = m[2 * (k * n + j)];
        const ui = m[2 * (k * n + j) + 1];
        m[2 * (i * n + j)] += lr * ur - li * ui;
        m[2 * (i * n + j) + 1] += lr * ui + li * ur;
      }
    }
    const p = piv[k];
    if (p !== k) {
      for (let j = 0; j < 2 * n; j++) {
        const t = m[2 * k * n + j];
        m[2 * k * n + j] = m[2 * p * n + j];
        m[2 * p * n + j] = t;
      }
    }
  }
  return m;
}

describe('bandLuFactorSteps', () => {
  it('yields progress in columns, one report per step up to n − 1', () => {
    // kl = ku = 300: 2e5/(300·601) → one column per step, so n − 1 progress reports
    const { done } = drain(bandLuFactorSteps(banded(400, 300, 300)));
    expect(done.length).toBe(399);
    expect(done[0]).toBe(1);
    expect(done[done.length - 1]).toBe(399);
    expect(done.every((d, k) => k === 0 || d > done[k - 1])).toBe(true);
  });

  it('solves A x = b for a known x on a matrix that needs pivoting (backward error ≤ 10·n·eps)', () => {
    const n = 120;
    const a = banded(n, 4, 3);
    const rng = createRng(11);
    const x = new Float64Array(2 * n);
    for (let k = 0; k < 2 * n; k++) x[k] = rng.gaussian();
    const b = csrMatvecInto(new Float64Array(2 * n), a, x);
    const { f } = drain(bandLuFactorSteps(a));
    // pivoting really happened (the diagonal is 100× smaller than the rest of its column)
    let swaps = 0;
    for (let k = 0; k < n; k++) if (f.piv[k] !== k) swaps++;
    expect(swaps).toBeGreaterThan(n / 2);
    const xh = bandLuSolveInto(new Float64Array(2 * n), f, b);
    expect(backwardError(a, xh, b)).toBeLessThan(10 * n * EPS);
    // forward error: this matrix has a modest condition number, the known x comes back to 1e-10
    let err = 0;
    for (let k = 0; k < 2 * n; k++) err = Math.max(err, Math.abs(xh[k] - x[k]));
    expect(err).toBeLessThan(1e-10);
  });

  it('solves in the original ordering after a symmetric permutation (backward error ≤ 10·n·eps)', () => {
    const n = 80;
    const a = banded(n, 3, 3, 5);
    // a reversal keeps the band; the factors are of A[perm, perm], the solve undoes it
    const perm = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    const x = Float64Array.from({ length: 2 * n }, (_, k) => Math.cos(0.7 * k));
    const b = csrMatvecInto(new Float64Array(2 * n), a, x);
    const xh = bandLuSolveInto(new Float64Array(2 * n), drain(bandLuFactorSteps(a, perm)).f, b);
    expect(backwardError(a, xh, b)).toBeLessThan(10 * n * EPS);
  });

  it('has the pivots and U of the dense LU (luFactor), and its factors rebuild A', () => {
    const n = 40;
    const a = banded(n, 3, 2, 7);
    const { f } = drain(bandLuFactorSteps(a));
    const dense = luFactor(csrToDense(a));
    expect(Array.from(f.piv)).toEqual(Array.from(dense.piv));
    const width = 2 * f.kl + f.ku + 1;
    let uErr = 0;
    let uMax = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const dr = dense.lu[2 * (i * n + j)];
        const di = dense.lu[2 * (i * n + j) + 1];
        if (j < i) continue;
        uMax = Math.max(uMax, Math.hypot(dr, di));
        const inBand = j <= i + f.kl + f.ku;
        const br = inBand ? f.ab[2 * (i * width + j - i + f.kl)] : 0;
        const bi = inBand ? f.ab[2 * (i * width + j - i + f.kl) + 1] : 0;
        uErr = Math.max(uErr, Math.hypot(br - dr, bi - di));
      }
    }
    // same elimination order, different summation order only: U agrees to rounding
    expect(uErr).toBeLessThan(100 * EPS * uMax);
    const m = rebuild(f);
    const ad = csrToDense(a).data;
    let rErr = 0;
    let aMax = 0;
    for (let k = 0; k < ad.length; k += 2) {
      rErr = Math.max(rErr, Math.hypot(m[k] - ad[k], m[k + 1] - ad[k + 1]));
      aMax = Math.max(aMax, Math.hypot(ad[k], ad[k + 1]));
    }
    expect(rErr).toBeLessThan(100 * EPS * aMax);
  });

  it('stops when the caller stops: closing the generator leaves the remaining columns undone', () => {
    const steps = bandLuFactorSteps(banded(400, 300, 300));
    steps.next();
    steps.next();
    expect(steps.return(undefined as never).done).toBe(true);
    expect(steps.next().done).toBe(true);
  });

  it('throws under its own name: a singular matrix at the step that meets the zero pivot, bad arguments', () => {
    const a: CsrMatrix = { rows: 2, cols: 2, rowPtr: Int32Array.of(0, 0, 1), colIdx: Int32Array.of(1), data: Float64Array.of(1, 0) };
    const steps = bandLuFactorSteps(a);
    expect(() => steps.next()).toThrow(/^bandLuFactorSteps: argument 'a' is numerically singular/);
    expect(() => bandLuFactorSteps(a, Int32Array.of(0)).next()).toThrow(/^bandLuFactorSteps: argument 'perm'/);
    expect(() => bandLuFactorSteps(a, undefined, { allowSingular: 1 as unknown as boolean }).next()).toThrow(
      /^bandLuFactorSteps: option 'allowSingular' must be a boolean/,
    );
  });
});
