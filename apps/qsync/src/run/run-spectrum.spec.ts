// qsync run, method 'spectrum': numbers against closed forms (one spin) and QuTiP 4.7.1's
// spectrum (two vdP oscillators, two spins; fixture test/fixtures/qutip-spectrum.json).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svgElements } from '@qsync/plots';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressReporter } from '../common/progress';
import type { SpectrumResult } from './results';
import { runScenario } from './run-scenario';
import { humanSummary, jsonSummary } from './summary';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-spectrum-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface FixtureCase {
  params: Record<string, number>;
  omega: number[];
  S_A: number[];
  S_B: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../../../test/fixtures/qutip-spectrum.json', import.meta.url), 'utf8')) as {
  cases: Record<string, FixtureCase>;
};

/** max_k |x_k − y_k| / |y_k|. */
function relativePointwise(x: readonly number[], y: readonly number[]): number {
  let d = 0;
  for (let k = 0; k < y.length; k++) d = Math.max(d, Math.abs(x[k] - y[k]) / Math.abs(y[k]));
  return d;
}

/** A 'spectrum' scenario on the frequency grid of a QuTiP fixture case, without observables. */
function onGridOf(c: FixtureCase, scenario: Record<string, unknown>): Record<string, unknown> {
  return { method: 'spectrum', frequencies: { start: c.omega[0], stop: c.omega[c.omega.length - 1], count: c.omega.length }, observables: {}, ...scenario };
}

describe("qsync run, method 'spectrum': one spin (Eq. 4.26) against its Lorentzian", async () => {
  // γ+ = 0.7, γ− = 0.4, ω = 2: s+ decays at Γ/2 = 0.55 and rotates at ω (Eq. 4.28), so
  // S(ω') = w Γ/((ω' − ω)² + Γ²/4) with weight w = ⟨σ+σ−⟩ = (1 + s_z)/2 = γ+/Γ (Eqs. 4.29–4.30).
  const [gp, gm, w0] = [0.7, 0.4, 2];
  const gamma = gp + gm;
  const weight = gp / gamma;
  const lorentzian = (w: number) => (weight * gamma) / ((w - w0) ** 2 + gamma ** 2 / 4);
  const counts: [string, number, number][] = [];
  const progress: ProgressReporter = { status() {}, count: (label, done, total) => counts.push([label, done, total]), stop() {} };
  const scenario = {
    model: 'spin',
    parameters: { omega: w0, gammaPlus: gp, gammaMinus: gm },
    method: 'spectrum',
    frequencies: { start: -1, stop: 5, count: 601 },
    spectra: { S: { A: 'sigmaPlus', B: 'sigmaMinus' }, Sz: { A: 'sigmaZ', B: 'sigmaZ' } },
    observables: { sz: 'sigmaZ' },
  };
  const run = await runScenario(scenario, { outDir: join(tmp, 'spin'), progress });
  const s = run.results.spectra?.S as SpectrumResult;

  it('is the Lorentzian at ω with half width (γ+ + γ−)/2 and weight (1 + s_z)/2 at every frequency', () => {
    expectClose(s.S, s.omega.map(lorentzian), { rtol: 1e-10 });
    // peak on the grid point ω = 2, where the parabola through symmetric neighbours has its vertex
    expectClose([s.peak.omega, s.peak.density], [w0, (4 * weight) / gamma], { rtol: 1e-9 });
    expectClose((run.results.observables.sz as { value: { re: number } }).value.re, (gp - gm) / gamma, { rtol: 1e-12 });
  });

  it('reports the power ∫S dω/2π on the grid: the Lorentzian weight inside [−1, 5] to the trapezoid rule’s error', () => {
    // ∫ over [ω − 3, ω + 3] of the Lorentzian / 2π = (2w/π) atan(6/Γ); the trapezoid rule with
    // h = 0.01 errs by about h²/12 ∫|S''| dω/2π ≈ 2e-6 here, far below the 7 % the tails hold.
    expectClose(s.power, ((2 * weight) / Math.PI) * Math.atan(6 / gamma), { rtol: 1e-5 });
  });

  it('gives the σz fluctuation spectrum: a Lorentzian at 0 of half width Γ and weight 1 − s_z²', () => {
    // δσz relaxes at Γ (Eq. 4.27), and ⟨σz σz⟩ − ⟨σz⟩² = 1 − s_z²: S(ω) = (1 − s_z²)·2Γ/(ω² + Γ²)
    const sz = (gp - gm) / gamma;
    const z = run.results.spectra?.Sz as SpectrumResult;
    expectClose(z.S, z.omega.map((w) => ((1 - sz * sz) * 2 * gamma) / (w * w + gamma * gamma)), { rtol: 1e-10 });
  });

  it('writes spectra.csv and a plot with one line per spectrum, and reports progress per frequency', () => {
    const rows = readFileSync(join(run.runDir, 'spectra.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('omega,S,Sz');
    expect(rows).toHaveLength(602);
    expectClose(rows.slice(1).map((r) => Number(r.split(',')[1])), s.S, { rtol: 0 });
    const svg = readFileSync(join(run.runDir, 'spectra.svg'), 'utf8');
    expect(svgElements(svg).filter((e) => e.attributes.class === 'series').map((e) => e.attributes['data-name'])).toEqual([
      'S: S(ω) of ⟨sigmaPlus(τ) sigmaMinus⟩',
      'Sz: S(ω) of ⟨sigmaZ(τ) sigmaZ⟩',
    ]);
    expect(run.files).toEqual(['scenario.json', 'results.json', 'observables.csv', 'spectra.csv', 'spectra.svg']);
    const steady = counts.filter(([label]) => label === 'steady state (2×2)').at(-1);
    expect(steady?.[1]).toBe(steady?.[2]);
    expect(counts.findIndex(([label]) => label === 'steady state (2×2)')).toBeLessThan(counts.findIndex(([label]) => label === 'spectrum S'));
    expect(counts.filter(([label]) => label === 'spectrum S').at(-1)).toEqual(['spectrum S', 601, 601]);
    expect(counts.filter(([label]) => label === 'spectrum Sz').at(-1)).toEqual(['spectrum Sz', 601, 601]);
  });

  it('summarises each spectrum by its peak and power', () => {
    expect(jsonSummary(run).spectra).toEqual({
      S: { peak: s.peak, power: s.power },
      Sz: { peak: run.results.spectra?.Sz.peak, power: run.results.spectra?.Sz.power },
    });
    expect(humanSummary(run)).toContain('steady-state spectra at ω = -1 … 5 (601 frequencies, resolvent route)');
    // (4 w/Γ = 2.31405 at ω = 2, printed to 6 digits)
    expect(humanSummary(run)).toContain(`\n  S   S(ω) of ⟨sigmaPlus(τ) sigmaMinus⟩: peak 2.31405 at ω = 2.00000, ∫S dω/2π = ${s.power.toPrecision(6)} on the grid\n`);
  });
});

describe("qsync run, method 'spectrum', against QuTiP 4.7.1's spectrum (cutoff 6)", () => {
  const spins = fixture.cases.spins_small_delta;
  const spinParameters = { delta: spins.params.delta, V: spins.params.V, gammaPlus: spins.params.gamma_plus, gammaMinus: spins.params.gamma_minus };

  it('two coupled vdP oscillators (Eq. 4.8): S_A and S_B to 1e-6 relative at every frequency', async () => {
    const c = fixture.cases.vdp_small_delta;
    const run = await runScenario(
      onGridOf(c, {
        model: 'coupled-quantum-vdp',
        parameters: { cutoff: c.params.N, kappa: c.params.kappa, kappa1: c.params.kappa1, kappa2: c.params.kappa2, delta: c.params.delta, V: c.params.V },
        spectra: { SA: { A: 'adag', B: 'a' }, SB: { A: 'bdag', B: 'b' } },
        outputs: ['json'],
      }),
      { outDir: join(tmp, 'vdp') },
    );
    expectClose(run.results.spectra?.SA.omega ?? [], c.omega, { rtol: 1e-14, atol: 1e-15 });
    expect(relativePointwise(run.results.spectra?.SA.S ?? [], c.S_A)).toBeLessThan(1e-6);
    expect(relativePointwise(run.results.spectra?.SB.S ?? [], c.S_B)).toBeLessThan(1e-6);
  });

  it('two coupled spins (Eq. 4.35): S_A and S_B of σ+, σ− to 1e-6 relative', async () => {
    const run = await runScenario(
      onGridOf(spins, {
        model: 'coupled-spins',
        parameters: spinParameters,
        spectra: { SA: { A: 'sigmaPlusA', B: 'sigmaMinusA' }, SB: { A: 'sigmaPlusB', B: 'sigmaMinusB' } },
        outputs: ['csv'],
      }),
      { outDir: join(tmp, 'spins') },
    );
    expect(relativePointwise(run.results.spectra?.SA.S ?? [], spins.S_A)).toBeLessThan(1e-6);
    expect(relativePointwise(run.results.spectra?.SB.S ?? [], spins.S_B)).toBeLessThan(1e-6);
    expect(run.files).toEqual(['scenario.json', 'observables.csv', 'spectra.csv']);
  });

  it("the 'fourier' route (τ-evolution, Fourier-transformed) agrees with QuTiP too: two spins, S_A to 1e-6 relative", async () => {
    const run = await runScenario(
      onGridOf(spins, { model: 'coupled-spins', parameters: spinParameters, spectra: { SA: { A: 'sigmaPlusA', B: 'sigmaMinusA' } }, route: 'fourier', outputs: ['json'] }),
      { outDir: join(tmp, 'spins-fourier') },
    );
    expect(run.results.spectrum?.route).toBe('fourier');
    const fourier = run.results.spectra?.SA.S ?? [];
    expect(relativePointwise(fourier, spins.S_A)).toBeLessThan(1e-6);
    // the route is taken: not the resolvent's numbers bit for bit (they differ at the integrator's tolerance)
    const resolvent = await runScenario({ ...run.scenario, route: 'resolvent', outputs: ['json'] }, { outDir: join(tmp, 'spins-resolvent') });
    const a = resolvent.results.spectra?.SA.S ?? [];
    expect(fourier.some((v, k) => v !== a[k])).toBe(true);
    expect(relativePointwise(fourier, a)).toBeLessThan(1e-6);
  });
});

describe("qsync run, method 'spectrum': the vdP network's ⟨a_i†(τ)a_i⟩ (operators adag1 … adag3)", () => {
  it('at V = 0 each oscillator has the spectrum of one quantum vdP oscillator (Eq. 4.1, a separate model) to 1e-8 relative', async () => {
    const base = { method: 'spectrum', frequencies: { start: -3, stop: 3, count: 13 }, observables: {}, outputs: ['json'] };
    const oscillator = { cutoff: 4, kappa1: 1, kappa2: 0.5 };
    const net = await runScenario(
      { ...base, model: 'quantum-vdp-network', parameters: { ...oscillator, V: 0 }, spectra: { S1: { A: 'adag1', B: 'a1' }, S3: { A: 'adag3', B: 'a3' } } },
      { outDir: join(tmp, 'network') },
    );
    const one = await runScenario({ ...base, model: 'quantum-vdp', parameters: oscillator, spectra: { S: { A: 'adag', B: 'a' } } }, { outDir: join(tmp, 'one') });
    const s = one.results.spectra?.S.S ?? [];
    expect(s.length).toBe(13);
    expect(relativePointwise(net.results.spectra?.S1.S ?? [], s)).toBeLessThan(1e-8);
    expect(relativePointwise(net.results.spectra?.S3.S ?? [], s)).toBeLessThan(1e-8);
  });
});
