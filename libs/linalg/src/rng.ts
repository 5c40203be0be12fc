/**
 * Seeded pseudo-random numbers for stochastic unravelings and tests: xoshiro128**
 * (Blackman & Vigna, 2018; 128-bit state, period 2^128 − 1, 32-bit integer operations
 * only) whose state is filled by SplitMix64 from a 64-bit key, as its authors recommend.
 * Same seed → the same sequence, bit for bit, on every platform.
 */
import { assertIndexInRange } from './assert';

/** A seeded random number generator; see {@link createRng}. */
export interface Rng {
  /** Next raw 32-bit output, an integer in [0, 2^32). */
  uint32(): number;
  /** Uniform double in [0, 1) with 53 random bits (multiples of 2^-53); consumes two uint32 outputs. */
  uniform(): number;
  /** Standard normal N(0, 1) deviate (Marsaglia polar method; deviates come in pairs, the second is cached). */
  gaussian(): number;
  /**
   * Fills out[offset … offset+count-1] with N(0, 1) deviates — the same numbers that
   * `count` calls of {@link Rng.gaussian} would return. Allocates nothing.
   */
  fillGaussianInto(out: Float64Array, offset?: number, count?: number): void;
  /**
   * Fills out[offset … offset+count-1] with N(0, 1) deviates by the ziggurat method (Marsaglia &
   * Tsang 2000, 128 layers): one 32-bit output per deviate, its low 7 bits the layer and its high
   * 25 bits the position in it (separate bits, as Doornik 2005 asks; resolution 2^-24 of the
   * layer's width), 53-bit uniforms in the rare wedge and tail tests. About 20× faster than the
   * polar method, so the choice for SDE noise; a different sequence from {@link Rng.fillGaussianInto} for the same seed. With `scale` every
   * deviate is multiplied by it as it is stored (bit for bit the same as scaling afterwards, one
   * pass less: SDE noise draws √h·ξ this way). Allocates nothing.
   */
  fillNormalZigguratInto(out: Float64Array, offset?: number, count?: number, scale?: number): void;
  /** Fills out[offset … offset+count-1] with uniform [0, 1) doubles, as `count` calls of {@link Rng.uniform}. */
  fillUniformInto(out: Float64Array, offset?: number, count?: number): void;
  /**
   * An independent generator for stream number `stream` (e.g. trajectory k). It depends
   * only on this generator's seed path and `stream`, not on how many numbers have been
   * drawn, so trajectory k gets the same numbers whichever worker runs it and in
   * whatever order. Streams may be split again.
   */
  split(stream: number): Rng;
}

const MASK64 = (1n << 64n) - 1n;

// Ziggurat of the standard normal with 128 layers of equal area ZIG_AREA (Marsaglia & Tsang 2000):
// ZIG_X[i] is the right edge of layer i (ZIG_X[1] = ZIG_EDGE = R, ZIG_X[128] = 0; layer 0 is the
// base strip with the tail), ZIG_R[i] = ZIG_X[i+1]/ZIG_X[i] the fraction inside the rectangle.
const ZIG_EDGE = 3.442619855899;
const ZIG_AREA = 9.91256303526217e-3;
const ZIG_X = new Float64Array(129);
const ZIG_R = new Float64Array(128);
{
  let f = Math.exp(-0.5 * ZIG_EDGE * ZIG_EDGE);
  ZIG_X[0] = ZIG_AREA / f;
  ZIG_X[1] = ZIG_EDGE;
  ZIG_X[128] = 0;
  for (let i = 2; i < 128; i++) {
    ZIG_X[i] = Math.sqrt(-2 * Math.log(ZIG_AREA / ZIG_X[i - 1] + f));
    f = Math.exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
  }
  for (let i = 0; i < 128; i++) ZIG_R[i] = ZIG_X[i + 1] / ZIG_X[i];
}
/** 2^-24: the 25 signed high bits of a 32-bit output, (k + ½)·2^-24, are positions in (−1, 1) symmetric about 0 */
const ZIG_STEP = 1 / 16777216;
const GOLDEN64 = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output function: a bijective 64-bit mixer. */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

class Xoshiro128StarStar implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;
  /** the state handed to `zigguratRun` and back, then the layer and position where it stopped */
  private readonly runState = new Int32Array(6);

  constructor(private readonly key: bigint) {
    // two SplitMix64 outputs from state `key` → four 32-bit words (never all zero:
    // the mixer is a bijection and its two inputs differ)
    const a = mix64((key + GOLDEN64) & MASK64);
    const b = mix64((key + 2n * GOLDEN64) & MASK64);
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
  }

  uint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  uniform(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992; // (hi·2^26 + lo) / 2^53
  }

  gaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  fillGaussianInto(out: Float64Array, offset = 0, count?: number): void {
    const end = checkRange('fillGaussianInto', out, offset, count);
    for (let k = offset; k < end; k++) out[k] = this.gaussian();
  }

  fillNormalZigguratInto(out: Float64Array, offset = 0, count?: number, scale = 1): void {
    const end = checkRange('fillNormalZigguratInto', out, offset, count);
    if (!Number.isFinite(scale)) {
      throw new Error(`fillNormalZigguratInto: argument 'scale' must be a finite number, got ${scale}`);
    }
    // The accepted ≈ 99 % of deviates come from `zigguratRun`, a call-free loop on the state in
    // locals (a call to the wedge/tail path inside it made the whole loop 2.7× slower); each
    // deviate it stops at finishes here on the method path, in sequence.
    const state = this.runState;
    let k = offset;
    while (k < end) {
      state[0] = this.s0;
      state[1] = this.s1;
      state[2] = this.s2;
      state[3] = this.s3;
      k = zigguratRun(state, out, k, end, scale);
      this.s0 = state[0];
      this.s1 = state[1];
      this.s2 = state[2];
      this.s3 = state[3];
      if (k < end) {
        out[k] = this.zigguratFrom(state[4], (state[5] + 0.5) * ZIG_STEP) * scale;
        k++;
      }
    }
  }

  /**
   * Finishes a ziggurat deviate whose layer i and position u ∈ (−1, 1) are drawn and fall outside
   * the layer's rectangle: the wedge test against the density (or the tail for the base layer),
   * drawing a new layer and position on rejection.
   */
  private zigguratFrom(layer: number, position: number): number {
    let i = layer;
    let u = position;
    for (;;) {
      if (Math.abs(u) < ZIG_R[i]) return u * ZIG_X[i];
      if (i === 0) return this.normalTail(u < 0);
      const x = u * ZIG_X[i];
      const x2 = x * x;
      const f0 = Math.exp(-0.5 * (ZIG_X[i] * ZIG_X[i] - x2));
      const f1 = Math.exp(-0.5 * (ZIG_X[i + 1] * ZIG_X[i + 1] - x2));
      if (f1 + this.uniform() * (f0 - f1) < 1) return x;
      const a = this.uint32() | 0;
      i = a & 127;
      u = ((a >> 7) + 0.5) * ZIG_STEP;
    }
  }

  /** A deviate from the tail |x| > R (Marsaglia 1964). */
  private normalTail(negative: boolean): number {
    let x: number;
    let y: number;
    do {
      x = Math.log(1 - this.uniform()) / ZIG_EDGE;
      y = Math.log(1 - this.uniform());
    } while (-2 * y < x * x);
    return negative ? x - ZIG_EDGE : ZIG_EDGE - x;
  }

  fillUniformInto(out: Float64Array, offset = 0, count?: number): void {
    const end = checkRange('fillUniformInto', out, offset, count);
    for (let k = offset; k < end; k++) out[k] = this.uniform();
  }

  split(stream: number): Rng {
    if (!Number.isSafeInteger(stream) || stream < 0) {
      throw new Error(`split: argument 'stream' must be a non-negative safe integer, got ${stream}`);
    }
    return new Xoshiro128StarStar(mix64(this.key ^ mix64((BigInt(stream) + GOLDEN64) & MASK64)));
  }
}

/**
 * Ziggurat deviates out[k] = u·X_i·scale from k on while they fall inside their layer's rectangle:
 * one xoshiro128** output a per deviate (the generator of `uint32`, inlined on the int32 state in
 * state[0…3]), layer i = a & 127, position u = ((a >> 7) + ½)·2^-24. Returns the index of the first
 * deviate outside its rectangle, with its i and a >> 7 in state[4], state[5], or `end`.
 */
function zigguratRun(state: Int32Array, out: Float64Array, from: number, end: number, scale: number): number {
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  let k = from;
  for (; k < end; k++) {
    const x = Math.imul(s1, 5);
    const a = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = a & 127;
    const u = ((a >> 7) + 0.5) * ZIG_STEP;
    if (!(Math.abs(u) < ZIG_R[i])) {
      state[4] = i;
      state[5] = a >> 7;
      break;
    }
    out[k] = u * ZIG_X[i] * scale;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return k;
}

function checkRange(fn: string, out: Float64Array, offset: number, count: number | undefined): number {
  if (!(out instanceof Float64Array)) throw new Error(`${fn}: argument 'out' must be a Float64Array`);
  assertIndexInRange(fn, 'offset', offset, out.length);
  const n = count ?? out.length - offset;
  assertIndexInRange(fn, 'count', n, out.length - offset);
  return offset + n;
}

/**
 * A seeded generator (xoshiro128** seeded by SplitMix64). The seed is reduced modulo
 * 2^64 (two's complement for negative seeds), so every safe integer gives its own stream.
 *
 * @param seed - any finite integer
 * @example
 * const a = createRng(42);
 * const b = createRng(42);
 * a.uniform() === b.uniform(); // true
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new Error(`createRng: argument 'seed' must be a finite integer, got ${String(seed)}`);
  }
  return new Xoshiro128StarStar(BigInt.asUintN(64, BigInt(seed)));
}
