import { describe, expect, it } from 'vitest';
import { csrFromDense } from './csr-from-dense';
import { csrToDense } from './csr-to-dense';
import { denseFromArrays } from './dense-from-arrays';
import { createRng } from './rng';
import { expectValidCsr, randomDense } from './test-support/kernel-fixtures';

describe('csrFromDense', () => {
  it('round-trips through csrToDense exactly', () => {
    const d = randomDense(createRng(101), 4, 6, 0.4);
    const a = csrFromDense(d);
    expectValidCsr(a);
    expect(Array.from(csrToDense(a).data)).toEqual(Array.from(d.data));
  });
  it('drops entries with modulus ≤ dropTol', () => {
    // moduli: 1e-9, 0.5, |3e-10 + 4e-10 i| = 5e-10, 0
    const d = denseFromArrays([[1e-9, 0.5], [3e-10, 0]], [[0, 0], [4e-10, 0]]);
    expect(Array.from(csrFromDense(d).colIdx)).toEqual([0, 1, 0]);
    const a = csrFromDense(d, 5e-10);
    expect(Array.from(a.rowPtr)).toEqual([0, 2, 2]);
    expect(Array.from(csrFromDense(d, 1e-9).colIdx)).toEqual([1]);
  });
  it('rejects non-finite entries and bad tolerances', () => {
    const d = denseFromArrays([[1, 2], [3, 4]]);
    d.data[7] = NaN;
    expect(() => csrFromDense(d)).toThrow(/csrFromDense: argument 'm' entry \(1, 1\) = 4 \+ NaNi must be finite/);
    expect(() => csrFromDense(denseFromArrays([[1]]), -1)).toThrow(/argument 'dropTol' must be a finite number ≥ 0, got -1/);
  });
});
