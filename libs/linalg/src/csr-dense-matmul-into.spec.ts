import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrDenseMatmulInto } from './csr-dense-matmul-into';
import { csrFromDense } from './csr-from-dense';
import { csrIdentity } from './csr-identity';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { naiveMatmul, randomDense } from './test-support/kernel-fixtures';

describe('csrDenseMatmulInto', () => {
  it('equals the dense product, overwriting stale out', () => {
    const rng = createRng(171);
    const a = randomDense(rng, 4, 3, 0.5);
    const b = randomDense(rng, 3, 5);
    const out = denseZeros(4, 5);
    out.data.fill(-7);
    expect(csrDenseMatmulInto(out, csrFromDense(a), b)).toBe(out);
    // ≤ 3 products summed: rounding ≲ 1e-14; 1e-12 bounds it
    expectClose(out.data, naiveMatmul(a, b).data, { atol: 1e-12 });
  });
  it('rejects mismatched shapes, naming them, and out aliasing b', () => {
    expect(() => csrDenseMatmulInto(denseZeros(2, 2), csrIdentity(2), denseZeros(3, 2))).toThrow(
      /csrDenseMatmulInto: 'a'.cols must equal 'b'.rows, got 'a' 2×2 and 'b' 3×2/,
    );
    expect(() => csrDenseMatmulInto(denseZeros(2, 3), csrIdentity(2), denseZeros(2, 2))).toThrow(
      /argument 'out' must be 2×2 for 'a' 2×2 times 'b' 2×2, got 2×3/,
    );
    const b = denseZeros(2, 2);
    expect(() => csrDenseMatmulInto(b, csrIdentity(2), b)).toThrow(/argument 'out' must not share memory with 'b'/);
  });
});
