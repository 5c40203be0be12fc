import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { currentPhase } from './current-phase';

/** I = √κ r e^{−iνt} + √(1/2)(ΔW_x + iΔW_y)/Δt: a steady rotation at φ = νt under detector noise. */
function rotatingCurrent(n: number, dt: number, kappa: number, r: number, nu: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(2 * n);
  const noise = Math.SQRT1_2 / Math.sqrt(dt);
  for (let k = 0; k < n; k++) {
    x[2 * k] = Math.sqrt(kappa) * r * Math.cos(nu * k * dt) + noise * rng.gaussian();
    x[2 * k + 1] = -Math.sqrt(kappa) * r * Math.sin(nu * k * dt) + noise * rng.gaussian();
  }
  return x;
}

describe('currentPhase', () => {
  it('unwraps φ = −arg I across ±π (doc example)', () => {
    const { phase, amplitude } = currentPhase(Float64Array.of(1, 0, 0, -1, -1, 0, 0, 1, 1, 0), { dt: 1, tau: 0 });
    expect(Array.from(phase)).toEqual([0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI]);
    expect(Array.from(amplitude)).toEqual([1, 1, 1, 1, 1]);
  });

  it('tracks a noisy rotation: φ̂ = νt − arg H with the predicted phase noise', () => {
    const dt = 1e-3;
    const tau = 0.05;
    const kappa = 1;
    const r = 15; // κr²τ = 11: the filtered current's SNR 2κr²τ ≫ 1, phase noise ≈ 1/(2r√(κτ)) ≈ 0.15 rad
    const nu = 5;
    const n = 200000;
    const x = rotatingCurrent(n, dt, kappa, r, nu, 21);
    const { phase } = currentPhase(x, { dt, tau });
    const a = Math.exp(-dt / tau);
    // H = (1 − a)/(1 − a e^{iνΔt}): the filter's response to e^{−iνnΔt}
    const argH = -Math.atan2(-a * Math.sin(nu * dt), 1 - a * Math.cos(nu * dt));
    const sigma = Math.sqrt((1 - a) / (2 * (1 + a) * dt)) / (Math.sqrt(kappa) * r * Math.abs((1 - a) / Math.hypot(1 - a * Math.cos(nu * dt), a * Math.sin(nu * dt))));
    // skip the filter's start (20τ), then residuals of φ̂ against νt − arg H
    const start = Math.ceil((20 * tau) / dt);
    let sum = 0;
    let sum2 = 0;
    for (let k = start; k < n; k++) {
      const res = phase[k] - (nu * k * dt - argH);
      sum += res;
      sum2 += res * res;
    }
    const m = n - start;
    const mean = sum / m;
    const rms = Math.sqrt(sum2 / m - mean * mean);
    // the small-noise prediction of the phase noise (here σ ≈ 0.15 rad): within 10 %
    expect(sigma).toBeGreaterThan(0.1);
    expect(Math.abs(rms / sigma - 1)).toBeLessThan(0.1);
    // no offset beyond the statistics of ≈ m·Δt/(2τ) independent stretches (5σ), and no 2π slips
    expect(Math.abs(mean)).toBeLessThan(5 * rms * Math.sqrt((2 * tau) / (m * dt)));
  });

  it('refuses bad input by name', () => {
    expect(() => currentPhase(Float64Array.of(1), { dt: 1, tau: 0 })).toThrow(/'current'/);
    expect(() => currentPhase(Float64Array.of(1, 0), { dt: 0, tau: 0 })).toThrow(/'dt'/);
    expect(() => currentPhase(Float64Array.of(1, 0), { dt: 1, tau: -1 })).toThrow(/'tau'/);
    expect(() => currentPhase(Float64Array.of(1, NaN), { dt: 1, tau: 1 })).toThrow(/'current' must be finite, got NaN at sample 0/);
  });
});
