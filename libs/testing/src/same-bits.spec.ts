import { describe, expect, it } from 'vitest';
import { sameBits } from './same-bits';

describe('sameBits', () => {
  it('is true for equal bits, NaN against the same NaN included', () => {
    expect(sameBits(Float64Array.of(1, NaN, -0, 1e-300), Float64Array.of(1, NaN, -0, 1e-300))).toBe(true);
    expect(sameBits(new Float64Array(0), new Float64Array(0))).toBe(true);
  });

  it('is false one rounding apart, for −0 against 0, in the last element and for other lengths', () => {
    expect(sameBits(Float64Array.of(0.1 + 0.2), Float64Array.of(0.3))).toBe(false);
    expect(sameBits(Float64Array.of(0), Float64Array.of(-0))).toBe(false);
    const a = Float64Array.of(1, 2, 3);
    const b = Float64Array.of(1, 2, 3 + 2 ** -51); // the next double after 3
    expect(sameBits(a, b)).toBe(false);
    expect(sameBits(a, a.subarray(0, 2))).toBe(false);
  });

  it('compares the views it is given, not their whole buffers', () => {
    const buffer = Float64Array.of(9, 1, 2, 8);
    expect(sameBits(buffer.subarray(1, 3), Float64Array.of(1, 2))).toBe(true);
    expect(sameBits(buffer.subarray(0, 2), Float64Array.of(1, 2))).toBe(false);
  });
});
