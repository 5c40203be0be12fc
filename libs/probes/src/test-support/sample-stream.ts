/**
 * Sample streams (schema, then blocks) built from sampled signals, for the specs of the stream
 * operators (test support, not part of the public entry). Plain object literals: nothing here
 * goes through the code under test.
 */
import type { BlockColumn, SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';

/** Block sizes that fit nothing in particular: 1, primes, one of 100, cycled. */
export const AWKWARD_SIZES: readonly number[] = [1, 7, 13, 100, 3, 61, 29, 2];

/** Options of {@link sampleStream}. */
export interface SampleStreamConfig {
  /** sample spacing */
  dt: number;
  /** block lengths, cycled until the samples are used (the last block may be shorter) */
  sizes: readonly number[];
  /** channel name; default 'phi' */
  name?: string;
  /** shape of one sample's value; default [] */
  shape?: readonly number[];
  /** time of sample 0; default 0 */
  t0?: number;
  /** unit of the channel; default none */
  unit?: string;
  /** also carry a real column 'k' holding each sample's index (to see other columns pass); default false */
  withIndex?: boolean;
}

/**
 * The real signal x, stored [sample][entry] with ∏shape entries per sample, as a sample stream:
 * the schema (rate 1/dt), then blocks of the given sizes, sample k at t0 + k·dt within its block
 * (block t0 = t0 + (index of its first sample)·dt).
 */
export function sampleStream(x: Float64Array, config: SampleStreamConfig): SampleRecord[] {
  const name = config.name ?? 'phi';
  const shape = [...(config.shape ?? [])];
  const entries = shape.reduce((a, b) => a * b, 1);
  const n = x.length / entries;
  const t0 = config.t0 ?? 0;
  const unit = config.unit === undefined ? {} : { unit: config.unit };
  const channels: Record<string, StreamSchema['channels'][string]> = { [name]: { kind: 'real', shape, ...unit } };
  if (config.withIndex === true) channels.k = { kind: 'real', shape: [] };
  const records: SampleRecord[] = [{ kind: 'schema', channels, rate: 1 / config.dt }];
  let k = 0;
  for (let b = 0; k < n; b++) {
    const length = Math.min(config.sizes[b % config.sizes.length], n - k);
    const columns: Record<string, BlockColumn> = {
      [name]: { kind: 'real', data: x.slice(k * entries, (k + length) * entries), shape, ...unit },
    };
    if (config.withIndex === true) {
      columns.k = { kind: 'real', data: Float64Array.from({ length }, (_, j) => k + j), shape: [] };
    }
    const block: SampleBlock = { kind: 'block', t0: t0 + k * config.dt, dt: config.dt, length, columns };
    records.push(block);
    k += length;
  }
  return records;
}

/** The times of the samples of a sample stream, t0 + k·dt of each block, in order. */
export function sampleTimes(records: readonly SampleRecord[]): Float64Array {
  const times: number[] = [];
  for (const r of records) {
    if (r.kind === 'block') for (let k = 0; k < r.length; k++) times.push(r.t0 + k * r.dt);
  }
  return Float64Array.from(times);
}

/** The blocks of a list of records, in order. */
export function blocksOf(records: readonly SampleRecord[]): SampleBlock[] {
  return records.filter((r): r is SampleBlock => r.kind === 'block');
}

/** Column `name` of consecutive blocks, joined into one array. */
export function joinColumn(blocks: readonly SampleBlock[], name: string): Float64Array {
  const size = blocks.reduce((s, b) => s + b.columns[name].data.length, 0);
  const out = new Float64Array(size);
  let at = 0;
  for (const b of blocks) {
    out.set(b.columns[name].data, at);
    at += b.columns[name].data.length;
  }
  return out;
}
