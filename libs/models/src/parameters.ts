import { describeValue } from './describe-value';

/** How one model parameter may be set: its meaning, default and allowed range. */
export interface ParameterSpec {
  /** What the parameter is, with its unit (rates in units of the model's rate unit). */
  readonly description: string;
  /** Value used when the parameter is not given; no default means it is required. */
  readonly default?: number;
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  readonly min?: number;
  readonly exclusiveMin?: boolean;
  /** Largest allowed value (inclusive). */
  readonly max?: number;
  /** Must be an integer (Fock cutoffs, numbers of spins). */
  readonly integer?: boolean;
}

/** A table of parameter specs, keyed by parameter name. */
export type ParameterTable = Readonly<Record<string, ParameterSpec>>;

/**
 * Checks a parameter object against a table and fills in defaults: an unknown name, a
 * missing required value, a value that is not a finite number, not an integer where one is
 * needed, or out of range is refused with an error naming the model and the parameter.
 *
 * @param model name of the model, for messages
 * @param table the allowed parameters
 * @param given the parameters as the user wrote them (from code or a scenario file)
 * @example
 * resolveParameters('vdp', { kappa: { description: 'loss', min: 0, default: 0 } }, {});
 * // → { kappa: 0 }
 */
export function resolveParameters(
  model: string,
  table: ParameterTable,
  given: Readonly<Record<string, unknown>>,
): Record<string, number> {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new Error(`${model}: parameters must be an object of named numbers`);
  }
  const known = Object.keys(table);
  for (const name of Object.keys(given)) {
    if (!(name in table)) {
      throw new Error(`${model}: unknown parameter '${name}' (known: ${known.join(', ')})`);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(table)) {
    const raw = given[name] ?? spec.default;
    if (raw === undefined) {
      throw new Error(`${model}: parameter '${name}' (${spec.description}) is required`);
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      throw new Error(`${model}: parameter '${name}' must be a finite number, got ${describeValue(raw)}`);
    }
    if (spec.integer === true && !Number.isInteger(raw)) {
      throw new Error(`${model}: parameter '${name}' must be an integer, got ${raw}`);
    }
    if (spec.min !== undefined && (spec.exclusiveMin === true ? !(raw > spec.min) : !(raw >= spec.min))) {
      throw new Error(
        `${model}: parameter '${name}' (${spec.description}) must be ${spec.exclusiveMin === true ? '>' : '≥'} ${spec.min}, got ${raw}`,
      );
    }
    if (spec.max !== undefined && !(raw <= spec.max)) {
      throw new Error(`${model}: parameter '${name}' (${spec.description}) must be ≤ ${spec.max}, got ${raw}`);
    }
    out[name] = raw;
  }
  return out;
}
