import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { channelValue, realChannel } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { sdeSolve } from './index';
import type { SdeSystem } from './index';

/**
 * |⟨e^{iψ}⟩| in the stationary state of dψ = −U′(ψ) dt + √(2Q) dW on the circle, with
 * U(ψ) = νψ − 2K cos ψ: p(ψ) ∝ e^{−U(ψ)/Q} ∫_ψ^{ψ+2π} e^{U(x)/Q} dx (the constant-flux solution of
 * the Fokker–Planck equation; Stratonovich 1967, Risken §11). Trapezoid rules on 4096 points per
 * period: the inner integral to O(h²) ≈ 1e-6 relative, the outer (periodic) one spectrally.
 */
function stationaryLocking(nu: number, k: number, q: number): number {
  const n = 4096;
  const h = (2 * Math.PI) / n;
  const u = (x: number) => nu * x - 2 * k * Math.cos(x);
  const cumulative = new Float64Array(2 * n + 1);
  let previous = Math.exp(u(0) / q);
  for (let j = 1; j <= 2 * n; j++) {
    const e = Math.exp(u(j * h) / q);
    cumulative[j] = cumulative[j - 1] + 0.5 * h * (previous + e);
    previous = e;
  }
  let z = 0;
  let c = 0;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const x = j * h;
    const p = Math.exp(-u(x) / q) * (cumulative[j + n] - cumulative[j]);
    z += p;
    c += p * Math.cos(x);
    s += p * Math.sin(x);
  }
  return Math.hypot(c, s) / z;
}

describe('sdeSolve: phase locking of two noisy oscillators (the README example)', () => {
  it('reaches the stationary |⟨e^{iψ}⟩| of the Fokker–Planck equation, within the run\'s own standard error', async () => {
    // dφ₁ = (−ν/2 + K sin(φ₂ − φ₁)) dt + √(2D) dW₁, dφ₂ = (ν/2 + K sin(φ₁ − φ₂)) dt + √(2D) dW₂,
    // R realizations in one state vector, layout [realization][oscillator]
    const R = 1000;
    const nu = 0.5;
    const K = 1;
    const D = 0.1;
    const phases: SdeSystem = {
      dim: 2 * R,
      drift: (out, y) => {
        for (let r = 0; r < R; r++) {
          const s = Math.sin(y[2 * r + 1] - y[2 * r]);
          out[2 * r] = -nu / 2 + K * s;
          out[2 * r + 1] = nu / 2 - K * s;
        }
      },
      noise: { kind: 'additive', amplitude: Math.sqrt(2 * D) },
    };
    // |z| = |mean of e^{iψ_r}| and its standard error: the scatter of cos(ψ_r − arg z) over the
    // realizations, / √R (the realizations are independent)
    const observe = (_t: number, y: Float64Array) => {
      let c = 0;
      let s = 0;
      for (let r = 0; r < R; r++) {
        c += Math.cos(y[2 * r] - y[2 * r + 1]);
        s += Math.sin(y[2 * r] - y[2 * r + 1]);
      }
      const abs = Math.hypot(c, s) / R;
      const theta = Math.atan2(s, c);
      let v = 0;
      for (let r = 0; r < R; r++) v += (Math.cos(y[2 * r] - y[2 * r + 1] - theta) - abs) ** 2;
      return { locking: realChannel(abs), standardError: realChannel(Math.sqrt(v / (R - 1) / R)) };
    };
    const times = Array.from({ length: 21 }, (_, k) => 0.5 * k);
    const frames = await lastValueFrom(
      sdeSolve(phases, new Float64Array(2 * R), times, { method: 'sra', dt: 0.02, noiseSeed: 1, observe }).pipe(toArray()),
    );
    expect(frames.map((f) => f.t)).toEqual(times);
    expect(channelValue(frames[0], 'locking', 'real').value).toBe(1); // all start in phase
    // ψ = φ₁ − φ₂ obeys dψ = −(ν + 2K sin ψ) dt + √(4D) dW, i.e. Q = 2D; it relaxes in
    // ~1/(2K cos ψ*) ≈ 0.5, so t = 10 is stationary.
    const exact = stationaryLocking(nu, K, 2 * D);
    expectClose(exact, 0.946, { atol: 5e-4 }); // the value the README quotes
    const locking = channelValue(frames[20], 'locking', 'real').value;
    const se = channelValue(frames[20], 'standardError', 'real').value;
    expect(se).toBeGreaterThan(0.001); // ~0.1/√1000: the bound below is not vacuous
    // 4 standard errors of this run; SRA's bias at dt = 0.02 is O(dt²), far below them
    expect(Math.abs(locking - exact)).toBeLessThan(4 * se);
  });
});
