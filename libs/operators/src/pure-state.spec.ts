import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { pureState } from './pure-state';

describe('pureState', () => {
  it('is |ψ⟩⟨ψ| with ρ_ij = ψ_i conj(ψ_j)', () => {
    // ψ = (1 + 2i, 3 − i)
    const rho = pureState({ dims: [2], data: Float64Array.of(1, 2, 3, -1) });
    // ρ00 = 5, ρ01 = (1+2i)(3+i) = 1 + 7i, ρ10 = conj ρ01, ρ11 = 10 — exact integers
    expectClose(rho.matrix.data, [5, 0, 1, 7, 1, -7, 10, 0], { rtol: 0 });
    expect(rho.dims).toEqual([2]);
  });

  it('rejects a ket whose data does not match its dims', () => {
    expect(() => pureState({ dims: [3], data: new Float64Array(4) })).toThrow(
      "pureState: argument 'ket' has dims [3] so its data must have length 2·3 = 6, got 4",
    );
  });
});
