// Method 'trajectories': the ensemble mean of the conditional ⟨a⟩_c against the master equation
// (the same scenario's 'time-evolution'), reproducibility over worker counts, and the files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeTimeEvolution } from './compute-time-evolution';
import { computeTrajectories } from './compute-trajectories';
import { runScenario } from './run-scenario';
import { buildQuantumModel } from '../test-support/build-quantum-model';
import { validateScenario } from '../scenario/validate-scenario';
import type { TimeEvolutionScenario, TrajectoriesScenario } from '../scenario/scenario-types';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-trajectories-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// the vdP oscillator with Fig. 4.1's rates (κ1 = ω = 4κ, κ2 = κ/2), its loss κD[a] (dissipator 2) measured
const base = {
  model: 'quantum-vdp',
  parameters: { cutoff: 10, omega: 4, kappa1: 4, kappa: 1, kappa2: 0.5 },
  initialState: { type: 'coherent', alpha: { a: [1.2, 0] } },
  times: { start: 0, stop: 0.4, count: 3 },
  observables: { amplitude: 'a', n: 'n' },
};
// step 0.001: at 0.004 the schemes' O(dt) weak error shows (Im ⟨a⟩_c at t = 0.2 off by 3–8 SE of 1200 trajectories)
const trajectories = (extra: Record<string, unknown> = {}) =>
  validateScenario({ ...base, method: 'trajectories', step: 0.001, unraveling: 'heterodyne', monitored: [2], trajectories: 120, noiseSeed: 3, workers: 0, ...extra }) as TrajectoriesScenario;
const model = buildQuantumModel('quantum-vdp', base.parameters);

describe("method 'trajectories'", () => {
  it.each([
    ['heterodyne', {}],
    ['homodyne (LO phase 0.7, ξ = 0.6)', { unraveling: 'homodyne', phase: 0.7, efficiency: 0.6 }],
    ['photon counting (ξ = 0.7)', { unraveling: 'photon-counting', efficiency: 0.7, step: undefined }],
  ])('%s: the ensemble mean of ⟨a⟩_c and ⟨n⟩_c matches mesolve within 3 standard errors at every output time', async (_, extra) => {
    const me = await computeTimeEvolution(validateScenario({ ...base, method: 'time-evolution' }) as TimeEvolutionScenario, model);
    const tr = await computeTrajectories(trajectories(extra), model);
    expect(tr.info.trajectories).toBe(120);
    expect(tr.info.positivityViolations).toBe(0);
    for (const name of ['amplitude', 'n']) {
      const mean = tr.observables[name];
      const exact = me.observables[name];
      // t = 0 is the initial state itself: every trajectory has ⟨O⟩_c = ⟨O⟩(0)
      expect(Math.abs(mean.re[0] - exact.re[0])).toBeLessThan(1e-9);
      for (let k = 1; k < 3; k++) {
        // the standard error must be a real spread (not 0) for the 3-SE test to mean anything
        expect(mean.reStandardError[k]).toBeGreaterThan(1e-4);
        expect(Math.abs(mean.re[k] - exact.re[k]), `${name} Re at t = ${(k * 0.2).toFixed(1)}`).toBeLessThan(3 * mean.reStandardError[k]);
        if (name === 'amplitude') expect(Math.abs(mean.im[k] - exact.im[k]), `${name} Im at t = ${(k * 0.2).toFixed(1)}`).toBeLessThan(3 * mean.imStandardError[k]);
      }
    }
  });

  it('gives the same means, standard errors and currents, bit for bit, with 0 and 2 workers; another seed gives other noise', async () => {
    const small = { trajectories: 6, currents: 2 };
    const inThread = await computeTrajectories(trajectories({ ...small, workers: 0 }), model);
    const pooled = await computeTrajectories(trajectories({ ...small, workers: 2 }), model);
    expect(pooled.observables).toEqual(inThread.observables);
    expect(pooled.currents).toEqual(inThread.currents);
    expect(inThread.currents.map((c) => c.trajectory)).toEqual([0, 1]);
    const counting = { ...small, unraveling: 'photon-counting', step: undefined };
    const countedInThread = await computeTrajectories(trajectories({ ...counting, workers: 0 }), model);
    const countedPooled = await computeTrajectories(trajectories({ ...counting, workers: 2 }), model);
    expect(countedPooled.observables).toEqual(countedInThread.observables);
    expect(countedPooled.currents).toEqual(countedInThread.currents);
    const other = await computeTrajectories(trajectories({ ...small, noiseSeed: 4 }), model);
    expect(other.currents[0].currents.I0.re).not.toEqual(inThread.currents[0].currents.I0.re);
    // trajectories 0 and 1 of one seed draw independent noise
    expect(inThread.currents[1].currents.I0.re).not.toEqual(inThread.currents[0].currents.I0.re);
  });

  it('stops at the target error once every observable reaches it', async () => {
    const tr = await computeTrajectories(trajectories({ trajectories: 400, targetError: 0.06 }), model);
    expect(tr.info.targetReached).toBe(true);
    expect(tr.info.trajectories).toBeLessThan(400);
    for (const o of Object.values(tr.observables)) for (const se of [...o.reStandardError, ...o.imStandardError]) expect(se).toBeLessThanOrEqual(0.06);
  });

  it('writes the means with their standard errors, the chosen currents (heterodyne: complex, homodyne: real) and plots', async () => {
    const scenario = { ...base, method: 'trajectories', step: 0.004, unraveling: 'heterodyne', monitored: [2], trajectories: 4, workers: 0, currents: 2, outputs: ['json', 'csv', 'svg'] };
    const run = await runScenario(scenario, { outDir: join(tmp, 'het') });
    expect(run.files).toEqual(['scenario.json', 'results.json', 'observables.csv', 'currents.csv', 'observables.svg', 'currents.svg']);
    const observables = readFileSync(join(run.runDir, 'observables.csv'), 'utf8').split('\n');
    expect(observables[0]).toBe('t,amplitude_re,amplitude_im,amplitude_re_se,amplitude_im_se,n_re,n_im,n_re_se,n_im_se');
    expect(observables.filter((l) => l !== '')).toHaveLength(4);
    const currents = readFileSync(join(run.runDir, 'currents.csv'), 'utf8').split('\n');
    expect(currents[0]).toBe('t,I0_0_re,I0_0_im,I0_1_re,I0_1_im');
    expect(Number(currents[1].split(',')[1])).toBe(run.results.currents?.[0].currents.I0.re[0]);
    expect(run.results.trajectories?.monitored).toEqual([{ dissipator: 2, rate: 1, current: 'I0' }]);
    const hom = await runScenario({ ...scenario, unraveling: 'homodyne', outputs: ['csv'] }, { outDir: join(tmp, 'hom') });
    expect(readFileSync(join(hom.runDir, 'currents.csv'), 'utf8').split('\n')[0]).toBe('t,I0_0,I0_1');
    // photon counting writes the clicks per output interval: whole numbers
    const jumps = await runScenario({ ...scenario, unraveling: 'photon-counting', step: undefined, outputs: ['csv'] }, { outDir: join(tmp, 'jumps') });
    const rows = readFileSync(join(jumps.runDir, 'currents.csv'), 'utf8').split('\n').filter((l) => l !== '');
    expect(rows[0]).toBe('t,I0_0,I0_1');
    for (const row of rows.slice(1)) for (const v of row.split(',').slice(1)) expect(Number.isInteger(Number(v))).toBe(true);
  });
});
