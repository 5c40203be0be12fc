import type { SdeMethod } from '@qsync/integrators';
import { modelCatalog, type ModelEntry, type ModelInstance, type PermutationInvariantInstance, type StochasticModel } from '@qsync/models';
import type * as z from 'zod';
import { ScenarioError } from '../common/errors';
import { probeId } from './probe-id';
import { coherentTailLimit } from './scenario-defaults';
import { scenarioSchema } from './scenario-schema';
import type { InitialStateSpec, ProbeSpec, Scenario, TimeGrid } from './scenario-types';
import { timeGridValues } from './time-grid-values';

type Catalog = Readonly<Record<string, ModelEntry>>;
type Json = Record<string, unknown>;

/** A validated scenario and the model it built (quantum: the Lindbladian; classical: the SDE or ODE model). */
export interface ValidatedScenario {
  readonly scenario: Scenario;
  readonly model: ModelInstance | PermutationInvariantInstance | StochasticModel | ReturnType<Extract<ModelEntry, { kind: 'order-parameter' }>['build']>;
}

const schemas = new WeakMap<Catalog, z.ZodType>();

/**
 * Checks a parsed scenario file strictly and returns it with every default resolved. The format
 * is the zod schema of `scenarioSchema` (the JSON Schema `qsync schema` prints): unknown keys at
 * every level, an unknown model (listing the known ones), parameters outside the model's table
 * (required, finite, integer, range), a method the model does not have, keys of another method,
 * observables or spectra naming no operator or channel of the model, bad times, frequencies,
 * tolerances, SDE settings, initial states (per mode and per spin), probes (a probe the model
 * cannot take says why) and outputs are refused. Then the model is built once (its own
 * cross-parameter checks apply) and what depends on it is checked: Fock numbers below the cutoff,
 * coherent amplitudes whose truncation loses at most {@link coherentTailLimit} of the norm, no
 * duplicate probe (by {@link probeId}); a classical model's SDE scheme and step default to the
 * model's own.
 *
 * Every refusal is a {@link ScenarioError} whose message starts with the key path of the
 * offending value, e.g. `scenario.times.count: must be an integer from 1 to 100000 (number of
 * output times), got 0`. Validating a validated scenario returns an equal one.
 *
 * @param raw - the scenario as parsed from JSON
 * @param catalog - the models a scenario may name (default: `modelCatalog` of @qsync/models)
 * @example
 * validateScenario({ model: 'quantum-vdp', parameters: { cutoff: 8, kappa1: 1, kappa2: 1 },
 *   method: 'steady-state', observables: { n: 'n' } }).outputs;
 * // → ['json', 'csv', 'svg']
 */
export function validateScenario(raw: unknown, catalog: Catalog = modelCatalog): Scenario {
  return validateAndBuild(raw, catalog).scenario;
}

/** {@link validateScenario}, returning the model it built too (a run uses it instead of building it again). */
export function validateAndBuild(raw: unknown, catalog: Catalog = modelCatalog): ValidatedScenario {
  let schema = schemas.get(catalog);
  if (schema === undefined) {
    schema = scenarioSchema(catalog);
    schemas.set(catalog, schema);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw issueError(parsed.error.issues);
  const s = parsed.data as Json;
  const name = s.model as string;
  const entry = catalog[name];
  const parameters = s.parameters as Record<string, number>;
  const common = {
    ...(s.description !== undefined ? { description: s.description as string } : {}),
    model: name,
    parameters,
  };
  const tail = { observables: s.observables as Record<string, string>, outputs: s.outputs as Scenario['outputs'] };
  // a quantum scenario's last keys, in the order scenario.json shows them
  const probed = (probes: ProbeSpec[]) => ({ observables: tail.observables, probes, outputs: tail.outputs });

  if (entry.kind === 'quantum') {
    const model = build(() => entry.build(parameters));
    const probes = checkProbes((s.probes ?? []) as ProbeSpec[]);
    if (s.method === 'steady-state') {
      return { scenario: { ...common, method: 'steady-state', ...probed(probes) }, model };
    }
    if (s.method === 'spectrum') {
      return {
        scenario: {
          ...common,
          method: 'spectrum',
          frequencies: s.frequencies as never,
          spectra: s.spectra as never,
          route: s.route as never,
          ...probed(probes),
        },
        model,
      };
    }
    if (s.method === 'trajectories') {
      const monitored = s.monitored as number[];
      const dissipators = model.lindbladian.dissipators;
      monitored.forEach((d, i) => {
        if (d >= dissipators.length) {
          throw new ScenarioError(`scenario.monitored[${i}]`, `must be a dissipator index from 0 to ${dissipators.length - 1} (model '${name}' has ${dissipators.length}), got ${d}`);
        }
        if (dissipators[d].jump2 !== undefined) throw new ScenarioError(`scenario.monitored[${i}]`, `dissipator ${d} is a cross dissipator D[J1, J2]; only an ordinary D[J] can be monitored`);
        if (!(dissipators[d].rate > 0)) throw new ScenarioError(`scenario.monitored[${i}]`, `dissipator ${d} has rate ${dissipators[d].rate}; a monitored channel needs a rate > 0`);
      });
      const unraveling = s.unraveling as 'homodyne' | 'heterodyne' | 'photon-counting';
      return {
        scenario: {
          ...common,
          method: 'trajectories',
          initialState: checkInitialState(s.initialState as InitialStateSpec, model, entry),
          times: s.times as never,
          ...(unraveling === 'photon-counting' ? {} : { step: s.step as number, scheme: (s.scheme ?? 'milstein') as never }),
          unraveling,
          monitored,
          efficiency: s.efficiency as number,
          ...(unraveling === 'homodyne' ? { phase: (s.phase as number | undefined) ?? 0, frequency: (s.frequency as number | undefined) ?? 0 } : {}),
          trajectories: s.trajectories as number,
          ...(s.targetError !== undefined ? { targetError: s.targetError as number } : {}),
          noiseSeed: s.noiseSeed as number,
          ...(s.workers !== undefined ? { workers: s.workers as number } : {}),
          currents: s.currents as number,
          observables: tail.observables,
          probes: [],
          outputs: tail.outputs,
        },
        model,
      };
    }
    return {
      scenario: {
        ...common,
        method: 'time-evolution',
        initialState: checkInitialState(s.initialState as InitialStateSpec, model, entry),
        times: s.times as never,
        tolerances: s.tolerances as never,
        ...probed(probes),
      },
      model,
    };
  }
  if (entry.kind === 'permutation-invariant') {
    const model = build(() => entry.build(parameters));
    const probes = checkProbes(s.probes as ProbeSpec[]);
    return { scenario: { ...common, method: 'steady-state', ...probed(probes) }, model };
  }
  if (entry.kind === 'order-parameter') {
    const model = build(() => entry.build(parameters));
    return {
      scenario: { ...common, method: 'simulate', times: s.times as never, tolerances: s.tolerances as never, ...tail },
      model,
    };
  }
  const options = (s.options ?? {}) as Record<string, string>;
  const model = build(() => entry.build(parameters, options));
  const given = (s.sde ?? {}) as { method?: string; step?: number };
  const sde = { method: (given.method ?? model.defaultMethod) as SdeMethod, step: given.step ?? model.defaultDt };
  try {
    // checks scheme and step against the model and the times, without allocating (nothing runs until subscribed)
    model.simulate(timeGridValues(s.times as TimeGrid), { method: sde.method, dt: sde.step, noiseSeed: s.noiseSeed as number });
  } catch (e) {
    throw new ScenarioError('scenario.sde', e instanceof Error ? e.message : String(e));
  }
  return {
    scenario: {
      ...common,
      method: 'simulate',
      ...(s.options !== undefined ? { options } : {}),
      times: s.times as never,
      sde,
      noiseSeed: s.noiseSeed as number,
      ...tail,
    },
    model,
  };
}

/** The first issue as a ScenarioError at its key path (an unknown key first: it often explains the rest). */
function issueError(issues: readonly z.core.$ZodIssue[]): ScenarioError {
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  let path = `scenario${keyPath(issue.path)}`;
  if (issue.code === 'unrecognized_keys') path += keyPath([issue.keys[0]]);
  return new ScenarioError(path, issue.message);
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
}

/** Builds the model; its own refusals (cross-parameter rules) are reported at scenario.parameters. */
function build<T>(make: () => T): T {
  try {
    return make();
  } catch (e) {
    throw new ScenarioError('scenario.parameters', e instanceof Error ? e.message : String(e));
  }
}

function checkProbes(probes: readonly ProbeSpec[]): ProbeSpec[] {
  const seen = new Map<string, number>();
  probes.forEach((probe, i) => {
    const id = probeId(probe);
    const before = seen.get(id);
    if (before !== undefined) throw new ScenarioError(`scenario.probes[${i}]`, `duplicate probe '${id}' (same as scenario.probes[${before}])`);
    seen.set(id, i);
  });
  return [...probes];
}

function checkInitialState(spec: InitialStateSpec, model: ModelInstance, entry: Extract<ModelEntry, { kind: 'quantum' }>): InitialStateSpec {
  const path = 'scenario.initialState';
  const spinNames = entry.spins !== undefined && 'names' in entry.spins ? entry.spins.names : [];
  // the spins in the model's order, whatever order the file had
  const spins =
    spec.spins === undefined ? undefined : 'all' in spec.spins ? { all: spec.spins.all } : Object.fromEntries(spinNames.map((n) => [n, (spec.spins as Record<string, never>)[n]]));
  if (spec.type === 'spin') return { type: 'spin', spins: spins as never };
  const withSpins = spins === undefined ? {} : { spins: spins as never };
  for (const [mode, space] of Object.entries(model.modes)) {
    const size = space.size;
    if (spec.type === 'fock') {
      const n = spec.n[mode];
      if (n >= size) throw new ScenarioError(`${path}.n.${mode}`, `must be an integer from 0 to ${size - 1} (cutoff ${size}), got ${n}`);
    } else {
      const [re, im] = spec.alpha[mode];
      const tail = coherentTail(re * re + im * im, size);
      if (tail > coherentTailLimit) {
        throw new ScenarioError(
          `${path}.alpha.${mode}`,
          `|α|² = ${re * re + im * im} puts ${tail.toExponential(1)} of the population at or above the cutoff ` +
            `${size} (at most ${coherentTailLimit} allowed): raise parameters.cutoff or lower |α|`,
        );
      }
    }
  }
  // in the model's mode order, whatever order the file had
  return spec.type === 'fock'
    ? { type: 'fock', n: Object.fromEntries(Object.keys(model.modes).map((m) => [m, spec.n[m]])), ...withSpins }
    : { type: 'coherent', alpha: Object.fromEntries(Object.keys(model.modes).map((m) => [m, spec.alpha[m]])), ...withSpins };
}

/** Poisson weight e^{−m} Σ_{n≥N} mⁿ/n! that a coherent state of mean number m has at n ≥ N. */
function coherentTail(mean: number, cutoff: number): number {
  if (mean === 0) return 0;
  let term = Math.exp(-mean);
  let inside = 0;
  for (let n = 0; n < cutoff; n++) {
    inside += term;
    term *= mean / (n + 1);
  }
  return Math.max(0, 1 - inside);
}
