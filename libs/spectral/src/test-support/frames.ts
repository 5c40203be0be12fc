/**
 * Frame streams made from sampled signals, for the operator specs (not exported).
 */
import { arrayChannel, complexChannel, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';

/** One frame per sample of a complex (interleaved) or real signal, channel `name`, t = k·dt. */
export function scalarFrames(x: Float64Array, dt: number, complex: boolean, name = 'x'): Frame[] {
  const n = complex ? x.length / 2 : x.length;
  return Array.from({ length: n }, (_, k) => ({
    t: k * dt,
    channels: { [name]: complex ? complexChannel(x[2 * k], x[2 * k + 1]) : realChannel(x[k]) },
  }));
}

/**
 * One frame per time step of R realizations stored [realization][sample] (N samples each),
 * as an array channel of R entries (complex when `complex`), t = k·dt.
 */
export function ensembleFrames(
  x: Float64Array,
  R: number,
  N: number,
  dt: number,
  complex: boolean,
  name = 'x',
): Frame[] {
  const width = complex ? 2 : 1;
  return Array.from({ length: N }, (_, k) => {
    const data = new Float64Array(width * R);
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < width; c++) data[width * r + c] = x[width * (r * N + k) + c];
    }
    return { t: k * dt, channels: { [name]: arrayChannel(data, [R], { complex }) } };
  });
}

/** Real array channel data of a frame, or throws. */
export function arrayData(frame: Frame, name: string): Float64Array {
  const c = frame.channels[name];
  if (c === undefined || c.kind !== 'array') throw new Error(`no array channel '${name}'`);
  return c.data;
}

/** Real scalar channel value of a frame, or throws. */
export function realValue(frame: Frame, name: string): number {
  const c = frame.channels[name];
  if (c === undefined || c.kind !== 'real') throw new Error(`no real channel '${name}'`);
  return c.value;
}
