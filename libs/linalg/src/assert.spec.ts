import { describe, expect, it } from 'vitest';
import {
  assertComplexVector,
  assertCsr,
  assertDense,
  assertDimension,
  assertIndexInRange,
  assertNoOverlap,
  assertNonNegative,
  assertProductShapes,
  assertSameShape,
  assertSquare,
  toComplex,
} from './assert';

describe('shared guards', () => {
  it('assertDimension accepts integers ≥ 1 only', () => {
    expect(() => assertDimension('f', 'n', 3)).not.toThrow();
    expect(() => assertDimension('f', 'n', 2 ** 53)).toThrow(/f: argument 'n' must be an integer ≥ 1, got 9007199254740992/);
    expect(() => assertDimension('f', 'n', '2')).toThrow(/got 2/);
  });
  it('assertIndexInRange and assertNonNegative', () => {
    expect(() => assertIndexInRange('f', 'k', 4, 4)).not.toThrow();
    expect(() => assertIndexInRange('f', 'k', -1, 4)).toThrow(/f: argument 'k' must be an integer in 0…4, got -1/);
    expect(() => assertNonNegative('f', 't', 0)).not.toThrow();
    expect(() => assertNonNegative('f', 't', NaN)).toThrow(/f: argument 't' must be a finite number ≥ 0, got NaN/);
  });
  it('assertDense and assertCsr check structure, not values', () => {
    expect(() => assertDense('f', 'm', { rows: 1, cols: 2, data: new Float64Array(4) })).not.toThrow();
    expect(() => assertDense('f', 'm', { rows: 1, cols: 2, data: [0, 0, 0, 0] })).toThrow(/got not a Float64Array/);
    const ok = { rows: 1, cols: 3, rowPtr: new Int32Array([0, 1]), colIdx: new Int32Array([2, 9]), data: new Float64Array(4) };
    expect(() => assertCsr('f', 'a', ok)).not.toThrow(); // spare capacity beyond nnz is allowed
    expect(() => assertCsr('f', 'a', { ...ok, rowPtr: new Int32Array([1, 1]) })).toThrow(/starting at 0/);
    expect(() => assertCsr('f', 'a', { ...ok, rows: 1.5 })).toThrow(/f: argument 'a' must be a CsrMatrix with rows, cols ≥ 1/);
  });
  it('assertComplexVector checks even length and, optionally, the entry count', () => {
    expect(() => assertComplexVector('f', 'x', new Float64Array(4), 2)).not.toThrow();
    expect(() => assertComplexVector('f', 'x', new Float32Array(4))).toThrow(/not a Float64Array/);
  });
  it('shape guards name both shapes', () => {
    const a = { rows: 2, cols: 3 };
    const b = { rows: 4, cols: 5 };
    expect(() => assertSameShape('f', 'a', a, 'b', b)).toThrow(/f: arguments 'a' \(2×3\) and 'b' \(4×5\) must have the same shape/);
    expect(() => assertProductShapes('f', 'a', a, 'b', b)).toThrow(/'a'.cols must equal 'b'.rows, got 'a' 2×3 and 'b' 4×5/);
    expect(() => assertSquare('f', 'a', a)).toThrow(/f: argument 'a' must be square, got 2×3/);
  });
  it('assertNoOverlap detects shared memory but allows disjoint views of one buffer', () => {
    const buf = new Float64Array(8);
    expect(() => assertNoOverlap('f', 'out', buf.subarray(0, 4), 'x', buf.subarray(4, 8))).not.toThrow();
    expect(() => assertNoOverlap('f', 'out', buf.subarray(0, 5), 'x', buf.subarray(4, 8))).toThrow(
      /f: argument 'out' must not share memory with 'x'/,
    );
  });
  it('toComplex accepts numbers and {re, im}, rejects the rest', () => {
    expect(toComplex('f', 'z', 2)).toEqual({ re: 2, im: 0 });
    expect(toComplex('f', 'z', { re: 1, im: -1 })).toEqual({ re: 1, im: -1 });
    expect(() => toComplex('f', 'z', null)).toThrow(/f: argument 'z' must be a finite number or Complex \{re, im\}, got null/);
    expect(() => toComplex('f', 'z', { re: 1, im: -Infinity })).toThrow(/im: -Infinity/);
  });
});
