import { validateSampleBlock } from './validate-sample-block';

/**
 * Blocks of uniformly sampled signals: the form in which detector currents and sampled
 * trajectories travel, one object per block of samples instead of one per sample.
 *
 * Sample k of a block (k = 0 … length − 1) is taken at t = t0 + k·dt. Each named column holds
 * the values of one channel for every sample, row-major [sample][…shape]: a scalar channel
 * (shape []) has `length` numbers, a channel of shape [R] (R realizations) has length·R, a
 * 2×2 matrix length·4; complex columns interleave (re, im), so they hold twice as many
 * numbers. Blocks are values: a producer never mutates a block it has emitted.
 */

/** The number type of a column: real numbers, or complex numbers interleaved (re, im). */
export type ColumnKind = 'real' | 'complex';

/** One channel of a {@link SampleBlock}: its values for every sample of the block. */
export interface BlockColumn {
  readonly kind: ColumnKind;
  /**
   * Values row-major [sample][…shape]; interleaved (re, im) when complex:
   * data.length = length·∏shape, ×2 when complex.
   */
  readonly data: Float64Array;
  /** Shape of one sample's value: [] for a scalar, [R] for R realizations, [n, n] for ρ. */
  readonly shape: readonly number[];
  /** Optional unit label of the values (absent: dimensionless or producer-documented). */
  readonly unit?: string;
}

/** A block of `length` uniformly spaced samples, t_k = t0 + k·dt, of named channels. */
export interface SampleBlock {
  readonly kind: 'block';
  /** time of sample 0 (units of 1/rate of the model, as for frames) */
  readonly t0: number;
  /** sample spacing Δt > 0 */
  readonly dt: number;
  /** number of samples, an integer ≥ 1 */
  readonly length: number;
  /** the channels, by name */
  readonly columns: Readonly<Record<string, BlockColumn>>;
}

/** A column given to {@link sampleBlock}: `shape` defaults to [] (a scalar channel). */
export interface BlockColumnInit {
  readonly kind: ColumnKind;
  readonly data: Float64Array;
  readonly shape?: readonly number[];
  readonly unit?: string;
}

/** What {@link sampleBlock} builds a block from. */
export interface SampleBlockInit {
  readonly t0: number;
  readonly dt: number;
  /** number of samples; default: read off the first column (data.length / numbers per sample) */
  readonly length?: number;
  readonly columns: Readonly<Record<string, BlockColumnInit>>;
}

/**
 * Makes a {@link SampleBlock} and checks it: column data are not copied (the block owns them
 * from now on), shapes are frozen copies.
 *
 * @param init - `{ t0, dt, length?, columns }`; each column `{ kind, data, shape = [], unit? }`
 * @returns the block, with `kind: 'block'`
 * @throws Error (from {@link validateSampleBlock}) naming the field or the column: t0 not
 *   finite, dt not > 0, no columns, an unknown column kind, or a column whose data length
 *   does not fit length·∏shape (×2 when complex)
 * @example
 * const block = sampleBlock({ t0: 0, dt: 0.5, columns: { x: { kind: 'real', data: Float64Array.of(1, 2, 3) } } });
 * [block.length, block.columns.x.shape];
 * // → [3, []]
 */
export function sampleBlock(init: SampleBlockInit): SampleBlock {
  const fn = 'sampleBlock';
  if (init === null || typeof init !== 'object') {
    throw new Error(`${fn}: argument 'init' must be an object { t0, dt, columns }, got ${String(init)}`);
  }
  if (init.columns === null || typeof init.columns !== 'object') {
    throw new Error(`${fn}: field 'columns' must be an object of named columns, got ${String(init.columns)}`);
  }
  const columns: Record<string, BlockColumn> = {};
  let length = init.length;
  for (const name of Object.keys(init.columns)) {
    const c = init.columns[name];
    if (c === null || typeof c !== 'object') {
      throw new Error(`${fn}: column '${name}' must be an object { kind, data, shape?, unit? }, got ${String(c)}`);
    }
    const shape = Object.freeze([...(c.shape ?? [])]);
    if (length === undefined && c.data instanceof Float64Array) {
      let size = c.kind === 'complex' ? 2 : 1;
      for (const d of shape) size *= d;
      length = size > 0 ? c.data.length / size : 0;
    }
    columns[name] =
      c.unit === undefined
        ? { kind: c.kind, data: c.data, shape }
        : { kind: c.kind, data: c.data, shape, unit: c.unit };
  }
  const block: SampleBlock = { kind: 'block', t0: init.t0, dt: init.dt, length: length ?? NaN, columns };
  validateSampleBlock(block, { caller: fn });
  return block;
}
