import { streamSchema } from '@qsync/frames';
import type { StreamSchema } from '@qsync/frames';
import type { Rng } from '@qsync/linalg';
import type { DensityMatrix, Operator } from '@qsync/operators';
import { compileDiffusiveSmeStepper } from './compile-diffusive-sme';
import type { DiffusiveSme, DiffusiveSmeModel, FusedSmeSteps, SmeMethod } from './compile-diffusive-sme';
import { expectInto } from './expect-into';
import { isPositiveWithin } from './is-positive-within';
import { resolveStepOptions } from './resolve-step-options';
import { trajectoryRng } from './trajectory-rng';

/** How trajectories of a diffusive SME are integrated and sampled; see {@link createDiffusiveTrajectories}. */
export interface DiffusiveTrajectoryConfig {
  /** initial state ρ(t0) (Hermitian, trace 1) */
  readonly rho0: DensityMatrix;
  /** integration step */
  readonly dt: number;
  /** the samples cover [t0, tEnd): (tEnd − t0)/dt steps, a multiple of `outputEvery` */
  readonly tEnd: number;
  /** start time (default 0) */
  readonly t0?: number;
  /** integration steps per output sample (default 1): currents are averaged over them */
  readonly outputEvery?: number;
  /** conditional expectation values to sample, by column name (complex Tr[Oρ] at each sample's time) */
  readonly expect?: Readonly<Record<string, Operator>>;
  /** scheme (default 'milstein') */
  readonly method?: SmeMethod;
  /** seed of the measurement noise; trajectory k draws from `trajectoryRng(noiseSeed, k)` */
  readonly noiseSeed: number;
  /**
   * steps between positivity checks (default max(10, n), n the Hilbert-space dimension: the
   * Cholesky test costs O(n³) against a step's O(n²); every checked state must satisfy ρ ≥ −tol)
   */
  readonly positivityCheckEvery?: number;
  /**
   * tolerance tol of the positivity check: smallest eigenvalue ≥ −tol (default 1e-6; one step
   * from a pure state leaves eigenvalues near −(rate·dt)², e.g. −1e-7 on the vdP oscillator of
   * Fig. 4.1 at dt = 2e-3)
   */
  readonly positivityTolerance?: number;
  /**
   * 'auto' (default): whole steps in WebAssembly (SIMD) where the runtime has it, else
   * JavaScript; 'js': the JavaScript kernels and loop (the fallback), e.g. to compare with
   */
  readonly backend?: 'auto' | 'js';
}

/** What happened along one trajectory so far. */
export interface SmeStats {
  readonly steps: number;
  /** the cadence of the positivity test: every this many steps */
  readonly positivityCheckEvery: number;
  /** states tested by the Cholesky test of ρ + tol·I */
  readonly positivityChecks: number;
  /** tested states with an eigenvalue below −tol; never hidden, never silently repaired */
  readonly positivityViolations: number;
  /** time of the first violating state, or null */
  readonly firstViolationTime: number | null;
}

/** One running trajectory: advance it sample by sample into preallocated columns. */
export interface DiffusiveTrajectoryCursor {
  /** the conditional state ρ(t) (n×n interleaved); read it, do not keep it */
  readonly rho: Float64Array;
  /** time of the next sample */
  readonly t: number;
  /** samples written so far */
  readonly done: number;
  readonly stats: SmeStats;
  /**
   * Writes the next `count` samples into the columns (by name, as in `schema`) starting at
   * sample `offset` of each column array. Allocates nothing.
   */
  advanceInto(columns: Readonly<Record<string, Float64Array>>, offset: number, count: number): void;
}

/** A configured ensemble of diffusive trajectories; see {@link createDiffusiveTrajectories}. */
export interface DiffusiveTrajectories {
  readonly sme: DiffusiveSme;
  /** the columns of every sample: one current per monitored channel, then the expectation values */
  readonly schema: StreamSchema;
  /** number of output samples per trajectory */
  readonly samples: number;
  /** time between samples, outputEvery·dt */
  readonly sampleStep: number;
  readonly t0: number;
  /** Starts trajectory k (its own noise stream, from rho0). */
  start(trajectory: number): DiffusiveTrajectoryCursor;
  /**
   * Runs trajectory k to the end synchronously into preallocated column arrays (by name; real
   * columns `samples` numbers, complex 2·samples) and returns its stats. For worker threads.
   */
  runInto(trajectory: number, columns: Readonly<Record<string, Float64Array>>): SmeStats;
}

/**
 * Prepares trajectories of a stochastic master equation with diffusive unravelings (see
 * `compileDiffusiveSme`): the detector currents (I_hom real, Eqs. 3.14/6.25; I_het complex,
 * Eqs. 3.15/4.7) and the conditional ⟨O⟩ sampled every `outputEvery` steps. A current sample is
 * the mean of the current over its sample interval [t, t + Δ), so its white noise has variance
 * 1/Δ (homodyne) or 1/(2Δ) per quadrature (heterodyne); ⟨O⟩ is taken at t. Trajectory k is
 * reproducible on its own: its noise is `trajectoryRng(noiseSeed, k)`.
 *
 * @param model the SME (`{ hamiltonian, dissipators?, monitored }`)
 * @param config `{ rho0, dt, tEnd, t0 = 0, outputEvery = 1, expect = {}, method = 'milstein', noiseSeed, positivityCheckEvery = max(10, n), positivityTolerance = 1e-6, backend = 'auto' }`
 * @throws Error naming the field: dt or tEnd not fitting a whole number of output samples, a
 *   column name used twice, rho0 or an expect operator on other dims, a bad method
 * @example
 * // a qubit whose σz is measured with ξ = 0: the current is pure white noise of variance 1/Δ
 * const s = spinHalfSpace();
 * const runs = createDiffusiveTrajectories(
 *   { hamiltonian: scaled(sigmaZ(s), 0), monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'homodyne', efficiency: 0 }] },
 *   { rho0: pureState(fockKet(s, 1)), dt: 0.01, tEnd: 20, noiseSeed: 1, expect: { z: sigmaZ(s) } },
 * );
 * const I0 = new Float64Array(runs.samples);
 * const z = new Float64Array(2 * runs.samples);
 * runs.runInto(0, { I0, z });
 * const variance = I0.reduce((acc, v) => acc + v * v, 0) / runs.samples;
 * [runs.samples, Math.round(variance / 10) * 10]; // → [2000, 100]
 */
export function createDiffusiveTrajectories(model: DiffusiveSmeModel, config: DiffusiveTrajectoryConfig): DiffusiveTrajectories {
  const fn = 'createDiffusiveTrajectories';
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object`);
  const backend = config.backend ?? 'auto';
  if (backend !== 'auto' && backend !== 'js') throw new Error(`${fn}: 'backend' must be 'auto' or 'js', got '${String(backend)}'`);
  const stepper = compileDiffusiveSmeStepper(model, backend);
  const sme = stepper.sme;
  const { n } = sme;
  const t0 = config.t0 ?? 0;
  const { dt, tEnd } = config;
  if (!(typeof dt === 'number' && dt > 0 && Number.isFinite(dt))) throw new Error(`${fn}: 'dt' must be a finite number > 0, got ${String(dt)}`);
  if (!(typeof tEnd === 'number' && Number.isFinite(tEnd) && Number.isFinite(t0) && tEnd > t0)) {
    throw new Error(`${fn}: 'tEnd' must be finite and > t0 = ${t0}, got ${String(tEnd)}`);
  }
  const every = config.outputEvery ?? 1;
  if (!(Number.isInteger(every) && every >= 1)) throw new Error(`${fn}: 'outputEvery' must be an integer ≥ 1, got ${String(every)}`);
  const stepsReal = (tEnd - t0) / dt;
  const steps = Math.round(stepsReal);
  if (Math.abs(steps - stepsReal) > 1e-9 * Math.max(1, stepsReal) || steps % every !== 0) {
    throw new Error(`${fn}: (tEnd − t0)/dt = ${stepsReal} must be a whole multiple of 'outputEvery' = ${every}`);
  }
  const { method, checkEvery, tol } = resolveStepOptions(fn, config, n);
  trajectoryRng(config.noiseSeed, 0); // validates the seed
  const rho0 = config.rho0;
  if (rho0 === null || typeof rho0 !== 'object' || rho0.dims.join() !== sme.dims.join() || rho0.matrix.rows !== n) {
    throw new Error(`${fn}: 'rho0' must be a density matrix on dims [${sme.dims.join(', ')}]`);
  }
  for (let q = 0; q < rho0.matrix.data.length; q++) {
    if (!Number.isFinite(rho0.matrix.data[q])) throw new Error(`${fn}: 'rho0' has a non-finite entry at ${q >> 1}`);
  }
  const expectOps = Object.entries(config.expect ?? {});
  const channelSchemas: Record<string, { kind: 'real' | 'complex'; description: string }> = {};
  for (const c of sme.channels) {
    channelSchemas[c.name] =
      c.unraveling === 'homodyne'
        ? { kind: 'real', description: 'homodyne current 2√(ξκ)Re Tr[e^{iφ(t)}Jρ] + dW/dt (Eqs. 3.14, 6.25)' }
        : { kind: 'complex', description: 'heterodyne current √(ξκ)Tr[Jρ] + (dW_x + i dW_y)/(√2 dt) (Eqs. 3.15, 4.7)' };
  }
  for (const [name, op] of expectOps) {
    if (name in channelSchemas) throw new Error(`${fn}: expect column '${name}' has the name of a current`);
    if (op === null || typeof op !== 'object' || op.dims.join() !== sme.dims.join()) {
      throw new Error(`${fn}: expect operator '${name}' must be on dims [${sme.dims.join(', ')}]`);
    }
    channelSchemas[name] = { kind: 'complex', description: `conditional ⟨${name}⟩ = Tr[Oρ_m] at the sample's time` };
  }
  const sampleStep = every * dt;
  const samples = steps / every;
  const schema = streamSchema({ channels: channelSchemas, rate: 1 / sampleStep });
  const hetero = sme.channels.map((c) => c.unraveling === 'heterodyne');

  const start = (trajectory: number): DiffusiveTrajectoryCursor => {
    const rng: Rng = trajectoryRng(config.noiseSeed, trajectory);
    const state = Float64Array.from(rho0.matrix.data);
    const dW = new Float64Array(sme.noises);
    const signal = new Float64Array(sme.noises);
    const sum = new Float64Array(sme.noises);
    const work = new Float64Array(2 * n * n);
    const sqrtDt = Math.sqrt(dt);
    let stepCount = 0;
    let done = 0;
    let checks = 0;
    let violations = 0;
    let firstViolation: number | null = null;
    const fused = stepper.fusedSteps(method);
    // WebAssembly: whole steps in the module, noise drawn here in one batch per call, the
    // currents' running sums kept there; ρ (fused.state) is fully mirrored after every call
    const advanceFused = (f: FusedSmeSteps, columns: Readonly<Record<string, Float64Array>>, offset: number, count: number) => {
      const mem = f.memory;
      const noises = sme.noises;
      for (let s = 0; s < count; s++) {
        const at = offset + s;
        for (const [name, op] of expectOps) expectInto(columns[name], 2 * at, op, f.state, n);
        for (let l = 0; l < noises; l++) mem[f.sumAt + l] = 0;
        let left = every;
        while (left > 0) {
          // a call ends at the sample's end, at a positivity check, or after a batch of noise
          const chunk = f.timeDependent ? 1 : Math.min(left, f.batch, checkEvery - (stepCount % checkEvery));
          rng.fillNormalZigguratInto(mem, f.noiseAt, chunk * noises, sqrtDt);
          const failed = f.run(dt, t0 + stepCount * dt, chunk);
          if (failed >= 0) {
            stepCount += failed;
            throw new Error(`DiffusiveSme: the trace of ρ became ${f.failedTrace()} in the step from t = ${t0 + stepCount * dt} (dt = ${dt} too large for the rates?)`);
          }
          stepCount += chunk;
          left -= chunk;
          if (stepCount % checkEvery === 0) {
            checks++;
            if (!f.isPositiveWithin(tol)) {
              violations++;
              if (firstViolation === null) firstViolation = t0 + (stepCount - 1) * dt + dt;
            }
          }
        }
        // the current averaged over the sample: (∫ s dt + ΔW)/Δ; heterodyne (x + iy)/√2
        for (let c = 0; c < hetero.length; c++) {
          const l = f.sumAt + sme.channels[c].noise;
          const col = columns[sme.channels[c].name];
          if (hetero[c]) {
            col[2 * at] = (Math.SQRT1_2 * mem[l]) / sampleStep;
            col[2 * at + 1] = (Math.SQRT1_2 * mem[l + 1]) / sampleStep;
          } else {
            col[at] = mem[l] / sampleStep;
          }
        }
        done++;
      }
    };
    const cursor: DiffusiveTrajectoryCursor = {
      rho: state,
      get t() {
        return t0 + done * sampleStep;
      },
      get done() {
        return done;
      },
      get stats() {
        return { steps: stepCount, positivityCheckEvery: checkEvery, positivityChecks: checks, positivityViolations: violations, firstViolationTime: firstViolation };
      },
      advanceInto(columns, offset, count) {
        if (done + count > samples) {
          throw new Error(`${fn}: advanceInto past the end: ${done} + ${count} samples of ${samples}`);
        }
        // steps mirror only the band of ρ's lower triangle the next step reads; all of it is
        // mirrored before ρ is read here (expectation values, positivity) or by the caller.
        // With a WebAssembly kernel ρ lives in its memory for this call (no copy per step).
        const own = stepper.stateBuffer(method);
        const rho = own ?? state;
        if (own !== null) own.set(state);
        if (fused !== null) {
          try {
            advanceFused(fused, columns, offset, count);
          } finally {
            state.set(fused.state);
          }
          return;
        }
        try {
          let banded = false;
          for (let s = 0; s < count; s++) {
            const at = offset + s;
            if (banded) stepper.mirrorInto(rho);
            banded = false;
            for (const [name, op] of expectOps) expectInto(columns[name], 2 * at, op, rho, n);
            sum.fill(0);
            for (let k = 0; k < every; k++) {
              const t = t0 + stepCount * dt;
              rng.fillNormalZigguratInto(dW, 0, sme.noises, sqrtDt);
              stepper.stepBandInto(rho, t, dt, dW, signal, method);
              banded = true;
              stepCount++;
              for (let l = 0; l < sme.noises; l++) sum[l] += signal[l] * dt + dW[l];
              if (stepCount % checkEvery === 0) {
                stepper.mirrorInto(rho);
                banded = false;
                checks++;
                if (!isPositiveWithin(rho, n, tol, work)) {
                  violations++;
                  if (firstViolation === null) firstViolation = t + dt;
                }
              }
            }
            // the current averaged over the sample: (∫ s dt + ΔW)/Δ; heterodyne (x + iy)/√2
            for (let c = 0; c < hetero.length; c++) {
              const l = sme.channels[c].noise;
              const col = columns[sme.channels[c].name];
              if (hetero[c]) {
                col[2 * at] = (Math.SQRT1_2 * sum[l]) / sampleStep;
                col[2 * at + 1] = (Math.SQRT1_2 * sum[l + 1]) / sampleStep;
              } else {
                col[at] = sum[l] / sampleStep;
              }
            }
            done++;
          }
          if (banded) stepper.mirrorInto(rho);
        } finally {
          // also when a step throws: the cursor shows the state it reached
          if (own !== null) state.set(own);
        }
      },
    };
    return cursor;
  };

  return {
    sme,
    schema,
    samples,
    sampleStep,
    t0,
    start,
    runInto(trajectory, columns) {
      for (const name of Object.keys(schema.channels)) {
        const want = (schema.channels[name].kind === 'complex' ? 2 : 1) * samples;
        const col = columns[name];
        if (!(col instanceof Float64Array) || col.length < want) {
          throw new Error(`${fn}: runInto needs column '${name}' as a Float64Array of ≥ ${want} numbers`);
        }
      }
      const cursor = start(trajectory);
      cursor.advanceInto(columns, 0, samples);
      return cursor.stats;
    },
  };
}
