import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { mesolve, steadyState } from '@qsync/integrators';
import { buildQuantumModel } from '../test-support/build-quantum-model';
import { expect as expectValue, fockKet, pureState, tensorKet } from '@qsync/operators';
import { relativePhaseDistribution } from '@qsync/probes';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { NumericalError, ScenarioError } from '../common/errors';
import type { ProgressReporter } from '../common/progress';
import type { ObservableSeries, PhaseProbeResult, RunResults, SteadyObservable } from './results';
import { runScenario } from './run-scenario';
import { humanSummary, jsonSummary } from './summary';
import { svgElements } from '@qsync/plots';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const parameters = { cutoff: 5, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 };
const steady = {
  model: 'coupled-quantum-vdp',
  parameters,
  method: 'steady-state',
  observables: { coherence: 'adagb', nA: 'na', nB: 'nb' },
  probes: [{ type: 'relative-phase', points: 64 }],
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const csvRows = (file: string): string[][] =>
  readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(','));

describe('runScenario: steady state of two coupled vdP oscillators (cutoff 5), end to end', async () => {
  const outDir = join(tmp, 'steady');
  const run = await runScenario(steady, { outDir, progress: false });
  const model = buildQuantumModel('coupled-quantum-vdp', parameters);
  const direct = steadyState(model.lindbladian);

  it('writes scenario.json, results.json, the CSV files and the SVG plot', () => {
    expect(run.runDir).toBe(outDir);
    expect([...run.files].sort()).toEqual(['observables.csv', 'relative-phase.csv', 'relative-phase.svg', 'results.json', 'scenario.json']);
    expect(readdirSync(outDir).sort()).toEqual([...run.files].sort());
    expect(readJson(join(outDir, 'scenario.json'))).toEqual({ ...steady, probes: [{ type: 'relative-phase', points: 64 }], outputs: ['json', 'csv', 'svg'] });
  });

  it('stores ⟨O⟩ = Tr[O ρ_ss] of each observable, equal to expect(op, steadyState(L).rho) computed here', () => {
    // Same deterministic solve and the same sums, and JSON keeps doubles exactly: agreement to rounding.
    const results = readJson(join(outDir, 'results.json')) as RunResults;
    for (const [name, op] of Object.entries(steady.observables)) {
      const want = expectValue(model.operators[op], direct.rho);
      const got = (results.observables[name] as SteadyObservable).value;
      expectClose([got.re, got.im], [want.re, want.im], { rtol: 1e-12, atol: 1e-15 });
    }
    expect(results.method).toBe('steady-state');
    expect(results.steadyState?.residual).toBeLessThan(1e-10);
    expectClose(results.steadyState?.residual ?? NaN, direct.residual, { rtol: 1e-12 });
    expect(results.model).toMatchObject({ name: 'coupled-quantum-vdp', equation: '4.8', dims: [5, 5] });
    expect(results.qsyncVersion).toBe('0.1.0');
    expect(results.timing.totalMs).toBeGreaterThan(0);
  });

  it('writes observables.csv as name,re,im with the same numbers', () => {
    const rows = csvRows(join(outDir, 'observables.csv'));
    expect(rows[0]).toEqual(['name', 're', 'im']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['coherence', 'nA', 'nB']);
    const want = expectValue(model.operators.adagb, direct.rho);
    expectClose(rows[1].slice(1).map(Number), [want.re, want.im], { rtol: 1e-12, atol: 1e-15 });
  });

  it('stores Q(φ_AB) of ρ_ss on [−π, π), normalised, with its maximum', () => {
    const q = run.results.probes['relative-phase'] as PhaseProbeResult;
    expect(q.phi).toHaveLength(64);
    expectClose(q.phi[0], -Math.PI, { rtol: 1e-15 });
    expectClose(q.Q, relativePhaseDistribution(direct.rho, q.phi), { rtol: 1e-12 });
    // Q is a trigonometric polynomial of degree 4 < 64/2, so the periodic rectangle rule integrates it exactly.
    expectClose((q.Q.reduce((s, v) => s + v, 0) * 2 * Math.PI) / 64, 1, { rtol: 1e-12 });
    const k = q.Q.indexOf(Math.max(...q.Q));
    expect(q.max).toBeGreaterThanOrEqual(q.Q[k]);
    expect(Math.abs(q.argmax - q.phi[k])).toBeLessThanOrEqual((2 * Math.PI) / 64);
    // The locked phase difference is the argument of the coherence ⟨a†b⟩ (about 0.2 rad here).
    const c = (run.results.observables.coherence as SteadyObservable).value;
    expect(Math.abs(q.argmax - Math.atan2(c.im, c.re))).toBeLessThan(0.05);
    const rows = csvRows(join(outDir, 'relative-phase.csv'));
    expect(rows[0]).toEqual(['phi', 'Q']);
    expectClose(rows.slice(1).map((r) => Number(r[1])), q.Q, { rtol: 0 });
  });

  it('plots Q(φ_AB) as a well-formed SVG', () => {
    const svg = readFileSync(join(outDir, 'relative-phase.svg'), 'utf8');
    const els = svgElements(svg);
    expect(els.filter((e) => e.attributes.class === 'series').map((e) => e.attributes['data-name'])).toEqual([
      'Q(φ_AB)',
      'no phase preference, 1/2π',
    ]);
    expect(svg).toContain('Q(φ_AB), steady state');
  });

  it('summarises every asked observable under its name', () => {
    const s = jsonSummary(run);
    expect(Object.keys(s.observables)).toEqual(['coherence', 'nA', 'nB']);
    expect(s.observables.nA).toEqual((run.results.observables.nA as SteadyObservable).value);
    expect(s).toMatchObject({ runDir: outDir, model: 'coupled-quantum-vdp', method: 'steady-state', finalTrace: null });
    expect(s.residual).toBe(run.results.steadyState?.residual);
    expect(s.probes['relative-phase']).toEqual({ max: (run.results.probes['relative-phase'] as PhaseProbeResult).max, argmax: (run.results.probes['relative-phase'] as PhaseProbeResult).argmax });
    const text = humanSummary(run);
    expect(text).toMatch(/^coupled-quantum-vdp .* steady state \(direct solve, residual/);
    expect(text).toMatch(/\n {2}coherence {2}⟨adagb⟩ = \d\.\d+ \+ \d\.\d+i\n/);
    expect(text).toContain(`results in ${outDir}/`);
  });
});

describe('runScenario: time evolution of the pair (cutoff 4, few times), end to end', async () => {
  const outDir = join(tmp, 'evolution');
  const scenario = {
    model: 'coupled-quantum-vdp',
    parameters: { ...parameters, cutoff: 4 },
    method: 'time-evolution',
    initialState: { type: 'fock', n: { a: 1, b: 0 } },
    times: { start: 0, stop: 0.5, count: 6 },
    observables: { nA: 'na', coherence: 'adagb' },
    probes: [{ type: 'phase', mode: 'a', points: 32 }],
  };
  const counts: [number, number][] = [];
  const statuses: string[] = [];
  const reporter: ProgressReporter = {
    status: (m) => statuses.push(m),
    count: (_label, done, total) => counts.push([done, total]),
    stop: () => statuses.push('stopped'),
  };
  const run = await runScenario(scenario, { outDir, progress: reporter });
  const model = buildQuantumModel('coupled-quantum-vdp', scenario.parameters);
  const rho0 = pureState(tensorKet(fockKet(model.modes.a, 1), fockKet(model.modes.b, 0)));
  const times = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
  const frames = await lastValueFrom(
    // includeState as in the run (it has a probe of the final state): at the time of writing,
    // mesolve's trajectory with and without it differs by ~2e-10 (within its tolerance).
    mesolve(model.lindbladian, rho0, times, {
      expect: { na: model.operators.na, adagb: model.operators.adagb },
      includeState: true,
    }).pipe(toArray()),
  );

  it('records ⟨O⟩(t) at the output times, equal to a direct mesolve run', () => {
    const te = run.results.timeEvolution;
    expectClose(te?.times ?? [], times, { rtol: 1e-15 });
    const nA = run.results.observables.nA as ObservableSeries;
    const coh = run.results.observables.coherence as ObservableSeries;
    expect(nA.operator).toBe('na');
    // The same integrator with the same default tolerances: identical up to rounding.
    expectClose(nA.re, frames.map((f) => (f.channels.na.kind === 'complex' ? f.channels.na.re : NaN)), { rtol: 1e-12 });
    expectClose(coh.im, frames.map((f) => (f.channels.adagb.kind === 'complex' ? f.channels.adagb.im : NaN)), { rtol: 1e-12, atol: 1e-15 });
    expect(nA.final).toEqual({ re: nA.re[5], im: nA.im[5] });
  });

  it('starts from |1, 0⟩ and keeps the trace (Lindblad evolution is trace preserving)', () => {
    const nA = run.results.observables.nA as ObservableSeries;
    expect(nA.re[0]).toBe(1);
    expect((run.results.observables.coherence as ObservableSeries).re[0]).toBe(0);
    // Trace drift is bounded by the integrator tolerance (rtol 1e-8) per step.
    expectClose(run.results.timeEvolution?.trace ?? [], [1, 1, 1, 1, 1, 1], { atol: 1e-7 });
  });

  it('reports progress as done/total output times, then stops the display', () => {
    expect(counts.at(-1)).toEqual([6, 6]);
    expect(counts.every(([, total]) => total === 6)).toBe(true);
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('writes the time series CSV, the probe of the final state and the plots', () => {
    expect([...run.files].sort()).toEqual(
      ['observables.csv', 'observables.svg', 'phase-a.csv', 'phase-a.svg', 'results.json', 'scenario.json'].sort(),
    );
    const rows = csvRows(join(outDir, 'observables.csv'));
    expect(rows[0]).toEqual(['t', 'nA_re', 'nA_im', 'coherence_re', 'coherence_im']);
    expect(rows).toHaveLength(7);
    expectClose(rows.map((r) => Number(r[1])).slice(1), (run.results.observables.nA as ObservableSeries).re, { rtol: 0 });
    for (const f of ['observables.svg', 'phase-a.svg']) expect(() => svgElements(readFileSync(join(outDir, f), 'utf8'))).not.toThrow();
    const phase = run.results.probes['phase-a'] as PhaseProbeResult;
    // |1⟩ of mode a has no phase; the gain/loss processes keep ρ diagonal, so Q(φ) stays flat 1/2π.
    expectClose(phase.Q, new Array(32).fill(1 / (2 * Math.PI)), { rtol: 1e-6 });
  });

  it('summarises a series by its final value and arrays', () => {
    const s = jsonSummary(run);
    const nA = s.observables.nA as { final: unknown; t: readonly number[]; re: readonly number[] };
    expect(nA.final).toEqual((run.results.observables.nA as ObservableSeries).final);
    expect(nA.t).toHaveLength(6);
    expect(s.residual).toBeNull();
    expectClose(s.finalTrace ?? NaN, 1, { atol: 1e-7 });
  });
});

describe('runScenario reproduces QuTiP 4.7.1 through scenarios (case pair_a of test/fixtures/qutip-vdp.json)', () => {
  // The checks above compare the run with the library called here on a model built by the same
  // catalog entry; these compare it with an independent code, so that the scenario's parameter
  // names, the catalog's mapping to Eq. 4.8 and the initial state are checked too.
  const fixture = JSON.parse(readFileSync(new URL('../../../../test/fixtures/qutip-vdp.json', import.meta.url), 'utf8')) as {
    cases: {
      pair_a: {
        params: { kappa: number; kappa1: number; kappa2: number; delta: number; V: number; N: number };
        steady: { adagb: [number, number]; n_a: number; n_b: number };
        mesolve: { alpha: [number, number]; beta: [number, number]; t: number[]; adagb_re: number[]; adagb_im: number[]; n_a: number[] };
      };
    };
  };
  const c = fixture.cases.pair_a;
  const qutipParameters = { cutoff: c.params.N, kappa: c.params.kappa, kappa1: c.params.kappa1, kappa2: c.params.kappa2, delta: c.params.delta, V: c.params.V };

  it('steady state: ⟨a†b⟩, ⟨a†a⟩ and ⟨b†b⟩ to 1e-6 relative (both solve the same linear system to ~1e-14)', async () => {
    const run = await runScenario(
      { model: 'coupled-quantum-vdp', parameters: qutipParameters, method: 'steady-state', observables: { coherence: 'adagb', nA: 'na', nB: 'nb' }, outputs: ['json'] },
      { outDir: join(tmp, 'qutip-steady'), progress: false },
    );
    const value = (name: string) => (run.results.observables[name] as SteadyObservable).value;
    const ab = value('coherence');
    expectClose([ab.re, ab.im], c.steady.adagb, { atol: 1e-6 * Math.hypot(...c.steady.adagb) });
    expectClose([value('nA').re, value('nB').re], [c.steady.n_a, c.steady.n_b], { rtol: 1e-6 });
  });

  it('time evolution from |α = 1⟩ ⊗ |β = i⟩: ⟨a†b⟩(t) and ⟨a†a⟩(t) on t = 0 … 20 to 1e-5', async () => {
    const m = c.mesolve;
    const run = await runScenario(
      {
        model: 'coupled-quantum-vdp',
        parameters: qutipParameters,
        method: 'time-evolution',
        initialState: { type: 'coherent', alpha: { a: m.alpha, b: m.beta } },
        times: { start: 0, stop: 20, count: 201 },
        observables: { coherence: 'adagb', nA: 'na' },
        outputs: ['json'],
      },
      { outDir: join(tmp, 'qutip-evolution'), progress: false },
    );
    expectClose(run.results.timeEvolution?.times ?? [], m.t, { rtol: 1e-14, atol: 1e-14 });
    // QuTiP's initial state is the truncated coherent state, not renormalised; the run renormalises
    // it: both differ by the tail e^{−|α|²}Σ_{n≥12}|α|^{2n}/n! ≈ 2e-9 relative, below the
    // integrators' difference (~1e-10 absolute at qsync's rtol 1e-8 against QuTiP's 1e-10)
    const coh = run.results.observables.coherence as ObservableSeries;
    expectClose(coh.re, m.adagb_re, { atol: 1e-5 });
    expectClose(coh.im, m.adagb_im, { atol: 1e-5 });
    expectClose((run.results.observables.nA as ObservableSeries).re, m.n_a, { atol: 1e-5 });
  });
});

describe('runScenario: refusals and failures', () => {
  it('refuses an invalid scenario with a ScenarioError before computing', async () => {
    await expect(runScenario({ ...steady, observables: { x: 'nope' } }, { outDir: join(tmp, 'never') })).rejects.toThrow(ScenarioError);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });

  it('reports a solver failure as a NumericalError and creates no run folder', async () => {
    // No gain, loss or coupling: every Fock state is stationary, the steady state is not unique.
    const flat = { ...steady, parameters: { cutoff: 3, kappa1: 0, kappa2: 0, V: 0 }, probes: [] };
    const runsRoot = join(tmp, 'runs-failed');
    const error = await runScenario(flat, { runsRoot, name: 'flat' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NumericalError);
    expect((error as Error).message).toMatch(/^numerical failure in steady state: steadyState: the steady state is not unique/);
    expect(existsSync(runsRoot)).toBe(false);
  });

  it('writes only the requested outputs, into a time-stamped folder under runsRoot', async () => {
    const runsRoot = join(tmp, 'runs');
    const now = new Date(2024, 0, 31, 9, 5, 7);
    const run = await runScenario({ ...steady, parameters: { ...parameters, cutoff: 3 }, outputs: ['json'] }, { runsRoot, name: 'tiny', now });
    expect(run.runDir).toBe(join(runsRoot, 'tiny-20240131-090507'));
    expect(readdirSync(run.runDir).sort()).toEqual(['results.json', 'scenario.json']);
  });
});

describe('runScenario: the relative phase of two of the three oscillators of quantum-vdp-network (Eq. 4.18)', () => {
  it('is the same for every pair, even in φ_AB (the network is symmetric under permutations), locked in phase', async () => {
    const run = await runScenario(
      {
        model: 'quantum-vdp-network',
        parameters: { cutoff: 4, kappa1: 1, kappa2: 1, V: 3 },
        method: 'steady-state',
        observables: { c12: 'adag1a2' },
        probes: [
          { type: 'relative-phase', modes: ['a1', 'a2'], points: 32 },
          { type: 'relative-phase', modes: ['a3', 'a2'], points: 32 },
        ],
        outputs: ['json'],
      },
      { outDir: join(tmp, 'network'), progress: false },
    );
    const q12 = run.results.probes['relative-phase-a1-a2'] as PhaseProbeResult;
    const q32 = run.results.probes['relative-phase-a3-a2'] as PhaseProbeResult;
    expect(q12.modes).toEqual(['a1', 'a2']);
    expectClose(q32.Q, q12.Q, { rtol: 1e-9 });
    // even: Q(φ_k) = Q(−φ_k) on the grid −π + 2πk/32 (index k ↔ 32 − k)
    expectClose(q12.Q.slice(1), q12.Q.slice(1).reverse(), { rtol: 1e-9 });
    // in phase: the peak at 0, where the coherence ⟨a1†a2⟩ is real and positive
    expect(Math.abs(q12.argmax)).toBeLessThan(1e-6);
    expect((run.results.observables.c12 as SteadyObservable).value.re).toBeGreaterThan(0.05);
    expect(q12.max).toBeGreaterThan(1 / (2 * Math.PI) + 0.005);
  });
});
