/**
 * The stream contract of qsync: a simulation or a detector emits a sequence of
 * {@link Frame}s, each a time stamp and a set of named channels.
 *
 * Conventions (they hold for every producer in qsync):
 * - `t` is dimensionless time measured in the inverse of the model's rate unit: a model
 *   whose rates are given in units of κ emits `t` in units of 1/κ (γ⁺ → 1/γ⁺, and so on).
 *   The producer documents which rate it uses.
 * - Channel names are chosen by the producer and documented next to it (for example
 *   `'a'` for a cavity amplitude ⟨a⟩, `'n'` for ⟨a†a⟩, `'J'` for a heterodyne current).
 *   Consumers read them with `channelValue(frame, name)`, which names the unknown
 *   channel and lists the known ones when a name is wrong.
 * - `unit` is an optional free-text unit label for the channel's value (e.g. `'1/κ'`,
 *   `'√κ'`); absent means dimensionless or given by the producer's documentation.
 * - Complex data is interleaved (re, im) in one Float64Array, the layout of
 *   `@qsync/linalg`; array channels are row-major with their `shape`.
 * - Frames are values: a producer emits a fresh frame each time and never mutates a
 *   frame it has emitted, so consumers may keep them.
 */

/** A real scalar channel. */
export interface RealChannel {
  readonly kind: 'real';
  readonly value: number;
  readonly unit?: string;
}

/** A complex scalar channel, value re + i·im. */
export interface ComplexChannel {
  readonly kind: 'complex';
  readonly re: number;
  readonly im: number;
  readonly unit?: string;
}

/**
 * A real or complex array channel, row-major with `shape`. When `complex` is true,
 * entry k is data[2k] + i·data[2k+1] and data.length = 2·∏shape; otherwise
 * data.length = ∏shape.
 */
export interface ArrayChannel {
  readonly kind: 'array';
  readonly data: Float64Array;
  readonly shape: readonly number[];
  readonly complex: boolean;
  readonly unit?: string;
}

/** A tagged channel value: read `kind` before reading the payload. */
export type Channel = RealChannel | ComplexChannel | ArrayChannel;

/** The tag of a {@link Channel}: `'real' | 'complex' | 'array'`. */
export type ChannelKind = Channel['kind'];

/**
 * One sample of a stream: time `t` (in units of 1/rate of the model, see the module
 * comment above) and named channels. See the conventions at the top of this file.
 */
export interface Frame {
  readonly t: number;
  readonly channels: Readonly<Record<string, Channel>>;
}

/**
 * Makes a real scalar channel.
 *
 * @param value - the channel's value
 * @param unit - optional unit label (absent: dimensionless / producer-documented)
 * @example
 * realChannel(0.5, '1/κ');
 * // → { kind: 'real', value: 0.5, unit: '1/κ' }
 */
export function realChannel(value: number, unit?: string): RealChannel {
  return unit === undefined ? { kind: 'real', value } : { kind: 'real', value, unit };
}

/**
 * Makes a complex scalar channel re + i·im.
 *
 * @param re - real part
 * @param im - imaginary part
 * @param unit - optional unit label
 * @example
 * complexChannel(1, -2);
 * // → { kind: 'complex', re: 1, im: -2 }
 */
export function complexChannel(re: number, im: number, unit?: string): ComplexChannel {
  return unit === undefined ? { kind: 'complex', re, im } : { kind: 'complex', re, im, unit };
}

/** Options of {@link arrayChannel}. */
export interface ArrayChannelConfig {
  /** true when `data` holds interleaved (re, im) pairs; default false */
  complex?: boolean;
  /** optional unit label */
  unit?: string;
}

/**
 * Makes an array channel over `data` (not copied: the frame owns it from now on).
 *
 * @param data - row-major values; interleaved (re, im) when `complex`
 * @param shape - dimensions, non-negative integers; data.length must be ∏shape (×2 if complex)
 * @param config - `{ complex, unit }`
 * @throws Error naming `shape` or `data` when they do not fit together
 * @example
 * arrayChannel(new Float64Array([1, 0, 0, 1]), [2], { complex: true }).shape;
 * // → [2]
 */
export function arrayChannel(
  data: Float64Array,
  shape: readonly number[],
  config: ArrayChannelConfig = {},
): ArrayChannel {
  const complex = config.complex ?? false;
  if (!(data instanceof Float64Array)) {
    throw new Error(`arrayChannel: argument 'data' must be a Float64Array`);
  }
  let size = 1;
  for (let k = 0; k < shape.length; k++) {
    const d = shape[k];
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(
        `arrayChannel: argument 'shape' must hold non-negative integers, got shape[${k}] = ${d}`,
      );
    }
    size *= d;
  }
  const expected = complex ? 2 * size : size;
  if (data.length !== expected) {
    throw new Error(
      `arrayChannel: argument 'data' must have length ${expected} for shape [${shape.join(', ')}]` +
        `${complex ? ' (complex, 2 numbers per entry)' : ''}, got length ${data.length}`,
    );
  }
  const frozenShape = Object.freeze([...shape]);
  return config.unit === undefined
    ? { kind: 'array', data, shape: frozenShape, complex }
    : { kind: 'array', data, shape: frozenShape, complex, unit: config.unit };
}
