import type { SampleBlock } from './sample-block';
import type { StreamSchema } from './stream-schema';

/** Default relative tolerance on sample spacing and block continuity, in units of Δt. */
export const SPACING_TOLERANCE = 1e-6;

/** Options of {@link validateSampleBlock}. */
export interface ValidateSampleBlockConfig {
  /** when given, the block's columns must be exactly the schema's channels, of its kinds, shapes and units */
  schema?: StreamSchema;
  /**
   * the block before this one in the same stream: when given, this block must have the same
   * dt and start where that one ends, t0 = previous.t0 + previous.length·dt
   */
  previous?: SampleBlock;
  /** relative tolerance, in units of Δt, of the dt and t0 comparisons; default 1e-6 */
  tolerance?: number;
  /** name put at the start of error messages; default 'validateSampleBlock' */
  caller?: string;
}

const describe = (kind: string, shape: readonly number[], unit: string | undefined): string =>
  `${kind} [${shape.join(', ')}]${unit === undefined ? '' : ` in ${unit}`}`;

/**
 * Checks a sample block and throws the first problem found, naming the field or the column:
 * t0 finite, dt finite and > 0, length an integer ≥ 1, at least one column, each column of
 * kind 'real' or 'complex' with a Float64Array of length·∏shape numbers (×2 when complex).
 * With a schema: the same channel names, kinds, shapes and units, and dt matching the nominal
 * rate. With the previous block: the same dt, and no gap or overlap in time. Allocates nothing.
 *
 * @param block - the block to check
 * @param config - `{ schema?, previous?, tolerance = 1e-6, caller? }`
 * @throws Error naming what is wrong and where (column name, t0)
 * @example
 * const bad = { kind: 'block', t0: 0, dt: 1, length: 3, columns: { x: { kind: 'real', data: new Float64Array(2), shape: [] } } };
 * validateSampleBlock(bad as never); // throws "validateSampleBlock: column 'x' must hold length·∏shape = 3·1 = 3 numbers (real), got 2 (block at t0 = 0)"
 */
export function validateSampleBlock(block: SampleBlock, config: ValidateSampleBlockConfig = {}): void {
  const fn = config.caller ?? 'validateSampleBlock';
  const tolerance = config.tolerance ?? SPACING_TOLERANCE;
  if (block === null || typeof block !== 'object' || block.kind !== 'block') {
    throw new Error(`${fn}: expected a sample block ({ kind: 'block', t0, dt, length, columns }), got ${describeValue(block)}`);
  }
  const { t0, dt, length } = block;
  if (typeof t0 !== 'number' || !Number.isFinite(t0)) {
    throw new Error(`${fn}: block field 't0' must be a finite time, got ${String(t0)}`);
  }
  if (typeof dt !== 'number' || !Number.isFinite(dt) || !(dt > 0)) {
    throw new Error(`${fn}: block field 'dt' must be a finite spacing > 0, got ${String(dt)} (block at t0 = ${t0})`);
  }
  if (block.columns === null || typeof block.columns !== 'object') {
    throw new Error(`${fn}: block field 'columns' must be an object of named columns (block at t0 = ${t0})`);
  }
  let count = 0;
  for (const name in block.columns) {
    if (!Object.hasOwn(block.columns, name)) continue;
    count++;
    const c = block.columns[name];
    if (c.kind !== 'real' && c.kind !== 'complex') {
      throw new Error(
        `${fn}: column '${name}' has unknown kind '${String(c.kind)}'; expected 'real' or 'complex' (block at t0 = ${t0})`,
      );
    }
    if (!(c.data instanceof Float64Array)) {
      throw new Error(`${fn}: column '${name}' must hold its values in a Float64Array (block at t0 = ${t0})`);
    }
    const shape = c.shape;
    if (!Array.isArray(shape)) {
      throw new Error(`${fn}: column '${name}' must have a shape (an array, [] for a scalar) (block at t0 = ${t0})`);
    }
    for (let k = 0; k < shape.length; k++) {
      const d = shape[k];
      if (!Number.isInteger(d) || d < 0) {
        throw new Error(
          `${fn}: column '${name}' must have a shape of non-negative integers, got shape[${k}] = ${d} (block at t0 = ${t0})`,
        );
      }
    }
  }
  if (count === 0) {
    throw new Error(`${fn}: a block must have at least one column, got none (block at t0 = ${t0})`);
  }
  if (!Number.isSafeInteger(length) || length < 1) {
    throw new Error(`${fn}: block field 'length' must be an integer ≥ 1, got ${String(length)} (block at t0 = ${t0})`);
  }
  for (const name in block.columns) {
    if (!Object.hasOwn(block.columns, name)) continue;
    const c = block.columns[name];
    let size = 1;
    for (let k = 0; k < c.shape.length; k++) size *= c.shape[k];
    const expected = length * size * (c.kind === 'complex' ? 2 : 1);
    if (c.data.length !== expected) {
      throw new Error(
        `${fn}: column '${name}' must hold length·∏shape${c.kind === 'complex' ? '·2' : ''} = ${length}·${size}` +
          `${c.kind === 'complex' ? '·2' : ''} = ${expected} numbers (${c.kind}), got ${c.data.length} (block at t0 = ${t0})`,
      );
    }
  }
  const schema = config.schema;
  if (schema !== undefined) {
    for (const name in block.columns) {
      if (!Object.hasOwn(block.columns, name)) continue;
      if (!Object.hasOwn(schema.channels, name)) {
        const known = Object.keys(schema.channels).map((k) => `'${k}'`).join(', ');
        throw new Error(`${fn}: column '${name}' is not a channel of the stream schema (channels ${known}) (block at t0 = ${t0})`);
      }
      const c = block.columns[name];
      const s = schema.channels[name];
      let sameShape = c.shape.length === s.shape.length;
      for (let i = 0; sameShape && i < c.shape.length; i++) sameShape = c.shape[i] === s.shape[i];
      if (c.kind !== s.kind || !sameShape || c.unit !== s.unit) {
        throw new Error(
          `${fn}: column '${name}' is ${describe(c.kind, c.shape, c.unit)}, but the schema says ` +
            `${describe(s.kind, s.shape, s.unit)} (block at t0 = ${t0})`,
        );
      }
    }
    for (const name in schema.channels) {
      if (Object.hasOwn(schema.channels, name) && !Object.hasOwn(block.columns, name)) {
        throw new Error(`${fn}: channel '${name}' of the stream schema is missing in the block at t0 = ${t0}`);
      }
    }
    if (schema.rate !== undefined && !(Math.abs(dt * schema.rate - 1) <= tolerance)) {
      throw new Error(
        `${fn}: block dt = ${dt} does not match the schema's nominal rate ${schema.rate} ` +
          `(Δt = ${1 / schema.rate}) (block at t0 = ${t0})`,
      );
    }
  }
  const previous = config.previous;
  if (previous !== undefined) {
    if (!(Math.abs(dt - previous.dt) <= tolerance * previous.dt)) {
      throw new Error(`${fn}: block dt changed from ${previous.dt} to ${dt} at t0 = ${t0}`);
    }
    const expectedT0 = previous.t0 + previous.length * previous.dt;
    if (!(Math.abs(t0 - expectedT0) <= tolerance * previous.dt)) {
      const what = t0 > expectedT0 ? 'a gap' : 'an overlap';
      throw new Error(
        `${fn}: blocks must follow each other without gaps: the previous block (t0 = ${previous.t0}, ` +
          `${previous.length} samples, dt = ${previous.dt}) ends at ${expectedT0}, but the next starts at ` +
          `t0 = ${t0} (${what} of ${Number((Math.abs(t0 - expectedT0) / previous.dt).toPrecision(6))} Δt)`,
      );
    }
  }
}

function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x !== 'object') return typeof x;
  const kind = (x as { kind?: unknown }).kind;
  return kind === undefined ? 'an object without kind' : `a record of kind '${String(kind)}'`;
}
