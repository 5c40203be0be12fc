// qsync run on the spin models of Ch. 4: steady states, time evolutions from spin states and the
// spin probes, against closed forms (Eqs. 4.27–4.33, 4.45) and QuTiP 4.7.1 (test/fixtures/qutip-spins.json).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { ObservableSeries, PhaseProbeResult, SpinHusimiProbeResult, SpinPhaseProbeResult, SpinRelativePhaseProbeResult, SteadyObservable } from './results';
import { runScenario } from './run-scenario';
import { humanSummary, jsonSummary } from './summary';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-spins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const flat = 1 / (2 * Math.PI);
const value = (o: unknown) => (o as SteadyObservable).value;

const spinsFixture = JSON.parse(readFileSync(new URL('../../../../test/fixtures/qutip-spins.json', import.meta.url), 'utf8')) as {
  cases: Record<string, { params: Record<string, number>; expect: Record<string, [number, number]> }>;
};

describe('qsync run: one spin (Eq. 4.26) in its steady state', async () => {
  const [gp, gm] = [0.7, 0.4];
  const gamma = gp + gm;
  const run = await runScenario(
    {
      model: 'spin',
      parameters: { omega: 1.3, gammaPlus: gp, gammaMinus: gm },
      method: 'steady-state',
      observables: { sz: 'sigmaZ', sp: 'sigmaPlus' },
      probes: [{ type: 'spin-phase', points: 64 }, { type: 'spin-husimi', points: 9 }],
      outputs: ['json', 'csv'],
    },
    { outDir: join(tmp, 'one') },
  );

  it('has s_z = (γ+ − γ−)/(γ+ + γ−) (Eq. 4.29) and no coherence', () => {
    expectClose(value(run.results.observables.sz).re, (gp - gm) / gamma, { rtol: 1e-12 });
    expect(Math.hypot(value(run.results.observables.sp).re, value(run.results.observables.sp).im)).toBeLessThan(1e-15);
  });

  it('has a flat Q(φ) = 1/2π (Eq. 4.33 with ⟨σ+⟩ = 0) and Q(θ, φ) = [p↑cos²(θ/2) + p↓sin²(θ/2)]/2π (Eq. 4.32)', () => {
    const q = run.results.probes['spin-phase'] as SpinPhaseProbeResult;
    expectClose(q.Q, q.phi.map(() => flat), { rtol: 1e-14 });
    expectClose(q.max, flat, { rtol: 1e-14 });
    const h = run.results.probes['spin-husimi'] as SpinHusimiProbeResult;
    expectClose(h.theta, Array.from({ length: 9 }, (_, k) => (Math.PI * k) / 8), { rtol: 1e-15, atol: 1e-16 });
    expect(h.phi).toHaveLength(17);
    expectClose([h.phi[0], h.phi[16]], [-Math.PI, Math.PI], { rtol: 1e-15 });
    // p↑ = γ+/Γ, p↓ = γ−/Γ (Eq. 4.30)
    const want = h.theta.map((t) => h.phi.map(() => ((gp / gamma) * Math.cos(t / 2) ** 2 + (gm / gamma) * Math.sin(t / 2) ** 2) * flat));
    expectClose(h.Q.flat(), want.flat(), { rtol: 1e-13 });
    expectClose(h.max, (gp / gamma) * flat, { rtol: 1e-13 });
    const rows = readFileSync(join(run.runDir, 'spin-husimi.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('theta,phi,Q');
    expect(rows).toHaveLength(1 + 9 * 17);
    expectClose(rows[1 + 17].split(',').map(Number), [h.theta[1], h.phi[0], h.Q[1][0]], { rtol: 0 });
  });
});

describe('qsync run: one spin from |θ, φ⟩ (Eq. 4.31), the closed-form decay (Eqs. 4.27–4.28)', async () => {
  const [gp, gm, omega, theta, phi0] = [0.7, 0.4, 2, 1, 0.3];
  const gamma = gp + gm;
  const sInf = (gp - gm) / gamma;
  const run = await runScenario(
    {
      model: 'spin',
      parameters: { omega, gammaPlus: gp, gammaMinus: gm },
      method: 'time-evolution',
      initialState: { type: 'spin', spins: { all: { theta, phi: phi0 } } },
      times: { start: 0, stop: 3, count: 31 },
      tolerances: { rtol: 1e-10, atol: 1e-12 },
      observables: { sp: 'sigmaPlus', sz: 'sigmaZ' },
      probes: [{ type: 'spin-phase', points: 32 }],
      outputs: ['json'],
    },
    { outDir: join(tmp, 'decay') },
  );
  const t = run.results.timeEvolution?.times ?? [];

  it('⟨σ+⟩(t) = e^{(iω − Γ/2)t} e^{iφ} sin θ/2 and s_z(t) = s_∞ + (cos θ − s_∞)e^{−Γt}', () => {
    const sp = run.results.observables.sp as ObservableSeries;
    const amp = t.map((x) => (Math.exp(-gamma * x / 2) * Math.sin(theta)) / 2);
    expectClose(sp.re, t.map((x, k) => amp[k] * Math.cos(omega * x + phi0)), { atol: 1e-8 });
    expectClose(sp.im, t.map((x, k) => amp[k] * Math.sin(omega * x + phi0)), { atol: 1e-8 });
    const sz = run.results.observables.sz as ObservableSeries;
    expectClose(sz.re, t.map((x) => sInf + (Math.cos(theta) - sInf) * Math.exp(-gamma * x)), { atol: 1e-8 });
  });

  it('Q(φ) of the final state peaks at arg⟨σ+⟩ = ωT + φ by 1/2π + |⟨σ+⟩|/4 (Eq. 4.33)', () => {
    const q = run.results.probes['spin-phase'] as SpinPhaseProbeResult;
    const T = 3;
    const modulus = (Math.exp(-gamma * T / 2) * Math.sin(theta)) / 2;
    const arg = Math.atan2(Math.sin(omega * T + phi0), Math.cos(omega * T + phi0));
    expectClose([q.max, q.argmax], [flat + modulus / 4, arg], { atol: 1e-8 });
    expectClose(q.Q, q.phi.map((p) => flat + (modulus / 4) * Math.cos(p - arg)), { atol: 1e-8 });
  });
});

describe('qsync run: two coupled spins (Eq. 4.35) against QuTiP 4.7.1 (steadystate), and their probes', async () => {
  const c = spinsFixture.cases.gain_dominated;
  const run = await runScenario(
    {
      model: 'coupled-spins',
      parameters: c.params,
      method: 'steady-state',
      observables: { szA: 'sigmaZA', correlation: 'sigmaPlusASigmaMinusB' },
      probes: [{ type: 'spin-relative-phase', points: 64 }, { type: 'spin-phase', spin: 'B', points: 16 }],
    },
    { outDir: join(tmp, 'pair') },
  );
  const [cr, ci] = c.expect.sigmaPlusASigmaMinusB;

  it('has QuTiP’s ⟨σz_A⟩ and ⟨σ+_Aσ−_B⟩ to 1e-10', () => {
    expectClose(value(run.results.observables.szA).re, c.expect.sigmaZA[0], { atol: 1e-10 });
    expectClose([value(run.results.observables.correlation).re, value(run.results.observables.correlation).im], [cr, ci], { atol: 1e-10 });
  });

  it('Q(φ_AB) = 1/2π + (π/16) Re[⟨σ+_Aσ−_B⟩e^{−iφ_AB}] (Eq. 4.45) with QuTiP’s correlation; its maximum, the correlation and √|c|', () => {
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expectClose(q.Q, q.phi.map((p) => flat + (Math.PI / 16) * (cr * Math.cos(p) + ci * Math.sin(p))), { atol: 1e-10 });
    expectClose([q.max, q.argmax], [flat + (Math.PI / 16) * Math.hypot(cr, ci), Math.atan2(ci, cr)], { atol: 1e-9 });
    expectClose([q.correlation.re, q.correlation.im, q.order], [cr, ci, Math.sqrt(Math.hypot(cr, ci))], { atol: 1e-9 });
    expect(q.max - flat).toBeLessThanOrEqual(Math.PI / 32);
  });

  it('Q(φ) of spin B is flat: ⟨σ+_B⟩ = 0 (QuTiP: ⟨σ+_A⟩ = 0, and the pair is symmetric)', () => {
    const q = run.results.probes['spin-phase-B'] as SpinPhaseProbeResult;
    expect(q.spin).toBe('B');
    expectClose(q.Q, q.phi.map(() => flat), { rtol: 1e-12 });
  });

  it('prints and summarises the spin probes', () => {
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expect(jsonSummary(run).probes).toEqual({
      'spin-relative-phase': { max: q.max, argmax: q.argmax },
      'spin-phase-B': { max: (run.results.probes['spin-phase-B'] as SpinPhaseProbeResult).max, argmax: 0 },
    });
    expect(humanSummary(run)).toContain(`  spin-relative-phase: max Q(φ_AB) = ${q.max.toPrecision(6)} at φ_AB = ${q.argmax.toFixed(4)} rad`);
    expect(run.files).toEqual(['scenario.json', 'results.json', 'observables.csv', 'spin-relative-phase.csv', 'spin-phase-B.csv', 'spin-relative-phase.svg', 'spin-phase-B.svg']);
  });
});

describe('qsync run: probes of identical spins (ensemble, superradiant laser) are those of any one spin or pair', () => {
  it('spin-ensemble (N = 3): the pair probe’s ⟨σ+σ−⟩ equals the pair average of the collective operators', async () => {
    const run = await runScenario(
      {
        model: 'spin-ensemble',
        parameters: { N: 3, V: 4, gammaPlus: 1, gammaMinus: 0.2 },
        method: 'steady-state',
        observables: { pair: 'sigmaPlusSigmaMinus', sz: 'sigmaZ' },
        probes: [{ type: 'spin-relative-phase', points: 16 }, { type: 'spin-husimi', points: 5 }],
        outputs: ['json'],
      },
      { outDir: join(tmp, 'ensemble') },
    );
    // Σ_{i≠j}σ+_iσ−_j/(N(N−1)) from S+S− against ⟨σ+_1σ−_2⟩ of the reduced state of spins 1, 2
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expectClose([q.correlation.re, q.correlation.im], [value(run.results.observables.pair).re, 0], { atol: 1e-12 });
    expect(Math.abs(q.correlation.re)).toBeGreaterThan(0.01); // not trivially 0 = 0
    // Q(θ, φ) of spin 1 at θ = 0 is p↑/2π = (1 + s_z)/4π, s_z the ensemble average Σσz/N
    const h = run.results.probes['spin-husimi'] as SpinHusimiProbeResult;
    expectClose(h.Q[0][0], (1 + value(run.results.observables.sz).re) / (4 * Math.PI), { rtol: 1e-10 });
  });

  it('superradiant-laser (N = 2): Q(φ) of its cavity mode a and the probes of its atoms', async () => {
    const run = await runScenario(
      {
        model: 'superradiant-laser',
        parameters: { N: 2, cutoff: 5, Omega: 0.4, kappa: 4, gammaPlus: 1, gammaMinus: 0.1 },
        method: 'steady-state',
        observables: { pair: 'sigmaPlusSigmaMinus', sz: 'sigmaZ' },
        probes: [{ type: 'phase', points: 32 }, { type: 'spin-relative-phase', points: 16 }, { type: 'spin-phase', points: 16 }],
        outputs: ['json'],
      },
      { outDir: join(tmp, 'laser') },
    );
    const cavity = run.results.probes['phase-a'] as PhaseProbeResult;
    // U(1): the cavity's Q(φ) is flat, and integrates to Tr ρ_cavity = 1
    expectClose(cavity.Q, cavity.phi.map(() => flat), { rtol: 1e-10 });
    const q = run.results.probes['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expectClose(q.correlation.re, value(run.results.observables.pair).re, { atol: 1e-12 });
    expect(Math.abs(q.correlation.re)).toBeGreaterThan(0.01); // not trivially 0 = 0
    const one = run.results.probes['spin-phase'] as SpinPhaseProbeResult;
    expectClose(one.Q, one.phi.map(() => flat), { rtol: 1e-12 });
  });
});
