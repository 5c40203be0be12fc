import { describe, expect, it } from 'vitest';
import { denseKron } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { fockKet } from './fock-ket';
import { pureState } from './pure-state';
import { fockSpace, spinHalfSpace } from './space';
import { tensorKet } from './tensor-ket';
import { tensorState } from './tensor-state';
import { thermalState } from './thermal-state';

describe('tensorState', () => {
  it('is ρ_A ⊗ ρ_B, consistent with tensorKet for pure states', () => {
    const q = spinHalfSpace();
    const f = fockSpace(3);
    const rho = tensorState(pureState(fockKet(q, 1)), pureState(fockKet(f, 2)));
    expect(rho.dims).toEqual([2, 3]);
    expectClose(rho.matrix.data, pureState(tensorKet(fockKet(q, 1), fockKet(f, 2))).matrix.data, { rtol: 0 });
    const th = thermalState(f, 0.7);
    expectClose(tensorState(th, th).matrix.data, denseKron(th.matrix, th.matrix).data, { rtol: 0 });
  });

  it('rejects an empty argument list', () => {
    expect(() => tensorState()).toThrow("tensorState: argument 'rhos' must hold at least one DensityMatrix, got none");
  });
});
