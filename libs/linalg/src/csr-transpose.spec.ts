import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrAdjoint } from './csr-adjoint';
import { csrConjugate } from './csr-conjugate';
import { csrFromDense } from './csr-from-dense';
import { csrToDense } from './csr-to-dense';
import { csrTranspose } from './csr-transpose';
import { denseAdjoint } from './dense-adjoint';
import { createRng } from './rng';
import { EXACT, expectValidCsr, randomDense } from './test-support/kernel-fixtures';

// Transposition and conjugation move and negate numbers: results must be exact.
describe('csrTranspose, csrAdjoint, csrConjugate', () => {
  const d = randomDense(createRng(121), 3, 5, 0.5);
  const a = csrFromDense(d);
  const adj = denseAdjoint(d);
  it('csrAdjoint equals the dense adjoint', () => {
    const h = csrAdjoint(a);
    expectValidCsr(h);
    expect([h.rows, h.cols]).toEqual([5, 3]);
    expectClose(csrToDense(h).data, adj.data, EXACT);
  });
  it('csrTranspose equals the dense adjoint without conjugation', () => {
    const t = csrTranspose(a);
    expectValidCsr(t);
    const expected = adj.data.map((v, k) => (k % 2 === 1 ? -v : v));
    expectClose(csrToDense(t).data, expected, EXACT);
  });
  it('csrConjugate negates imaginary parts, keeps structure, copies arrays', () => {
    const c = csrConjugate(a);
    expectValidCsr(c);
    expectClose(csrToDense(c).data, d.data.map((v, k) => (k % 2 === 1 ? -v : v)), EXACT);
    expect(c.rowPtr).not.toBe(a.rowPtr);
    expect(c.colIdx).not.toBe(a.colIdx);
  });
  it('adjoint = transpose of conjugate, and each is an involution', () => {
    expect(Array.from(csrAdjoint(a).data)).toEqual(Array.from(csrTranspose(csrConjugate(a)).data));
    expectClose(csrToDense(csrAdjoint(csrAdjoint(a))).data, d.data, EXACT);
    expectClose(csrToDense(csrTranspose(csrTranspose(a))).data, d.data, EXACT);
  });
  it('reject malformed arguments by name', () => {
    expect(() => csrAdjoint(null as never)).toThrow(/csrAdjoint: argument 'a'/);
    expect(() => csrTranspose(null as never)).toThrow(/csrTranspose: argument 'a'/);
    expect(() => csrConjugate(null as never)).toThrow(/csrConjugate: argument 'a'/);
  });
});
