/**
 * Cross-library validation against QuTiP 4.7.1 on two coupled spins, thesis Eq. (4.35).
 * Fixture: test/fixtures/qutip-spins.json, made by tools/reference/qutip_spins.py (QuTiP's direct
 * steady state, cross-checked in the script by its eigen method to ~3e-16), in qsync's basis.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { expect as expectValue } from '@qsync/operators';
import { steadyState } from '@qsync/integrators';
import { coupledSpins } from '@qsync/models';
import fixture from './fixtures/qutip-spins.json' with { type: 'json' };

describe.each(Object.entries(fixture.cases))('two coupled spins (Eq. 4.35) vs QuTiP steadystate: %s', (_, c) => {
  const pair = coupledSpins(c.params);

  it('the steady-state density matrix agrees entry by entry to 1e-10', () => {
    // Both solve a 16-dimensional linear system to rounding (QuTiP's two methods agree to 3e-16);
    // 1e-10 is the bound.
    const { rho, residual } = steadyState(pair.lindbladian);
    const re = Array.from({ length: 16 }, (_, k) => rho.matrix.data[2 * k]);
    const im = Array.from({ length: 16 }, (_, k) => rho.matrix.data[2 * k + 1]);
    expectClose(re, c.rho_re, { atol: 1e-10 });
    expectClose(im, c.rho_im, { atol: 1e-10 });
    expect(residual).toBeLessThan(1e-12);
  });

  it('⟨σ+_Aσ−_B⟩ and s_z agree to 1e-10', () => {
    const { rho } = steadyState(pair.lindbladian);
    const ab = expectValue(pair.operators.sigmaPlusASigmaMinusB, rho);
    expectClose([ab.re, ab.im], c.expect.sigmaPlusASigmaMinusB, { atol: 1e-10 });
    expectClose(expectValue(pair.operators.sigmaZA, rho).re, c.expect.sigmaZA[0], { atol: 1e-10 });
    expectClose(expectValue(pair.operators.sigmaZB, rho).re, c.expect.sigmaZB[0], { atol: 1e-10 });
  });
});
