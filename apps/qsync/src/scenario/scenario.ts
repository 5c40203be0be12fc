import { modelCatalog, resolveParameters, type ModelEntry, type ModelInstance } from '@qsync/models';
import { ScenarioError } from '../common/errors';

/** What a run computes: the steady state ρ_ss, or ρ(t) from an initial state. */
export type ScenarioMethod = 'steady-state' | 'time-evolution';

/** The files a run may write besides `scenario.json`. */
export type OutputKind = 'json' | 'csv' | 'svg';

/** Initial state of a time evolution: a product of one coherent or Fock state per mode. */
export type InitialStateSpec =
  | {
      readonly type: 'coherent';
      /** Amplitude α of each mode as [Re α, Im α]. */
      readonly alpha: Readonly<Record<string, readonly [number, number]>>;
    }
  | {
      readonly type: 'fock';
      /** Occupation number of each mode. */
      readonly n: Readonly<Record<string, number>>;
    };

/** Output times: `count` equally spaced times from `start` to `stop` (both included). */
export interface TimeGrid {
  readonly start: number;
  readonly stop: number;
  readonly count: number;
}

/** Tolerances of the adaptive integrator (see `mesolve` of @qsync/integrators). */
export interface Tolerances {
  readonly rtol: number;
  readonly atol: number;
}

/** A probe of the steady state or of the final state, with its defaults resolved. */
export type ProbeSpec =
  | { readonly type: 'relative-phase'; readonly points: number }
  | { readonly type: 'phase'; readonly mode: string; readonly points: number }
  | { readonly type: 'husimi'; readonly mode: string; readonly extent: number; readonly points: number };

interface ScenarioCommon {
  readonly description?: string;
  /** Key of the model in `modelCatalog` of @qsync/models. */
  readonly model: string;
  /** Every model parameter, defaults filled in. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Output name → operator name of the model. */
  readonly observables: Readonly<Record<string, string>>;
  readonly probes: readonly ProbeSpec[];
  readonly outputs: readonly OutputKind[];
}

/** A validated steady-state scenario. */
export interface SteadyStateScenario extends ScenarioCommon {
  readonly method: 'steady-state';
}

/** A validated time-evolution scenario. */
export interface TimeEvolutionScenario extends ScenarioCommon {
  readonly method: 'time-evolution';
  readonly initialState: InitialStateSpec;
  readonly times: TimeGrid;
  readonly tolerances: Tolerances;
}

/** A scenario after {@link validateScenario}: strictly checked, every default resolved. */
export type Scenario = SteadyStateScenario | TimeEvolutionScenario;

/** Defaults the validator fills in. */
export const scenarioDefaults = {
  outputs: ['json', 'csv', 'svg'] as readonly OutputKind[],
  tolerances: { rtol: 1e-8, atol: 1e-10 } as Tolerances,
  phasePoints: 256,
  husimiExtent: 4,
  husimiPoints: 81,
} as const;

/** Largest population a truncated coherent state may lose beyond the cutoff before it is refused. */
export const coherentTailLimit = 1e-4;

const TOP_LEVEL = [
  'description',
  'model',
  'parameters',
  'method',
  'initialState',
  'times',
  'tolerances',
  'observables',
  'probes',
  'outputs',
] as const;
const TIME_EVOLUTION_ONLY = ['initialState', 'times', 'tolerances'] as const;
const METHODS: readonly ScenarioMethod[] = ['steady-state', 'time-evolution'];
const OUTPUTS: readonly OutputKind[] = ['json', 'csv', 'svg'];
const PROBE_TYPES = ['relative-phase', 'phase', 'husimi'] as const;
const OBSERVABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_TIMES = 100_000;
const MAX_PHASE_POINTS = 65_536;
const MAX_HUSIMI_POINTS = 401;

type Json = Record<string, unknown>;

/**
 * Checks a parsed scenario file strictly and returns it with every default resolved. Refuses,
 * with a {@link ScenarioError} whose message starts with the offending key path: unknown keys
 * (at every level), an unknown model (listing the known ones), model parameters the model's
 * table refuses, an unknown method, time-evolution keys in a steady-state scenario, an
 * initial state that does not name each mode of the model exactly once (or a Fock number
 * outside the cutoff, or a coherent amplitude whose truncation loses more than
 * {@link coherentTailLimit} of the norm), bad times (count an integer ≥ 1, stop ≥ start),
 * non-positive tolerances, an observable naming no operator of the model (listing them),
 * an unknown probe type, a probe of a mode the model lacks, a relative-phase probe on a
 * model without exactly two modes, duplicate probes, and unknown or repeated outputs.
 *
 * Validation builds the model once (to learn its operators and modes); that is cheap next
 * to any solve. Validating a validated scenario returns an equal one.
 *
 * @param raw - the scenario as parsed from JSON
 * @param catalog - the models a scenario may name (default: `modelCatalog` of @qsync/models)
 * @example
 * validateScenario({ model: 'quantum-vdp', parameters: { cutoff: 8, kappa1: 1, kappa2: 1 },
 *   method: 'steady-state', observables: { n: 'n' } }).outputs;
 * // ['json', 'csv', 'svg']
 */
export function validateScenario(
  raw: unknown,
  catalog: Readonly<Record<string, ModelEntry>> = modelCatalog,
): Scenario {
  const root = object(raw, 'scenario');
  onlyKeys(root, TOP_LEVEL, 'scenario');

  const description = root.description === undefined ? undefined : string(root.description, 'scenario.description');
  const modelName = string(required(root, 'model', 'scenario'), 'scenario.model');
  if (!Object.hasOwn(catalog, modelName)) {
    throw new ScenarioError('scenario.model', `unknown model '${modelName}' (known: ${Object.keys(catalog).join(', ')})`);
  }
  const entry = catalog[modelName];
  const parameters = resolveModelParameters(modelName, entry, root.parameters);
  let model: ModelInstance;
  try {
    model = entry.build(parameters);
  } catch (e) {
    throw new ScenarioError('scenario.parameters', e instanceof Error ? e.message : String(e));
  }

  const method = string(required(root, 'method', 'scenario'), 'scenario.method');
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new ScenarioError('scenario.method', `must be one of ${quoteList(METHODS)}, got '${method}'`);
  }

  const observables = validateObservables(required(root, 'observables', 'scenario'), modelName, model);
  const probes = validateProbes(root.probes, modelName, model);
  const outputs = validateOutputs(root.outputs);
  const common = {
    ...(description !== undefined ? { description } : {}),
    model: modelName,
    parameters,
    observables,
    probes,
    outputs,
  };

  if (method === 'steady-state') {
    for (const key of TIME_EVOLUTION_ONLY) {
      if (root[key] !== undefined) {
        throw new ScenarioError(`scenario.${key}`, "is used only by method 'time-evolution', not 'steady-state'");
      }
    }
    return { ...common, method: 'steady-state' };
  }
  return {
    ...common,
    method: 'time-evolution',
    initialState: validateInitialState(required(root, 'initialState', 'scenario'), modelName, model),
    times: validateTimes(required(root, 'times', 'scenario')),
    tolerances: validateTolerances(root.tolerances),
  };
}

/** The equally spaced output times of a {@link TimeGrid}; count 1 gives [start]. */
export function timeGridValues(grid: TimeGrid): Float64Array {
  const out = new Float64Array(grid.count);
  const step = grid.count > 1 ? (grid.stop - grid.start) / (grid.count - 1) : 0;
  for (let k = 0; k < grid.count; k++) out[k] = grid.start + k * step;
  if (grid.count > 1) out[grid.count - 1] = grid.stop;
  return out;
}

/**
 * The name of a probe's outputs (file stem and key in results): `relative-phase`,
 * `phase-<mode>` or `husimi-<mode>`.
 */
export function probeId(probe: ProbeSpec): string {
  return probe.type === 'relative-phase' ? probe.type : `${probe.type}-${probe.mode}`;
}

function resolveModelParameters(modelName: string, entry: ModelEntry, given: unknown): Record<string, number> {
  const path = 'scenario.parameters';
  const params = given === undefined ? {} : object(given, path);
  const known = Object.keys(entry.parameters);
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(entry.parameters, name)) {
      throw new ScenarioError(
        `${path}.${name}`,
        `unknown parameter of model '${modelName}' (known: ${known.join(', ')})`,
      );
    }
  }
  const out: Record<string, number> = {};
  for (const name of known) {
    // The model's own rules (required, finite, integer, range) for this one parameter.
    try {
      const one = resolveParameters(modelName, { [name]: entry.parameters[name] }, params[name] === undefined ? {} : { [name]: params[name] });
      out[name] = one[name];
    } catch (e) {
      throw new ScenarioError(`${path}.${name}`, e instanceof Error ? e.message : String(e));
    }
  }
  return out;
}

function validateObservables(raw: unknown, modelName: string, model: ModelInstance): Record<string, string> {
  const obs = object(raw, 'scenario.observables');
  const ops = Object.keys(model.operators);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(obs)) {
    const path = `scenario.observables.${name}`;
    if (!OBSERVABLE_NAME.test(name)) {
      throw new ScenarioError(
        path,
        'an output name must start with a letter and hold only letters, digits and _ (it becomes a CSV column)',
      );
    }
    const op = string(value, path);
    if (!Object.hasOwn(model.operators, op)) {
      throw new ScenarioError(path, `unknown operator '${op}' of model '${modelName}' (known: ${ops.join(', ')})`);
    }
    out[name] = op;
  }
  return out;
}

function validateProbes(raw: unknown, modelName: string, model: ModelInstance): ProbeSpec[] {
  if (raw === undefined) return [];
  const list = array(raw, 'scenario.probes');
  const modes = Object.keys(model.modes);
  const seen = new Map<string, number>();
  return list.map((item, i) => {
    const path = `scenario.probes[${i}]`;
    const p = object(item, path);
    const type = string(required(p, 'type', path), `${path}.type`);
    let probe: ProbeSpec;
    if (type === 'relative-phase') {
      onlyKeys(p, ['type', 'points'], path);
      if (modes.length !== 2) {
        throw new ScenarioError(
          `${path}.type`,
          `'relative-phase' needs a model with two modes, model '${modelName}' has ${modes.length} (${modes.join(', ')})`,
        );
      }
      probe = { type, points: phasePoints(p.points, `${path}.points`) };
    } else if (type === 'phase') {
      onlyKeys(p, ['type', 'mode', 'points'], path);
      probe = { type, mode: probeMode(p.mode, `${path}.mode`, modelName, modes), points: phasePoints(p.points, `${path}.points`) };
    } else if (type === 'husimi') {
      onlyKeys(p, ['type', 'mode', 'extent', 'points'], path);
      const extent = p.extent === undefined ? scenarioDefaults.husimiExtent : number(p.extent, `${path}.extent`);
      if (!(extent > 0)) throw new ScenarioError(`${path}.extent`, `must be > 0 (half-width of the x and p range), got ${extent}`);
      const points = p.points === undefined ? scenarioDefaults.husimiPoints : integer(p.points, `${path}.points`);
      if (points < 2 || points > MAX_HUSIMI_POINTS) {
        throw new ScenarioError(`${path}.points`, `must be an integer from 2 to ${MAX_HUSIMI_POINTS} (grid points per axis), got ${points}`);
      }
      probe = { type, mode: probeMode(p.mode, `${path}.mode`, modelName, modes), extent, points };
    } else {
      throw new ScenarioError(`${path}.type`, `unknown probe type '${type}' (known: ${PROBE_TYPES.join(', ')})`);
    }
    const id = probeId(probe);
    const before = seen.get(id);
    if (before !== undefined) {
      throw new ScenarioError(path, `duplicate probe '${id}' (same as scenario.probes[${before}])`);
    }
    seen.set(id, i);
    return probe;
  });
}

function phasePoints(raw: unknown, path: string): number {
  if (raw === undefined) return scenarioDefaults.phasePoints;
  const n = integer(raw, path);
  if (n < 8 || n > MAX_PHASE_POINTS) {
    throw new ScenarioError(path, `must be an integer from 8 to ${MAX_PHASE_POINTS} (angles on [−π, π)), got ${n}`);
  }
  return n;
}

function probeMode(raw: unknown, path: string, modelName: string, modes: readonly string[]): string {
  if (raw === undefined) {
    if (modes.length === 1) return modes[0];
    throw new ScenarioError(path, `is required: model '${modelName}' has modes ${modes.join(', ')}`);
  }
  const mode = string(raw, path);
  if (!modes.includes(mode)) {
    throw new ScenarioError(path, `unknown mode '${mode}' of model '${modelName}' (known: ${modes.join(', ')})`);
  }
  return mode;
}

function validateOutputs(raw: unknown): OutputKind[] {
  if (raw === undefined) return [...scenarioDefaults.outputs];
  const list = array(raw, 'scenario.outputs');
  if (list.length === 0) throw new ScenarioError('scenario.outputs', `must name at least one of ${quoteList(OUTPUTS)}`);
  const out: OutputKind[] = [];
  list.forEach((item, i) => {
    const path = `scenario.outputs[${i}]`;
    const kind = string(item, path);
    if (!(OUTPUTS as readonly string[]).includes(kind)) {
      throw new ScenarioError(path, `unknown output '${kind}' (known: ${OUTPUTS.join(', ')})`);
    }
    if (out.includes(kind as OutputKind)) throw new ScenarioError(path, `output '${kind}' is listed twice`);
    out.push(kind as OutputKind);
  });
  return out;
}

function validateInitialState(raw: unknown, modelName: string, model: ModelInstance): InitialStateSpec {
  const path = 'scenario.initialState';
  const s = object(raw, path);
  const type = string(required(s, 'type', path), `${path}.type`);
  const modes = Object.keys(model.modes);
  if (type === 'coherent') {
    onlyKeys(s, ['type', 'alpha'], path);
    const alpha = perMode(required(s, 'alpha', path), `${path}.alpha`, modelName, modes);
    const out: Record<string, readonly [number, number]> = {};
    for (const mode of modes) {
      const p = `${path}.alpha.${mode}`;
      const pair = array(alpha[mode], p);
      if (pair.length !== 2) throw new ScenarioError(p, `must be [Re α, Im α], got ${pair.length} numbers`);
      const re = number(pair[0], `${p}[0]`);
      const im = number(pair[1], `${p}[1]`);
      const tail = coherentTail(re * re + im * im, model.modes[mode].size);
      if (tail > coherentTailLimit) {
        throw new ScenarioError(
          p,
          `|α|² = ${re * re + im * im} puts ${tail.toExponential(1)} of the population at or above the cutoff ` +
            `${model.modes[mode].size} (at most ${coherentTailLimit} allowed): raise parameters.cutoff or lower |α|`,
        );
      }
      out[mode] = [re, im];
    }
    return { type, alpha: out };
  }
  if (type === 'fock') {
    onlyKeys(s, ['type', 'n'], path);
    const given = perMode(required(s, 'n', path), `${path}.n`, modelName, modes);
    const out: Record<string, number> = {};
    for (const mode of modes) {
      const p = `${path}.n.${mode}`;
      const n = integer(given[mode], p);
      const size = model.modes[mode].size;
      if (n < 0 || n >= size) throw new ScenarioError(p, `must be an integer from 0 to ${size - 1} (cutoff ${size}), got ${n}`);
      out[mode] = n;
    }
    return { type, n: out };
  }
  throw new ScenarioError(`${path}.type`, `unknown initial state type '${type}' (known: coherent, fock)`);
}

/** An object with exactly one entry per mode of the model. */
function perMode(raw: unknown, path: string, modelName: string, modes: readonly string[]): Json {
  const o = object(raw, path);
  for (const key of Object.keys(o)) {
    if (!modes.includes(key)) {
      throw new ScenarioError(`${path}.${key}`, `unknown mode '${key}' of model '${modelName}' (known: ${modes.join(', ')})`);
    }
  }
  for (const mode of modes) {
    if (o[mode] === undefined) throw new ScenarioError(`${path}.${mode}`, `is required: one entry per mode (${modes.join(', ')})`);
  }
  return o;
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

function validateTimes(raw: unknown): TimeGrid {
  const path = 'scenario.times';
  const t = object(raw, path);
  onlyKeys(t, ['start', 'stop', 'count'], path);
  const start = number(required(t, 'start', path), `${path}.start`);
  const stop = number(required(t, 'stop', path), `${path}.stop`);
  const count = integer(required(t, 'count', path), `${path}.count`);
  if (count < 1 || count > MAX_TIMES) {
    throw new ScenarioError(`${path}.count`, `must be an integer from 1 to ${MAX_TIMES} (number of output times), got ${count}`);
  }
  if (!(stop >= start)) throw new ScenarioError(`${path}.stop`, `must be ≥ start (${start}), got ${stop}`);
  return { start, stop, count };
}

function validateTolerances(raw: unknown): Tolerances {
  const path = 'scenario.tolerances';
  if (raw === undefined) return { ...scenarioDefaults.tolerances };
  const t = object(raw, path);
  onlyKeys(t, ['rtol', 'atol'], path);
  const out = { ...scenarioDefaults.tolerances };
  for (const key of ['rtol', 'atol'] as const) {
    if (t[key] === undefined) continue;
    const v = number(t[key], `${path}.${key}`);
    if (!(v > 0 && v < 1)) throw new ScenarioError(`${path}.${key}`, `must be > 0 and < 1, got ${v}`);
    out[key] = v;
  }
  return out;
}

// ---- small typed readers; each names the path it reads ----

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function object(v: unknown, path: string): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new ScenarioError(path, `must be an object, got ${describe(v)}`);
  }
  return v as Json;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ScenarioError(path, `must be an array, got ${describe(v)}`);
  return v;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new ScenarioError(path, `must be a string, got ${describe(v)}`);
  return v;
}

function number(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ScenarioError(path, `must be a finite number, got ${describe(v)}`);
  return v;
}

function integer(v: unknown, path: string): number {
  const n = number(v, path);
  if (!Number.isInteger(n)) throw new ScenarioError(path, `must be an integer, got ${n}`);
  return n;
}

function required(o: Json, key: string, path: string): unknown {
  if (o[key] === undefined) throw new ScenarioError(`${path}.${key}`, 'is required');
  return o[key];
}

function onlyKeys(o: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      throw new ScenarioError(`${path}.${key}`, `unknown key (allowed here: ${allowed.join(', ')})`);
    }
  }
}

function quoteList(items: readonly string[]): string {
  return items.map((s) => `'${s}'`).join(', ');
}
