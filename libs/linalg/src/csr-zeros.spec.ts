import { describe, expect, it } from 'vitest';
import { csrNnz } from './csr-nnz';
import { csrToDense } from './csr-to-dense';
import { csrZeros } from './csr-zeros';
import { expectValidCsr } from './test-support/kernel-fixtures';

describe('csrZeros', () => {
  it('stores nothing and is zero densely', () => {
    const z = csrZeros(3, 2);
    expectValidCsr(z);
    expect(csrNnz(z)).toBe(0);
    expect(Array.from(csrToDense(z).data)).toEqual(new Array(12).fill(0));
  });
  it('rejects bad dimensions', () => {
    expect(() => csrZeros(1, 0)).toThrow(/csrZeros: argument 'cols' must be an integer ≥ 1, got 0/);
  });
});
