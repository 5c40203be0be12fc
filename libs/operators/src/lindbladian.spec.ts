import { describe, expect, it } from 'vitest';
import { csrFromTriplets, csrToDense, csrZeros } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { dagger, scaled } from './algebra';
import { destroy } from './fock-operators';
import { lindbladian } from './lindbladian';
import { fockSpace, spinHalfSpace } from './space';
import { sigmaMinus, sigmaPlus, sigmaZ } from './spin-half-operators';

describe('lindbladian', () => {
  const s = spinHalfSpace();
  const omega = 1.5;
  const gamma = 0.4;

  it('builds the normal form left = −iH − ½Σ r o2†o1, right = +iH − ½Σ r o2†o1, sandwiches (o1, o2†)', () => {
    const l = lindbladian(scaled(sigmaZ(s), omega / 2), [{ rate: gamma, jump: sigmaMinus(s) }]);
    // H = (ω/2)diag(−1, 1), σ+σ− = |1⟩⟨1|: left = diag(iω/2, −iω/2 − γ/2), all entries exact
    expectClose(csrToDense(l.left).data, [0, omega / 2, 0, 0, 0, 0, -gamma / 2, -omega / 2], { rtol: 0 });
    expectClose(csrToDense(l.right).data, [0, -omega / 2, 0, 0, 0, 0, -gamma / 2, omega / 2], { rtol: 0 });
    expect(l.sandwiches).toHaveLength(1);
    expect(l.sandwiches[0].rate).toBe(gamma);
    expectClose(csrToDense(l.sandwiches[0].left).data, csrToDense(sigmaMinus(s).matrix).data, { rtol: 0 });
    expectClose(csrToDense(l.sandwiches[0].right).data, csrToDense(sigmaPlus(s).matrix).data, { rtol: 0 });
    expect(l.dims).toEqual([2]);
    expect(l.dissipators).toHaveLength(1);
  });

  it('uses A = o1, B = o2† and a decay term o2†o1 for a cross dissipator, whose rate may be negative', () => {
    const f = fockSpace(3);
    const a = destroy(f);
    const ad = dagger(a);
    const l = lindbladian({ dims: [3], matrix: csrZeros(3, 3) }, [{ rate: -2, jump: a, jump2: ad }]);
    // o2†o1 = a·a, so left = right = −½(−2)a² = a²: the only entry is √2 at (0, 2)
    const left = csrToDense(l.left).data;
    expectClose(left[2 * 2], Math.SQRT2, { rtol: 1e-15 }); // √1·√2 rounded once
    expectClose(csrToDense(l.sandwiches[0].right).data, csrToDense(a.matrix).data, { rtol: 0 }); // (a†)† = a
  });

  it('accepts a Hamiltonian whose anti-Hermitian part is below 1e-12·max(1, ‖H‖_F)', () => {
    const h = { dims: [2], matrix: csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1 + 1e-14]) };
    expect(() => lindbladian(h, [])).not.toThrow();
  });

  it('rejects a negative rate of an ordinary dissipator, naming its index and rate', () => {
    expect(() =>
      lindbladian(sigmaZ(s), [
        { rate: 1, jump: sigmaMinus(s) },
        { rate: -0.5, jump: sigmaPlus(s) },
      ]),
    ).toThrow(
      'lindbladian: dissipators[1].rate must be ≥ 0 for an ordinary dissipator D[J], got -0.5 ' +
        '(only a cross dissipator with jump2 may have a negative rate)',
    );
  });

  it('rejects non-finite rates, also of cross dissipators', () => {
    expect(() => lindbladian(sigmaZ(s), [{ rate: Number.NaN, jump: sigmaMinus(s) }])).toThrow(
      'lindbladian: dissipators[0].rate must be a finite number, got NaN',
    );
    expect(() => lindbladian(sigmaZ(s), [{ rate: -Infinity, jump: sigmaMinus(s), jump2: sigmaPlus(s) }])).toThrow(
      'lindbladian: dissipators[0].rate must be a finite number, got -Infinity',
    );
  });

  it('rejects a non-Hermitian Hamiltonian with the size of the defect', () => {
    expect(() => lindbladian(sigmaPlus(s), [])).toThrow('lindbladian: hamiltonian is not Hermitian: max |H_ij − conj H_ji| = 1');
  });

  it('rejects operators whose dims differ from the Hamiltonian’s, naming which', () => {
    const f = fockSpace(2);
    expect(() => lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }, { rate: 1, jump: { dims: [1, 2], matrix: destroy(f).matrix } }])).toThrow(
      'lindbladian: dissipators[1].jump has dims [1, 2] but the hamiltonian has dims [2]; they must be equal',
    );
    expect(() => lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s), jump2: destroy(fockSpace(3)) }])).toThrow(
      'lindbladian: dissipators[0].jump2 has dims [3] but the hamiltonian has dims [2]; they must be equal',
    );
  });
});
