import type { SampleBlock } from '@qsync/frames';
import type { DensityMatrix, Operator } from '@qsync/operators';
import { compileDiffusiveSmeStepper } from './compile-diffusive-sme';
import type { DiffusiveSme, DiffusiveSmeModel, SmeMethod } from './compile-diffusive-sme';
import type { SmeStats } from './create-diffusive-trajectories';
import { expectInto } from './expect-into';
import { isPositiveWithin } from './is-positive-within';
import { resolveStepOptions } from './resolve-step-options';

/** Options of `quantumFilter` and `quantumFilterOf`. */
export interface QuantumFilterConfig {
  /** the filter's initial state ρ(t0) */
  readonly rho0: DensityMatrix;
  /** conditional expectation values to output, by column name (complex Tr[Oρ] at each sample's time) */
  readonly expect?: Readonly<Record<string, Operator>>;
  /** scheme (default 'milstein') */
  readonly method?: SmeMethod;
  /** steps between positivity checks (default max(10, n), n the Hilbert-space dimension) */
  readonly positivityCheckEvery?: number;
  /** tolerance of the positivity check (default 1e-6) */
  readonly positivityTolerance?: number;
}

/** The state of a running filter (internal to this library). */
export interface FilterEngine {
  readonly sme: DiffusiveSme;
  readonly rho: Float64Array;
  readonly expectNames: readonly string[];
  readonly stats: SmeStats;
  /** Filters the block's samples; returns the ⟨O⟩ columns (complex, one value per sample, before its step). */
  process(block: SampleBlock): Record<string, Float64Array>;
}

/** Validates model, config and builds the filter's state; `fn` names the caller in errors. */
export function createFilterEngine(fn: string, model: DiffusiveSmeModel, config: QuantumFilterConfig): FilterEngine {
  const stepper = compileDiffusiveSmeStepper(model);
  const sme = stepper.sme;
  const { n } = sme;
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { rho0, expect?, method? }`);
  const rho0 = config.rho0;
  if (rho0 === null || typeof rho0 !== 'object' || rho0.dims.join() !== sme.dims.join() || rho0.matrix.rows !== n) {
    throw new Error(`${fn}: 'rho0' must be a density matrix on dims [${sme.dims.join(', ')}]`);
  }
  const { method, checkEvery, tol } = resolveStepOptions(fn, config, n);
  const expectOps = Object.entries(config.expect ?? {});
  for (const [name, op] of expectOps) {
    if (op === null || typeof op !== 'object' || op.dims.join() !== sme.dims.join()) {
      throw new Error(`${fn}: expect operator '${name}' must be on dims [${sme.dims.join(', ')}]`);
    }
  }
  const state = Float64Array.from(rho0.matrix.data);
  const dY = new Float64Array(sme.noises);
  const signal = new Float64Array(sme.noises);
  const work = new Float64Array(2 * n * n);
  let steps = 0;
  let checks = 0;
  let violations = 0;
  let firstViolation: number | null = null;
  return {
    sme,
    rho: state,
    expectNames: expectOps.map(([name]) => name),
    get stats() {
      return { steps, positivityCheckEvery: checkEvery, positivityChecks: checks, positivityViolations: violations, firstViolationTime: firstViolation };
    },
    process(block) {
      const currents = sme.channels.map((c) => {
        const col = block.columns[c.name];
        const kind = c.unraveling === 'heterodyne' ? 'complex' : 'real';
        if (col === undefined || col.kind !== kind || col.shape.length !== 0) {
          throw new Error(`${fn}: the record needs a scalar ${kind} column '${c.name}' (the ${c.unraveling} current of that channel)`);
        }
        return col.data;
      });
      const out: Record<string, Float64Array> = {};
      for (const [name] of expectOps) out[name] = new Float64Array(2 * block.length);
      const { dt, t0 } = block;
      // with a WebAssembly kernel ρ lives in its memory while the block is filtered (no copy per step)
      const own = stepper.stateBuffer(method);
      const rho = own ?? state;
      if (own !== null) own.set(state);
      try {
        filterBlock(rho, currents, out, dt, t0, block.length);
      } finally {
        if (own !== null) state.set(own);
      }
      return out;
    },
  };

  function filterBlock(rho: Float64Array, currents: Float64Array[], out: Record<string, Float64Array>, dt: number, t0: number, length: number): void {
    for (let k = 0; k < length; k++) {
      for (const [name, op] of expectOps) expectInto(out[name], 2 * k, op, rho, n);
      // the record's increment in each noise's units: I·dt, or √2·(Re, Im) I·dt (Eq. 3.15)
      for (let c = 0; c < currents.length; c++) {
        const l = sme.channels[c].noise;
        if (sme.channels[c].unraveling === 'heterodyne') {
          dY[l] = Math.SQRT2 * currents[c][2 * k] * dt;
          dY[l + 1] = Math.SQRT2 * currents[c][2 * k + 1] * dt;
        } else {
          dY[l] = currents[c][k] * dt;
        }
      }
      const t = t0 + k * dt;
      sme.filterStepInto(rho, t, dt, dY, signal, method);
      steps++;
      if (steps % checkEvery === 0) {
        checks++;
        if (!isPositiveWithin(rho, n, tol, work)) {
          violations++;
          if (firstViolation === null) firstViolation = t + dt;
        }
      }
    }
  }
}
