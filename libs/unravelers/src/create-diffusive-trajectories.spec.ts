import { describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import { channelValue } from '@qsync/frames';
import { mesolve } from '@qsync/integrators';
import {
  coherentKet,
  create,
  dagger,
  destroy,
  embed,
  fockKet,
  fockSpace,
  lindbladian,
  num,
  plus,
  power,
  pureState,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  tensorKet,
  tensorSpace,
  times,
} from '@qsync/operators';
import type { DensityMatrix, Dissipator, Operator } from '@qsync/operators';
import { createDiffusiveTrajectories } from './create-diffusive-trajectories';
import type { DiffusiveTrajectories } from './create-diffusive-trajectories';
import type { MonitoredChannel } from './compile-diffusive-sme';
import { ensembleMean } from './test-support/ensemble-mean';
import { expectInto } from './expect-into';
import { trajectoryRng } from './trajectory-rng';

/**
 * Largest |mean − ⟨O⟩_master| / SE over the output times after the first (where all trajectories
 * share ρ0 and the SE is 0: there they must agree exactly), real and imaginary parts apart.
 */
async function worstDeviation(
  runs: DiffusiveTrajectories,
  model: { hamiltonian: Operator; dissipators: Dissipator[]; monitored: MonitoredChannel[] },
  rho0: DensityMatrix,
  op: Operator,
  count: number,
): Promise<{ z: number; violations: number }> {
  const m = ensembleMean(runs, 'o', count);
  const times = Array.from({ length: runs.samples }, (_, i) => runs.t0 + i * runs.sampleStep);
  const l = lindbladian(model.hamiltonian, [...model.dissipators, ...model.monitored.map((c) => ({ rate: c.rate, jump: c.jump }))]);
  const frames = await lastValueFrom(mesolve(l, rho0, times, { expect: { o: op } }).pipe(toArray()));
  let z = 0;
  frames.forEach((f, i) => {
    const v = channelValue(f, 'o', 'complex');
    if (i === 0) {
      expect(Math.abs(v.re - m.re[0]) + Math.abs(v.im - m.im[0])).toBeLessThan(1e-12);
      return;
    }
    z = Math.max(z, Math.abs(v.re - m.re[i]) / m.seRe[i], Math.abs(v.im - m.im[i]) / m.seIm[i]);
  });
  return { z, violations: m.violations };
}

describe('createDiffusiveTrajectories', () => {
  // quantum vdP oscillator, Fig. 4.1 parameters in units of κ: κ1 = ω = 4κ, κ2 = κ/2 (Eq. 4.6)
  const space = fockSpace(12);
  const a = destroy(space);
  const vdp = (unraveling: 'homodyne' | 'heterodyne') => ({
    hamiltonian: scaled(num(space), 4),
    dissipators: [
      { rate: 4, jump: create(space) },
      { rate: 0.5, jump: power(a, 2) },
    ],
    monitored: [{ rate: 1, jump: a, unraveling }],
  });
  const alpha1 = pureState(coherentKet(space, { re: 1, im: 0 }));

  it('heterodyne (Milstein): the mean of 100 trajectories of the vdP oscillator follows mesolve within 3 SE', async () => {
    const model = vdp('heterodyne');
    const runs = createDiffusiveTrajectories(model, {
      rho0: alpha1,
      dt: 2e-3,
      tEnd: 2,
      outputEvery: 50,
      noiseSeed: 5,
      expect: { o: a },
    });
    const { z, violations } = await worstDeviation(runs, model, alpha1, a, 100);
    expect(z).toBeLessThan(3);
    expect(violations).toBe(0);
  });

  it('homodyne (Euler–Maruyama): the same; the non-positive states it leaves are counted', async () => {
    const model = vdp('homodyne');
    const runs = createDiffusiveTrajectories(model, {
      rho0: alpha1,
      dt: 2e-3,
      tEnd: 2,
      outputEvery: 50,
      noiseSeed: 6,
      expect: { o: a },
      method: 'euler-maruyama',
      positivityCheckEvery: 10, // the count below was measured at this cadence (the default is max(10, n) = 12)
    });
    const { z, violations } = await worstDeviation(runs, model, alpha1, a, 100);
    expect(z).toBeLessThan(3);
    // Euler–Maruyama does not preserve positivity: measured 70 of the 10 000 checked states with
    // an eigenvalue below −1e-6 (Milstein, above: none); reported in the stats, not repaired
    expect(violations).toBeGreaterThan(0);
  });

  it('heterodyne of the spin limit cycle of Fig. 4.7 (γ+ = γ−/2, ω = 2γ−): the mean ⟨σ−⟩ of 200 trajectories follows mesolve within 3 SE', async () => {
    const s = spinHalfSpace();
    const model = {
      hamiltonian: scaled(sigmaZ(s), 1), // (ω/2)σz, ω = 2γ−
      dissipators: [{ rate: 0.5, jump: sigmaPlus(s) }],
      monitored: [{ rate: 1, jump: sigmaMinus(s), unraveling: 'heterodyne' as const }],
    };
    // the spin coherent state on the equator, (|0⟩ + |1⟩)/√2: ⟨σ−⟩ = 1/2
    const rho0: DensityMatrix = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
    const runs = createDiffusiveTrajectories(model, {
      rho0,
      dt: 2e-3,
      tEnd: 3,
      outputEvery: 100,
      noiseSeed: 7,
      expect: { o: sigmaMinus(s) },
      positivityCheckEvery: 1,
    });
    const { z, violations } = await worstDeviation(runs, model, rho0, sigmaMinus(s), 200);
    expect(z).toBeLessThan(3);
    expect(violations).toBe(0);
  });

  // σz measured in its eigenstate |1⟩: H[σz]ρ = 0, ρ stays fixed, so the current is its signal
  // plus the detector's white noise; sample means over Δ = 5dt
  const s = spinHalfSpace();
  const up = pureState(fockKet(s, 1));
  const currents = (unraveling: 'homodyne' | 'heterodyne', efficiency: number) => {
    const runs = createDiffusiveTrajectories(
      { hamiltonian: scaled(sigmaZ(s), 0.3), monitored: [{ rate: 2, jump: sigmaZ(s), unraveling, efficiency }] },
      { rho0: up, dt: 0.01, tEnd: 400, outputEvery: 5, noiseSeed: 8 },
    );
    const I0 = new Float64Array((unraveling === 'heterodyne' ? 2 : 1) * runs.samples);
    runs.runInto(0, { I0 });
    return { I0, m: runs.samples, delta: runs.sampleStep };
  };
  const moments = (x: Float64Array, stride: number, offset: number, m: number) => {
    let s1 = 0;
    let s2 = 0;
    let lag = 0;
    for (let i = 0; i < m; i++) s1 += x[stride * i + offset];
    const mean = s1 / m;
    for (let i = 0; i < m; i++) {
      const d = x[stride * i + offset] - mean;
      s2 += d * d;
      if (i > 0) lag += d * (x[stride * (i - 1) + offset] - mean);
    }
    return { mean, variance: s2 / (m - 1), lag1: lag / s2 };
  };

  it('homodyne current: mean 2√(ξκ)⟨σz⟩ (Eq. 6.25), white noise of variance 1/Δ per sample', () => {
    for (const xi of [0, 0.3, 1]) {
      const { I0, m, delta } = currents('homodyne', xi);
      const { mean, variance, lag1 } = moments(I0, 1, 0, m);
      // m = 8000 samples: SE of the mean √(1/(Δm)) = 0.035, relative SE of the variance √(2/m) = 1.6 %
      expect(Math.abs(mean - 2 * Math.sqrt(xi * 2))).toBeLessThan(4 * Math.sqrt(1 / (delta * m)));
      expect(Math.abs(variance * delta - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
      expect(Math.abs(lag1)).toBeLessThan(4 / Math.sqrt(m));
    }
  });

  it('heterodyne current: mean √(ξκ)⟨σz⟩ (Eq. 3.15), each quadrature white noise of variance 1/(2Δ)', () => {
    for (const xi of [0, 0.3, 1]) {
      const { I0, m, delta } = currents('heterodyne', xi);
      const x = moments(I0, 2, 0, m);
      const y = moments(I0, 2, 1, m);
      let cross = 0;
      for (let i = 0; i < m; i++) cross += (I0[2 * i] - x.mean) * (I0[2 * i + 1] - y.mean);
      expect(Math.abs(x.mean - Math.sqrt(xi * 2))).toBeLessThan(4 * Math.sqrt(1 / (2 * delta * m)));
      expect(Math.abs(y.mean)).toBeLessThan(4 * Math.sqrt(1 / (2 * delta * m)));
      expect(Math.abs(2 * x.variance * delta - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
      expect(Math.abs(2 * y.variance * delta - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
      expect(Math.abs(cross / (m * Math.sqrt(x.variance * y.variance)))).toBeLessThan(4 / Math.sqrt(m));
      expect(Math.abs(x.lag1)).toBeLessThan(4 / Math.sqrt(m));
    }
  });

  it('keeps ρ Hermitian, of trace 1 and positive along a trajectory; trajectory k is reproducible alone', () => {
    const runs = createDiffusiveTrajectories(vdp('heterodyne'), {
      rho0: alpha1,
      dt: 2e-3,
      tEnd: 1,
      outputEvery: 10,
      noiseSeed: 9,
      expect: { o: a },
      positivityCheckEvery: 1,
    });
    const cursor = runs.start(3);
    const cols = { I0: new Float64Array(2 * runs.samples), o: new Float64Array(2 * runs.samples) };
    const n = 12;
    for (let k = 0; k < runs.samples; k++) {
      cursor.advanceInto(cols, k, 1);
      let tr = 0;
      let herm = 0;
      for (let i = 0; i < n; i++) {
        tr += cursor.rho[2 * (i * n + i)];
        for (let j = 0; j < n; j++) {
          const p = 2 * (i * n + j);
          const q = 2 * (j * n + i);
          herm = Math.max(herm, Math.abs(cursor.rho[p] - cursor.rho[q]), Math.abs(cursor.rho[p + 1] + cursor.rho[q + 1]));
        }
      }
      expect(Math.abs(tr - 1)).toBeLessThan(1e-14);
      expect(herm).toBe(0);
    }
    expect(cursor.stats).toEqual({ steps: 500, positivityCheckEvery: 1, positivityChecks: 500, positivityViolations: 0, firstViolationTime: null });
    // a stricter tolerance sees the eigenvalues near −1e-7 that the first steps from the pure
    // |α⟩ leave (before κ1D[a†] mixes the state): counted and timed, never hidden
    const strict = createDiffusiveTrajectories(vdp('heterodyne'), {
      rho0: alpha1,
      dt: 2e-3,
      tEnd: 1,
      outputEvery: 10,
      noiseSeed: 9,
      positivityCheckEvery: 1,
      positivityTolerance: 1e-9,
    });
    const stats = strict.runInto(3, { I0: new Float64Array(2 * runs.samples) });
    expect(stats.positivityViolations).toBeGreaterThan(0);
    expect(stats.firstViolationTime).toBe(0.002);
    const again = { I0: new Float64Array(2 * runs.samples), o: new Float64Array(2 * runs.samples) };
    runs.runInto(0, again); // another trajectory first
    runs.runInto(3, again);
    expect(again.I0).toEqual(cols.I0);
    expect(again.o).toEqual(cols.o);
  });

  it('names the bad field', () => {
    const model = vdp('heterodyne');
    const base = { rho0: alpha1, dt: 0.01, tEnd: 1, noiseSeed: 1 };
    expect(() => createDiffusiveTrajectories(model, { ...base, outputEvery: 3 })).toThrow(/whole multiple of 'outputEvery' = 3/);
    expect(() => createDiffusiveTrajectories(model, { ...base, dt: 0 })).toThrow(/'dt' must be a finite number > 0/);
    expect(() => createDiffusiveTrajectories(model, { ...base, rho0: up })).toThrow(/'rho0' must be a density matrix on dims \[12\]/);
    expect(() => createDiffusiveTrajectories(model, { ...base, expect: { I0: a } })).toThrow(/'I0' has the name of a current/);
    expect(() => createDiffusiveTrajectories(model, { ...base, noiseSeed: 0.5 })).toThrow(/'noiseSeed' must be a safe integer/);
    const runs = createDiffusiveTrajectories(model, base);
    expect(() => runs.runInto(0, { I0: new Float64Array(3) })).toThrow(/column 'I0' as a Float64Array of ≥ 200 numbers/);
  });
});

describe('createDiffusiveTrajectories: steps that mirror only the lower band of ρ', () => {
  it('give bit for bit the currents, ⟨O⟩ and state of public stepInto steps (two modes: the band spans a whole mode)', () => {
    const N = 3;
    const s = tensorSpace(fockSpace(N), fockSpace(N));
    const a = embed(destroy(fockSpace(N)), s, 0);
    const b = embed(destroy(fockSpace(N)), s, 1);
    const model = {
      hamiltonian: plus(scaled(times(dagger(a), b), 0.7), plus(scaled(times(dagger(b), a), 0.7), scaled(plus(a, dagger(a)), 0.9))),
      dissipators: [{ rate: 0.3, jump: dagger(b) }],
      monitored: [
        { rate: 1, jump: a, unraveling: 'heterodyne' as const },
        { rate: 0.6, jump: b, unraveling: 'homodyne' as const, phase: 0.4, efficiency: 0.8 },
      ],
    };
    const rho0 = pureState(tensorKet(coherentKet(fockSpace(N), { re: 0.3, im: 0.2 }), fockKet(fockSpace(N), 1)));
    const dt = 1e-3;
    for (const method of ['euler-maruyama', 'milstein'] as const) {
      const runs = createDiffusiveTrajectories(model, { rho0, dt, tEnd: 0.2, outputEvery: 4, method, noiseSeed: 3, expect: { ab: times(dagger(a), b) }, positivityCheckEvery: 7 });
      const cols = { I0: new Float64Array(2 * runs.samples), I1: new Float64Array(runs.samples), ab: new Float64Array(2 * runs.samples) };
      const cursor = runs.start(2);
      // in chunks, another trajectory of the same stepper advanced in between (the WebAssembly
      // kernel's memory that holds ρ during a call is shared by both)
      const other = runs.start(5);
      const otherCols = { I0: new Float64Array(2 * runs.samples), I1: new Float64Array(runs.samples), ab: new Float64Array(2 * runs.samples) };
      for (let k = 0; k < runs.samples; k += 10) {
        cursor.advanceInto(cols, k, 10);
        other.advanceInto(otherCols, k, 10);
      }
      // the same trajectory by hand: its noise stream, public steps (full mirror every step)
      const sme = runs.sme;
      const rng = trajectoryRng(3, 2);
      const rho = Float64Array.from(rho0.matrix.data);
      const dW = new Float64Array(sme.noises);
      const signal = new Float64Array(sme.noises);
      const ab = new Float64Array(2 * runs.samples);
      const i1 = new Float64Array(runs.samples);
      for (let k = 0; k < runs.samples; k++) {
        expectInto(ab, 2 * k, times(dagger(a), b), rho, sme.n);
        let sum = 0;
        for (let q = 0; q < 4; q++) {
          rng.fillNormalZigguratInto(dW, 0, sme.noises, Math.sqrt(dt));
          sme.stepInto(rho, k * 4 * dt + q * dt, dt, dW, signal, method);
          sum += signal[2] * dt + dW[2];
        }
        i1[k] = sum / (4 * dt);
      }
      expect(Array.from(cols.ab)).toEqual(Array.from(ab));
      expect(Array.from(cols.I1)).toEqual(Array.from(i1));
      expect(Array.from(cursor.rho)).toEqual(Array.from(rho));
    }
  });
});

describe('createDiffusiveTrajectories: whole steps in WebAssembly', () => {
  it('equal the JavaScript backend (kernels, traces, weights, loop) to 1e-13: complex jump, detuned homodyne LO, both schemes', () => {
    // two modes; a heterodyne channel on a + 0.4i·a² (complex traces) and a homodyne one with a
    // detuned LO (time-dependent factors, one step per call) and ξ < 1; a pump to leave |0⟩
    const N = 3;
    const s = tensorSpace(fockSpace(N), fockSpace(N));
    const a = embed(destroy(fockSpace(N)), s, 0);
    const b = embed(destroy(fockSpace(N)), s, 1);
    const jump = plus(a, scaled(times(a, a), { re: 0, im: 0.4 }));
    const hamiltonian = plus(scaled(times(dagger(a), b), 0.7), plus(scaled(times(dagger(b), a), 0.7), scaled(plus(a, dagger(a)), 0.9)));
    const rho0 = pureState(tensorKet(coherentKet(fockSpace(N), { re: 0.3, im: 0.2 }), fockKet(fockSpace(N), 1)));
    const models = [
      { hamiltonian, dissipators: [{ rate: 0.3, jump: dagger(b) }], monitored: [{ rate: 1, jump, unraveling: 'heterodyne' as const }] },
      {
        hamiltonian,
        dissipators: [{ rate: 0.3, jump: dagger(b) }],
        monitored: [
          { rate: 1, jump, unraveling: 'heterodyne' as const },
          { rate: 0.6, jump: b, unraveling: 'homodyne' as const, phase: 0.4, frequency: 2.5, efficiency: 0.8 },
        ],
      },
    ];
    const dt = 2e-3;
    for (const model of models) {
      for (const method of ['euler-maruyama', 'milstein'] as const) {
        const run = (backend: 'auto' | 'js') => {
          // 150 steps per sample: more than one batch of noise per call
          const runs = createDiffusiveTrajectories(model, { rho0, dt, tEnd: 1.2, outputEvery: 150, method, noiseSeed: 8, expect: { ab: times(dagger(a), b) }, positivityCheckEvery: 7, backend });
          const cols: Record<string, Float64Array> = { I0: new Float64Array(2 * runs.samples), I1: new Float64Array(runs.samples), ab: new Float64Array(2 * runs.samples) };
          const cursor = runs.start(4);
          cursor.advanceInto(cols, 0, runs.samples);
          return { cols, rho: Float64Array.from(cursor.rho), stats: cursor.stats };
        };
        const wasm = run('auto');
        const js = run('js');
        const worst = (x: Float64Array, y: Float64Array) => x.reduce((m, v, k) => Math.max(m, Math.abs(v - y[k])), 0);
        // the two backends add in different orders: they differ by rounding (≈ 3e-15 seen) over 600 steps
        for (const name of ['I0', 'I1', 'ab']) expect(worst(wasm.cols[name], js.cols[name])).toBeLessThan(1e-13);
        expect(worst(wasm.rho, js.rho)).toBeLessThan(1e-13);
        expect(wasm.stats).toEqual(js.stats);
        expect(wasm.stats.positivityChecks).toBe(Math.floor(600 / 7));
      }
    }
  });

  it('report a trace that leaves (0, ∞) as the JavaScript backend does, ρ left at the last finite state', () => {
    // far too large a step for the rates: ρ grows without bound until its trace is lost
    // (where exactly depends on rounding, so the step may differ between the backends)
    const space = fockSpace(4);
    const model = { hamiltonian: scaled(num(space), 1), dissipators: [{ rate: 50, jump: create(space) }], monitored: [{ rate: 40, jump: destroy(space), unraveling: 'heterodyne' as const }] };
    for (const method of ['euler-maruyama', 'milstein'] as const) {
      for (const backend of ['auto', 'js'] as const) {
        const runs = createDiffusiveTrajectories(model, { rho0: pureState(fockKet(space, 1)), dt: 0.5, tEnd: 500, method, noiseSeed: 2, backend });
        const cursor = runs.start(0);
        expect(() => cursor.advanceInto({ I0: new Float64Array(2 * runs.samples) }, 0, runs.samples)).toThrow(
          /^DiffusiveSme: the trace of ρ became \S+ in the step from t = \d+(\.\d+)? \(dt = 0\.5 too large for the rates\?\)$/,
        );
        expect(cursor.stats.steps).toBeGreaterThan(0);
        expect(Array.from(cursor.rho).every(Number.isFinite)).toBe(true);
      }
    }
  });
});
