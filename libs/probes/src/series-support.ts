/**
 * Shared internals of the time-series probes (long-time averages, observed frequencies, the
 * stream operators): guards for time grids and options, the choice of the long-time part, and
 * reading a phase channel from a frame. Not part of the public entry.
 */
import type { Frame } from '@qsync/frames';

/** Which part of a time series counts as the long-time limit; see {@link keptStart}. */
export interface DiscardConfig {
  /**
   * Fraction of the time span to drop as transient, in [0, 1): samples with
   * t < t₀ + discard·(t_last − t₀) are ignored. Default 0 (keep all). Exclusive with `tStart`.
   */
  discard?: number;
  /** Keep only samples with t ≥ tStart. Exclusive with `discard`. */
  tStart?: number;
}

/** Throws unless `times` is a non-empty array of finite, non-decreasing numbers. */
export function assertTimes(fn: string, name: string, times: unknown): asserts times is ArrayLike<number> {
  const arr = times as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument '${name}' must be an array of times, got ${String(times)}`);
  }
  if (arr.length < 1) throw new Error(`${fn}: argument '${name}' must not be empty`);
  let prev = -Infinity;
  for (let i = 0; i < arr.length; i++) {
    const t = arr[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw new Error(`${fn}: argument '${name}' must hold finite numbers, got ${String(t)} at index ${i}`);
    }
    if (t < prev) {
      throw new Error(`${fn}: argument '${name}' must not decrease, got ${prev} then ${t} at index ${i}`);
    }
    prev = t;
  }
}

/** Throws unless the options argument `config` is undefined or an object. */
export function assertConfig(fn: string, config: unknown): void {
  if (config !== undefined && (config === null || typeof config !== 'object')) {
    throw new Error(`${fn}: argument 'config' must be an object, got ${String(config)}`);
  }
}

/** Checks `discard` / `tStart` of a {@link DiscardConfig} (not the times). */
export function assertDiscardConfig(fn: string, config: DiscardConfig): void {
  const { discard, tStart } = config;
  if (discard !== undefined && tStart !== undefined) {
    throw new Error(`${fn}: options 'discard' and 'tStart' exclude each other, got both`);
  }
  if (discard !== undefined && !(typeof discard === 'number' && discard >= 0 && discard < 1)) {
    throw new Error(`${fn}: option 'discard' must be a fraction in [0, 1), got ${String(discard)}`);
  }
  if (tStart !== undefined && !(typeof tStart === 'number' && Number.isFinite(tStart))) {
    throw new Error(`${fn}: option 'tStart' must be a finite number, got ${String(tStart)}`);
  }
}

/**
 * Index of the first sample of the long-time part of `times` (validated, non-decreasing):
 * the first with t ≥ tStart, or with t ≥ t₀ + discard·(t_last − t₀). Throws naming `tStart`
 * when no sample is left.
 */
export function keptStart(fn: string, times: ArrayLike<number>, config: DiscardConfig): number {
  assertDiscardConfig(fn, config);
  const n = times.length;
  const t0 = times[0];
  const tLast = times[n - 1];
  const cut = config.tStart ?? t0 + (config.discard ?? 0) * (tLast - t0);
  // binary search for the first t ≥ cut in a non-decreasing array
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < cut) lo = mid + 1;
    else hi = mid;
  }
  if (lo === n) {
    // only reachable through tStart: t₀ + discard·(t_last − t₀) ≤ t_last for discard < 1
    throw new Error(
      `${fn}: option 'tStart' = ${String(config.tStart)} leaves no samples (last time ${tLast})`,
    );
  }
  return lo;
}

/** Checks a stream operator's `channel` option. */
export function assertChannelName(fn: string, channel: unknown): asserts channel is string {
  if (typeof channel !== 'string' || channel === '') {
    throw new Error(`${fn}: option 'channel' must be a non-empty string, got ${String(channel)}`);
  }
}

/** Checks an optional stream `tStart` option (−∞ when absent). */
export function streamStart(fn: string, tStart: unknown): number {
  if (tStart === undefined) return -Infinity;
  if (typeof tStart !== 'number' || !Number.isFinite(tStart)) {
    throw new Error(`${fn}: option 'tStart' must be a finite number, got ${String(tStart)}`);
  }
  return tStart;
}

/** Throws unless the frame time is finite and not before `tPrev`. */
export function checkFrameTime(fn: string, t: number, tPrev: number): void {
  if (!Number.isFinite(t)) throw new Error(`${fn}: frame time must be finite, got t = ${t}`);
  if (t < tPrev) throw new Error(`${fn}: frame times must not decrease, got t = ${t} after t = ${tPrev}`);
}

/**
 * The payload of a real scalar channel (a number) or of a real array channel (its data, not a
 * copy) of `frame`; throws naming the channel when it is missing, complex or a complex array.
 */
export function readRealOrArray(fn: string, frame: Frame, name: string): number | Float64Array {
  if (!Object.hasOwn(frame.channels, name)) {
    const known = Object.keys(frame.channels);
    const list = known.length === 0 ? '(none)' : known.map((k) => `'${k}'`).join(', ');
    throw new Error(`${fn}: channel '${name}' is missing in the frame at t = ${frame.t}; known channels: ${list}`);
  }
  const c = frame.channels[name];
  if (c.kind === 'real') return c.value;
  if (c.kind === 'array' && !c.complex) return c.data;
  const what = c.kind === 'array' ? 'a complex array' : `kind '${c.kind}'`;
  throw new Error(`${fn}: channel '${name}' must be real or a real array, got ${what} at t = ${frame.t}`);
}

/** Like {@link readRealOrArray} for real scalar channels only. */
export function readReal(fn: string, frame: Frame, name: string): number {
  const v = readRealOrArray(fn, frame, name);
  if (typeof v !== 'number') {
    throw new Error(`${fn}: channel '${name}' must be a real scalar, got an array at t = ${frame.t}`);
  }
  return v;
}

/**
 * Throws naming `name` and the index of the first entry in arr[start … end − 1] that is not a
 * finite number; returns when there is none. For kernels that check their result rather than
 * every input (a NaN or ∞ input always makes the result non-finite).
 */
export function throwFirstNonFinite(fn: string, name: string, arr: ArrayLike<unknown>, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: argument '${name}' must hold finite numbers, got ${String(v)} at index ${i}`);
    }
  }
}
