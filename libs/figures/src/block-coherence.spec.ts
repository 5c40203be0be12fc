import { steadyState } from '@qsync/integrators';
import { coupledSpins } from '@qsync/models';
import { create, destroy, embed, fockSpace, lindbladian, minus, num, plus, scaled, tensorSpace } from '@qsync/operators';
import { measuredRelativePhaseDistribution } from '@qsync/probes';
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

  it('with measuredRelativePhaseDistribution: the law of φ^m on a linear pair meets the Gaussian closed form, its error ∝ Δ² relative', () => {
    // Two modes with gain g·D[a†], watched loss κ·D[a], dissipative coupling V·D[a − b] and detuning
    // (δ/2)(a†a − b†b): linear, so the stationary state and the block modes are Gaussian and U(1)-
    // invariant. The heterodyne outcomes are circular complex Gaussians with E|β_A|² = 1 + C_AA,
    // E|β_B|² = 1 + C_BB, E[β̄_Aβ_B] = C_AB (all from blockCoherence), so E[e^{iφ}] =
    // (π/4)μ·₂F₁(½, ½; 2; |μ|²), μ = C_AB/√((1 + C_AA)(1 + C_BB)), exactly, whatever Δ. The law
    // (attenuated ρ + C_AB in the first harmonic) drops O(η²Δ·rates): relative error measured here
    // 4.9e-4 at κΔ = 0.1, 3.0e-3 at 0.25 (1.1e-2 at 0.5), ratio 6.1 ≈ (0.25/0.1)². Cutoff 16 with
    // ⟨a†a⟩ ≈ 0.4: truncation ~1e-8. The law with the state frozen over Δ (η⟨a†b⟩ for C_AB) is as
    // close here (2.3e-4, 1.3e-3): C_AB − η⟨a†b⟩ is itself relative O(Δ²), its O(Δ) part being
    // Δ·d⟨a†b⟩/dt = 0 in the steady state, so this test pins the order of the law and the block
    // moments, not the choice of C_AB over η⟨a†b⟩.
    const f = fockSpace(16);
    const sp = tensorSpace(f, f);
    const [a, b, ad, bd] = [embed(destroy(f), sp, 0), embed(destroy(f), sp, 1), embed(create(f), sp, 0), embed(create(f), sp, 1)];
    const [g, kappa, V, detuning] = [0.3, 1, 2, 0.5];
    const h = plus(scaled(embed(num(f), sp, 0), detuning / 2), scaled(embed(num(f), sp, 1), -detuning / 2));
    const l = lindbladian(h, [
      { rate: kappa, jump: a },
      { rate: kappa, jump: b },
      { rate: g, jump: ad },
      { rate: g, jump: bd },
      { rate: V, jump: minus(a, b) },
    ]);
    const rho = steadyState(l).rho;
    const angles = Float64Array.from({ length: 128 }, (_, k) => -Math.PI + (2 * Math.PI * k) / 128);
    const errors = [0.1, 0.25].map((blockTime) => {
      const c = (x: typeof a, y: typeof a, xd: typeof a, yd: typeof a) => blockCoherence(l, { a: x, b: y, adag: xd, bdag: yd, rate: kappa, blockTime, rhoSS: rho });
      const [cab, caa, cbb] = [c(a, b, ad, bd), c(a, a, ad, ad), c(b, b, bd, bd)];
      const norm = Math.sqrt((1 + caa.re) * (1 + cbb.re));
      const mu = { re: cab.re / norm, im: cab.im / norm };
      let term = 1;
      let f21 = 1;
      for (let k = 0; k < 200; k++) {
        term *= ((k + 0.5) ** 2 / ((k + 2) * (k + 1))) * (mu.re ** 2 + mu.im ** 2);
        f21 += term;
      }
      const p = measuredRelativePhaseDistribution(rho, angles, { efficiency: kappa * blockTime, blockCoherence: cab });
      let zr = 0;
      let zi = 0;
      for (let k = 0; k < angles.length; k++) {
        zr += (p[k] * Math.cos(angles[k]) * 2 * Math.PI) / angles.length;
        zi += (p[k] * Math.sin(angles[k]) * 2 * Math.PI) / angles.length;
      }
      const exact = { re: (Math.PI / 4) * mu.re * f21, im: (Math.PI / 4) * mu.im * f21 };
      return Math.hypot(zr - exact.re, zi - exact.im) / Math.hypot(exact.re, exact.im);
    });
    // a radial factor 1 for π/4 is off by 27 %, C_AB added without removing η⟨a†b⟩ by ~100 %
    expect(errors[0]).toBeLessThan(1e-3);
    expect(errors[1]).toBeLessThan(5e-3);
    // O(Δ²) relative: ×6.25 from Δ = 0.1 to 0.25 (an O(Δ) error would grow ×2.5)
    expect(errors[1] / errors[0]).toBeGreaterThan(5);
    expect(errors[1] / errors[0]).toBeLessThan(7.5);
  });

  it('refuses bad rate, blockTime and lags by name', () => {
    const base = { a: o.sigmaMinusA, b: o.sigmaMinusA, adag: o.sigmaPlusA, bdag: o.sigmaPlusA, rate: 1, blockTime: 0.25 };
    expect(() => blockCoherence(pair.lindbladian, { ...base, rate: 0 })).toThrow(/'rate'/);
    expect(() => blockCoherence(pair.lindbladian, { ...base, blockTime: Number.NaN })).toThrow(/'blockTime'/);
    expect(() => blockCoherence(pair.lindbladian, { ...base, lags: 4 })).toThrow(/'lags'/);
  });
});
