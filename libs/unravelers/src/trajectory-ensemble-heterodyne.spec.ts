import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { trajectoryEnsemble } from './trajectory-ensemble';
import { heterodyneVdpTask } from './test-support/heterodyne-vdp-task';
import type { HeterodyneVdpConfig } from './test-support/heterodyne-vdp-task';

describe('trajectoryEnsemble of heterodyne trajectories', () => {
  it('gives the same currents and ⟨a⟩ statistics, bit for bit, on 2 workers as in this thread', async () => {
    const config: HeterodyneVdpConfig = { cutoff: 6, dt: 2e-3, tEnd: 0.4, outputEvery: 20 };
    const task = { module: heterodyneVdpTask, name: 'heterodyneVdpTrajectory', config };
    const run = (workers: number) => lastValueFrom(trajectoryEnsemble(task, { trajectories: 8, noiseSeed: 4, workers, emitEvery: 4 }).pipe(toArray()));
    const inThread = await run(0);
    const twoWorkers = await run(2);
    expect(inThread.map((f) => f.trajectories)).toEqual([4, 8]);
    expect(inThread[1].channels.I0.mean.length).toBe(2 * 10);
    // Float64Arrays compared entry by entry with Object.is: bit for bit
    expect(twoWorkers).toEqual(inThread);
    // all trajectories start from the same state, so ⟨a⟩(0) has SE 0; later their noises differ
    const se = inThread[1].channels.a.standardError;
    expect([se[0], se[1]]).toEqual([0, 0]);
    expect(Math.min(...se.subarray(2))).toBeGreaterThan(0);
  });
});
