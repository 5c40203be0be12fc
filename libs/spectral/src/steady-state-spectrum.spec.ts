import { describe, expect, it } from 'vitest';
import { steadyState } from '@qsync/integrators';
import { expect as expectation } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { steadyStateSpectrum } from './steady-state-spectrum';
import { regressionProblem } from './regression-problem';
import { spinLimitCycle, vanDerPolOscillator } from './test-support/quantum-models';

const linspace = (a: number, b: number, n: number) => Float64Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));

describe('steadyStateSpectrum', () => {
  // One spin (Eq. 4.26): ⟨σ+(τ)σ−⟩ = p e^{(iω₀ − Γ/2)τ}, p = ⟨σ+σ−⟩ = γ+/Γ, Γ = γ+ + γ− (Eqs. 4.27,
  // 4.28), so S(ω) = pΓ/((ω − ω₀)² + Γ²/4): a Lorentzian at +ω₀ (QuTiP's sign) of half width Γ/2.
  const w0 = 1.7;
  const gp = 0.4;
  const gm = 1.1;
  const G = gp + gm;
  const { l, sp, sm, sz } = spinLimitCycle(w0, gp, gm);
  const omega = linspace(-4, 6, 41);
  const lorentzian = omega.map((w) => ((gp / G) * G) / ((w - w0) ** 2 + G * G / 4));

  it('gives the Lorentzian of one spin, by both routes', () => {
    expectClose(steadyStateSpectrum(l, omega, sp, sm).density, lorentzian, { rtol: 1e-12 });
    // The τ-integration's error is absolute: ~1e-9 of the peak with the default tolerances.
    expectClose(steadyStateSpectrum(l, omega, sp, sm, { method: 'fourier' }).density, lorentzian, { rtol: 1e-8, atol: 1e-9 });
  });

  it('subtracts ⟨A⟩⟨B⟩ (no δ line at ω = 0) and solves at ω = 0 exactly', () => {
    // σz: ⟨σz(τ)σz⟩ − s_z² = (1 − s_z²)e^{−Γτ}, so S(ω) = 2(1 − s_z²)Γ/(ω² + Γ²), finite at ω = 0.
    const szSS = (gp - gm) / G; // Eq. (4.29)
    const w = Float64Array.of(-2, -1e-13, 0, 1e-13, 0.3, 2);
    const expected = w.map((x) => (2 * (1 - szSS * szSS) * G) / (x * x + G * G));
    expectClose(steadyStateSpectrum(l, w, sz, sz).density, expected, { rtol: 1e-11 });
    expectClose(steadyStateSpectrum(l, w, sz, sz, { method: 'fourier' }).density, expected, { rtol: 1e-8, atol: 1e-9 });
  });

  it('agrees between the resolvent and the Fourier route for a quantum vdP oscillator, on its U(1) block', () => {
    const osc = vanDerPolOscillator(10, { omega: 2, kappa1: 3, kappa2: 0.5, kappa: 1 });
    const w = linspace(-2, 6, 33);
    const r = steadyStateSpectrum(osc.l, w, osc.adag, osc.a).density;
    const f = steadyStateSpectrum(osc.l, w, osc.adag, osc.a, { method: 'fourier' }).density;
    const peak = Math.max(...r);
    for (let k = 0; k < w.length; k++) expect(Math.abs(r[k] - f[k])).toBeLessThan(1e-8 * peak);
    // Sum rule: ∫ S dω/2π = C(0) = ⟨a†a⟩ (⟨a⟩ = 0), by the trapezoidal rule on ω₀ ± 400 plus the
    // tails beyond, where S ≈ c/(ω − ω₀)² integrates to S(edge)·|edge − ω₀| on each side.
    const wide = linspace(-398, 402, 4001);
    const s = steadyStateSpectrum(osc.l, wide, osc.adag, osc.a).density;
    let area = s[0] * 400 + s[wide.length - 1] * 400;
    for (let k = 1; k < wide.length; k++) area += ((s[k] + s[k - 1]) / 2) * (wide[k] - wide[k - 1]);
    const n = expectation(osc.n, steadyState(osc.l).rho).re;
    expect(Math.abs(area / (2 * Math.PI) - n) / n).toBeLessThan(2e-5);
  });

  it('gives the same spectrum by band LU and by GMRES', () => {
    const osc = vanDerPolOscillator(12, { omega: 2, kappa1: 3, kappa2: 0.5, kappa: 1 });
    const w = linspace(-2, 6, 17);
    const band = steadyStateSpectrum(osc.l, w, osc.adag, osc.a, { solver: 'band-lu' }).density;
    // GMRES stops at a relative residual of 1e-13; the spectrum follows to ~1e-12
    expectClose(steadyStateSpectrum(osc.l, w, osc.adag, osc.a, { solver: 'gmres' }).density, band, { rtol: 1e-10 });
  });

  it('solves only the block of L that Bρ_ss lives in', () => {
    const osc = vanDerPolOscillator(10, { omega: 2, kappa1: 3, kappa2: 0.5, kappa: 1 });
    const p = regressionProblem('t', osc.l, osc.adag, osc.a, true, {});
    // a ρ_ss has entries ⟨n|aρ|n+1⟩ only: the 9 entries one excitation off the diagonal.
    expect(p.block.rows).toBe(9);
    expect(Array.from(p.idx)).toEqual(Array.from({ length: 9 }, (_, k) => k * 10 + k + 1));
  });

  it('refuses bad input by name', () => {
    expect(() => steadyStateSpectrum(l, [], sp, sm)).toThrow(/argument 'omega' must hold at least one/);
    expect(() => steadyStateSpectrum(l, [1, NaN], sp, sm)).toThrow(/argument 'omega' has a non-finite entry at 1/);
    expect(() => steadyStateSpectrum(l, [2, 1], sp, sm)).toThrow(/argument 'omega' must be strictly ascending/);
    const osc = vanDerPolOscillator(3, { omega: 1, kappa1: 1, kappa2: 1, kappa: 0 });
    expect(() => steadyStateSpectrum(l, [1], osc.adag, sm)).toThrow(/argument 'a' must be an operator on the space of 'l'/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { method: 'eig' as never })).toThrow(/option 'method' must be 'resolvent' or 'fourier'/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { method: 'fourier', rtol: -1 })).toThrow(/option 'rtol' must be a finite number > 0/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { solver: 'lu' as never })).toThrow(/option 'solver' must be 'auto', 'band-lu' or 'gmres'/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { tol: 0 })).toThrow(/option 'tol' must be a number in \(0, 1\)/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { decay: 2 })).toThrow(/option 'decay' must be a number in \(0, 1\)/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { rhoSS: osc.l as never })).toThrow(/option 'rhoSS' must be an 2×2 density matrix/);
    expect(() => steadyStateSpectrum(l, [1], sp, sm, { method: 'fourier', tauMax: 1 })).toThrow(/has decayed only to .* at τ = 1 \(option 'tauMax'\)/);
  });
});
