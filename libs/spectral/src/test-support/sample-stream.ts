/**
 * Sample streams (schema, then blocks) made from sampled signals, for the operator specs (not exported).
 */
import type { SampleBlock, SampleRecord, StreamSchema } from '@qsync/frames';

/**
 * The signal x of R realizations × N samples, stored [realization][sample] (interleaved when
 * `complex`), as a sample stream with channel `name`: the schema (shape [] for R = 1, else [R];
 * rate 1/dt), then blocks of the given sizes, cycled until the N samples are used (the last block
 * may be shorter), sample k at t = t0 + k·dt; each block's column is [sample][realization].
 */
export function sampleStream(
  x: Float64Array,
  R: number,
  N: number,
  dt: number,
  complex: boolean,
  sizes: readonly number[],
  name = 'x',
  t0 = 0,
): SampleRecord[] {
  const width = complex ? 2 : 1;
  const shape = R === 1 ? [] : [R];
  const schema: StreamSchema = { kind: 'schema', channels: { [name]: { kind: complex ? 'complex' : 'real', shape } }, rate: 1 / dt };
  const records: SampleRecord[] = [schema];
  let k = 0;
  for (let b = 0; k < N; b++) {
    const n = Math.min(sizes[b % sizes.length], N - k);
    const data = new Float64Array(width * R * n);
    for (let j = 0; j < n; j++) {
      for (let r = 0; r < R; r++) {
        for (let c = 0; c < width; c++) data[width * (j * R + r) + c] = x[width * (r * N + k + j) + c];
      }
    }
    const block: SampleBlock = {
      kind: 'block',
      t0: t0 + k * dt,
      dt,
      length: n,
      columns: { [name]: { kind: complex ? 'complex' : 'real', data, shape } },
    };
    records.push(block);
    k += n;
  }
  return records;
}

/** The first n samples of each realization of x ([realization][sample], N samples each). */
export function prefixOf(x: Float64Array, R: number, N: number, n: number, complex: boolean): Float64Array {
  const width = complex ? 2 : 1;
  const out = new Float64Array(width * R * n);
  for (let r = 0; r < R; r++) out.set(x.subarray(width * r * N, width * (r * N + n)), width * r * n);
  return out;
}
