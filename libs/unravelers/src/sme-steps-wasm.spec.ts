import { describe, expect, it } from 'vitest';
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import { compileDiffusiveSmeStepper } from './compile-diffusive-sme';
import { isPositiveWithin } from './is-positive-within';

// the heterodyne vdP oscillator of Fig. 4.1 at cutoff 6
const space = fockSpace(6);
const a = destroy(space);
const model = {
  hamiltonian: scaled(num(space), 4),
  dissipators: [
    { rate: 4, jump: create(space) },
    { rate: 0.5, jump: power(a, 2) },
  ],
  monitored: [{ rate: 1, jump: a, unraveling: 'heterodyne' as const }],
};
const rho0 = pureState(coherentKet(space, { re: 1, im: 0.5 })).matrix.data;

describe('smeStepsExtension (whole SME steps in the WebAssembly module)', () => {
  it('a call of 40 steps equals 40 public stepInto calls (signals, sums, ρ) to 1e-13; a bad trace stops it at its step with ρ before it', () => {
    const dt = 1e-3;
    for (const method of ['euler-maruyama', 'milstein'] as const) {
      const stepper = compileDiffusiveSmeStepper(model);
      const f = stepper.fusedSteps(method);
      expect(f).not.toBeNull(); // Node has WebAssembly SIMD
      if (f === null) return;
      // the reference steps on a stepper of their own (the kernel's input buffer is f.state)
      const sme = compileDiffusiveSmeStepper(model).sme;
      const K = 40;
      const noise = Float64Array.from({ length: K * sme.noises }, (_, k) => Math.sqrt(dt) * Math.sin(1 + 1.7 * k));
      f.memory.set(noise, f.noiseAt);
      f.memory.fill(0, f.sumAt, f.sumAt + sme.noises);
      f.state.set(rho0);
      expect(f.run(dt, 0, K)).toBe(-1);
      // the reference: the public step (JavaScript traces and weights, the same kernel)
      const rho = Float64Array.from(rho0);
      const dW = new Float64Array(sme.noises);
      const signal = new Float64Array(sme.noises);
      const sum = new Float64Array(sme.noises);
      for (let k = 0; k < K; k++) {
        dW.set(noise.subarray(k * sme.noises, (k + 1) * sme.noises));
        sme.stepInto(rho, k * dt, dt, dW, signal, method);
        for (let l = 0; l < sme.noises; l++) sum[l] += signal[l] * dt + dW[l];
      }
      const worst = (x: ArrayLike<number>, y: ArrayLike<number>) => Array.from(x).reduce((m, v, k) => Math.max(m, Math.abs(v - y[k])), 0);
      expect(worst(f.state, rho)).toBeLessThan(1e-13);
      expect(worst(f.memory.subarray(f.sumAt, f.sumAt + sme.noises), sum)).toBeLessThan(1e-13);
      expect(Math.abs(sum[0] - noise.filter((_, k) => k % 2 === 0).reduce((s, v) => s + v, 0))).toBeGreaterThan(1e-4); // the signal counts

      // an increment that overflows at step 5 of 10: the call returns 5, ρ is the state after 5 steps
      f.state.set(rho0);
      f.memory.fill(0, f.noiseAt, f.noiseAt + 10 * sme.noises);
      f.memory[f.noiseAt + 5 * sme.noises] = 1e308;
      expect(f.run(dt, 0, 10)).toBe(5);
      expect(f.failedTrace() > 0 && f.failedTrace() < Infinity).toBe(false);
      rho.set(rho0);
      dW.fill(0);
      for (let k = 0; k < 5; k++) sme.stepInto(rho, k * dt, dt, dW, signal, method);
      expect(worst(f.state, rho)).toBeLessThan(1e-13);
      dW[0] = 1e308;
      expect(() => sme.stepInto(rho, 5 * dt, dt, dW, signal, method)).toThrow(/the trace of ρ became/);
    }
  });

  it('positive(): the Cholesky test in the module decides as isPositiveWithin on states with a smallest eigenvalue around −tol', () => {
    const n = 6;
    const f = compileDiffusiveSmeStepper(model).fusedSteps('milstein');
    expect(f).not.toBeNull();
    if (f === null) return;
    let seed = 7;
    const rand = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296 - 0.5;
    };
    const tol = 1e-6;
    const verdicts = { true: 0, false: 0 };
    for (let trial = 0; trial < 60; trial++) {
      // orthonormal v_0 … v_{n−1} (Gram–Schmidt of random complex vectors), ρ = Σ λ_k v_k v_k†
      const v: Float64Array[] = [];
      for (let k = 0; k < n; k++) {
        const u = Float64Array.from({ length: 2 * n }, rand);
        for (const w of v) {
          let re = 0;
          let im = 0;
          for (let q = 0; q < n; q++) {
            re += w[2 * q] * u[2 * q] + w[2 * q + 1] * u[2 * q + 1];
            im += w[2 * q] * u[2 * q + 1] - w[2 * q + 1] * u[2 * q];
          }
          for (let q = 0; q < n; q++) {
            u[2 * q] -= re * w[2 * q] - im * w[2 * q + 1];
            u[2 * q + 1] -= re * w[2 * q + 1] + im * w[2 * q];
          }
        }
        const norm = Math.hypot(...u);
        v.push(u.map((x) => x / norm));
      }
      // smallest eigenvalue −tol·2^(±½ … ±2): either side of the threshold, never on it
      const e = [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2][trial % 8];
      const lambda = Array.from({ length: n }, (_, k) => (k === 0 ? -tol * 2 ** e : 0.6 + rand()));
      const rho = new Float64Array(2 * n * n);
      for (let k = 0; k < n; k++) {
        const w = v[k];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            rho[2 * (i * n + j)] += lambda[k] * (w[2 * i] * w[2 * j] + w[2 * i + 1] * w[2 * j + 1]);
            rho[2 * (i * n + j) + 1] += lambda[k] * (w[2 * i + 1] * w[2 * j] - w[2 * i] * w[2 * j + 1]);
          }
        }
      }
      f.state.set(rho);
      const expected = isPositiveWithin(rho, n, tol, new Float64Array(2 * n * n));
      expect(f.isPositiveWithin(tol)).toBe(expected);
      expect(expected).toBe(-lambda[0] < tol);
      verdicts[String(expected) as 'true' | 'false']++;
    }
    expect(verdicts.true).toBeGreaterThan(10);
    expect(verdicts.false).toBeGreaterThan(10);
  });
});
