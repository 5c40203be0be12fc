import { describe, expect, it } from 'vitest';
import { csrFromDense } from './csr-from-dense';
import { csrTrace } from './csr-trace';
import { csrZeros } from './csr-zeros';
import { denseTrace } from './dense-trace';
import { createRng } from './rng';
import { randomDense } from './test-support/kernel-fixtures';

describe('csrTrace', () => {
  it('equals the dense trace, including missing diagonal entries', () => {
    const d = randomDense(createRng(191), 6, 6, 0.5);
    // same diagonal values added in the same order (absent ones are +0 in the dense sum): exact
    expect(csrTrace(csrFromDense(d))).toEqual(denseTrace(d));
    expect(csrTrace(csrZeros(3, 3))).toEqual({ re: 0, im: 0 });
  });
  it('rejects a non-square matrix', () => {
    expect(() => csrTrace(csrZeros(2, 3))).toThrow(/csrTrace: argument 'a' must be square, got 2×3/);
  });
});
