import { describe, expect, it } from 'vitest';
import { csrIdentity } from './csr-identity';
import { csrToDense } from './csr-to-dense';
import { denseIdentity } from './dense-identity';
import { expectValidCsr } from './test-support/kernel-fixtures';

describe('csrIdentity', () => {
  it('equals the dense identity', () => {
    const i3 = csrIdentity(3);
    expectValidCsr(i3);
    expect(Array.from(csrToDense(i3).data)).toEqual(Array.from(denseIdentity(3).data));
  });
  it('rejects n < 1', () => {
    expect(() => csrIdentity(-2)).toThrow(/csrIdentity: argument 'n' must be an integer ≥ 1, got -2/);
  });
});
