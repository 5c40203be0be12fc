import { coupledVanDerPol } from '@qsync/models';
import { liouvillianMatrix } from '@qsync/operators';
import { describe, expect, it } from 'vitest';
import { BENCH_PARAMS } from './bench-qsync';
import { csrTrafficBytes, stencilTrafficBytes } from './memory-traffic';

describe('csrTrafficBytes', () => {
  it('counts 20 B per nonzero, 4 B per row pointer and 32 B per row for x and y (doc example, N = 8)', () => {
    // QuTiP's Liouvillian of the vdP pair at N = 8: 40064 nonzeros, 4096 rows.
    expect(csrTrafficBytes(40064, 4096)).toBe(40064 * 20 + 4097 * 4 + 4096 * 32);
    expect(csrTrafficBytes(40064, 4096)).toBe(948_740);
  });

  it("is the bytes of a real product's arrays: a Liouvillian's values, column indices and row pointers, x and y", () => {
    const L = liouvillianMatrix(coupledVanDerPol({ cutoff: 3, ...BENCH_PARAMS }).lindbladian);
    const nnz = L.rowPtr[L.rows];
    const vector = 2 * 8 * L.cols; // interleaved complex Float64Array
    expect(csrTrafficBytes(nnz, L.rows)).toBe(L.data.byteLength + L.colIdx.byteLength + L.rowPtr.byteLength + 2 * vector);
  });

  it('of the identity: one nonzero per row', () => {
    expect(csrTrafficBytes(10, 10)).toBe(10 * 20 + 11 * 4 + 10 * 32);
  });

  it('rejects bad counts', () => {
    expect(() => csrTrafficBytes(-1, 4)).toThrow(/'nnz' must be an integer ≥ 0, got -1/);
    expect(() => csrTrafficBytes(1, 0)).toThrow(/'rows' must be an integer ≥ 1, got 0/);
    expect(() => csrTrafficBytes(1.5, 4)).toThrow(/'nnz'/);
  });
});

describe('stencilTrafficBytes', () => {
  it('counts the upper triangle per pass for a Hermiticity-preserving generator (doc example)', () => {
    // n = 64: 2080 = 64·65/2 entries per pass, 2016 = 64·63/2 mirrored.
    expect(stencilTrafficBytes(64, 13, true)).toEqual({
      memory: 32 * 4096 + 2016 * 32 + 13 * 32 * 64,
      passes: 16 * 4096 + 13 * 2080 * 48 + 2016 * 32,
    });
    expect(stencilTrafficBytes(64, 13, true)).toEqual({ memory: 222_208, passes: 1_427_968 });
  });

  it('counts all n² entries and no mirror otherwise', () => {
    expect(stencilTrafficBytes(3, 2, false)).toEqual({ memory: 32 * 9 + 2 * 96, passes: 16 * 9 + 2 * 9 * 48 });
  });

  it('must move far fewer bytes than the CSR product at the same size (why the stencil exists)', () => {
    // N = 12: n = 144; QuTiP's Liouvillian has 11 nonzeros per row on average there.
    const csr = csrTrafficBytes(11 * 144 ** 2, 144 ** 2);
    expect(stencilTrafficBytes(144, 13, true).memory).toBeLessThan(csr / 4);
  });

  it('rejects bad sizes', () => {
    expect(() => stencilTrafficBytes(0, 1, true)).toThrow(/'n' must be an integer ≥ 1, got 0/);
    expect(() => stencilTrafficBytes(4, -1, true)).toThrow(/'terms' must be an integer ≥ 0, got -1/);
  });
});
