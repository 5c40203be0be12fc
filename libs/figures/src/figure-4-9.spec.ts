import { describe, expect, it } from 'vitest';
import { figure49 } from './figure-4-9';
import { check, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 4.9', () => {
  it('shows the spectra of two spins: Lorentzians at ±δ/2 when uncoupled, pulled together by V', async () => {
    const { data } = await runFigure(figure49, { scale: 0.2 });
    expect(numberParameter(data, 'frequencies')).toBe(49);
    expect(linePanel(data, 'a').series).toHaveLength(9);
    // closed form of one spin (Eqs. 4.26–4.29) against the resolvent: rounding; a wrong weight
    // (⟨σ+σ−⟩ = γ−/Γ instead of γ+/Γ) or width (Γ instead of Γ/2) is O(1)
    expect(check(data, 'vs the Lorentzians').value).toBeLessThan(1e-12);
    expect(check(data, 'Fourier route vs resolvent').value).toBeLessThan(1e-7);
    expect(check(data, 'S_B(ω) vs S_A(−ω)').value).toBeLessThan(1e-12);
    expect(check(data, 'peaks approach').value).toBe(0);
  });

  it('refuses a bad scale', () => {
    expect(() => figure49.run({ scale: 1.5 })).toThrow(/'scale'/);
  });
});
