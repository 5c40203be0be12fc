import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { arrayChannel, complexChannel, realChannel } from './frame';
import type { Channel, Frame } from './frame';

/** Options of {@link ensembleMean}. */
export interface EnsembleMeanConfig {
  /**
   * Largest allowed relative difference of the frames' times, |tᵢ − t₁| ≤ tTolerance·max(1, |t₁|);
   * default 1e-9 (times computed on the same grid in different ways differ by rounding only).
   */
  tTolerance?: number;
}

/**
 * Mean over an ensemble of frames taken at the same time: each emitted array of frames
 * (e.g. one frame per trajectory, from `zip`) becomes one frame with the first frame's t
 * and, for every channel of the first frame, the mean over the ensemble — real and
 * complex scalars averaged as numbers, array channels element-wise (a new array).
 * All frames must have the same channels with the same kind, shape and unit.
 *
 * @param config - tolerance on the frames' times
 * @returns an operator Frame[] → Frame; it errors (naming the channel, the frame index or
 *   the times) on an empty ensemble, differing times, or channels that do not match
 * @throws Error naming `tTolerance` when it is negative or NaN
 * @example
 * const ensemble = [1, 3].map((x) => ({ t: 1, channels: { x: realChannel(x) } }));
 * const mean = await lastValueFrom(of(ensemble).pipe(ensembleMean()));
 * [mean.t, channelValue(mean, 'x', 'real').value]; // [1, 2]
 */
export function ensembleMean(
  config: EnsembleMeanConfig = {},
): OperatorFunction<readonly Frame[], Frame> {
  const tTolerance = config.tTolerance ?? 1e-9;
  if (!(tTolerance >= 0)) {
    throw new Error(`ensembleMean: option 'tTolerance' must be ≥ 0, got ${tTolerance}`);
  }
  return map((frames) => meanFrame(frames, tTolerance));
}

function meanFrame(frames: readonly Frame[], tTolerance: number): Frame {
  const m = frames.length;
  if (m === 0) {
    throw new Error('ensembleMean: the ensemble is empty (got an array of 0 frames)');
  }
  const head = frames[0];
  const t = head.t;
  const bound = tTolerance * Math.max(1, Math.abs(t));
  for (let j = 1; j < m; j++) {
    if (!(Math.abs(frames[j].t - t) <= bound)) {
      throw new Error(
        `ensembleMean: frames must share one time, but frame ${j} has t = ${frames[j].t} ` +
          `and frame 0 has t = ${t}`,
      );
    }
  }
  const channels: Record<string, Channel> = {};
  for (const name of Object.keys(head.channels)) {
    const c0 = head.channels[name];
    const others: Channel[] = [];
    for (let j = 1; j < m; j++) {
      const frame = frames[j];
      if (!Object.hasOwn(frame.channels, name)) {
        throw new Error(`ensembleMean: channel '${name}' is missing in frame ${j} (t = ${frame.t})`);
      }
      const c = frame.channels[name];
      if (c.kind !== c0.kind || c.unit !== c0.unit) {
        throw new Error(
          `ensembleMean: channel '${name}' of frame ${j} is ${c.kind} [${c.unit ?? ''}], ` +
            `but of frame 0 is ${c0.kind} [${c0.unit ?? ''}]`,
        );
      }
      others.push(c);
    }
    channels[name] = meanChannel(name, c0, others, m);
  }
  return { t, channels };
}

function meanChannel(name: string, c0: Channel, others: Channel[], m: number): Channel {
  switch (c0.kind) {
    case 'real': {
      let s = c0.value;
      for (const c of others) if (c.kind === 'real') s += c.value;
      return realChannel(s / m, c0.unit);
    }
    case 'complex': {
      let re = c0.re;
      let im = c0.im;
      for (const c of others) {
        if (c.kind === 'complex') {
          re += c.re;
          im += c.im;
        }
      }
      return complexChannel(re / m, im / m, c0.unit);
    }
    case 'array': {
      const sum = Float64Array.from(c0.data);
      for (let j = 0; j < others.length; j++) {
        const c = others[j];
        if (
          c.kind !== 'array' ||
          c.complex !== c0.complex ||
          c.shape.length !== c0.shape.length ||
          c.shape.some((d, i) => d !== c0.shape[i])
        ) {
          const shape = c.kind === 'array' ? c.shape.join('×') : '?';
          throw new Error(
            `ensembleMean: array channel '${name}' of frame ${j + 1} has shape ${shape}` +
              `${c.kind === 'array' && c.complex ? ' (complex)' : ''}, but of frame 0 ` +
              `${c0.shape.join('×')}${c0.complex ? ' (complex)' : ''}`,
          );
        }
        const data = c.data;
        for (let i = 0; i < sum.length; i++) sum[i] += data[i];
      }
      for (let i = 0; i < sum.length; i++) sum[i] /= m;
      return arrayChannel(sum, c0.shape, { complex: c0.complex, unit: c0.unit });
    }
  }
}
