import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { arrayOf, collect, grid, meanVar } from './test-support/classical';
import { coupledNoisyVanDerPol } from './coupled-noisy-van-der-pol';

describe('coupledNoisyVanDerPol (Eq. 2.17 with the noise of Eq. 2.8)', () => {
  it('without noise, inside the tongue: φ_AB = arcsin(δ/V), r² = (κ1 − V(1 − cos φ_AB))/(2κ2), α and β at rest', async () => {
    const q = { delta: 0.5, V: 1, kappa1: 2, kappa2: 1, sigma: 0 };
    const frames = await collect(coupledNoisyVanDerPol(q), [0, 50, 60]);
    const phi = Math.asin(q.delta / q.V);
    const r2 = (q.kappa1 - q.V * (1 - Math.cos(phi))) / (2 * q.kappa2);
    // The symmetric lock attracts at a rate ~ V cos φ_AB ≈ 0.9, so by t = 50 the distance is
    // < 1e-15; at a fixed point the noise-free SRA1 step (f = 0 in both stages) adds no error.
    expectClose(arrayOf(frames[2], 'phiAB')[0], phi, { atol: 1e-9 });
    const a = arrayOf(frames[2], 'alpha');
    const b = arrayOf(frames[2], 'beta');
    expectClose([a[0] ** 2 + a[1] ** 2, b[0] ** 2 + b[1] ** 2], [r2, r2], { rtol: 1e-9 });
    // in the mean frame the locked pair does not turn
    expectClose(a, arrayOf(frames[1], 'alpha'), { atol: 1e-9 });
  });

  it('without noise, outside the tongue and with κ1, κ2 ≫ V: the phase difference slips at ≈ √(δ² − V²) (Adler, Eq. 2.21)', async () => {
    const q = { delta: 1, V: 0.5, kappa1: 40, kappa2: 20, sigma: 0 }; // r0 = 1
    const times = grid(40, 0.1);
    const frames = await collect(coupledNoisyVanDerPol(q), times);
    let unwrapped = arrayOf(frames[0], 'phiAB')[0];
    let atTen = 0;
    for (let k = 1; k < frames.length; k++) {
      const w = arrayOf(frames[k], 'phiAB')[0];
      const d = w - unwrapped;
      unwrapped += d - 2 * Math.PI * Math.round(d / (2 * Math.PI));
      if (k === 100) atTen = unwrapped;
    }
    const observed = (unwrapped - atTen) / 30;
    // Eq. (2.20) reduces to (2.21) up to the amplitude modulation rA ≠ rB, of relative size
    // ~V/κ1 ≈ 1%; over 30 time units (≈ 3.5 slips) the window adds up to half a slip of phase
    // non-uniformity, ≈ 0.3/30 = 0.01 in frequency. atol 0.04 (5% of √(δ² − V²) = 0.866).
    expectClose(observed, Math.sqrt(q.delta ** 2 - q.V ** 2), { atol: 0.04 });
  });

  it('uncoupled, each oscillator diffuses at D = σ²/(2r0²): Var φ_AB(t) ≈ 4Dt', async () => {
    // κ1 = 8, κ2 = 4 (r0 = 1), σ = 0.3: D = 0.045 (2.3% more from amplitude fluctuations).
    const q = { delta: 0, V: 0, kappa1: 8, kappa2: 4, sigma: 0.3, realizations: 1000, xB0: 1, pB0: 0 };
    const times = grid(5, 0.25);
    const frames = await collect(coupledNoisyVanDerPol(q), times, { noiseSeed: 8, dt: 0.01 });
    const phi = Float64Array.from(arrayOf(frames[0], 'phiAB'));
    for (let k = 1; k < frames.length; k++) {
      const w = arrayOf(frames[k], 'phiAB');
      for (let j = 0; j < phi.length; j++) {
        const d = w[j] - phi[j];
        phi[j] += d - 2 * Math.PI * Math.round(d / (2 * Math.PI));
      }
    }
    const D = (q.sigma * q.sigma) / 2;
    // sample variance of 1000: relative standard error √(2/1000) = 4.5%; rtol 0.2 is 4 of them
    // plus the 2.3% excess
    expectClose(meanVar(phi).variance, 4 * D * 5, { rtol: 0.2 });
  });

  it('starts at α = 1, β = i by default (φ_AB = π/2), state [Re α, Im α, Re β, Im β] per realization', async () => {
    const model = coupledNoisyVanDerPol({ V: 1, kappa1: 1, kappa2: 1, realizations: 2 });
    expect(model.initialState(1)).toEqual(new Float64Array([1, 0, 0, 1, 1, 0, 0, 1]));
    const [f] = await collect(model, [0]);
    expectClose(arrayOf(f, 'phiAB'), [Math.PI / 2, Math.PI / 2], { rtol: 1e-15 });
    expect(model.defaultMethod).toBe('sra');
    expect(model.system.dim).toBe(8);
  });

  it('same seed, same frames', async () => {
    const model = coupledNoisyVanDerPol({ delta: 0.3, V: 0.5, kappa1: 1, kappa2: 1, sigma: 0.3, realizations: 3 });
    const a = await collect(model, [0, 1], { noiseSeed: 5 });
    const b = await collect(model, [0, 1], { noiseSeed: 5 });
    const c = await collect(model, [0, 1], { noiseSeed: 6 });
    expect(b).toEqual(a);
    expect(arrayOf(c[1], 'beta')).not.toEqual(arrayOf(a[1], 'beta'));
  });

  it('defaults follow the library rule: δ = σ = 0, V, κ1, κ2 required', () => {
    expect(coupledNoisyVanDerPol({ V: 1, kappa1: 2, kappa2: 1 }).parameters).toMatchObject({ delta: 0, sigma: 0, realizations: 1 });
    expect(() => coupledNoisyVanDerPol({ V: 1, kappa2: 1 } as never)).toThrow(/parameter 'kappa1'.*is required/);
  });

  it.each([
    [{ V: -1 }, /coupledNoisyVanDerPol: parameter 'V'.*must be ≥ 0, got -1/],
    [{ V: 1, kappa1: 0 }, /parameter 'kappa1'.*must be > 0, got 0/],
    [{ V: 1, kappa2: -2 }, /parameter 'kappa2'.*must be > 0, got -2/],
    [{ V: 1, sigma: -1 }, /parameter 'sigma'.*must be ≥ 0/],
    [{ V: 1, realizations: 0.5 }, /parameter 'realizations' must be an integer/],
    [{ V: 1, coupling: 1 }, /unknown parameter 'coupling'/],
    [{ V: Number.NaN }, "coupledNoisyVanDerPol: parameter 'V' must be a finite number, got NaN"],
    [{ V: undefined }, /parameter 'V'.*is required/],
  ])('refuses %o by name', (config, message) => {
    expect(() => coupledNoisyVanDerPol({ delta: 0, kappa1: 1, kappa2: 1, ...config } as never)).toThrow(message);
  });
});
