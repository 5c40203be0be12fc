import { describe, expect, it } from 'vitest';
import { denseMatmul, denseScale, expm } from '@qsync/linalg';
import type { DenseMatrix } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { expectKet } from './expect';
import { fockKet } from './fock-ket';
import type { Operator } from './operator';
import { fockSpace, spinHalfSpace, spinOneSpace } from './space';
import { dense } from './test-support/random-operators';
import { sigmaY, sigmaZ } from './spin-half-operators';
import { spinY, spinZ } from './spin-one-operators';
import { spinCoherentKet } from './spin-coherent-ket';

/** exp(−i·c·o) as a dense matrix. */
function rot(o: Operator, c: number): DenseMatrix {
  return expm(denseScale(dense(o), { re: 0, im: -c }));
}

const angles: [number, number][] = [
  [0, 0],
  [0.3, 1.1],
  [Math.PI / 2, -2],
  [2.5, 4],
  [Math.PI, 0.7],
];

describe('spinCoherentKet', () => {
  it('spin-1/2: equals exp(−iφσz/2) exp(−iθσy/2)|1⟩ (Eq. 4.31) built with expm', () => {
    const s = spinHalfSpace();
    const top: DenseMatrix = { rows: 2, cols: 1, data: fockKet(s, 1).data };
    for (const [theta, phi] of angles) {
      const ref = denseMatmul(rot(sigmaZ(s), phi / 2), denseMatmul(rot(sigmaY(s), theta / 2), top));
      // expm's Padé approximant is accurate to ~1e-15 relative on these norm-≤π matrices
      expectClose(spinCoherentKet(s, theta, phi).data, ref.data, { atol: 1e-14 });
    }
  });

  it('spin-1: equals exp(−iφSz) exp(−iθSy)|2⟩ (Eq. 5.4) built with expm', () => {
    const s = spinOneSpace();
    const top: DenseMatrix = { rows: 3, cols: 1, data: fockKet(s, 2).data };
    for (const [theta, phi] of angles) {
      const ref = denseMatmul(rot(spinZ(s), phi), denseMatmul(rot(spinY(s), theta), top));
      expectClose(spinCoherentKet(s, theta, phi).data, ref.data, { atol: 1e-14 }); // as above
    }
  });

  it('points along (θ, φ): ⟨σz⟩ = cos θ, ⟨Sz⟩ = cos θ, normalised', () => {
    const theta = 1.2;
    const h = spinCoherentKet(spinHalfSpace(), theta, 0.4);
    expectClose(expectKet(sigmaZ(spinHalfSpace()), h).re, Math.cos(theta), { atol: 1e-15 }); // one rounding each
    const o = spinCoherentKet(spinOneSpace(), theta, 0.4);
    expectClose(expectKet(spinZ(spinOneSpace()), o).re, Math.cos(theta), { atol: 1e-15 });
  });

  it('rejects other spaces and non-finite angles', () => {
    expect(() => spinCoherentKet(fockSpace(2), 0, 0)).toThrow(
      "spinCoherentKet: argument 'space' must be a 'spin-1/2' or 'spin-1' space, got a 'fock' space",
    );
    expect(() => spinCoherentKet(spinHalfSpace(), Number.NaN, 0)).toThrow("spinCoherentKet: argument 'theta' must be a finite number, got NaN");
    expect(() => spinCoherentKet(spinHalfSpace(), 0, Infinity)).toThrow("spinCoherentKet: argument 'phi' must be a finite number, got Infinity");
  });
});
