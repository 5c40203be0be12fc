/**
 * Plumbing of the streaming operators: a signal channel read from frames or from a sample stream
 * as samples of R realizations, frames checked to be equally spaced in t. The sample stream
 * itself is read by @qsync/frames' SampleStreamReader. Internal (not in index.ts).
 */
import { SampleStreamReader } from '@qsync/frames';
import type { Frame, SampleBlock, StreamRecord } from '@qsync/frames';

const NO_SAMPLES = new Float64Array(0);

/**
 * Channel `name` of a stream of frames (one sample per frame) or of a sample stream, as samples
 * of R realizations: after `read(record)`, `data` holds `count` samples, layout
 * [sample][realization], interleaved (re, im) when `complex` — the block's own column (not
 * copied) or, for a frame, its array channel or a scratch copy of its scalar. Sample k is taken
 * at `time(k)`. The sample stream is checked by `SampleStreamReader` (one form, the schema first
 * and once, the channel in it, blocks matching it without gaps); what is added here is what
 * spectra need of frames: the channel keeps its kind and size, and frames, like blocks, keep one
 * spacing Δt (option `dt`, or the first one seen).
 */
export class SignalReader {
  /** number of realizations R (entries of the channel per sample), known after the first samples */
  realizations = 0;
  /** whether the channel is complex */
  complex = false;
  /** samples of the latest record, [sample][realization], interleaved when complex */
  data: Float64Array = NO_SAMPLES;
  /** number of samples in `data` */
  count = 0;
  /** sample spacing: option `dt`, else the first block's dt or the spacing of the first two frames */
  get dt(): number {
    return this.clock.dt;
  }
  private kindSeen = '';
  private scratch = new Float64Array(2);
  private frameT = NaN;
  private t0 = NaN;
  private fromFrames = false;
  private readonly stream: SampleStreamReader;
  private readonly clock: FrameClock;

  constructor(
    private readonly fn: string,
    private readonly name: string,
    dt: number | undefined,
  ) {
    this.stream = new SampleStreamReader({ caller: fn, channel: name });
    this.clock = new FrameClock(fn, dt);
  }

  /**
   * Reads one record and returns its number of samples (0 for the schema). `tick` false reads a
   * frame without checking its spacing (frames of a transient the operator skips).
   */
  read(record: StreamRecord, tick = true): number {
    const stream = this.stream;
    switch (stream.read(record)) {
      case 'frame':
        this.fromFrames = true;
        return this.readFrame(record as Frame, tick);
      case 'schema':
        this.realizations = stream.entries;
        this.complex = stream.complex;
        this.count = 0;
        return 0;
      default: {
        const block = record as SampleBlock;
        this.clock.block(block.dt);
        this.t0 = block.t0;
        this.data = stream.data;
        this.count = block.length;
        return block.length;
      }
    }
  }

  /** Time of sample k of the latest record. */
  time(k: number): number {
    return this.fromFrames ? this.frameT : this.t0 + k * this.clock.dt;
  }

  private readFrame(frame: Frame, tick: boolean): number {
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
    if (tick) this.clock.tick(frame.t);
    else if (!Number.isFinite(frame.t)) throw new Error(`${fn}: frame time must be finite, got t = ${frame.t}`);
    this.frameT = frame.t;
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
        throw new Error(`${fn}: channel '${name}' is an empty array at t = ${frame.t}; need ≥ 1 realization`);
      }
      this.kindSeen = kind;
      this.realizations = r;
      this.complex = c.kind === 'complex' || (c.kind === 'array' && c.complex);
    } else if (kind !== this.kindSeen) {
      throw new Error(`${fn}: channel '${name}' changed from ${this.kindSeen} to ${kind} at t = ${frame.t}`);
    }
    if (c.kind === 'real') {
      this.scratch[0] = c.value;
      this.data = this.scratch;
    } else if (c.kind === 'complex') {
      this.scratch[0] = c.re;
      this.scratch[1] = c.im;
      this.data = this.scratch;
    } else {
      this.data = c.data;
    }
    this.count = 1;
    return 1;
  }
}

/** Relative tolerance on the spacing of frame times (times computed as k·Δt or by summing Δt). */
const SPACING_TOLERANCE = 1e-6;

/**
 * Checks that frame times are finite and equally spaced: Δt is the option `dt` when given,
 * else the spacing of the first two frames; every later spacing must match it within
 * SPACING_TOLERANCE·Δt.
 */
class FrameClock {
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

  /** Takes the spacing of a block: sets Δt from the first block unless configured; later ones must match. */
  block(dt: number): void {
    if (Number.isNaN(this.dt)) {
      this.dt = dt;
      return;
    }
    if (!(Math.abs(dt - this.dt) <= SPACING_TOLERANCE * this.dt)) {
      const from = this.configured ? "option 'dt'" : 'the first block';
      throw new Error(`${this.fn}: block dt = ${dt} differs from Δt = ${this.dt} (${from})`);
    }
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
