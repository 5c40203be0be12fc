import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { trajectoryEnsemble } from '@qsync/unravelers';
import { mesolve } from '@qsync/integrators';
import { lindbladian } from '@qsync/operators';
import { benchKerrMesolve, benchVdpStep, profileSmeStep } from './measurement-bench';
import { kerrBenchModel } from './kerr-bench-model';
import { kerrHomodyneTask, kerrHomodyneTrajectory } from './kerr-homodyne-task';

describe('qsync side of the measurement benchmark', () => {
  it('times a vdP heterodyne step and profiles one step (small cutoff)', () => {
    const c = benchVdpStep(4, 'euler-maruyama', { dt: 1e-3, steps: 100, reps: 1 });
    expect([c.N, c.method, c.steps]).toEqual([4, 'euler-maruyama', 100]);
    expect(c.secondsPerStep).toBeGreaterThan(0);
    const p = profileSmeStep('vdp', 4, 'milstein', 20);
    for (const key of ['rhs', 'step', 'trajectoryStep', 'trajectoryStepNoCheck'] as const) expect(p[key]).toBeGreaterThan(0);
  });

  it('mesolve of the Kerr problem gives ⟨H⟩ at the 100 output times, ⟨0|H|0⟩ = 0 first', async () => {
    // its agreement with QuTiP's mesolve is checked in run-qutip-measurement.spec.ts
    const c = await benchKerrMesolve({ rtol: 1e-6, atol: 1e-8 }, 1, 6);
    expect(c.H).toHaveLength(100);
    expect(c.H[0]).toBe(0);
  });

  it("the Kerr homodyne task's ensemble mean follows the master equation's ⟨a†a⟩", async () => {
    const config = { dt: 1e-3, outputEvery: 20, samples: 21, method: 'milstein' as const };
    expect(kerrHomodyneTrajectory(config, 0, 1).n.data).toHaveLength(42);
    const last = await lastValueFrom(trajectoryEnsemble({ module: kerrHomodyneTask, name: 'kerrHomodyneTrajectory', config }, { trajectories: 4, noiseSeed: 3, workers: 0 }));
    const n = last.channels.n;
    const m = kerrBenchModel();
    const frames = await lastValueFrom(mesolve(lindbladian(m.hamiltonian, [m.loss, m.gain]), m.rho0, [0, 0.4], { expect: { n: m.number } }).pipe(toArray()));
    const me = frames[1].channels.n;
    if (me?.kind !== 'complex') throw new Error('no channel n');
    // ⟨a†a⟩(0.4) ≈ 0.59: within 3 SE plus the schemes' O(dt) drift error (dt/t ≈ 0.25 %, 1 % allowed);
    // without the gain channel it would be 0.51 (14 % lower)
    expect(n.mean[0]).toBe(0);
    expect(Math.abs(n.mean[40] - me.re)).toBeLessThan(0.01 * me.re + 3 * n.standardError[40]);
  });
});
