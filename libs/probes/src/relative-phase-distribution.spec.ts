import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { relativePhaseDistribution } from './relative-phase-distribution';
import { phaseDistribution } from './phase-distribution';
import type { DensityInput } from './density-input';
import {
  coherentKet,
  fockKet,
  kronDensity,
  kronKet,
  periodicAngles,
  pure,
  randomDensity,
  seededUniform,
} from './test-support/states';

const TWO_PI = 2 * Math.PI;

describe('relativePhaseDistribution', () => {
  it('runs the doc example', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
    expectClose(
      relativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0]),
      [0.2841549430918954],
      { rtol: 1e-15 },
    );
  });

  it('is flat 1/(2π) for coherent ⊗ Fock', () => {
    // A Fock state has no phase, so neither has the difference. Only k = 0 terms survive and they
    // sum to Tr ρ = ‖ψ‖² (1 up to the truncated Poisson(1.69) tail < 1e−20 at N = 20).
    const psi = kronKet(coherentKet(1.2, 0.5, 20), fockKet(2, 4));
    const phis = periodicAngles(10, 0.2);
    const flat = new Float64Array(10).fill(1 / TWO_PI);
    expectClose(relativePhaseDistribution(pure(psi, [20, 4]), phis), flat, { rtol: 1e-14 });
  });

  it('gives 1/(2π) + (|c|/4) cos(φ_AB + arg c) for the coherence c = ⟨1,0|ρ|0,1⟩', () => {
    // ρ = p|1,0⟩⟨1,0| + (1−p)|0,1⟩⟨0,1| + c|1,0⟩⟨0,1| + h.c. in dims [3, 2] (unequal cut-offs catch
    // index-order slips). The pair (nα, nβ, mα, mβ) = (1, 0, 0, 1) has k = 1 and weight
    // Γ(3/2)²/(2π) = (π/4)/(2π) = 1/8; with its conjugate, 2·Re(c e^{iφ})/8 = (|c|/4) cos(φ + arg c).
    const p = 0.55;
    const cAbs = 0.4;
    const cArg = -2.2;
    const dim = 6;
    const data = new Float64Array(2 * dim * dim);
    const i10 = 1 * 2 + 0;
    const i01 = 0 * 2 + 1;
    data[2 * (i10 * dim + i10)] = p;
    data[2 * (i01 * dim + i01)] = 1 - p;
    data[2 * (i10 * dim + i01)] = cAbs * Math.cos(cArg);
    data[2 * (i10 * dim + i01) + 1] = cAbs * Math.sin(cArg);
    data[2 * (i01 * dim + i10)] = cAbs * Math.cos(cArg);
    data[2 * (i01 * dim + i10) + 1] = -cAbs * Math.sin(cArg);
    const rho: DensityInput = { dims: [3, 2], matrix: { rows: dim, cols: dim, data } };
    const phis = periodicAngles(24, -0.5);
    const expected = Array.from(phis, (f) => 1 / TWO_PI + (cAbs / 4) * Math.cos(f + cArg));
    expectClose(relativePhaseDistribution(rho, phis), expected, { rtol: 1e-14 });
  });

  it('peaks at φ_AB = arg β₀ − arg α₀ for coherent ⊗ coherent, symmetrically', () => {
    // α = r e^{−iφ}: φ_A = −arg α₀, φ_B = −arg β₀. N = 25 per mode: Poisson(2.25) tail < 1e−15.
    const psi = kronKet(
      coherentKet(1.5 * Math.cos(0.4), 1.5 * Math.sin(0.4), 25),
      coherentKet(1.2 * Math.cos(1.5), 1.2 * Math.sin(1.5), 25),
    );
    const rho = pure(psi, [25, 25]);
    const peak = 1.5 - 0.4;
    const d = [0.1, 0.5, 1.7];
    const [top] = relativePhaseDistribution(rho, [peak]);
    const left = relativePhaseDistribution(rho, d.map((x) => peak - x));
    const right = relativePhaseDistribution(rho, d.map((x) => peak + x));
    // ~25³ terms per coefficient, O(1) each: 1e−13 for rounding.
    expectClose(left, right, { rtol: 1e-13 });
    for (const v of left) expect(v).toBeLessThan(top);
  });

  it('is the circular convolution of the one-mode distributions for a product state', () => {
    // For ρ_A ⊗ ρ_B the phases are independent: Q(φ_AB) = ∫ dφ_B Q_A(φ_AB + φ_B) Q_B(φ_B), an
    // independent route through phaseDistribution. Both factors are trigonometric polynomials of
    // degree ≤ 4, so a 16-point trapezoid is exact.
    const ra = randomDensity([4], seededUniform(21));
    const rb = randomDensity([5], seededUniform(22));
    const phis = periodicAngles(7, 0.05);
    const nodes = periodicAngles(16);
    const qb = phaseDistribution(rb, nodes);
    const expected = Array.from(phis, (f) => {
      const qa = phaseDistribution(ra, nodes.map((x) => f + x));
      let s = 0;
      for (let j = 0; j < 16; j++) s += qa[j] * qb[j];
      return (s * TWO_PI) / 16;
    });
    expectClose(relativePhaseDistribution(kronDensity(ra, rb), phis), expected, { rtol: 1e-13 });
  });

  it('integrates to Tr ρ, and swapping the modes mirrors φ_AB', () => {
    // Random dims [3, 4] state with trace 0.7. Q has degree ≤ 2 → the 8-point trapezoid is exact.
    const base = randomDensity([3, 4], seededUniform(8));
    const data = base.matrix.data.map((v) => 0.7 * v);
    const rho: DensityInput = { dims: [3, 4], matrix: { ...base.matrix, data } };
    const q = relativePhaseDistribution(rho, periodicAngles(8));
    expectClose((q.reduce((s, v) => s + v, 0) * TWO_PI) / 8, 0.7, { rtol: 1e-14 });
    // SWAP: |a, b⟩ (index a·4 + b) ↦ |b, a⟩ (index b·3 + a) in dims [4, 3]; then Q'(φ) = Q(−φ).
    const sw = new Float64Array(data.length);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 4; b++)
        for (let c = 0; c < 3; c++)
          for (let e = 0; e < 4; e++) {
            const src = 2 * ((a * 4 + b) * 12 + (c * 4 + e));
            const dst = 2 * ((b * 3 + a) * 12 + (e * 3 + c));
            sw[dst] = data[src];
            sw[dst + 1] = data[src + 1];
          }
    const phis = [0.3, 1.9, 4];
    expectClose(
      relativePhaseDistribution({ dims: [4, 3], matrix: { rows: 12, cols: 12, data: sw } }, phis),
      relativePhaseDistribution(rho, phis.map((f) => -f)),
      { rtol: 1e-14 },
    );
  });

  it('rejects bad input with messages naming the parameter', () => {
    const one = pure(fockKet(0, 4), [4]);
    expect(() => relativePhaseDistribution(one, [0])).toThrow(
      /relativePhaseDistribution: argument 'rho' must be a two-mode density matrix \(dims of length 2\), got dims = \[4\]/,
    );
    expect(() => relativePhaseDistribution({ dims: [2, 3], matrix: one.matrix }, [0])).toThrow(
      /'rho.matrix' must be 6×6 to match dims \[2, 3\], got 4×4/,
    );
    expect(() =>
      relativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 2, data: new Float64Array(16) } }, [0]),
    ).toThrow(/'rho.matrix' must be square, got 4×2/);
    expect(() => relativePhaseDistribution({ dims: [2, 2], matrix: one.matrix }, [])).toThrow(
      /relativePhaseDistribution: argument 'phis' must not be empty/,
    );
  });
});
