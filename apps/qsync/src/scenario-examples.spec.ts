// The shipped Ch. 4 example scenarios, run end to end and checked against an independent
// computation; and every README scenario block against the file it names.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spinEnsembleCumulants } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelSeries, ObservableSeries, SpinHusimiProbeResult, SpinRelativePhaseProbeResult, SteadyObservable } from './run/results';
import { runScenario } from './run/run-scenario';
import { readScenarioFile } from './scenario/read-scenario-file';
import { validateScenario } from './scenario/validate-scenario';

const here = (p: string): string => new URL(p, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'qsync-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = (name: string) => readScenarioFile(here(`../scenarios/${name}.json`)) as Record<string, unknown>;

describe('README: every scenario block is the file it names', () => {
  it('holds the file as it is (less its description) and validates', () => {
    const readme = readFileSync(here('../README.md'), 'utf8');
    const blocks = [...readme.matchAll(/<!-- scenario-example: (\S+) -->\s*```json\n([\s\S]*?)```/g)];
    expect(blocks.map((m) => m[1])).toEqual([
      'scenarios/default.json',
      'scenarios/adler-noisy-slips.json',
      'scenarios/vdp-pair-spectrum.json',
      'scenarios/spin-pair-locking.json',
      'scenarios/spin-ensemble-cumulants.json',
      'scenarios/spin-ensemble-exact.json',
      'scenarios/vdp-heterodyne-trajectories.json',
    ]);
    for (const [, file, text] of blocks) {
      const shown = JSON.parse(text) as Record<string, unknown>;
      const held = JSON.parse(readFileSync(here(`../${file}`), 'utf8')) as Record<string, unknown>;
      delete shown.description;
      delete held.description;
      expect(shown, file).toEqual(held);
      expect(() => validateScenario(shown), file).not.toThrow();
    }
  });
});

describe('the shipped Ch. 4 examples', () => {
  it('vdp-pair-spectrum: the two lines are mirror images, S_B(ω) = S_A(−ω) (the pair is symmetric under A ↔ B, δ → −δ)', async () => {
    const run = await runScenario(example('vdp-pair-spectrum'), { outDir: join(tmp, 'spectrum') });
    const a = run.results.spectra?.SA;
    const b = run.results.spectra?.SB;
    if (a === undefined || b === undefined) throw new Error('no spectra');
    // the grid −4 … 4 is symmetric: index k ↔ count − 1 − k
    expectClose(b.S, [...a.S].reverse(), { rtol: 1e-9 });
    // pulled from ±δ/2 = ±0.25 toward each other, not merged
    expect(a.peak.omega).toBeGreaterThan(0.05);
    expect(a.peak.omega).toBeLessThan(0.25);
    expectClose(b.peak.omega, -a.peak.omega, { rtol: 1e-9 });
    expect(run.files).toEqual(['scenario.json', 'results.json', 'observables.csv', 'spectra.csv', 'spectra.svg', 'spectra.png']);
  });

  it('spin-pair-locking: at t = 20 the pair is at the steady state of an independent solve, locked near φ_AB = π', async () => {
    const raw = example('spin-pair-locking');
    const run = await runScenario(raw, { outDir: join(tmp, 'spins') });
    const steady = await runScenario(
      { model: raw.model, parameters: raw.parameters, method: 'steady-state', observables: { c: 'sigmaPlusASigmaMinusB', sz: 'sigmaZA' }, outputs: ['json'] },
      { outDir: join(tmp, 'spins-steady') },
    );
    const c = (steady.results.observables.c as SteadyObservable).value;
    const final = (run.results.observables.correlation as ObservableSeries).final;
    expectClose([final.re, final.im], [c.re, c.im], { atol: 1e-6 });
    expectClose((run.results.observables.szA as ObservableSeries).final.re, (steady.results.observables.sz as SteadyObservable).value.re, { atol: 1e-6 });
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expect(Math.abs(Math.abs(q.argmax) - Math.PI)).toBeLessThan(0.3);
    expect(q.max - 1 / (2 * Math.PI)).toBeGreaterThan(0.03);
  });

  it("spin-ensemble-cumulants: at t = 4 the run is at the equations' stationary point and within 1e-3 of the mean field (4.56)", async () => {
    const raw = example('spin-ensemble-cumulants') as { parameters: { N: number; V: number; gammaPlus: number; gammaMinus: number } };
    const run = await runScenario(raw, { outDir: join(tmp, 'cumulants') });
    const final = (name: string) => (run.results.observables[name] as ChannelSeries).final.re;
    const stationary = spinEnsembleCumulants(raw.parameters).steadyState();
    expectClose([final('sz'), final('pair'), final('order')], [stationary.sz, stationary.sigmaPlusSigmaMinus, Math.sqrt(stationary.sigmaPlusSigmaMinus)], { rtol: 1e-6 });
    const { V, gammaPlus: gp, gammaMinus: gm } = raw.parameters;
    const vc = (gp + gm) ** 2 / (gp - gm);
    expect(Math.abs(final('order') - Math.sqrt(((gp - gm) * (V - vc)) / (2 * V * V)))).toBeLessThan(1e-3);
  });

  it('spin-ensemble-exact (N = 100, permutation-invariant): its steady state satisfies the exact equation of ⟨Σσz⟩, and the probes match its moments', async () => {
    const raw = example('spin-ensemble-exact') as { parameters: { N: number; V: number; gammaPlus: number; gammaMinus: number } };
    const run = await runScenario(raw, { outDir: join(tmp, 'exact') });
    const value = (name: string) => (run.results.observables[name] as SteadyObservable).value.re;
    const { N, V, gammaPlus: gp, gammaMinus: gm } = raw.parameters;
    // d⟨Σσz⟩/dt/N = (γ+ − γ− − V/N) − (γ+ + γ− + V/N)s_z − 2V(N − 1)/N ⟨σ+σ−⟩, no truncation (the first
    // line of Eq. 4.58 is exact: (V/N)D[S−] adds −2(V/N)S+S−, S+S− = Σσ+_iσ−_i + Σ_{i≠j}σ+_iσ−_j)
    const rate = gp - gm - V / N - (gp + gm + V / N) * value('sz') - ((2 * V * (N - 1)) / N) * value('pair');
    expect(Math.abs(rate)).toBeLessThan(1e-10);
    // above threshold: correlated, locked in phase, below the mean field |s+|² by finite-N fluctuations
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expectClose([q.correlation.re, q.argmax], [value('pair'), 0], { atol: 1e-14 });
    const vc = (gp + gm) ** 2 / (gp - gm);
    expect(value('pair')).toBeGreaterThan(0.05);
    expect(value('pair')).toBeLessThan(((gp - gm) * (V - vc)) / (2 * V * V));
    // Q(θ = 0) of one spin is p↑/2π = (1 + s_z)/4π
    expectClose((run.results.probes['spin-husimi'] as SpinHusimiProbeResult).Q[0][0], (1 + value('sz')) / (4 * Math.PI), { rtol: 1e-12 });
  });
});
