import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { times } from './algebra';
import { dickeBasisState } from './dicke-basis-state';
import { dickeExpect } from './dicke-expect';
import { dickeSpace } from './dicke-space';
import { dickeSpin } from './dicke-spin';

describe('dickeExpect', () => {
  it('gives the angular-momentum values on Dicke basis states: ⟨S+S−⟩ = j(j+1) − m(m−1), ⟨Sz⟩ = m', () => {
    // (the comparison with the full 2^N tensor-product expectations is in dicke-spin-moments.spec.ts)
    const s = dickeSpace(5);
    const spsm = times(dickeSpin(s, '+'), dickeSpin(s, '-'));
    for (const [j, m] of [
      [2.5, -2.5],
      [2.5, 0.5],
      [1.5, 1.5],
      [0.5, -0.5],
    ]) {
      const rho = dickeBasisState(s, j, m);
      // products of square-root matrix elements: exact to a few ulps
      const a = dickeExpect(spsm, rho);
      expectClose([a.re, a.im], [j * (j + 1) - m * (m - 1), 0], { atol: 1e-14 });
      const z = dickeExpect(dickeSpin(s, 'z'), rho);
      expectClose([z.re, z.im], [m, 0], { atol: 1e-15 });
    }
  });

  it('refuses an operator of the wrong size and one that couples different total spins', () => {
    const s = dickeSpace(2); // j = 1 (states 0, 1, 2) and j = 0 (state 3)
    const rho = dickeBasisState(s, 1, 0);
    expect(() => dickeExpect(dickeSpin(dickeSpace(3), 'z'), rho)).toThrow(/^dickeExpect: argument 'op' must be a collective operator with dims \[4\]/);
    const mixing = { dims: [4], matrix: { rows: 4, cols: 4, rowPtr: Int32Array.of(0, 1, 1, 1, 1), colIdx: Int32Array.of(3), data: Float64Array.of(1, 0) } };
    expect(() => dickeExpect(mixing, rho)).toThrow(/^dickeExpect: argument 'op' couples different total spins j \(entry 0, 3\)/);
  });
});
