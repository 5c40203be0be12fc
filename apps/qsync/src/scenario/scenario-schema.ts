import type { SdeMethod } from '@qsync/integrators';
import { modelCatalog, type ModelEntry, type ParameterSpec } from '@qsync/models';
import * as z from 'zod';
import { describeValue } from '../common/describe-value';
import { scenarioDefaults, scenarioLimits } from './scenario-defaults';

type Entry = ModelEntry;
type QuantumEntry = Extract<ModelEntry, { kind: 'quantum' }>;
type StochasticEntry = Extract<ModelEntry, { kind: 'stochastic' }>;
type Issue = { readonly code?: string; readonly input?: unknown; readonly keys?: readonly string[] };

const OUTPUTS = ['json', 'csv', 'svg', 'png'] as const;
const SDE_METHODS: readonly SdeMethod[] = ['sra', 'euler-maruyama', 'milstein'];
const QUANTUM_METHODS = ['steady-state', 'time-evolution'] as const;
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
        "A run of one model of the thesis: 'steady-state' or 'time-evolution' of a quantum model, 'simulate' of a classical one (see apps/qsync/README.md).",
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
      otherMethodKeys('steady-state', ['initialState', 'times', 'tolerances'], 'time-evolution'),
    );
    const evolution = strict({
      ...head,
      method: z.literal('time-evolution'),
      initialState: initialStateSchema(name, entry),
      times: timesSchema(),
      tolerances: tolerancesSchema(scenarioDefaults.tolerances),
      observables: tail.observables,
      ...probes,
      outputs: tail.outputs,
      $schema: tail.$schema,
    });
    return z.discriminatedUnion('method', [steady, evolution], {
      error: (iss: Issue) => {
        if (iss.code !== 'invalid_union') return typed('an object')(iss);
        const method = (iss.input as Record<string, unknown> | undefined)?.method;
        if (method === undefined) return 'is required';
        if (typeof method !== 'string') return `must be a string, got ${describeValue(method)}`;
        return `must be one of ${QUANTUM_METHODS.map((m) => `'${m}'`).join(', ')}, got '${method}'`;
      },
    });
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

function otherMethodKeys(method: string, keys: readonly string[], other: string): (key: string) => string | undefined {
  return (key) => (keys.includes(key) ? `is used only by method '${other}', not '${method}'` : undefined);
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

function observablesSchema(name: string, entry: Entry): z.ZodType {
  const quantum = entry.kind === 'quantum';
  const targets = quantum ? [...entry.operators] : Object.keys(entry.channels);
  const kind = quantum ? 'operator' : 'channel';
  const value = z
    .enum(targets as [string, ...string[]], {
      error: (iss: Issue) =>
        typeof iss.input === 'string'
          ? `unknown ${kind} '${iss.input}' of model '${name}' (known: ${targets.join(', ')})`
          : typed('a string')(iss),
    })
    .describe(quantum ? 'an operator of the model' : 'a channel of the model');
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

function initialStateSchema(name: string, entry: QuantumEntry): z.ZodType {
  const modes = entry.modes;
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
  return z
    .discriminatedUnion(
      'type',
      [
        strict({ type: z.literal('coherent'), alpha: perMode(amplitude).describe('coherent amplitude of each mode') }),
        strict({ type: z.literal('fock'), n: perMode(occupation).describe('Fock number of each mode') }),
      ],
      {
        error: (iss: Issue) => {
          if (iss.code !== 'invalid_union') return typed('an object')(iss);
          const type = (iss.input as Record<string, unknown> | undefined)?.type;
          if (type === undefined) return 'is required';
          return `unknown initial state type ${typeof type === 'string' ? `'${type}'` : describeValue(type)} (known: coherent, fock)`;
        },
      },
    )
    .describe('product state, one coherent or Fock state per mode');
}

function probesSchema(name: string, entry: QuantumEntry): z.ZodType {
  const modes = entry.modes;
  const phasePoints = integerIn(8, scenarioLimits.phasePoints, 'angles on [−π, π)')
    .default(scenarioDefaults.phasePoints)
    .describe('number of angles, uniform on [−π, π)');
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
  const options = [
    ...(modes.length === 2 ? [strict({ type: z.literal('relative-phase'), points: phasePoints }).describe('Q(φ_AB) of the two modes (Eq. 4.11)') as z.ZodObject] : []),
    strict({ type: z.literal('phase'), mode: mode(), points: phasePoints }).describe('Q(φ) of one mode (Eq. 4.5)'),
    strict({
      type: z.literal('husimi'),
      mode: mode(),
      extent: finite()
        .gt(0, { error: (iss: Issue) => `must be > 0 (half-width of the x and p range), got ${String(iss.input)}` })
        .default(scenarioDefaults.husimiExtent)
        .describe('half-width of the x and p range'),
      points: integerIn(2, scenarioLimits.husimiPoints, 'grid points per axis').default(scenarioDefaults.husimiPoints).describe('grid points per axis'),
    }).describe('Husimi Q(α) of one mode (Eq. 4.4)'),
  ];
  const known = ['relative-phase', 'phase', 'husimi'];
  return z
    .array(
      z.discriminatedUnion('type', options as unknown as [z.ZodObject, ...z.ZodObject[]], {
        error: (iss: Issue) => {
          if (iss.code !== 'invalid_union') return typed('an object')(iss);
          const type = (iss.input as Record<string, unknown> | undefined)?.type;
          if (type === undefined) return 'is required';
          if (type === 'relative-phase') {
            return `'relative-phase' needs a model with two modes, model '${name}' has ${modes.length} (${modes.join(', ')})`;
          }
          return `unknown probe type ${typeof type === 'string' ? `'${type}'` : describeValue(type)} (known: ${known.join(', ')})`;
        },
      }),
      { error: typed('an array') },
    )
    .default([])
    .describe('probes of the steady state or of the state at the last output time');
}
