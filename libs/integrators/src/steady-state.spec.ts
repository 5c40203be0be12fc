import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import {
  lindbladian,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaX,
  sigmaZ,
  spinHalfSpace,
  expect as expectValue,
} from '@qsync/operators';
import { steadyState } from './steady-state';
import { vdpPair } from './test-support/vdp-pair';

describe('steadyState', () => {
  it('gives the closed-form populations of a pumped, decaying two-level system', () => {
    // γ+ D[σ+] + γ− D[σ−] (a rate equation): p1 = γ+/(γ+ + γ−), p0 = γ−/(γ+ + γ−), no coherence.
    const s = spinHalfSpace();
    const l = lindbladian(scaled(sigmaZ(s), 0.3), [
      { rate: 0.4, jump: sigmaPlus(s) },
      { rate: 1.1, jump: sigmaMinus(s) },
    ]);
    const { rho, residual, method } = steadyState(l);
    expect(method).toBe('direct');
    expectClose(rho.matrix.data[2 * 3], 0.4 / 1.5, { rtol: 1e-14 });
    expectClose(rho.matrix.data[0], 1.1 / 1.5, { rtol: 1e-14 });
    expect(residual).toBeLessThan(1e-14);
  });

  it('matches the driven, damped two-level closed form (optical Bloch equations)', () => {
    // H = (Ω/2)σx, D[σ−] at rate γ, on resonance: ρ11 = (Ω²/4)/(γ²/4 + Ω²/2)  (|1> is the upper level).
    const s = spinHalfSpace();
    const O = 0.9;
    const g = 0.6;
    const { rho } = steadyState(lindbladian(scaled(sigmaX(s), O / 2), [{ rate: g, jump: sigmaMinus(s) }]));
    expectClose(rho.matrix.data[2 * 3], O * O / 4 / (g * g / 4 + O * O / 2), { rtol: 1e-13 });
  });

  it('agrees between the direct and the iterative method on the coupled vdP pair', () => {
    const { l, a, b } = vdpPair(6);
    const direct = steadyState(l, { method: 'direct' });
    const iterative = steadyState(l, { method: 'iterative', tol: 1e-13 });
    expect(iterative.method).toBe('iterative');
    // The population block of two modes with cutoff 6 has Σ_s c(s)² = 146 unknowns (s = n_A + n_B).
    expect(direct.blockSize).toBe(146);
    expectClose(direct.rho.matrix.data, iterative.rho.matrix.data, { atol: 1e-11 });
    const c = expectValue(plus(a, b), direct.rho);
    expectClose([c.re, c.im], [0, 0], { atol: 1e-14 }); // U(1) symmetry: <a> = <b> = 0
    expect(direct.residual).toBeLessThan(1e-12);
  });

  it("picks GMRES on its own for a large block and agrees with the direct solve to rounding", () => {
    // Cutoff 16: the band LU of the 2736-unknown population block would cost ~4e8 operations.
    const { l } = vdpPair(16);
    const auto = steadyState(l);
    expect(auto.method).toBe('iterative');
    const direct = steadyState(l, { method: 'direct' });
    // Default GMRES tolerance 1e-14 relative: ‖Lρ‖ lands at the level of the direct solve.
    expect(auto.residual).toBeLessThan(1e-13);
    expectClose(auto.rho.matrix.data, direct.rho.matrix.data, { atol: 1e-12 });
    // When GMRES fails, 'auto' falls back to the direct solve; 'iterative' reports the failure.
    expect(steadyState(l, { maxIterations: 1 }).method).toBe('direct');
    expect(() => steadyState(l, { method: 'iterative', maxIterations: 1 })).toThrow(/GMRES did not converge in 1 iterations/);
  });

  it('refuses a Liouvillian whose steady state is not unique', () => {
    const s = spinHalfSpace();
    expect(() => steadyState(lindbladian(scaled(sigmaZ(s), 1), [{ rate: 1, jump: sigmaZ(s) }]))).toThrow(
      /not unique: the populations fall into 2 blocks/,
    );
  });

  it('refuses bad options by name', () => {
    const { l } = vdpPair(2);
    expect(() => steadyState(l, { method: 'lu' as never })).toThrow(/'method' must be 'auto', 'direct' or 'iterative', got 'lu'/);
    expect(() => steadyState(l, { tol: 0 })).toThrow(/'tol' must be > 0/);
    expect(() => steadyState(l, { maxIterations: 1.5 })).toThrow(/'maxIterations' must be a positive integer/);
  });
});
