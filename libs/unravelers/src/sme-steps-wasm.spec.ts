import { describe, expect, it } from 'vitest';
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import { compileDiffusiveSmeStepper } from './compile-diffusive-sme';

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
});
