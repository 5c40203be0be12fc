import { describe, expect, it } from 'vitest';
import { currentPhaseHistogram } from './current-phase-histogram';
import { maxRelativePhase } from './max-relative-phase';
import { relativePhaseDistribution } from './relative-phase-distribution';
import { coherentKet, kronKet, periodicAngles, pure } from './test-support/states';
import { heterodynePair, measuredPhaseDifferenceLaw } from './test-support/heterodyne-pairs';
import type { HeterodynePair } from './test-support/heterodyne-pairs';

describe('currentPhaseHistogram', () => {
  it('bins arg(I_B/I_A) on (−π, π] (doc example, bin edges, the sign of Eq. 4.15)', () => {
    const h = currentPhaseHistogram(Float64Array.of(1, 0, 1, 0), Float64Array.of(Math.SQRT1_2, Math.SQRT1_2, -1, 0), { bins: 4 });
    expect(Array.from(h.counts)).toEqual([0, 0, 1, 1]);
    expect(h.samples).toBe(2);
    // π (from I_B = −1 and from atan2's −π, I_B = −1 − 0i) falls in the last bin; π/2 in bin 2 (right-closed)
    const edges = currentPhaseHistogram(Float64Array.of(1, 0, 1, 0, 1, 0), Float64Array.of(-1, -0, 0, 1, 1, 0.1), { bins: 4 });
    expect(Array.from(edges.counts)).toEqual([0, 0, 2, 1]);
    // α = r e^{−iφ}: φ_A = 0.5, φ_B = 0 gives I_A = e^{−0.5i}, I_B = 1, and φ^m_AB = φ_A − φ_B = +0.5
    const sign = currentPhaseHistogram(Float64Array.of(Math.cos(0.5), -Math.sin(0.5)), Float64Array.of(1, 0), { bins: 8 });
    expect(sign.counts[4]).toBe(1); // (0, π/4]
    // a zero current has no phase: skipped
    expect(currentPhaseHistogram(Float64Array.of(0, 0, 1, 0), Float64Array.of(1, 0, 1, 0), { bins: 2 }).samples).toBe(1);
  });

  it('peaks where Q(φ_AB) of Eq. (4.11) peaks, for currents √κ⟨a⟩, √κ⟨b⟩ of a coherent pair (sign by construction)', () => {
    // |α⟩⊗|β⟩ with α = r e^{−iφ_A}, β = r e^{−iφ_B}, φ_A = 2, φ_B = −0.9: φ_AB = 2.9
    const [phiA, phiB, r, N] = [2, -0.9, 1.5, 14];
    const alpha = [r * Math.cos(phiA), -r * Math.sin(phiA)];
    const beta = [r * Math.cos(phiB), -r * Math.sin(phiB)];
    const rho = pure(kronKet(coherentKet(alpha[0], alpha[1], N), coherentKet(beta[0], beta[1], N)), [N, N]);
    const phis = periodicAngles(720);
    const q = maxRelativePhase(relativePhaseDistribution(rho, phis), phis);
    const wrapped = (x: number) => Math.atan2(Math.sin(x), Math.cos(x));
    expect(Math.abs(wrapped(q.argmax - 2.9))).toBeLessThan(1e-3);
    // noise-free currents (⟨a⟩ = α, ⟨b⟩ = β): every sample in the bin of φ_AB = 2.9, not of −2.9
    const h = currentPhaseHistogram(Float64Array.of(alpha[0], alpha[1]), Float64Array.of(beta[0], beta[1]), { bins: 360 });
    const bin = h.counts.indexOf(1);
    expect(Math.abs(wrapped(h.centers[bin] - q.argmax))).toBeLessThan(Math.PI / 360 + 1e-3);
  });

  it('refuses bad input by name', () => {
    const a = Float64Array.of(1, 0);
    expect(() => currentPhaseHistogram(Float64Array.of(1), a, { bins: 2 })).toThrow(/'currentA'/);
    expect(() => currentPhaseHistogram(a, Float64Array.of(1, 0, 1, 0), { bins: 2 })).toThrow(/'currentB' must have the length/);
    expect(() => currentPhaseHistogram(a, a, { bins: 0 })).toThrow(/'bins'/);
    expect(() => currentPhaseHistogram(a, Float64Array.of(NaN, 0), { bins: 2 })).toThrow(/'currentB' must be finite, got NaN at sample 0/);
  });

  it('approaches the closed-form law of φ^m_AB with noise, its distance shrinking like its own 1/√samples error', () => {
    // SNR per sample κr²Δt = 1 (A) and 2 (B): the detector noise broadens the law visibly
    const p: HeterodynePair = { rA: 10, rB: Math.sqrt(200), kappa: 1, dt: 0.01, mu: 1, k: 2 };
    const bins = 24;
    const law = measuredPhaseDifferenceLaw(p, bins);
    let norm = 0;
    for (const v of law) norm += (v * 2 * Math.PI) / bins;
    expect(norm).toBeCloseTo(1, 12);
    const distances: number[] = [];
    for (const [n, seed] of [[4000, 1], [16000, 2], [64000, 3]]) {
      const { currentA, currentB } = heterodynePair(p, n, seed);
      const h = currentPhaseHistogram(currentA, currentB, { bins });
      // χ² with the run's own per-bin errors: consistent with its statistics at every size
      // (mean ≈ bins − 1, sd ≈ √(2·bins)); a law off by a fixed amount makes χ² grow ∝ samples
      let chi2 = 0;
      let d2 = 0;
      for (let k = 0; k < bins; k++) {
        const z = (h.density[k] - law[k]) / h.densityError[k];
        chi2 += z * z;
        d2 += ((h.density[k] - law[k]) ** 2 * 2 * Math.PI) / bins;
      }
      expect(chi2).toBeLessThan(bins + 5 * Math.sqrt(2 * bins));
      distances.push(Math.sqrt(d2));
    }
    // 16× the samples: the L2 distance drops by ≈ 4 (allowing its χ-fluctuation: at least by 2)
    expect(distances[2]).toBeLessThan(distances[0] / 2);
  });
});
