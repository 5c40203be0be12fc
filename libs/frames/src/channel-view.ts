import ndarray from 'ndarray';
import { channelValue } from './channel-value';
import type { Frame } from './frame';

/**
 * An ndarray view over an array channel's own data (no copy), indexed by its shape for a real
 * channel and by [...shape, part] for a complex one (part 0 = re, 1 = im): a Husimi grid of
 * shape [nx, np] reads `view.get(i, j)`, a density matrix ρ of shape [n, n] reads
 * Im ρ_ij as `view.get(i, j, 1)`.
 *
 * @param frame - the frame
 * @param name - name of an array channel
 * @returns an `ndarray` over the channel's data; do not write through it (frames are values)
 * @throws Error naming an unknown channel (listing the known ones) or a channel that is not an array
 * @example
 * const frame = { t: 0, channels: { rho: arrayChannel(Float64Array.of(0.5, 0, 0, 0.5, 0, -0.5, 0.5, 0), [2, 2], { complex: true }) } };
 * channelView(frame, 'rho').get(1, 0, 1);
 * // → -0.5
 */
export function channelView(frame: Frame, name: string): ndarray.NdArray<Float64Array> {
  const c = channelValue(frame, name);
  if (c.kind !== 'array') {
    throw new Error(`channelView: channel '${name}' is of kind '${c.kind}', expected 'array' (t = ${frame.t})`);
  }
  const shape = [...c.shape];
  if (c.complex) shape.push(2);
  return ndarray(c.data, shape);
}
