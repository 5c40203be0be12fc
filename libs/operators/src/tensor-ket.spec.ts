import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { fockKet } from './fock-ket';
import { fockSpace, spinHalfSpace } from './space';
import { spinCoherentKet } from './spin-coherent-ket';
import { tensorKet } from './tensor-ket';

describe('tensorKet', () => {
  it('puts |n_A, n_B⟩ at basis index n_A·d_B + n_B and multiplies amplitudes', () => {
    const fa = fockSpace(3);
    const fb = fockSpace(4);
    const k = tensorKet(fockKet(fa, 2), fockKet(fb, 1));
    expect(k.dims).toEqual([3, 4]);
    expect(k.data[2 * (2 * 4 + 1)]).toBe(1);
    const q = spinCoherentKet(spinHalfSpace(), Math.PI / 2, 0); // (1, 1)/√2
    const p = tensorKet(q, fockKet(fa, 2)); // (|0,2⟩ + |1,2⟩)/√2
    const expected = new Float64Array(12);
    expected[2 * 2] = Math.SQRT1_2;
    expected[2 * 5] = Math.SQRT1_2;
    expectClose(p.data, expected, { rtol: 1e-15 }); // sin/cos(π/4) vs √½: one ulp
  });

  it('rejects an empty argument list', () => {
    expect(() => tensorKet()).toThrow("tensorKet: argument 'kets' must hold at least one Ket, got none");
  });
});
