import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelCatalog, quantumVanDerPolCriticalCoupling, tiltedWashboard, tiltedWashboardDiffusion } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../scenario/read-scenario-file';
import type { ChannelSeries, RunResults } from './results';
import { runScenario } from './run-scenario';
import { humanSummary, jsonSummary } from './summary';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-sim-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = new URL('../../scenarios/adler-noisy-slips.json', import.meta.url).pathname;

describe('qsync run on a classical model: the shipped noisy Adler example', async () => {
  const outDir = join(tmp, 'adler');
  const raw = readScenarioFile(example) as { parameters: { delta: number; V: number; sigma: number; realizations: number } };
  const run = await runScenario(raw, { outDir, progress: false });
  const slips = run.results.observables.slips as ChannelSeries;
  const t = run.results.simulation?.times ?? [];

  it('slips at the mean velocity of the tilted washboard (Eq. 2.26), not at the noise-free √(δ² − V²) (Eq. 2.23)', () => {
    const { delta, V, sigma, realizations: n } = raw.parameters;
    // velocity over the second half, after the start from φ = 0 has been forgotten
    const k1 = t.length - 1;
    const k0 = (t.length - 1) / 2;
    const span = t[k1] - t[k0];
    const v = (slips.re[k1] - slips.re[k0]) / span;
    // its standard error from the run: sd(φ(T) − φ(T/2)) ≤ sd(φ(T)) + sd(φ(T/2)), over √n realizations
    const se = (slips.std[k1] + slips.std[k0]) / Math.sqrt(n) / span;
    const exact = tiltedWashboard({ delta, V, sigma }).velocity; // 0.5551 by quadrature
    const noiseFree = Math.sqrt(delta * delta - V * V); // 0.4583
    expect(Math.abs(v - exact)).toBeLessThan(4 * se);
    expect(Math.abs(v - noiseFree)).toBeGreaterThan(4 * se); // the check tells the two apart
    expect(se).toBeLessThan(0.25 * (exact - noiseFree));
  });

  it('records the ensemble statistics of the channel: count, a spread growing at the washboard\'s effective diffusion, the scheme it ran', () => {
    expect(slips).toMatchObject({ channel: 'phiABUnwrapped', kind: 'real', unit: 'rad', count: 400 });
    expect(slips.re[0]).toBe(0); // every realization starts at φ = 0
    expect(slips.std[0]).toBe(0);
    // Var φ grows as 2·D_eff·t, D_eff of the tilted washboard (Reimann et al. 2001): 0.418 here,
    // 3.3× the free σ²/2 = 0.125 (near the tongue's edge the slips enhance the diffusion). The
    // closed form is checked in @qsync/models (free diffusion at V = 0, tiltedWashboard's velocity, the
    // weak-noise limit of the running solution).
    const { delta, V, sigma, realizations: n } = raw.parameters;
    const washboard = tiltedWashboardDiffusion({ delta, V, sigma });
    const T = t[t.length - 1];
    const estimate = slips.std[t.length - 1] ** 2 / (2 * T);
    // standard error of a sample variance of n near-Gaussian values (φ(T) sums ≈ 20 slips), √(2/(n − 1));
    // the start from φ = 0 offsets Var φ(T) by O(D_eff/v·2π), a few % of it, below 1 SE
    const se = estimate * Math.sqrt(2 / (n - 1));
    expect(Math.abs(estimate - washboard.diffusion)).toBeLessThan(4 * se);
    expect(Math.abs(estimate - (sigma * sigma) / 2)).toBeGreaterThan(8 * se); // not free diffusion
    expect(run.results.simulation).toMatchObject({ integrator: 'sra', step: 0.02, noiseSeed: 1, realizations: 400 });
    expect(t).toHaveLength(201);
  });

  it('writes scenario.json, results.json, the CSV table and the plot as SVG and PNG', () => {
    expect([...run.files].sort()).toEqual(['observables.csv', 'results.json', 'scenario.json', 'slips.png', 'slips.svg']);
    const rows = readFileSync(join(outDir, 'observables.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('t,slips_mean,slips_std');
    expect(rows).toHaveLength(202);
    expectClose(rows.slice(1).map((r) => Number(r.split(',')[1])), slips.re, { rtol: 0 });
    const png = readFileSync(join(outDir, 'slips.png'));
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 880]);
    const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as RunResults;
    expect(results.model).toMatchObject({ name: 'adler', equation: '2.25' });
    expect(results.model).not.toHaveProperty('dims');
  });

  it('summarises the run in JSON and for people', () => {
    const s = jsonSummary(run);
    expect(s).toMatchObject({ model: 'adler', method: 'simulate', residual: null, finalTrace: null });
    expect(s.observables.slips).toMatchObject({ final: slips.final, std: slips.std });
    expect(humanSummary(run)).toMatch(/^adler — .*simulation t = 0 … 200 \(201 times; sra, step 0\.02, noise seed 1, 400 realizations\)\n {2}slips {2}mean of phiABUnwrapped at t = 200 = \d+\.\d+ \(standard deviation \d+\.?\d* over 400\)/);
  });
});

describe('qsync run on classical models against closed forms', () => {
  it('noise-free van der Pol: |α| converges at second order in the step to the logistic law of r², towards r0 = √(κ1/2κ2) (Eq. 2.4)', async () => {
    const [kappa1, kappa2, x0] = [1, 1, 2];
    const r02 = kappa1 / (2 * kappa2);
    const radius = async (step: number) => {
      const run = await runScenario(
        {
          model: 'noisy-vdp',
          parameters: { omega: 2, kappa1, kappa2, sigma: 0, realizations: 2, x0, p0: 0 },
          method: 'simulate',
          times: { start: 0, stop: 8, count: 17 },
          sde: { method: 'sra', step },
          observables: { r: 'r', mean: 'mean' },
          outputs: ['json'],
        },
        { outDir: join(tmp, `vdp-${step}`), progress: false },
      );
      return { run, r: run.results.observables.r as ChannelSeries, t: run.results.simulation?.times ?? [] };
    };
    // d(r²)/dt = κ1 r² − 2κ2 r⁴: r²(t) = r0² / (1 + (r0²/r(0)² − 1) e^{−κ1 t})
    const exact = (s: number) => Math.sqrt(r02 / (1 + (r02 / (x0 * x0) - 1) * Math.exp(-kappa1 * s)));
    const error = ({ r, t }: { r: ChannelSeries; t: readonly number[] }) => Math.max(...t.map((s, k) => Math.abs(r.re[k] - exact(s))));
    const coarse = await radius(0.01);
    const fine = await radius(0.005);
    // σ = 0: SRA is Ralston's RK2, global error O(dt²): halving the step quarters it (measured 6.0e-5 → 1.5e-5)
    expect(error(fine)).toBeLessThan(3e-5);
    const ratio = error(coarse) / error(fine);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
    expect(fine.r.std.every((s) => s === 0)).toBe(true); // identical realizations without noise
    expectClose(fine.r.re[fine.t.length - 1], Math.sqrt(r02), { rtol: 1e-3 });
    // the scalar complex channel E[α] turns at ω: arg E[α](t) = −ωt (α = r e^{−iφ}, φ̇ = ω)
    const mean = fine.run.results.observables.mean as ChannelSeries;
    expect(mean).toMatchObject({ kind: 'complex', count: 1 });
    const k = 3; // t = 1.5
    expectClose(Math.atan2(mean.im[k], mean.re[k]), Math.atan2(Math.sin(-2 * fine.t[k]), Math.cos(-2 * fine.t[k])), { atol: 1e-4 });
  });

  it('Ott–Antonsen: |z| of Eq. 2.43 reaches √(1 − 2G/V) (Eq. 2.37)', async () => {
    const run = await runScenario(
      { model: 'ott-antonsen', parameters: { V: 1.5, G: 0.5 }, method: 'simulate', times: { start: 0, stop: 80, count: 5 }, observables: { r: 'r' }, outputs: ['csv'] },
      { outDir: join(tmp, 'oa'), progress: false },
    );
    const r = run.results.observables.r as ChannelSeries;
    expect(run.results.simulation).toMatchObject({ integrator: 'dormand-prince', rtol: 1e-10, atol: 1e-12 });
    // the gain V/2 − G = 0.25 from r0 = 0.01: after t = 80, e^{−2·0.25·80} ≈ 4e-18 of the gap is left
    expectClose(r.re[4], Math.sqrt(1 - (2 * 0.5) / 1.5), { rtol: 1e-8 });
    expect(readFileSync(join(tmp, 'oa', 'observables.csv'), 'utf8').split('\n')[0]).toBe('t,r');
  });

  it('runs every classical model of the catalog from a scenario, each channel finite at every output time', async () => {
    const small: Record<string, Record<string, number>> = {
      'noisy-vdp': { kappa1: 1, kappa2: 1, sigma: 0.3, realizations: 4 },
      'noisy-vdp-polar': { kappa1: 1, kappa2: 1, sigma: 0.3, realizations: 4 },
      'coupled-noisy-vdp': { delta: 0.1, V: 0.2, kappa1: 1, kappa2: 1, sigma: 0.3, realizations: 4 },
      'noisy-phase-pair': { delta: 1, V: 0.5, sigma: 0.4, realizations: 4 },
      adler: { delta: 1, V: 0.5, sigma: 0.4, realizations: 4 },
      'nonreciprocal-phase-pair': { VAB: 1, VBA: -0.5, sigma: 0.2, realizations: 4 },
      kuramoto: { N: 32, V: 1.5, G: 0.2, sigma: 0.3, realizations: 2 },
      'two-population-kuramoto': { NA: 16, NB: 16, VAA: 1, VBB: 1, VAB: 0.5, VBA: -0.5, sigma: 0.3, realizations: 2 },
      'ott-antonsen': { V: 1.5, G: 0.5 },
      'reduced-order-parameter': { V: 1.1, sigma: 1 },
      'spin-ensemble-mean-field': { V: 22, gammaPlus: 10, gammaMinus: 1 },
      'spin-ensemble-cumulants': { N: 100, V: 22, gammaPlus: 10, gammaMinus: 1 },
      'quantum-vdp-mean-field': { cutoff: 5, kappa1: 1, kappa2: 1, V: 4 },
      'undriven-atom-laser-cumulants': { Nd: 80, Nud: 20, Omega: 0.1, kappa: 10, gammaPlus: 0.2 },
      'undriven-atom-laser-mean-field': { N: 100, pd: 0.8, Omega: 0.1, kappa: 10, gammaPlus: 0.2 },
      'undriven-atom-laser-bad-cavity': { V: 1, pd: 0.8, gammaPlus: 1 },
      'undriven-atom-laser-good-cavity': { N: 1000, pd: 0.9, Omega: 0.01, kappa: 0.01, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.2 },
    };
    const classical = Object.entries(modelCatalog).filter(([, e]) => e.kind !== 'quantum' && e.kind !== 'permutation-invariant');
    expect(classical.map(([name]) => name).sort()).toEqual(Object.keys(small).sort());
    for (const [name, entry] of classical) {
      if (entry.kind === 'quantum' || entry.kind === 'permutation-invariant') continue;
      const observables = Object.fromEntries(Object.keys(entry.channels).map((c) => [`o_${c}`, c]));
      const run = await runScenario(
        { model: name, parameters: small[name], method: 'simulate', times: { start: 0, stop: 1, count: 3 }, observables, outputs: ['csv', 'svg'] },
        { outDir: join(tmp, `all-${name}`), progress: false },
      );
      expect(run.files, name).toContain('observables.csv');
      for (const [o, series] of Object.entries(run.results.observables)) {
        const s = series as ChannelSeries;
        expect(run.files, `${name}: ${o}`).toContain(`${o}.svg`);
        for (const v of [...s.re, ...s.im, ...s.std]) expect(Number.isFinite(v), `${name}: ${o}`).toBe(true);
      }
    }
  });
});

describe('qsync run on the mean-field and cumulant equations of Ch. 4 against the closed forms', () => {
  const simulate = (model: string, parameters: Record<string, number>, stop: number, observables: Record<string, string>) =>
    runScenario(
      { model, parameters, method: 'simulate', times: { start: 0, stop, count: 2 }, observables, outputs: ['json'] },
      { outDir: join(tmp, `${model}-${Object.values(parameters).join('-')}`), progress: false },
    );
  const final = (run: { results: RunResults }, name: string) => (run.results.observables[name] as ChannelSeries).final.re;
  // γ+ = 10, γ− = 1: s_z0 = 9/11 and Vc = (γ+ + γ−)/s_z0 = 121/9 = 13.44 (Eq. 4.55)
  const [gp, gm] = [10, 1];
  const vc = (gp + gm) ** 2 / (gp - gm);

  it('spin-ensemble-mean-field settles at s_z = (γ+ + γ−)/V, |s+|² = (γ+ − γ−)(V − Vc)/2V² above Vc (Eq. 4.56), and at s_z0, s+ = 0 below', async () => {
    const above = await simulate('spin-ensemble-mean-field', { V: 22, gammaPlus: gp, gammaMinus: gm }, 20, { s: 'sPlusModulus', sz: 'sz' });
    expectClose([final(above, 's'), final(above, 'sz')], [Math.sqrt(((gp - gm) * (22 - vc)) / (2 * 22 * 22)), (gp + gm) / 22], { rtol: 1e-8 });
    // below: s+ decays at (γ+ + γ− − V s_z0)/2 = 1.41, from 0.01 to ~1e-14 by t = 20
    const below = await simulate('spin-ensemble-mean-field', { V: 10, gammaPlus: gp, gammaMinus: gm }, 20, { s: 'sPlusModulus', sz: 'sz' });
    expect(final(below, 's')).toBeLessThan(1e-12);
    expectClose(final(below, 'sz'), (gp - gm) / (gp + gm), { rtol: 1e-10 });
  });

  it('spin-ensemble-cumulants at N = 10⁴ has √⟨σ+σ−⟩ within 1e-3 of the mean-field |s+| (Eqs. 4.56, 4.58)', async () => {
    const run = await simulate('spin-ensemble-cumulants', { N: 10_000, V: 22, gammaPlus: gp, gammaMinus: gm }, 20, { order: 'order', sz: 'sz' });
    const meanField = Math.sqrt(((gp - gm) * (22 - vc)) / (2 * 22 * 22));
    expect(Math.abs(final(run, 'order') - meanField)).toBeLessThan(1e-3);
    expect(Math.abs(final(run, 'sz') - (gp + gm) / 22)).toBeLessThan(1e-3);
  });

  it('quantum-vdp-mean-field (Eqs. 4.19–4.20): |A| decays below the Vc of the linear stability analysis (4.22) and grows above it', async () => {
    const p = { cutoff: 6, kappa1: 1, kappa2: 1 };
    const { coupling } = quantumVanDerPolCriticalCoupling(p);
    const below = await simulate('quantum-vdp-mean-field', { ...p, V: 0.7 * coupling }, 30, { A: 'absA', trace: 'trace' });
    const above = await simulate('quantum-vdp-mean-field', { ...p, V: 1.5 * coupling }, 30, { A: 'absA' });
    // from |A(0)| = α0 = 0.1
    expect(final(below, 'A')).toBeLessThan(0.01);
    expect(final(above, 'A')).toBeGreaterThan(0.2);
    expectClose(final(below, 'trace'), 1, { rtol: 1e-8 });
  });
});

