import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrFromDense } from './csr-from-dense';
import { csrFromTriplets } from './csr-from-triplets';
import { csrIdentity } from './csr-identity';
import { csrKron } from './csr-kron';
import { csrNnz } from './csr-nnz';
import { csrToDense } from './csr-to-dense';
import { csrTrace } from './csr-trace';
import { denseKron } from './dense-kron';
import { createRng } from './rng';
import { EXACT, expectValidCsr, randomDense } from './test-support/kernel-fixtures';

describe('csrKron', () => {
  it('matches a hand-computed 2×2 ⊗ 2×2 example', () => {
    // σ₊ ⊗ σx with σ₊ = [[0, 1], [0, 0]]: the only block is σx at block (0, 1)
    const sp = csrFromTriplets(2, 2, [0], [1], [1]);
    const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
    const k = csrKron(sp, sx);
    expectValidCsr(k);
    expect(Array.from(k.rowPtr)).toEqual([0, 1, 2, 2, 2]);
    expect(Array.from(k.colIdx)).toEqual([3, 2]);
    // σx ⊗ 1 on two qubits flips the first qubit: |00⟩↔|10⟩, |01⟩↔|11⟩
    expect(Array.from(csrKron(sx, csrIdentity(2)).colIdx)).toEqual([2, 3, 0, 1]);
  });
  it('equals the dense Kronecker product on random sparse matrices, exactly', () => {
    // each entry is one complex product computed by the same formula in both kernels
    const rng = createRng(111);
    for (const [p, q, r, s] of [[2, 3, 3, 2], [1, 4, 2, 1], [3, 3, 3, 3]]) {
      const a = randomDense(rng, p, q, 0.5);
      const b = randomDense(rng, r, s, 0.5);
      const k = csrKron(csrFromDense(a), csrFromDense(b));
      expectValidCsr(k);
      expect([k.rows, k.cols]).toEqual([p * r, q * s]);
      expect(csrNnz(k)).toBe(csrNnz(csrFromDense(a)) * csrNnz(csrFromDense(b)));
      expectClose(csrToDense(k).data, denseKron(a, b).data, EXACT);
    }
  });
  it('satisfies tr(A⊗B) = trA·trB (diagonal integers keep it exact)', () => {
    const a = csrFromTriplets(2, 2, [0, 1, 0], [0, 1, 1], [2, 3, 5], [1, 0, 0]); // tr = 5+i
    const b = csrFromTriplets(3, 3, [0, 2], [0, 2], [1, 0], [0, 2]); // tr = 1+2i
    expect(csrTrace(csrKron(a, b))).toEqual({ re: 3, im: 11 }); // (5+i)(1+2i)
  });
  it('drops products that underflow to zero', () => {
    const tiny = csrFromTriplets(1, 1, [0], [0], [1e-200]);
    expect(csrNnz(csrKron(tiny, tiny))).toBe(0);
  });
  it('rejects a malformed argument by name', () => {
    expect(() => csrKron(csrIdentity(2), {} as never)).toThrow(/csrKron: argument 'b' must be a CsrMatrix/);
  });
});
