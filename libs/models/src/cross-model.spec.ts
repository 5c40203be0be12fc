// Models that must agree where their equations coincide: one convention per quantity (README,
// "Conventions"). Each comparison runs the same noise (stream 1 of the same noiseSeed) from the
// same initial state through two models, so a factor 2 in a coupling or √2 in a noise amplitude
// shows up path by path, not only in a statistic.
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { adler } from './adler';
import { arrayOf, collect } from './test-support/classical';
import { kuramoto } from './kuramoto';
import { noisyPhasePair } from './noisy-phase-pair';
import { nonreciprocalPhasePair } from './nonreciprocal-phase-pair';
import { twoPopulationKuramoto } from './two-population-kuramoto';

const times = [0, 0.5, 1, 2, 4];

describe('models that must agree', () => {
  it('noisyPhasePair (2.24) is nonreciprocalPhasePair (2.56) with V_AB = V_BA = V, bit for bit', async () => {
    // Same layout [φ_A, φ_B], same random initial phases (stream 0), same noise σ/√2 per phase
    // (stream 1), and the drifts δ/2 + (V/2) sin(φ_B − φ_A) are the same floating-point operations.
    const common = { delta: 0.7, sigma: 0.9, realizations: 64 };
    const pair = await collect(noisyPhasePair({ ...common, V: 1.3 }), times, { noiseSeed: 5 });
    const nonreciprocal = await collect(nonreciprocalPhasePair({ ...common, VAB: 1.3, VBA: 1.3 }), times, { noiseSeed: 5 });
    for (let k = 0; k < times.length; k++) {
      for (const name of ['phiAUnwrapped', 'phiBUnwrapped', 'phiAB']) {
        expect(Array.from(arrayOf(nonreciprocal[k], name))).toEqual(Array.from(arrayOf(pair[k], name)));
      }
    }
    // the runs are not trivially equal: the phases moved, and by different amounts per realization
    const moved = arrayOf(pair[4], 'phiAB').map((x, j) => x - arrayOf(pair[0], 'phiAB')[j]);
    expect(Math.min(...moved.map(Math.abs))).toBeGreaterThan(0);
    expect(new Set(moved).size).toBe(64);
  });

  it('the difference of noisyPhasePair without noise is adler (2.21): φ_A − φ_B = φ_AB, the same V', async () => {
    // (V/2) on each phase is V on the difference. SRA's stages are linear in the state, so the
    // difference of the pair's steps is adler's step, up to rounding (1e-15 per step, 400 steps).
    const q = { delta: 1.1, V: 1.6 };
    const dt = 0.01;
    const pair = await collect(noisyPhasePair({ ...q, phiA0: 0.3, phiB0: -0.2 }), times, { dt });
    const single = await collect(adler({ ...q, phi0: 0.5 }), times, { dt });
    for (let k = 0; k < times.length; k++) {
      const difference = arrayOf(pair[k], 'phiAUnwrapped')[0] - arrayOf(pair[k], 'phiBUnwrapped')[0];
      expectClose(difference, arrayOf(single[k], 'phiABUnwrapped')[0], { atol: 1e-12 });
    }
    // locked at arcsin(δ/V) = 0.76 by t = 4 from 0.5 (rate √(V² − δ²) = 1.16): 2V would lock at 0.35, V/2 slip
    expect(Math.abs(arrayOf(single[4], 'phiAB')[0] - Math.asin(q.delta / q.V))).toBeLessThan(0.05);
  });

  it('kuramoto with N = 2 is the pair (2.24) with the same V and δ = 0; the pair\'s σ is √2 times the per-phase σ', async () => {
    // Eq. (2.29) for N = 2: φ̇_1 = (V/2) sin(φ_2 − φ_1) + σξ_1, the pair (2.24) with σ_pair/√2 = σ.
    // The mean-field drift forms sin from a table and series (error ≤ 1e-15) where the pair calls
    // Math.sin: the paths agree to rounding, not bit for bit.
    const R = 32;
    const V = 1.4;
    const sigma = 1; // σ_pair = √2 exactly: √2/√2 = 1 in floating point
    const y0 = Float64Array.from({ length: 2 * R }, (_, k) => Math.sin(7.3 * k) * 3);
    const kur = await collect(kuramoto({ N: 2, V, sigma, realizations: R, observePhases: true }), times, { noiseSeed: 9, y0, dt: 0.02 });
    const pair = await collect(noisyPhasePair({ V, sigma: Math.SQRT2, realizations: R }), times, { noiseSeed: 9, y0, dt: 0.02 });
    for (let k = 0; k < times.length; k++) {
      const phases = arrayOf(kur[k], 'phasesUnwrapped');
      const a = arrayOf(pair[k], 'phiAUnwrapped');
      const b = arrayOf(pair[k], 'phiBUnwrapped');
      expectClose(phases, Array.from({ length: 2 * R }, (_, i) => (i % 2 === 0 ? a[i / 2] : b[(i - 1) / 2])), { atol: 1e-10 });
    }
  });

  it('twoPopulationKuramoto with all four couplings V and N_A = N_B = N is kuramoto with 2N oscillators and the same V, path by path', async () => {
    // Σ_b (V/(2N)) Σ_{j∈b} sin(…) = (V/2N) Σ_all sin(…): Eq. (6.10) with equal couplings is Eq. (2.29).
    // The layouts, the random frequencies (stream 2 of disorderSeed, state order), the initial
    // phases (stream 0) and the noise (stream 1) coincide, so the runs differ only by the rounding
    // of the split sums (1e-16 per step, amplified at most by e^{λt}, λ ≲ V, over t = 4).
    const N = 200;
    const R = 2;
    const two = twoPopulationKuramoto({ NA: N, NB: N, VAA: 1.6, VBB: 1.6, VAB: 1.6, VBA: 1.6, G: 0.3, sigma: 0.6, realizations: R });
    const one = kuramoto({ N: 2 * N, V: 1.6, G: 0.3, sigma: 0.6, realizations: R });
    expect(Array.from(two.frequencies)).toEqual(Array.from(one.frequencies));
    const a = await collect(two, times, { noiseSeed: 4, dt: 0.02 });
    const b = await collect(one, times, { noiseSeed: 4, dt: 0.02 });
    for (let k = 0; k < times.length; k++) {
      const zA = arrayOf(a[k], 'zA');
      const zB = arrayOf(a[k], 'zB');
      expectClose(
        Array.from(zA, (v, i) => (v + zB[i]) / 2),
        arrayOf(b[k], 'z'),
        { atol: 1e-10 },
      );
    }
    // the order parameter grew from ~1/√(2N) (V = 1.6 > 2G + σ², Eq. 2.53): the runs did something
    expect(Math.hypot(arrayOf(b[4], 'z')[0], arrayOf(b[4], 'z')[1])).toBeGreaterThan(0.2);
  });

  it('twoPopulationKuramoto with one oscillator per population and no intra coupling is nonreciprocalPhasePair (2.56), σ_pair = √2σ', async () => {
    const R = 16;
    const y0 = Float64Array.from({ length: 2 * R }, (_, k) => Math.cos(3.1 * k) * 3);
    const sigma = 0.5;
    const two = twoPopulationKuramoto({ NA: 1, NB: 1, VAA: 0, VBB: 0, VAB: 1.5, VBA: -0.5, sigma, realizations: R, observePhases: true });
    const pair = nonreciprocalPhasePair({ VAB: 1.5, VBA: -0.5, sigma: Math.SQRT2 * sigma, realizations: R });
    const a = await collect(two, times, { noiseSeed: 6, y0, dt: 0.02 });
    const b = await collect(pair, times, { noiseSeed: 6, y0, dt: 0.02 });
    for (let k = 0; k < times.length; k++) {
      const phases = arrayOf(a[k], 'phasesUnwrapped');
      const pa = arrayOf(b[k], 'phiAUnwrapped');
      const pb = arrayOf(b[k], 'phiBUnwrapped');
      // √2·0.5/√2 may differ from 0.5 in the last bit: 1e-16 relative on every noise increment
      expectClose(phases, Array.from({ length: 2 * R }, (_, i) => (i % 2 === 0 ? pa[i / 2] : pb[(i - 1) / 2])), { atol: 1e-10 });
    }
  });
});
