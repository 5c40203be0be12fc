import { steadyState } from '@qsync/integrators';
import { coupledSpins } from '@qsync/models';
import { scaled } from '@qsync/operators';
import { describe, expect, it } from 'vitest';
import { blockCoherence } from './block-coherence';

// spin A of an uncoupled pair (V = 0): H = (δ/4)σz_A, γ+D[σ+] + γ−D[σ−]; ⟨σ+(τ)σ−⟩ = p e^{sτ} with
// p = γ+/Γ, s = iω₀ − Γ/2 (ω₀ = δ/2 up to the sign convention, which a real C does not see)
const GAMMA_PLUS = 0.5;
const GAMMA_MINUS = 1;
const DELTA = 4;
const pair = coupledSpins({ delta: DELTA, V: 0, gammaPlus: GAMMA_PLUS, gammaMinus: GAMMA_MINUS });
const o = pair.operators;

/** (rate/Δ)·p·[F(s) + F(s̄)], F(s) = ∫_0^Δ(Δ − τ)e^{sτ}dτ = (e^{sΔ} − 1 − sΔ)/s² (real). */
function closedForm(rate: number, delta: number): number {
  const g = GAMMA_PLUS + GAMMA_MINUS;
  const [sr, si] = [-g / 2, DELTA / 2];
  // (e^{sΔ} − 1 − sΔ)/s², complex arithmetic by hand
  const er = Math.exp(sr * delta) * Math.cos(si * delta) - 1 - sr * delta;
  const ei = Math.exp(sr * delta) * Math.sin(si * delta) - si * delta;
  const [s2r, s2i] = [sr * sr - si * si, 2 * sr * si];
  const den = s2r * s2r + s2i * s2i;
  const fRe = (er * s2r + ei * s2i) / den;
  return ((rate * (GAMMA_PLUS / g)) / delta) * 2 * fRe;
}

describe('blockCoherence', () => {
  it('equals the closed form of one spin’s block coherence, real and rotated by a phase', () => {
    for (const blockTime of [0.1, 0.25, 1]) {
      const expected = closedForm(GAMMA_MINUS, blockTime);
      const c = blockCoherence(pair.lindbladian, { a: o.sigmaMinusA, b: o.sigmaMinusA, adag: o.sigmaPlusA, bdag: o.sigmaPlusA, rate: GAMMA_MINUS, blockTime });
      // Simpson on 200 intervals of a smooth integrand: ~1e-9 relative; a (Δ − |τ|) weight replaced by Δ
      // moves C by ~Δ·rates, 10 % here
      expect(Math.abs(c.re - expected)).toBeLessThan(1e-8 * expected);
      expect(Math.abs(c.im)).toBeLessThan(1e-10);
      // b = e^{iθ}σ−: ⟨a†(τ)b⟩ = e^{iθ}⟨σ+(τ)σ−⟩ and conj⟨b†(τ)a⟩ = conj(e^{−iθ}⟨σ+(τ)σ−⟩), so C = e^{iθ}·C₀
      // (the τ < 0 half's imaginary part added instead of subtracted gives Im C = 2e-3 above, checked;
      // the weight (Δ − |τ|) replaced by Δ fails the first assertion)
      const theta = Math.PI / 3;
      const rot = { re: Math.cos(theta), im: Math.sin(theta) };
      const rotated = blockCoherence(pair.lindbladian, {
        a: o.sigmaMinusA,
        b: scaled(o.sigmaMinusA, rot),
        adag: o.sigmaPlusA,
        bdag: scaled(o.sigmaPlusA, { re: rot.re, im: -rot.im }),
        rate: GAMMA_MINUS,
        blockTime,
        rhoSS: steadyState(pair.lindbladian).rho,
      });
      expect(Math.abs(rotated.re - rot.re * expected)).toBeLessThan(1e-8 * expected);
      expect(Math.abs(rotated.im - rot.im * expected)).toBeLessThan(1e-8 * expected);
    }
    // short blocks: C → rate·Δ·⟨σ+σ−⟩ = Δ/3
    const short = blockCoherence(pair.lindbladian, { a: o.sigmaMinusA, b: o.sigmaMinusA, adag: o.sigmaPlusA, bdag: o.sigmaPlusA, rate: 1, blockTime: 1e-4 });
    expect(Math.abs(short.re - 1e-4 / 3)).toBeLessThan(1e-4 * 1e-3);
  });

  it('refuses bad rate, blockTime and lags by name', () => {
    const base = { a: o.sigmaMinusA, b: o.sigmaMinusA, adag: o.sigmaPlusA, bdag: o.sigmaPlusA, rate: 1, blockTime: 0.25 };
    expect(() => blockCoherence(pair.lindbladian, { ...base, rate: 0 })).toThrow(/'rate'/);
    expect(() => blockCoherence(pair.lindbladian, { ...base, blockTime: Number.NaN })).toThrow(/'blockTime'/);
    expect(() => blockCoherence(pair.lindbladian, { ...base, lags: 4 })).toThrow(/'lags'/);
  });
});
