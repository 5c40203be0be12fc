/**
 * Plumbing of the streaming operators: reading a signal channel of a frame as R complex
 * samples, and checking that frames are equally spaced in t. Internal (not in index.ts).
 */
import type { Frame } from '@qsync/frames';

/** Reads channel `name` of frames as R interleaved complex samples (one per realization). */
export class SampleReader {
  /** number of realizations R (entries of the channel), known after the first frame */
  realizations = 0;
  /** whether the channel is complex (false: real, stored with imaginary part 0) */
  complex = true;
  private kindSeen = '';
  /** the samples of the latest frame, interleaved (re, im), length 2R */
  values = new Float64Array(0);

  constructor(
    private readonly fn: string,
    private readonly name: string,
  ) {}

  /** Reads the frame's channel into `values`; throws naming the channel when it is missing or changes. */
  read(frame: Frame): Float64Array {
    const { fn, name } = this;
    if (!Object.hasOwn(frame.channels, name)) {
      const known =
        Object.keys(frame.channels)
          .map((k) => `'${k}'`)
          .join(', ') || '(none)';
      throw new Error(
        `${fn}: channel '${name}' (option 'channel') is missing in the frame at t = ${frame.t}; ` +
          `known channels: ${known}`,
      );
    }
    const c = frame.channels[name];
    let kind: string;
    let r: number;
    if (c.kind === 'array') {
      r = c.complex ? c.data.length / 2 : c.data.length;
      kind = `${c.complex ? 'complex' : 'real'} array of ${r}`;
    } else {
      r = 1;
      kind = c.kind;
    }
    if (this.kindSeen === '') {
      if (r < 1) {
        throw new Error(
          `${fn}: channel '${name}' is an empty array at t = ${frame.t}; need ≥ 1 realization`,
        );
      }
      this.kindSeen = kind;
      this.realizations = r;
      this.complex = c.kind === 'complex' || (c.kind === 'array' && c.complex);
      this.values = new Float64Array(2 * r);
    } else if (kind !== this.kindSeen) {
      throw new Error(
        `${fn}: channel '${name}' changed from ${this.kindSeen} to ${kind} at t = ${frame.t}`,
      );
    }
    const v = this.values;
    if (c.kind === 'real') {
      v[0] = c.value;
      v[1] = 0;
    } else if (c.kind === 'complex') {
      v[0] = c.re;
      v[1] = c.im;
    } else if (c.complex) {
      v.set(c.data);
    } else {
      for (let k = 0; k < r; k++) {
        v[2 * k] = c.data[k];
        v[2 * k + 1] = 0;
      }
    }
    return v;
  }
}

/** Relative tolerance on the spacing of frame times (times computed as k·Δt or by summing Δt). */
export const SPACING_TOLERANCE = 1e-6;

/**
 * Checks that frame times are finite and equally spaced: Δt is the option `dt` when given,
 * else the spacing of the first two frames; every later spacing must match it within
 * SPACING_TOLERANCE·Δt.
 */
export class FrameClock {
  dt: number;
  private previous = NaN;
  private readonly configured: boolean;

  constructor(
    private readonly fn: string,
    dt: number | undefined,
  ) {
    this.configured = dt !== undefined;
    this.dt = dt ?? NaN;
  }

  tick(t: number): void {
    const fn = this.fn;
    if (!Number.isFinite(t)) {
      throw new Error(`${fn}: frame time must be finite, got t = ${t}`);
    }
    const prev = this.previous;
    this.previous = t;
    if (Number.isNaN(prev)) return;
    const step = t - prev;
    if (Number.isNaN(this.dt)) {
      if (!(step > 0)) {
        throw new Error(`${fn}: frame times must increase, got t = ${t} after t = ${prev}`);
      }
      this.dt = step;
      return;
    }
    if (!(Math.abs(step - this.dt) <= SPACING_TOLERANCE * this.dt)) {
      const from = this.configured ? "option 'dt'" : 'the first two frames';
      throw new Error(
        `${fn}: frames must be equally spaced in t with Δt = ${this.dt} (${from}), ` +
          `got t = ${t} after t = ${prev}`,
      );
    }
  }
}

/** Reads the real array channels `omegaName` and `densityName` of a spectrum frame. */
export function readSpectrum(
  fn: string,
  frame: Frame,
  omegaName: string,
  densityName: string,
): { omega: Float64Array; density: Float64Array } {
  const read = (name: string, option: string): Float64Array => {
    if (!Object.hasOwn(frame.channels, name)) {
      const known =
        Object.keys(frame.channels)
          .map((k) => `'${k}'`)
          .join(', ') || '(none)';
      throw new Error(
        `${fn}: channel '${name}' (option '${option}') is missing in the frame at t = ${frame.t}; ` +
          `known channels: ${known}`,
      );
    }
    const c = frame.channels[name];
    if (c.kind !== 'array' || c.complex) {
      throw new Error(
        `${fn}: channel '${name}' (option '${option}') must be a real array channel, got ` +
          `${c.kind === 'array' ? 'a complex array' : `kind '${c.kind}'`} at t = ${frame.t}`,
      );
    }
    return c.data;
  };
  return { omega: read(omegaName, 'omegaChannel'), density: read(densityName, 'densityChannel') };
}

/** Throws unless `value` is a non-empty string (a channel name). */
export function assertChannelName(
  fn: string,
  option: string,
  value: unknown,
): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new Error(
      `${fn}: option '${option}' must be a non-empty channel name, got ${String(value)}`,
    );
  }
}
