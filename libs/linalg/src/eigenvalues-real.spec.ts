import { describe, expect, it } from 'vitest';
import { eigenvaluesReal } from './eigenvalues-real';
import { EPS, eigenMismatch } from './test-support/solver-fixtures';

describe('eigenvaluesReal (ml-matrix)', () => {
  it('runs the doc example', () => {
    // characteristic polynomial z² + 3z + 2 = (z + 1)(z + 2)
    expect(eigenMismatch(eigenvaluesReal([[0, 1], [-2, -3]]), [-1, 0, -2, 0])).toBeLessThan(10 * EPS);
  });

  it('returns complex conjugate pairs of a real nonsymmetric matrix', () => {
    // rotation-scaling block [[a, −b], [b, a]] ⊕ [5]: eigenvalues a ± ib, 5
    const ev = eigenvaluesReal([
      [0.5, -2, 0],
      [2, 0.5, 0],
      [0, 0, 5],
    ]);
    expect(eigenMismatch(ev, [0.5, 2, 0.5, -2, 5, 0])).toBeLessThan(10 * EPS * 5);
  });

  it('handles a symmetric matrix (tridiagonal QL branch)', () => {
    // [[2, 1], [1, 2]]: 1 and 3
    expect(eigenMismatch(eigenvaluesReal([[2, 1], [1, 2]]), [1, 0, 3, 0])).toBeLessThan(10 * EPS * 3);
  });

  it('rejects malformed arguments, naming them', () => {
    expect(() => eigenvaluesReal([])).toThrow(/argument 'a' must be a non-empty array/);
    expect(() => eigenvaluesReal([[1, 2], [3]])).toThrow(/argument 'a' must be square: row 1/);
    expect(() => eigenvaluesReal([[NaN]])).toThrow(/argument 'a' must be finite/);
  });
});
