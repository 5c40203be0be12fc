import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { adler } from './adler';
import { arrayOf, collect, grid, meanVar } from './test-support/classical';
import { noisyPhasePair } from './noisy-phase-pair';

/**
 * Mean velocity of dx = (δ − V sin x) dt + σ dW in the stationary state (Stratonovich's formula
 * for a tilted periodic potential Φ(x) = −V cos x − δx, D = σ²/2):
 * v = 2πD(1 − e^{−2πδ/D}) / ∫₀^{2π}dx ∫₀^{2π}dz e^{(Φ(x+z) − Φ(x))/D}.
 * Trapezoid in x (periodic integrand), Simpson in z.
 */
function adlerMeanVelocity(delta: number, V: number, sigma: number): number {
  const D = (sigma * sigma) / 2;
  const nx = 256;
  const nz = 4096;
  const hx = (2 * Math.PI) / nx;
  const hz = (2 * Math.PI) / nz;
  let total = 0;
  for (let i = 0; i < nx; i++) {
    const x = i * hx;
    let inner = 0;
    for (let k = 0; k <= nz; k++) {
      const z = k * hz;
      const w = k === 0 || k === nz ? 1 : k % 2 === 1 ? 4 : 2;
      inner += w * Math.exp((-V * Math.cos(x + z) + V * Math.cos(x) - delta * z) / D);
    }
    total += (inner * hz) / 3;
  }
  total *= hx;
  return (2 * Math.PI * D * (1 - Math.exp((-2 * Math.PI * delta) / D))) / total;
}

/** Mean and standard error of (late − early)/span over realizations. */
function frequency(early: ArrayLike<number>, late: ArrayLike<number>, span: number): { mean: number; se: number } {
  const rates = Float64Array.from({ length: late.length }, (_, j) => (late[j] - early[j]) / span);
  const { mean, variance } = meanVar(rates);
  return { mean, se: Math.sqrt(variance / rates.length) };
}

describe('noisyPhasePair (Eq. 2.24)', () => {
  it('φ_A − φ_B has the mean frequency of the noisy Adler equation (2.25), also where noise alone unlocks it', async () => {
    // δ = 0.8 < V = 1: without noise locked (frequency 0); σ = 0.8 makes phase slips frequent.
    const q = { delta: 0.8, V: 1, sigma: 0.8, realizations: 400 };
    const expected = adlerMeanVelocity(q.delta, q.V, q.sigma);
    expect(expected).toBeGreaterThan(0.2); // far from the noise-free 0: the test can tell them apart
    const times = [0, 5, 25];
    const pair = await collect(noisyPhasePair(q), times, { noiseSeed: 1, dt: 0.01 });
    const diff = (k: number) => {
      const a = arrayOf(pair[k], 'phiAUnwrapped');
      const b = arrayOf(pair[k], 'phiBUnwrapped');
      return a.map((x, j) => x - b[j]);
    };
    const fromPair = frequency(diff(1), diff(2), 20);
    const single = await collect(adler(q), times, { noiseSeed: 2, dt: 0.01 });
    const fromAdler = frequency(arrayOf(single[1], 'phiABUnwrapped'), arrayOf(single[2], 'phiABUnwrapped'), 20);
    // Both start uniformly, so t ≥ 5 (≫ the relaxation time 1/√(V² − δ²) ≈ 1.7) is near stationary.
    // atol: 4 standard errors of each sample (estimated from it, ≈ 0.01) plus 0.01 for the step
    // error at dt = 0.01 and the remaining transient.
    expectClose(fromPair.mean, expected, { atol: 4 * fromPair.se + 0.01 });
    expectClose(fromAdler.mean, expected, { atol: 4 * fromAdler.se + 0.01 });
    expectClose(fromPair.mean, fromAdler.mean, { atol: 4 * Math.hypot(fromPair.se, fromAdler.se) });
  });

  it('without coupling each phase diffuses at σ²/4 about ±δ/2: g_a(τ) = e^{±iδτ/2 − σ²τ/4} (Eq. 2.27)', async () => {
    const q = { delta: 1, V: 0, sigma: 1, realizations: 2000 };
    const frames = await collect(noisyPhasePair(q), [0, 2], { noiseSeed: 4 });
    for (const [name, sign] of [
      ['phiAUnwrapped', 1],
      ['phiBUnwrapped', -1],
    ] as const) {
      const a = arrayOf(frames[0], name);
      const b = arrayOf(frames[1], name);
      let re = 0;
      let im = 0;
      for (let j = 0; j < a.length; j++) {
        re += Math.cos(b[j] - a[j]) / a.length;
        im += Math.sin(b[j] - a[j]) / a.length;
      }
      const tau = 2;
      const decay = Math.exp((-q.sigma * q.sigma * tau) / 4);
      // each quadrature has standard error ≤ √(0.5/2000) = 0.016: atol 0.07 ≈ 4.5 of them
      expectClose([re, im], [decay * Math.cos((sign * q.delta * tau) / 2), decay * Math.sin((sign * q.delta * tau) / 2)], {
        atol: 0.07,
      });
    }
  });

  it('without noise: φ_A + φ_B is conserved and, inside the tongue, both phases stop at φ_AB = arcsin(δ/V)', async () => {
    const locked = noisyPhasePair({ delta: 0.5, V: 1, sigma: 0, realizations: 3 });
    const frames = await collect(locked, [0, 40, 50], { noiseSeed: 6 });
    const sum = (k: number) => {
      const a = arrayOf(frames[k], 'phiAUnwrapped');
      const b = arrayOf(frames[k], 'phiBUnwrapped');
      return a.map((x, j) => x + b[j]);
    };
    // the drifts of φ_A and φ_B are exact opposites, so the sum moves only by rounding
    expectClose(sum(2), sum(0), { atol: 1e-12 });
    expectClose(arrayOf(frames[2], 'phiAB'), [Math.PI / 6, Math.PI / 6, Math.PI / 6], { atol: 1e-8 });
    // in the lock φ̇_A = δ/2 − (V/2) sin φ_AB = 0: the phases stand still in the mean frame
    expectClose(arrayOf(frames[2], 'phiAUnwrapped'), arrayOf(frames[1], 'phiAUnwrapped'), { atol: 1e-8 });
  });

  it('draws φ_A, φ_B uniformly per realization from the seed unless phiA0, phiB0 are given', () => {
    const random = noisyPhasePair({ delta: 0, V: 1, sigma: 0, realizations: 2 });
    const y = random.initialState(3);
    expect(new Set(y).size).toBe(4);
    expect(random.parameters).not.toHaveProperty('phiA0');
    const fixed = noisyPhasePair({ delta: 0, V: 1, sigma: 0, realizations: 2, phiA0: 1, phiB0: -1 });
    expect(fixed.initialState(3)).toEqual(new Float64Array([1, -1, 1, -1]));
    expect(fixed.defaultMethod).toBe('sra');
  });

  it('defaults follow the library rule: δ = σ = 0, V required; step 0.05 of the fastest of |δ|, V, σ²', () => {
    const m = noisyPhasePair({ V: 2 });
    expect(m.parameters).toMatchObject({ delta: 0, sigma: 0, realizations: 1 });
    expect(m.defaultDt).toBe(0.05 / 2);
  });

  it('same seed, same frames', async () => {
    const model = noisyPhasePair({ delta: 0.3, V: 0.5, sigma: 1, realizations: 4 });
    const a = await collect(model, grid(2, 1), { noiseSeed: 21 });
    const b = await collect(model, grid(2, 1), { noiseSeed: 21 });
    expect(b).toEqual(a);
  });

  it.each([
    [{ delta: 1, V: -1, sigma: 0 }, /noisyPhasePair: parameter 'V'.*must be ≥ 0, got -1/],
    [{ delta: 1, V: 1, sigma: -1 }, /parameter 'sigma'.*must be ≥ 0, got -1/],
    [{ delta: 1, sigma: 0 }, /parameter 'V'.*is required/],
    [{ delta: 1, V: Number.NaN }, "noisyPhasePair: parameter 'V' must be a finite number, got NaN"],
    [{ delta: 1, V: 1, sigma: 0, phiA: 1 }, /unknown parameter 'phiA'/],
    [{ delta: 1, V: 1, sigma: 0, realizations: -2 }, /parameter 'realizations'.*must be ≥ 1/],
    [{ delta: 1, V: 1, sigma: 0, phiB0: Number.NaN }, /parameter 'phiB0' must be a finite number/],
  ])('refuses %o by name', (config, message) => {
    expect(() => noisyPhasePair(config as never)).toThrow(message);
  });
});
