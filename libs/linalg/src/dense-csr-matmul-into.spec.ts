import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrFromDense } from './csr-from-dense';
import { csrIdentity } from './csr-identity';
import { denseCsrMatmulInto } from './dense-csr-matmul-into';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { naiveMatmul, randomDense } from './test-support/kernel-fixtures';

describe('denseCsrMatmulInto', () => {
  it('equals the dense product, overwriting stale out', () => {
    const rng = createRng(181);
    const a = randomDense(rng, 3, 4, 0.7);
    const b = randomDense(rng, 4, 2, 0.5);
    const out = denseZeros(3, 2);
    out.data.fill(5);
    expect(denseCsrMatmulInto(out, a, csrFromDense(b))).toBe(out);
    // ≤ 4 products summed: rounding ≲ 1e-14; 1e-12 bounds it
    expectClose(out.data, naiveMatmul(a, b).data, { atol: 1e-12 });
  });
  it('rejects mismatched shapes, naming them, and out aliasing a', () => {
    expect(() => denseCsrMatmulInto(denseZeros(2, 2), denseZeros(2, 3), csrIdentity(2))).toThrow(
      /denseCsrMatmulInto: 'a'.cols must equal 'b'.rows, got 'a' 2×3 and 'b' 2×2/,
    );
    expect(() => denseCsrMatmulInto(denseZeros(3, 2), denseZeros(2, 2), csrIdentity(2))).toThrow(
      /argument 'out' must be 2×2 for 'a' 2×2 times 'b' 2×2, got 3×2/,
    );
    const a = denseZeros(2, 2);
    expect(() => denseCsrMatmulInto(a, a, csrIdentity(2))).toThrow(/argument 'out' must not share memory with 'a'/);
  });
});
