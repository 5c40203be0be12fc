import { describe, expect, it } from 'vitest';
import { csrToDense } from '@qsync/linalg';
import { fockSpace, num, sigmaZ, spinHalfSpace, tensorSpace, type Operator } from '@qsync/operators';
import { embedOnSites } from './embed-on-sites';

// Entries of these operators are small integers, so they are compared exactly.
const dense = (o: Operator) => csrToDense(o.matrix).data;

/** The real diagonal, and the sum of |entry|² over everything else (off-diagonal and imaginary parts). */
function diagonal(o: Operator): { diag: number[]; rest: number } {
  const d = dense(o);
  const n = o.matrix.rows;
  const diag: number[] = [];
  let rest = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const re = d[2 * (r * n + c)];
      const im = d[2 * (r * n + c) + 1];
      if (r === c) diag.push(re);
      else rest += re * re;
      rest += im * im;
    }
  }
  return { diag, rest };
}

describe('embedOnSites', () => {
  it('n_k on three Fock(3) sites is diagonal with the k-th occupation of each basis state |n1 n2 n3⟩ (first factor most significant)', () => {
    const mode = fockSpace(3);
    const space = tensorSpace(mode, mode, mode);
    const n = embedOnSites(num(mode), space, 3);
    expect(n).toHaveLength(3);
    n.forEach((nk, k) => {
      const { diag, rest } = diagonal(nk);
      expect(rest).toBe(0);
      expect(diag).toEqual(Array.from({ length: 27 }, (_, idx) => Math.floor(idx / 3 ** (2 - k)) % 3));
    });
  });

  it('first = 1 skips the cavity: σz_k on cavity(3) ⊗ spin ⊗ spin is ±1 by the spin bit of |c s1 s2⟩ (σz = |1⟩⟨1| − |0⟩⟨0|), whatever c', () => {
    const spin = spinHalfSpace();
    const space = tensorSpace(fockSpace(3), spin, spin);
    const sz = embedOnSites(sigmaZ(spin), space, 2, 1);
    sz.forEach((szk, k) => {
      const { diag, rest } = diagonal(szk);
      expect(rest).toBe(0);
      expect(diag).toEqual(Array.from({ length: 12 }, (_, idx) => ((idx >> (1 - k)) & 1 ? 1 : -1)));
    });
  });

  it('more sites than the space has factors after first: the error of embed, naming the factor index', () => {
    const spin = spinHalfSpace();
    expect(() => embedOnSites(sigmaZ(spin), tensorSpace(fockSpace(3), spin, spin), 3, 1)).toThrow("embed: argument 'index' must be an integer factor index in 0…2, got 3");
  });
});
