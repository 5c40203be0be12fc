import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { phaseDistribution } from './phase-distribution';
import type { DensityInput } from './density-input';
import { coherentKet, fockKet, mix, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

const TWO_PI = 2 * Math.PI;

/** Trapezoid ∫₀^{2π} on a periodic grid: exact for trigonometric polynomials of degree < q.length. */
function periodicIntegral(q: Float64Array): number {
  return (q.reduce((s, v) => s + v, 0) * TWO_PI) / q.length;
}

describe('phaseDistribution', () => {
  it('runs the doc example', () => {
    const data = Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0);
    const plus = { dims: [2], matrix: { rows: 2, cols: 2, data } };
    expectClose(phaseDistribution(plus, [0]), [0.3002023389788344], { rtol: 1e-15 });
  });

  it('is flat 1/(2π) for every Fock state and for Fock mixtures', () => {
    const phis = periodicAngles(9, 0.3);
    const flat = new Float64Array(9).fill(1 / TWO_PI);
    for (let k = 0; k < 6; k++) {
      // Only s_0 = ρ_kk·Γ(1+k)/k! = 1 survives: exp of log-gamma differences, a few ulps.
      expectClose(phaseDistribution(pure(fockKet(k, 6), [6]), phis), flat, { rtol: 1e-14 });
    }
    const fock = (k: number) => pure(fockKet(k, 4), [4]);
    const m = mix([0.2, 0.5, 0.3], [fock(0), fock(1), fock(3)]);
    expectClose(phaseDistribution(m, phis), flat, { rtol: 1e-14 });
  });

  it('gives 1/(2π) + |ρ₁₀| cos(φ + arg ρ₁₀)/(2√π) for a two-level state', () => {
    // ρ = [[p, c̄], [c, 1 − p]] with ρ₁₀ = c: the k = ±1 terms carry Γ(3/2)/√(1!0!) = √π/2, so
    // Q = (1/2π)(1 + 2·(√π/2)·Re(c e^{iφ})).
    const p = 0.6;
    const c = { re: 0.3 * Math.cos(0.7), im: 0.3 * Math.sin(0.7) };
    const rho: DensityInput = {
      dims: [2],
      matrix: { rows: 2, cols: 2, data: Float64Array.of(p, 0, c.re, -c.im, c.re, c.im, 1 - p, 0) },
    };
    const phis = periodicAngles(16, -1);
    const expected = Array.from(
      phis,
      (f) => 1 / TWO_PI + (0.3 * Math.cos(f + 0.7)) / (2 * Math.sqrt(Math.PI)),
    );
    expectClose(phaseDistribution(rho, phis), expected, { rtol: 1e-14 });
  });

  it('peaks at φ = −arg α₀ for a coherent state, with the analytic peak height', () => {
    // α₀ = 2e^{0.9i}; α = r e^{−iφ} puts the peak at φ = −0.9 (a sign slip would put it at +0.9).
    // On that ray Q(φ) = (1/π)∫ r e^{−(r−a)²} dr = (1/π)[e^{−a²}/2 + a(√π/2)(1 + erf a)].
    // N = 40 leaves a Poisson(4) tail < 1e−25; the Fock sum has ~1600 O(1)-bounded terms: 1e−13.
    const theta = 0.9;
    const a = 2;
    const rho = pure(coherentKet(a * Math.cos(theta), a * Math.sin(theta), 40), [40]);
    const erf2 = 0.9953222650189527;
    const peak = (Math.exp(-a * a) / 2 + ((a * Math.sqrt(Math.PI)) / 2) * (1 + erf2)) / Math.PI;
    const [q0, qPlus] = phaseDistribution(rho, [-theta, theta]);
    expectClose(q0, peak, { rtol: 1e-13 });
    expect(qPlus).toBeLessThan(0.05 * q0);
    // Symmetric about the peak, lower beside it.
    const d = [0.05, 0.3, 1.1];
    const left = phaseDistribution(rho, d.map((x) => -theta - x));
    const right = phaseDistribution(rho, d.map((x) => -theta + x));
    expectClose(left, right, { rtol: 1e-13 });
    for (const v of left) expect(v).toBeLessThan(q0);
  });

  it('integrates to Tr ρ over one period', () => {
    // Random state with N = 7 and trace 0.7: Q is a trigonometric polynomial of degree 6, so the
    // 16-point periodic trapezoid is exact up to rounding.
    const base = randomDensity([7], seededUniform(5));
    const data = base.matrix.data.map((v) => 0.7 * v);
    const q = phaseDistribution({ dims: [7], matrix: { ...base.matrix, data } }, periodicAngles(16));
    expectClose(periodicIntegral(q), 0.7, { rtol: 1e-14 });
  });

  it('handles N = 200 via log-gamma (no factorial overflow)', () => {
    // Coherent state with |α₀| = 10 (⟨n⟩ = 100, N = 200 leaves a tail ~1e−17): finite everywhere,
    // normalised (degree-199 trigonometric polynomial, 400 points: exact), peaked at −arg α₀.
    const rho = pure(coherentKet(10 * Math.cos(-2), 10 * Math.sin(-2), 200), [200]);
    const phis = periodicAngles(400);
    const q = phaseDistribution(rho, phis);
    expect(q.every(Number.isFinite)).toBe(true);
    // 40000 weighted terms summed per coefficient: 1e−12 of headroom for rounding.
    expectClose(periodicIntegral(q), 1, { rtol: 1e-12 });
    let best = 0;
    for (let i = 1; i < q.length; i++) if (q[i] > q[best]) best = i;
    expectClose(phis[best], 2, { atol: TWO_PI / 400 });
  });

  it('rejects bad input with messages naming the parameter', () => {
    const rho = pure(fockKet(0, 2), [2]);
    expect(() => phaseDistribution({ dims: [1, 2], matrix: rho.matrix }, [0])).toThrow(
      /phaseDistribution: argument 'rho' must be a single-mode density matrix \(dims of length 1\), got dims = \[1, 2\]/,
    );
    expect(() =>
      phaseDistribution({ dims: [2], matrix: { rows: 2, cols: 1, data: new Float64Array(4) } }, [0]),
    ).toThrow(/phaseDistribution: argument 'rho.matrix' must be square, got 2×1/);
    expect(() => phaseDistribution(rho, [])).toThrow(/phaseDistribution: argument 'phis' must not be empty/);
    expect(() => phaseDistribution(rho, [Infinity])).toThrow(
      /'phis' must hold finite numbers, got Infinity at index 0/,
    );
  });
});
