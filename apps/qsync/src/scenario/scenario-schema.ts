import type { SdeMethod } from '@qsync/integrators';
import { modelCatalog, type ModelEntry, type ParameterSpec } from '@qsync/models';
import * as z from 'zod';
import { describeValue } from '../common/describe-value';
import { scenarioDefaults, scenarioLimits } from './scenario-defaults';

type Entry = ModelEntry;
type QuantumEntry = Extract<ModelEntry, { kind: 'quantum' }>;
/** What the probes and the messages about spins need of a model: its Fock modes and its spins. */
type ProbedEntry = Pick<QuantumEntry, 'modes' | 'spins'>;
type StochasticEntry = Extract<ModelEntry, { kind: 'stochastic' }>;
type Issue = { readonly code?: string; readonly input?: unknown; readonly keys?: readonly string[] };

const OUTPUTS = ['json', 'csv', 'svg', 'png'] as const;
const SDE_METHODS: readonly SdeMethod[] = ['sra', 'euler-maruyama', 'milstein'];
const QUANTUM_METHODS = ['steady-state', 'time-evolution', 'spectrum', 'trajectories'] as const;
/** Keys that only some quantum methods take, with those methods. */
const METHOD_KEYS: Readonly<Record<string, string>> = {
  initialState: "time-evolution' or 'trajectories",
  times: "time-evolution' or 'trajectories",
  tolerances: 'time-evolution',
  frequencies: 'spectrum',
  spectra: 'spectrum',
  route: 'spectrum',
  step: 'trajectories',
  scheme: 'trajectories',
  unraveling: 'trajectories',
  monitored: 'trajectories',
  efficiency: 'trajectories',
  phase: 'trajectories',
  frequency: 'trajectories',
  trajectories: 'trajectories',
  targetError: 'trajectories',
  noiseSeed: 'trajectories',
  workers: 'trajectories',
  currents: 'trajectories',
};
const PROBE_TYPES = ['relative-phase', 'phase', 'husimi', 'spin-phase', 'spin-husimi', 'spin-relative-phase'] as const;
const OBSERVABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The scenario format as a zod schema, built from the model catalog: one branch per model (its
 * parameters with their ranges and defaults, its operators or channels, its modes) and, for the
 * quantum models, one per method. Every message names what was expected and what was given;
 * `validateScenario` prefixes the key path. `scenarioJsonSchema` publishes the same schema as
 * JSON Schema for editors.
 *
 * @param catalog - the models a scenario may name (default: `modelCatalog` of @qsync/models)
 * @returns the schema; parsing fills in every default the format states
 * @example
 * scenarioSchema().safeParse({ model: 'adler', parameters: { delta: 1, V: 2 }, method: 'simulate',
 *   times: { start: 0, stop: 1, count: 2 }, observables: { phase: 'phiAB' } }).success; // → true
 */
export function scenarioSchema(catalog: Readonly<Record<string, Entry>> = modelCatalog): z.ZodType {
  const names = Object.keys(catalog);
  const branches = names.map((name) => modelBranch(name, catalog[name]));
  if (branches.length === 0) throw new Error('scenarioSchema: the catalog holds no model');
  return z
    .discriminatedUnion('model', branches as [z.ZodObject | z.ZodDiscriminatedUnion, ...(z.ZodObject | z.ZodDiscriminatedUnion)[]], {
      error: (iss: Issue) => {
        if (iss.code !== 'invalid_union') return typed('an object')(iss);
        const model = (iss.input as Record<string, unknown> | undefined)?.model;
        if (model === undefined) return 'is required';
        if (typeof model !== 'string') return `must be a string, got ${describeValue(model)}`;
        return `unknown model '${model}' (known: ${names.join(', ')})`;
      },
    })
    .meta({
      title: 'qsync scenario',
      description:
        "A run of one model of the thesis: 'steady-state', 'time-evolution', 'spectrum' or 'trajectories' of a quantum model, 'simulate' of a classical one (see apps/qsync/README.md).",
    });
}

function modelBranch(name: string, entry: Entry): z.ZodObject | z.ZodDiscriminatedUnion {
  const head = {
    description: z.string({ error: typed('a string') }).optional().describe('free text, copied to the run'),
    model: z.literal(name).describe(`${entry.title} (thesis Eq. ${entry.equation})`),
    parameters: parametersSchema(name, entry),
  };
  const tail = {
    observables: observablesSchema(name, entry),
    outputs: outputsSchema(),
    $schema: z.string({ error: typed('a string') }).optional().describe('the JSON Schema of this file, for editors'),
  };
  if (entry.kind === 'quantum') {
    const probes = { probes: probesSchema(name, entry) };
    const steady = strict(
      { ...head, method: z.literal('steady-state'), observables: tail.observables, ...probes, outputs: tail.outputs, $schema: tail.$schema },
      otherMethodKeys('steady-state'),
    );
    const evolution = strict(
      {
        ...head,
        method: z.literal('time-evolution'),
        initialState: initialStateSchema(name, entry),
        times: timesSchema(),
        tolerances: tolerancesSchema(scenarioDefaults.tolerances),
        observables: tail.observables,
        ...probes,
        outputs: tail.outputs,
        $schema: tail.$schema,
      },
      otherMethodKeys('time-evolution'),
    );
    const spectrum = strict(
      {
        ...head,
        method: z.literal('spectrum'),
        frequencies: frequenciesSchema(),
        spectra: spectraSchema(name, entry),
        route: z
          .enum(['resolvent', 'fourier'], {
            error: (iss: Issue) => (typeof iss.input === 'string' ? `must be 'resolvent' or 'fourier', got '${iss.input}'` : typed('a string')(iss)),
          })
          .default('resolvent')
          .describe("how S(ω) is computed: 'resolvent' (a sparse solve of (iω − L)Y = (B − ⟨B⟩)ρ_ss per frequency: band LU, or GMRES on large blocks) or 'fourier' (the τ-evolution, Fourier-transformed)"),
        observables: tail.observables,
        ...probes,
        outputs: tail.outputs,
        $schema: tail.$schema,
      },
      otherMethodKeys('spectrum'),
    );
    const trajectories = strict(
      {
        ...head,
        method: z.literal('trajectories'),
        initialState: initialStateSchema(name, entry),
        times: timesSchema(),
        ...trajectoriesShape(),
        observables: tail.observables,
        probes: z
          .array(z.unknown(), { error: typed('an array') })
          .max(0, { error: "must be empty: method 'trajectories' keeps no state to probe (its observables are ensemble means; probe the state with 'time-evolution')" })
          .default([])
          .describe("always empty for method 'trajectories'"),
        outputs: tail.outputs,
        $schema: tail.$schema,
      },
      otherMethodKeys('trajectories'),
    ).superRefine((s, ctx) => checkTrajectories(s as unknown as TrajectoryKeys, ctx));
    return z.discriminatedUnion('method', [steady, evolution, spectrum, trajectories], {
      error: (iss: Issue) => {
        if (iss.code !== 'invalid_union') return typed('an object')(iss);
        const method = (iss.input as Record<string, unknown> | undefined)?.method;
        if (method === undefined) return 'is required';
        if (typeof method !== 'string') return `must be a string, got ${describeValue(method)}`;
        return `must be one of ${QUANTUM_METHODS.map((m) => `'${m}'`).join(', ')}, got '${method}'`;
      },
    });
  }
  if (entry.kind === 'permutation-invariant') {
    const steadyOnly = z.literal('steady-state', {
      error: (iss: Issue) =>
        iss.input === undefined
          ? 'is required'
          : `must be 'steady-state' (model '${name}' is solved for its steady state only; 'spin-ensemble' (N ≤ 10) takes the other methods), got ${describeValue(iss.input)}`,
    });
    return strict(
      {
        ...head,
        method: steadyOnly,
        observables: tail.observables,
        probes: probesSchema(name, { modes: [], spins: entry.spins }),
        outputs: tail.outputs,
        $schema: tail.$schema,
      },
      (key) => (METHOD_KEYS[key] !== undefined ? `is not used: model '${name}' takes only method 'steady-state'` : undefined),
    );
  }
  const method = z.literal('simulate', {
    error: (iss: Issue) =>
      iss.input === undefined ? 'is required' : `must be 'simulate' (model '${name}' is classical), got ${describeValue(iss.input)}`,
  });
  const quantumOnly = (key: string) =>
    ['initialState', 'probes'].includes(key) ? `is a key of quantum scenarios; model '${name}' is classical (method 'simulate')` : undefined;
  if (entry.kind === 'order-parameter') {
    return strict(
      {
        ...head,
        method,
        times: timesSchema(),
        tolerances: tolerancesSchema(scenarioDefaults.orderParameterTolerances),
        observables: tail.observables,
        outputs: tail.outputs,
        $schema: tail.$schema,
      },
      quantumOnly,
    );
  }
  return strict(
    {
      ...head,
      method,
      ...(Object.keys(entry.choices).length > 0 ? { options: optionsSchema(entry) } : {}),
      times: timesSchema(),
      sde: sdeSchema(),
      noiseSeed: integer()
        .default(scenarioDefaults.noiseSeed)
        .describe('seed of the noise and of random initial conditions (integer)'),
      observables: tail.observables,
      outputs: tail.outputs,
      $schema: tail.$schema,
    },
    quantumOnly,
  );
}

// ---- messages ----

/** 'is required' for a missing value, else "must be <expected>, got <what was given>". */
function typed(expected: string): (iss: Issue) => string {
  return (iss) => (iss.input === undefined ? 'is required' : `must be ${expected}, got ${describeValue(iss.input)}`);
}

function finite(): z.ZodNumber {
  return z.number({ error: typed('a finite number') });
}

function integer(): z.ZodNumber {
  return finite().int({ error: (iss: Issue) => `must be an integer, got ${String(iss.input)}` });
}

/** An integer in [lo, hi] with one message for every way to miss it. */
function integerIn(lo: number, hi: number, what: string): z.ZodNumber {
  const message = (iss: Issue) => `must be an integer from ${lo} to ${hi} (${what}), got ${String(iss.input)}`;
  return integer().min(lo, { error: message }).max(hi, { error: message });
}

/** A strict object: an unknown key is named, with the keys allowed there (or `unknown(key)`'s words). */
function strict<S extends z.ZodRawShape>(shape: S, unknown?: (key: string) => string | undefined): z.ZodObject<S, z.core.$strict> {
  const allowed = Object.keys(shape).filter((k) => k !== '$schema');
  return z.strictObject(shape, {
    error: (iss: Issue) => {
      if (iss.code !== 'unrecognized_keys') return typed('an object')(iss);
      const key = iss.keys?.[0] ?? '';
      return unknown?.(key) ?? `unknown key (allowed here: ${allowed.join(', ')})`;
    },
  });
}

function otherMethodKeys(method: string): (key: string) => string | undefined {
  return (key) => {
    const other = METHOD_KEYS[key];
    return other !== undefined && other !== method ? `is used only by method '${other}', not '${method}'` : undefined;
  };
}

// ---- parts of a scenario ----

function parametersSchema(name: string, entry: Entry): z.ZodType {
  const optional = entry.kind === 'stochastic' ? entry.optional : [];
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(entry.parameters)) shape[key] = parameterSchema(spec, optional.includes(key));
  const known = Object.keys(shape).join(', ');
  return strict(shape, () => `unknown parameter of model '${name}' (known: ${known})`)
    .prefault({})
    .describe(`parameters of ${name} by name; missing ones take their defaults`);
}

function parameterSchema(spec: ParameterSpec, optional: boolean): z.ZodType {
  const about = ` (${spec.description})`;
  let s = z.number({ error: (iss: Issue) => (iss.input === undefined ? `is required${about}` : `must be a finite number, got ${describeValue(iss.input)}`) });
  if (spec.integer === true) s = s.int({ error: (iss: Issue) => `must be an integer, got ${String(iss.input)}` });
  if (spec.min !== undefined) {
    const op = spec.exclusiveMin === true ? '>' : '≥';
    const error = (iss: Issue) => `must be ${op} ${spec.min}, got ${String(iss.input)}${about}`;
    s = spec.exclusiveMin === true ? s.gt(spec.min, { error }) : s.min(spec.min, { error });
  }
  if (spec.max !== undefined) s = s.max(spec.max, { error: (iss: Issue) => `must be ≤ ${spec.max}, got ${String(iss.input)}${about}` });
  const described = s.describe(spec.description);
  if (spec.default !== undefined) return described.default(spec.default);
  return optional ? described.optional().describe(`${spec.description}; left out: drawn at random`) : described;
}

/** A name out of `targets` (the model's operators or channels), refused with the known ones listed. */
function targetSchema(name: string, targets: readonly string[], kind: 'operator' | 'channel', missing = 'is required'): z.ZodType {
  return z.enum(targets as [string, ...string[]], {
    error: (iss: Issue) => {
      if (iss.input === undefined) return missing;
      return typeof iss.input === 'string'
        ? `unknown ${kind} '${iss.input}' of model '${name}' (known: ${targets.join(', ')})`
        : typed('a string')(iss);
    },
  });
}

function observablesSchema(name: string, entry: Entry): z.ZodType {
  const quantum = entry.kind === 'quantum' || entry.kind === 'permutation-invariant';
  const targets = quantum ? [...entry.operators] : Object.keys(entry.channels);
  const value = targetSchema(name, targets, quantum ? 'operator' : 'channel').describe(quantum ? 'an operator of the model' : 'a channel of the model');
  const key = z.string().regex(OBSERVABLE_NAME);
  return z
    .record(key, value, {
      error: (iss: Issue) =>
        iss.code === 'invalid_key'
          ? 'an output name must start with a letter and hold only letters, digits and _ (it becomes a CSV column)'
          : typed('an object')(iss),
    })
    .describe(
      quantum
        ? 'output name → operator: ⟨O⟩ of the steady state, or ⟨O⟩(t) at the output times'
        : 'output name → channel: its value (scalar channels) or its mean and spread over the entries (array channels) at the output times',
    );
}

function outputsSchema(): z.ZodType {
  const list = OUTPUTS.map((o) => `'${o}'`).join(', ');
  return z
    .array(
      z.enum(OUTPUTS, {
        error: (iss: Issue) => (typeof iss.input === 'string' ? `unknown output '${iss.input}' (known: ${OUTPUTS.join(', ')})` : typed('a string')(iss)),
      }),
      { error: typed('an array') },
    )
    .min(1, { error: `must name at least one of ${list}` })
    .superRefine((outputs, ctx) => {
      outputs.forEach((o, i) => {
        if (outputs.indexOf(o) < i) ctx.addIssue({ code: 'custom', path: [i], message: `output '${o}' is listed twice` });
      });
    })
    .default([...scenarioDefaults.outputs])
    .describe('files to write besides scenario.json: json → results.json, csv → CSV tables, svg and png → plots');
}

function timesSchema(): z.ZodType {
  return strict({
    start: finite().describe('first output time (the initial time)'),
    stop: finite().describe('last output time, ≥ start'),
    count: integerIn(1, scenarioLimits.times, 'number of output times').describe('number of equally spaced output times, start and stop included'),
  })
    .superRefine((t, ctx) => {
      if (!(t.stop >= t.start)) ctx.addIssue({ code: 'custom', path: ['stop'], message: `must be ≥ start (${t.start}), got ${t.stop}` });
    })
    .describe('output times: count equally spaced times from start to stop');
}

function tolerancesSchema(defaults: { readonly rtol: number; readonly atol: number }): z.ZodType {
  const tol = (key: string, v: number) => {
    const error = (iss: Issue) => `must be > 0 and < 1, got ${String(iss.input)}`;
    return finite().gt(0, { error }).lt(1, { error }).default(v).describe(`${key} of the adaptive Dormand–Prince integrator`);
  };
  return strict({ rtol: tol('relative tolerance', defaults.rtol), atol: tol('absolute tolerance', defaults.atol) })
    .prefault({})
    .describe('tolerances of the adaptive integrator');
}

function sdeSchema(): z.ZodType {
  return strict({
    method: z
      .enum(SDE_METHODS as [SdeMethod, ...SdeMethod[]], {
        error: (iss: Issue) =>
          typeof iss.input === 'string' ? `unknown SDE scheme '${iss.input}' (known: ${SDE_METHODS.join(', ')})` : typed('a string')(iss),
      })
      .optional()
      .describe("scheme: 'sra' (strong order 3/2 for additive noise), 'euler-maruyama', 'milstein'; default: the model's"),
    step: finite()
      .gt(0, { error: (iss: Issue) => `must be > 0, got ${String(iss.input)}` })
      .optional()
      .describe("fixed time step; default: the model's"),
  })
    .optional()
    .describe('how the stochastic differential equation is integrated');
}

interface TrajectoryKeys {
  times: { start: number; stop: number; count: number };
  step?: number;
  scheme?: string;
  unraveling: 'homodyne' | 'heterodyne' | 'photon-counting';
  phase?: number;
  frequency?: number;
  trajectories: number;
  targetError?: number;
  monitored: number[];
}

/** The keys of method 'trajectories' (measured trajectories, Eqs. 3.11–3.15, 6.24). */
function trajectoriesShape(): z.ZodRawShape {
  const positive = () => finite().gt(0, { error: (iss: Issue) => `must be > 0, got ${String(iss.input)}` });
  return {
    step: positive()
      .optional()
      .describe('homodyne and heterodyne (required): fixed integration step of the stochastic master equation; the output spacing must be a whole multiple of it'),
    scheme: z
      .enum(['euler-maruyama', 'milstein'], {
        error: (iss: Issue) => (typeof iss.input === 'string' ? `must be 'euler-maruyama' or 'milstein', got '${iss.input}'` : typed('a string')(iss)),
      })
      .optional()
      .describe("homodyne and heterodyne: scheme, 'euler-maruyama' (strong order ½) or 'milstein' (strong order 1, default)"),
    unraveling: z
      .enum(['heterodyne', 'homodyne', 'photon-counting'], {
        error: (iss: Issue) =>
          typeof iss.input === 'string' ? `must be 'heterodyne', 'homodyne' or 'photon-counting', got '${iss.input}'` : typed('a string')(iss),
      })
      .describe(
        "how the monitored channels are detected: 'heterodyne' (complex current, Eq. 3.15), 'homodyne' (real current, Eq. 3.14) or 'photon-counting' (quantum jumps: clicks per output interval)",
      ),
    monitored: z
      .array(integer().min(0, { error: (iss: Issue) => `must be a dissipator index ≥ 0, got ${String(iss.input)}` }), { error: typed('an array') })
      .min(1, { error: 'must name at least one dissipator (by its index in the model, e.g. [2])' })
      .superRefine((list, ctx) => {
        list.forEach((d, i) => {
          if (list.indexOf(d) < i) ctx.addIssue({ code: 'custom', path: [i], message: `dissipator ${d} is listed twice` });
        });
      })
      .describe("indices of the monitored dissipators in the model's order (listed by `qsync run` in results.json: trajectories.monitored)"),
    efficiency: finite()
      .min(0, { error: (iss: Issue) => `must be from 0 to 1 (detection efficiency ξ), got ${String(iss.input)}` })
      .max(1, { error: (iss: Issue) => `must be from 0 to 1 (detection efficiency ξ), got ${String(iss.input)}` })
      .default(1)
      .describe('detection efficiency ξ ∈ [0, 1] of every monitored channel (Eq. 6.24)'),
    phase: finite().optional().describe('homodyne only: local-oscillator phase φ in radians (default 0)'),
    frequency: finite()
      .optional()
      .describe('homodyne only: local-oscillator detuning ω_m, φ(t) = phase + ω_m t (Eq. 3.11, heterodyne detection by one detuned quadrature; default 0)'),
    trajectories: integerIn(1, 1_000_000, 'number of trajectories').describe('number of trajectories (the most, with targetError)'),
    targetError: positive().optional().describe('stop as soon as the standard error of every observable at every output time is at most this'),
    noiseSeed: integer().default(scenarioDefaults.noiseSeed).describe('master seed of the measurement noise: trajectory k draws from its own stream'),
    workers: integerIn(0, 64, 'worker threads; 0 runs in this thread').optional().describe("worker threads (default: the machine's parallelism; 0: this thread)"),
    currents: integerIn(0, 1000, 'trajectories whose currents are written').default(1).describe('write the detector currents of the first this many trajectories'),
  };
}

function checkTrajectories(s: TrajectoryKeys, ctx: z.core.$RefinementCtx): void {
  const { start, stop, count } = s.times;
  if (count < 2) {
    ctx.addIssue({ code: 'custom', path: ['times', 'count'], message: `must be ≥ 2 for method 'trajectories' (the output spacing sets the current's averaging interval), got ${count}` });
    return;
  }
  const spacing = (stop - start) / (count - 1);
  if (s.unraveling === 'photon-counting') {
    for (const key of ['step', 'scheme'] as const) {
      if (s[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: "is a setting of the diffusive unravelings; photon counting finds each click time by root finding (adaptive, no fixed step or scheme)" });
      }
    }
  } else if (s.step === undefined) {
    ctx.addIssue({ code: 'custom', path: ['step'], message: `is required for ${s.unraveling} detection (the fixed step of the stochastic master equation)` });
  } else {
    const ratio = spacing / s.step;
    if (!(spacing > 0) || !(Math.round(ratio) >= 1 && Math.abs(ratio - Math.round(ratio)) <= 1e-9 * ratio)) {
      ctx.addIssue({ code: 'custom', path: ['step'], message: `must divide the output spacing (stop − start)/(count − 1) = ${spacing} a whole number of times, got ${s.step}` });
    }
  }
  for (const key of ['phase', 'frequency'] as const) {
    if (s.unraveling !== 'homodyne' && s[key] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message:
          s.unraveling === 'heterodyne'
            ? 'is a homodyne setting (the local oscillator); heterodyne detection (Eq. 3.13) measures both quadratures and takes none'
            : 'is a homodyne setting (the local oscillator); photon counting has none',
      });
    }
  }
}

function optionsSchema(entry: StochasticEntry): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, choice] of Object.entries(entry.choices)) {
    shape[key] = z
      .enum(choice.values as [string, ...string[]], {
        error: (iss: Issue) =>
          typeof iss.input === 'string' ? `must be one of ${choice.values.map((v) => `'${v}'`).join(', ')}, got '${iss.input}'` : typed('a string')(iss),
      })
      .default(choice.default)
      .describe(choice.description);
  }
  return strict(shape).prefault({}).describe('named settings of the model');
}

function frequenciesSchema(): z.ZodType {
  return strict({
    start: finite().describe('lowest angular frequency ω (rad per time unit)'),
    stop: finite().describe('highest angular frequency, > start when count > 1'),
    count: integerIn(1, scenarioLimits.frequencies, 'number of frequencies').describe('number of equally spaced frequencies, start and stop included'),
  })
    .superRefine((f, ctx) => {
      if (f.count > 1 && !(f.stop > f.start)) {
        ctx.addIssue({ code: 'custom', path: ['stop'], message: `must be > start (${f.start}) when count > 1 (the frequencies ascend), got ${f.stop}` });
      } else if (!(f.stop >= f.start)) {
        ctx.addIssue({ code: 'custom', path: ['stop'], message: `must be ≥ start (${f.start}), got ${f.stop}` });
      }
    })
    .describe('angular frequencies of the spectra: count equally spaced values from start to stop');
}

function spectraSchema(name: string, entry: QuantumEntry): z.ZodType {
  const operator = (which: string) =>
    targetSchema(name, entry.operators, 'operator', `is required: the operator ${which} of ⟨A(t+τ)B(t)⟩`).describe(`the operator ${which} of ⟨A(t+τ)B(t)⟩`);
  const one = strict({ A: operator('A'), B: operator('B') }).describe('S(ω) = ∫dτ e^{−iωτ}[⟨A(t+τ)B(t)⟩ − ⟨A⟩⟨B⟩] in the steady state');
  return z
    .record(z.string().regex(OBSERVABLE_NAME), one, {
      error: (iss: Issue) =>
        iss.code === 'invalid_key'
          ? 'a spectrum name must start with a letter and hold only letters, digits and _ (it becomes a CSV column)'
          : typed('an object')(iss),
    })
    .superRefine((spectra, ctx) => {
      if (Object.keys(spectra).length === 0) {
        ctx.addIssue({ code: 'custom', message: `must name at least one spectrum, e.g. { "S": { "A": "${entry.operators[0]}", "B": "${entry.operators[0]}" } }` });
      }
    })
    .describe('spectrum name → the operators A and B of S(ω) (QuTiP spectrum conventions: two-sided, e^{+iω₀τ} at +ω₀)');
}

/** How many spins a catalog entry has, in words, for messages. */
function spinsInWords(entry: ProbedEntry): string {
  const spins = entry.spins;
  if (spins === undefined) return 'none';
  return 'names' in spins ? `${spins.names.length} (${spins.names.join(', ')})` : `N identical ones (parameter ${spins.identical})`;
}

/** One spin-1/2's initial state: a basis state or a spin-coherent state (θ, φ), Eq. (4.31). */
function spinStateSchema(): z.ZodType {
  const angle = (what: string) => finite().describe(what);
  const form = 'must be { "basis": "up" } or { "basis": "down" }, or a spin-coherent state { "theta": θ, "phi": φ } (Eq. 4.31)';
  return strict({
    basis: z
      .enum(['up', 'down'], {
        error: (iss: Issue) => (typeof iss.input === 'string' ? `must be 'up' (|1⟩) or 'down' (|0⟩), got '${iss.input}'` : typed('a string')(iss)),
      })
      .optional()
      .describe("'up' = |1⟩ or 'down' = |0⟩ (σz = ±1, Eq. 4.24)"),
    theta: angle('polar angle θ in [0, π] of the spin-coherent state |θ, φ⟩ (θ = 0 is up)')
      .min(0, { error: (iss: Issue) => `must be from 0 to π (θ = 0 is up, θ = π down), got ${String(iss.input)}` })
      .max(Math.PI, { error: (iss: Issue) => `must be from 0 to π (θ = 0 is up, θ = π down), got ${String(iss.input)}` })
      .optional(),
    phi: angle('azimuthal angle φ in radians (default 0)').optional(),
  })
    .superRefine((v, ctx) => {
      if (v.basis !== undefined && (v.theta !== undefined || v.phi !== undefined)) {
        ctx.addIssue({ code: 'custom', path: [v.theta !== undefined ? 'theta' : 'phi'], message: "a basis state takes no angles: give 'basis', or 'theta' and 'phi'" });
      } else if (v.basis === undefined && v.theta === undefined) {
        ctx.addIssue({ code: 'custom', message: v.phi !== undefined ? `needs 'theta' too: ${form}` : form });
      }
    })
    .transform((v) => (v.basis !== undefined ? { basis: v.basis } : { theta: v.theta as number, phi: v.phi ?? 0 }))
    .describe('a basis state { basis } or a spin-coherent state { theta, phi }');
}

/** The spins' part of an initial state: `all` (every spin alike) or one state per named spin. */
function spinStatesSchema(name: string, entry: QuantumEntry): z.ZodType {
  const spins = entry.spins;
  if (spins === undefined) throw new Error(`spinStatesSchema: model '${name}' has no spins`);
  if ('identical' in spins) {
    return strict(
      { all: spinStateSchema().describe('the state of every spin') },
      () => `model '${name}' has N identical spins: give one state for all of them, { "all": … }`,
    ).describe('the state of every spin (identical spins), under all');
  }
  const names = spins.names;
  const shape: Record<string, z.ZodType> = { all: spinStateSchema().optional().describe('one state for every spin') };
  for (const spin of names) shape[spin] = spinStateSchema().optional().describe(`the state of spin ${spin}`);
  return strict(shape, (key) => `unknown spin '${key}' of model '${name}' (known: ${names.join(', ')}; or 'all')`)
    .superRefine((v, ctx) => {
      const given = names.filter((spin) => v[spin] !== undefined);
      if (v.all !== undefined && given.length > 0) {
        ctx.addIssue({ code: 'custom', path: [given[0]], message: "give one state per spin or one for 'all', not both" });
      } else if (v.all === undefined) {
        for (const spin of names) {
          if (v[spin] === undefined) {
            ctx.addIssue({ code: 'custom', path: [spin], message: `is required: one state per spin (${names.join(', ')}), or one for all of them under 'all'` });
          }
        }
      }
    })
    .describe(`one state per spin (${names.join(', ')}), or one for all of them under all`);
}

function initialStateSchema(name: string, entry: QuantumEntry): z.ZodType {
  const modes = entry.modes;
  const hasSpins = entry.spins !== undefined;
  const spins: Record<string, z.ZodType> = hasSpins ? { spins: spinStatesSchema(name, entry) } : {};
  const types = modes.length > 0 ? ['coherent', 'fock'] : ['spin'];
  const options: z.ZodObject[] = [];
  if (modes.length > 0) {
    const perMode = (value: () => z.ZodType) =>
      strict(Object.fromEntries(modes.map((m) => [m, value()])), (key) => `unknown mode '${key}' of model '${name}' (known: ${modes.join(', ')})`);
    const missing = `is required: one entry per mode (${modes.join(', ')})`;
    const amplitude = () =>
      z
        .tuple([finite(), finite()], {
          error: (iss: Issue) => {
            if (iss.input === undefined) return missing;
            if (Array.isArray(iss.input)) return `must be [Re α, Im α], got ${iss.input.length} numbers`;
            return `must be an array, got ${describeValue(iss.input)}`;
          },
        })
        .describe('[Re α, Im α]');
    const occupation = () =>
      z
        .number({ error: (iss: Issue) => (iss.input === undefined ? missing : `must be a finite number, got ${describeValue(iss.input)}`) })
        .int({ error: (iss: Issue) => `must be an integer, got ${String(iss.input)}` })
        .min(0, { error: (iss: Issue) => `must be an integer from 0 to cutoff − 1, got ${String(iss.input)}` })
        .describe('Fock number n, 0 ≤ n < cutoff');
    options.push(
      strict({ type: z.literal('coherent'), alpha: perMode(amplitude).describe('coherent amplitude of each mode'), ...spins }),
      strict({ type: z.literal('fock'), n: perMode(occupation).describe('Fock number of each mode'), ...spins }),
    );
  } else {
    options.push(strict({ type: z.literal('spin'), ...spins }));
  }
  return z
    .discriminatedUnion('type', options as [z.ZodObject, ...z.ZodObject[]], {
      error: (iss: Issue) => {
        if (iss.code !== 'invalid_union') return typed('an object')(iss);
        const type = (iss.input as Record<string, unknown> | undefined)?.type;
        if (type === undefined) return 'is required';
        if (modes.length === 0 && (type === 'coherent' || type === 'fock')) {
          return `model '${name}' has no Fock modes: its initial state is { "type": "spin", "spins": … }`;
        }
        return `unknown initial state type ${typeof type === 'string' ? `'${type}'` : describeValue(type)} (known: ${types.join(', ')})`;
      },
    })
    .describe(
      modes.length === 0
        ? 'product state, one basis or spin-coherent state per spin'
        : `product state, one coherent or Fock state per mode${hasSpins ? ' and one basis or spin-coherent state per spin' : ''}`,
    );
}

function probesSchema(name: string, entry: ProbedEntry): z.ZodType {
  const modes = entry.modes;
  const spins = entry.spins;
  const phasePoints = () =>
    integerIn(8, scenarioLimits.phasePoints, 'angles on [−π, π)').default(scenarioDefaults.phasePoints).describe('number of angles, uniform on [−π, π)');
  const mode = () => {
    const s = z.enum(modes as [string, ...string[]], {
      error: (iss: Issue) => {
        if (iss.input === undefined) return `is required: model '${name}' has modes ${modes.join(', ')}`;
        if (typeof iss.input === 'string') return `unknown mode '${iss.input}' of model '${name}' (known: ${modes.join(', ')})`;
        return typed('a string')(iss);
      },
    });
    return (modes.length === 1 ? s.default(modes[0]) : s).describe('the probed mode');
  };
  const named = spins !== undefined && 'names' in spins ? spins.names : [];
  const pickSpin = named.length > 1;
  const spin = () =>
    z
      .enum(named as [string, ...string[]], {
        error: (iss: Issue) => {
          if (iss.input === undefined) return `is required: model '${name}' has spins ${named.join(', ')}`;
          if (typeof iss.input === 'string') return `unknown spin '${iss.input}' of model '${name}' (known: ${named.join(', ')})`;
          return typed('a string')(iss);
        },
      })
      .describe('the probed spin');
  // 'spin' names a spin only where there is a choice; elsewhere the key is refused with the reason
  const noChoice = (key: string) =>
    key === 'spin' ? `model '${name}' has ${spins !== undefined && 'identical' in spins ? 'identical spins (any one is alike)' : 'one spin'}: leave 'spin' out` : undefined;
  const twoSpins = spins !== undefined && ('identical' in spins || spins.names.length === 2);
  const options: z.ZodObject[] = [];
  if (modes.length === 2) options.push(strict({ type: z.literal('relative-phase'), points: phasePoints() }).describe('Q(φ_AB) of the two modes (Eq. 4.11)'));
  if (modes.length > 2) {
    const two = `is required: model '${name}' has modes ${modes.join(', ')}; name two, e.g. ["${modes[0]}", "${modes[1]}"]`;
    const pair = z
      .tuple([mode(), mode()], {
        error: (iss: Issue) => {
          if (iss.input === undefined) return two;
          if (Array.isArray(iss.input)) return `must name two modes, got ${iss.input.length}`;
          return `must be an array of two modes, got ${describeValue(iss.input)}`;
        },
      })
      .superRefine((m, ctx) => {
        if (m[0] === m[1]) ctx.addIssue({ code: 'custom', path: [1], message: `must differ from the first mode ('${m[0]}')` });
      })
      .describe('the modes A and B of φ_AB = φ_A − φ_B, in this order');
    options.push(strict({ type: z.literal('relative-phase'), modes: pair, points: phasePoints() }).describe('Q(φ_AB) of two of the modes (Eq. 4.11), of their reduced state'));
  }
  if (modes.length > 0) {
    options.push(
      strict({ type: z.literal('phase'), mode: mode(), points: phasePoints() }).describe('Q(φ) of one mode (Eq. 4.5)'),
      strict({
        type: z.literal('husimi'),
        mode: mode(),
        extent: finite()
          .gt(0, { error: (iss: Issue) => `must be > 0 (half-width of the x and p range), got ${String(iss.input)}` })
          .default(scenarioDefaults.husimiExtent)
          .describe('half-width of the x and p range'),
        points: integerIn(2, scenarioLimits.husimiPoints, 'grid points per axis').default(scenarioDefaults.husimiPoints).describe('grid points per axis'),
      }).describe('Husimi Q(α) of one mode (Eq. 4.4)'),
    );
  }
  if (spins !== undefined) {
    const which: Record<string, z.ZodType> = pickSpin ? { spin: spin() } : {};
    options.push(
      strict({ type: z.literal('spin-phase'), ...which, points: phasePoints() }, noChoice).describe('Q(φ) of one spin (Eq. 4.33), of its reduced state'),
      strict(
        {
          type: z.literal('spin-husimi'),
          ...which,
          points: integerIn(2, scenarioLimits.husimiPoints, 'polar angles θ on [0, π]')
            .default(scenarioDefaults.spinHusimiPoints)
            .describe('number of polar angles θ on [0, π]; the azimuth φ on [−π, π] gets 2·points − 1'),
        },
        noChoice,
      ).describe('Husimi Q(θ, φ) of one spin (Eq. 4.32), of its reduced state'),
    );
    if (twoSpins) {
      options.push(
        strict({ type: z.literal('spin-relative-phase'), points: phasePoints() }).describe(
          'Q(φ_AB) of two spins (Eq. 4.45; of an ensemble, of any two), its maximum, ⟨σ+_Aσ−_B⟩ and the order parameter',
        ),
      );
    }
  }
  const available = options.map((o) => (o.shape.type as z.ZodLiteral<string>).value);
  const modeWords = modes.length === 0 ? 'none' : `${modes.length} (${modes.join(', ')})`;
  const why = (type: string): string | undefined => {
    if (type === 'relative-phase') return `'relative-phase' needs a model with two modes or more, model '${name}' has ${modeWords}`;
    if (type === 'phase' || type === 'husimi') return `'${type}' needs a Fock mode, model '${name}' has none (its probes: ${available.join(', ')})`;
    if (type === 'spin-relative-phase') return `'spin-relative-phase' needs a model with two spins, model '${name}' has ${spinsInWords(entry)}`;
    if (type === 'spin-phase' || type === 'spin-husimi') return `'${type}' needs a model with spins, model '${name}' has none (its probes: ${available.join(', ')})`;
    return undefined;
  };
  if (options.length === 0) throw new Error(`probesSchema: model '${name}' has neither modes nor spins`);
  return z
    .array(
      z.discriminatedUnion('type', options as [z.ZodObject, ...z.ZodObject[]], {
        error: (iss: Issue) => {
          if (iss.code !== 'invalid_union') return typed('an object')(iss);
          const type = (iss.input as Record<string, unknown> | undefined)?.type;
          if (type === undefined) return 'is required';
          if (typeof type === 'string' && (PROBE_TYPES as readonly string[]).includes(type)) return why(type) ?? `unknown probe type '${type}'`;
          return `unknown probe type ${typeof type === 'string' ? `'${type}'` : describeValue(type)} (known: ${available.join(', ')})`;
        },
      }),
      { error: typed('an array') },
    )
    .default([])
    .describe('probes of the steady state or of the state at the last output time');
}
