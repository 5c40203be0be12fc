import { sameBits } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { bandLuFactor, bandLuFactorSteps } from './band-lu-factor';
import { createRng } from './rng';
import type { CsrMatrix } from './types';

/** A random complex banded n×n matrix (lower kl, upper ku), diagonally dominant. */
function banded(n: number, kl: number, ku: number): CsrMatrix {
  const rng = createRng(3);
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
      cols.push(j);
      vals.push(rng.gaussian() + (i === j ? 0.1 : 0), rng.gaussian());
    }
    rowPtr[i + 1] = cols.length;
  }
  return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
}

describe('bandLuFactorSteps', () => {
  it('yields progress in columns and returns factors equal bit for bit to bandLuFactor (pivoting included)', () => {
    // kl = ku = 300: 2e5/(300·601) → one column per step, so n − 1 progress reports
    const a = banded(400, 300, 300);
    const steps = bandLuFactorSteps(a);
    const done: number[] = [];
    let r = steps.next();
    while (r.done !== true) {
      expect(r.value.total).toBe(400);
      done.push(r.value.done);
      r = steps.next();
    }
    expect(done.length).toBe(399);
    expect(done[0]).toBe(1);
    expect(done[done.length - 1]).toBe(399);
    const f = bandLuFactor(a);
    expect(sameBits(r.value.ab, f.ab)).toBe(true);
    expect(Array.from(r.value.piv)).toEqual(Array.from(f.piv));
  });

  it('stops when the caller stops: closing the generator leaves the remaining columns undone', () => {
    const steps = bandLuFactorSteps(banded(400, 300, 300));
    steps.next();
    steps.next();
    expect(steps.return(undefined as never).done).toBe(true);
    expect(steps.next().done).toBe(true);
  });

  it('throws on a singular matrix at the step that meets the zero pivot, as bandLuFactor does', () => {
    const a: CsrMatrix = { rows: 2, cols: 2, rowPtr: Int32Array.of(0, 0, 1), colIdx: Int32Array.of(1), data: Float64Array.of(1, 0) };
    expect(() => bandLuFactor(a)).toThrow(/numerically singular/);
    const steps = bandLuFactorSteps(a);
    expect(() => steps.next()).toThrow(/numerically singular/);
  });
});
