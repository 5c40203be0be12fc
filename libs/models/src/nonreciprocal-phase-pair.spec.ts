import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { wrapPhase } from './classical-internal';
import { arrayOf, collect } from './test-support/classical';
import { nonreciprocalPhasePair } from './nonreciprocal-phase-pair';

describe('nonreciprocalPhasePair (Eqs. 2.56, 2.57)', () => {
  it.each([
    { VAB: 2, VBA: -1, target: 0 }, // antagonistic, V_AB + V_BA > 0: A attracts B, B repels A
    { VAB: 1, VBA: -2, target: Math.PI }, // antagonistic, V_AB + V_BA < 0
    { VAB: 1.5, VBA: 0.5, target: 0 }, // both attract
    { VAB: -1, VBA: -1, target: Math.PI }, // reciprocal repulsion
  ])('φ_AB → $target and φ_A + φ_B moves as Eq. (2.57) says: %o', async ({ VAB, VBA, target }) => {
    const phiA0 = 1;
    const phiB0 = 0;
    const model = nonreciprocalPhasePair({ VAB, VBA, phiA0, phiB0 });
    const frames = await collect(model, [0, 2, 60], { dt: 1e-3 });
    const s = (VAB + VBA) / 2;
    // Eq. (2.57): dφ_AB/dt = −s sin φ_AB, solved by tan(φ_AB/2) = tan(φ_AB(0)/2) e^{−st}.
    // Noise-free SRA1 is RK2, global error ∝ dt²: up to 6e-6 at dt = 0.01, so ≤ 1e-7 at
    // dt = 1e-3; atol 1e-6.
    const phiAB = (k: number) => arrayOf(frames[k], 'phiAUnwrapped')[0] - arrayOf(frames[k], 'phiBUnwrapped')[0];
    expectClose(phiAB(1), 2 * Math.atan(Math.tan((phiA0 - phiB0) / 2) * Math.exp(-s * 2)), { atol: 1e-6 });
    // |s| ≥ 0.5: by t = 60 the distance to the lock is < e^{−30}
    expectClose(wrapPhase(arrayOf(frames[2], 'phiAB')[0] - target), 0, { atol: 1e-9 });
    // dφ̄/dt = (V_AB − V_BA)/2 sin φ_AB = −(V_AB − V_BA)/(V_AB + V_BA) dφ_AB/dt, so
    // (V_AB + V_BA) φ̄ + (V_AB − V_BA) φ_AB is conserved — a linear invariant, which Runge–Kutta
    // steps keep to rounding.
    const sum = (k: number) => arrayOf(frames[k], 'phiSumUnwrapped')[0];
    const invariant = (k: number) => (VAB + VBA) * sum(k) + (VAB - VBA) * phiAB(k);
    expectClose([invariant(1), invariant(2)], [invariant(0), invariant(0)], { atol: 1e-12 });
    // so φ̄ ends at φ̄(0) − (V_AB − V_BA)/(V_AB + V_BA)·(φ_AB(∞) − φ_AB(0))
    const end = target === 0 ? 0 : Math.PI * Math.sign(phiA0 - phiB0);
    expectClose(sum(2), phiA0 + phiB0 - ((VAB - VBA) / (VAB + VBA)) * (end - (phiA0 - phiB0)), { atol: 1e-8 });
  });

  it('with V_AB = −V_BA the difference freezes and the pair runs: φ̄ grows at V_AB sin φ_AB (chase and run away)', async () => {
    const model = nonreciprocalPhasePair({ VAB: 1, VBA: -1, phiA0: 1, phiB0: 0 });
    const frames = await collect(model, [0, 10]);
    expectClose(arrayOf(frames[1], 'phiAB')[0], 1, { rtol: 1e-12 });
    expectClose(arrayOf(frames[1], 'phiSumUnwrapped')[0], 1 + Math.sin(1) * 10, { rtol: 1e-12 });
    expectClose(arrayOf(frames[1], 'phiAUnwrapped')[0], 1 + Math.sin(1) * 5, { rtol: 1e-12 });
  });

  it('adds the detuning ±δ/2 of Eq. (2.24)', async () => {
    const frames = await collect(nonreciprocalPhasePair({ VAB: 0, VBA: 0, delta: 0.8, phiA0: 0, phiB0: 0 }), [0, 2]);
    expectClose([arrayOf(frames[1], 'phiAUnwrapped')[0], arrayOf(frames[1], 'phiBUnwrapped')[0]], [0.8, -0.8], { rtol: 1e-12 });
  });

  it('noise of σ/√2 per phase: Var φ_AB(t) = σ²t without coupling', async () => {
    const frames = await collect(
      nonreciprocalPhasePair({ VAB: 0, VBA: 0, sigma: 0.5, realizations: 4000, phiA0: 0, phiB0: 0 }),
      [0, 2],
      { noiseSeed: 3 },
    );
    const a = arrayOf(frames[1], 'phiAUnwrapped');
    const b = arrayOf(frames[1], 'phiBUnwrapped');
    let v = 0;
    for (let j = 0; j < a.length; j++) v += (a[j] - b[j]) ** 2 / a.length;
    // mean-zero Gaussian, 4000 samples: relative standard error √(2/4000) = 2.2%; rtol 0.1
    expectClose(v, 0.25 * 2, { rtol: 0.1 });
  });

  it('draws random phases from the seed when phiA0, phiB0 are omitted; same seed, same frames', async () => {
    const model = nonreciprocalPhasePair({ VAB: 1, VBA: -0.5, sigma: 0.3, realizations: 3 });
    expect(new Set(model.initialState(2)).size).toBe(6);
    const a = await collect(model, [0, 1], { noiseSeed: 2 });
    const b = await collect(model, [0, 1], { noiseSeed: 2 });
    expect(b).toEqual(a);
    expect(model.parameters).toMatchObject({ VAB: 1, VBA: -0.5, delta: 0, sigma: 0.3, realizations: 3 });
  });

  it.each([
    [{ VAB: 1 }, /nonreciprocalPhasePair: parameter 'VBA'.*is required/],
    [{ VAB: 1, VBA: 1, sigma: -0.1 }, /parameter 'sigma'.*must be ≥ 0/],
    [{ VAB: 1, VBA: 1, V: 1 }, /unknown parameter 'V'/],
    [{ VAB: 1, VBA: 1, realizations: 1.2 }, /parameter 'realizations' must be an integer/],
    [{ VAB: Number.NaN, VBA: 1 }, /parameter 'VAB' must be a finite number/],
  ])('refuses %o by name', (config, message) => {
    expect(() => nonreciprocalPhasePair(config as never)).toThrow(message);
  });
});
