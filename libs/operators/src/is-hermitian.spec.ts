import { describe, expect, it } from 'vitest';
import { csrFromTriplets } from '@qsync/linalg';
import { isHermitian } from './is-hermitian';
import { spinHalfSpace } from './space';
import { sigmaPlus, sigmaX, sigmaY } from './spin-half-operators';

describe('isHermitian', () => {
  it('accepts σx, σy and rejects σ+', () => {
    expect(isHermitian(sigmaX(spinHalfSpace()))).toBe(true);
    expect(isHermitian(sigmaY(spinHalfSpace()))).toBe(true);
    expect(isHermitian(sigmaPlus(spinHalfSpace()))).toBe(false);
  });

  it('uses a tolerance relative to max(1, ‖o‖_F)', () => {
    // defect 1e-10 on entries of size 1e3 (‖o‖_F ≈ 1.4e3): relative 7e-14
    const op = { dims: [2], matrix: csrFromTriplets(2, 2, [0, 1], [1, 0], [1e3, 1e3 + 1e-10]) };
    expect(isHermitian(op)).toBe(true);
    expect(isHermitian(op, 1e-15)).toBe(false);
  });

  it('rejects a negative or non-finite tolerance', () => {
    expect(() => isHermitian(sigmaX(spinHalfSpace()), -1)).toThrow("isHermitian: argument 'tol' must be a finite number ≥ 0, got -1");
  });
});
