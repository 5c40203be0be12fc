import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { dznrm2 } from './dznrm2';
import { zdotc } from './zdotc';
import { createRng } from './rng';
import { randomVector } from './test-support/kernel-fixtures';

// The scaled accumulation costs a few roundings per entry: relative error ≲ 2n·ε.
const EPS = 2 ** -52;

describe('dznrm2', () => {
  it('computes a Pythagorean example and the empty vector', () => {
    expectClose(dznrm2(new Float64Array([3, 4])), 5, { rtol: 2 * EPS });
    expectClose(dznrm2(new Float64Array([1, 2, 2, 4])), 5, { rtol: 8 * EPS });
    expect(dznrm2(new Float64Array(0))).toBe(0);
    expect(dznrm2(new Float64Array(4))).toBe(0);
  });
  it('equals √⟨x, x⟩ on a random vector', () => {
    const x = randomVector(createRng(91), 20);
    expectClose(dznrm2(x), Math.sqrt(zdotc(x, x).re), { rtol: 80 * EPS });
  });
  it('neither overflows nor underflows where the naive sum of squares would', () => {
    // 1e200² = 1e400 overflows, 1e-200² underflows to 0; the true norms are 5e200 and 5e-200
    expectClose(dznrm2(new Float64Array([3e200, 4e200])), 5e200, { rtol: 4 * EPS });
    expectClose(dznrm2(new Float64Array([3e-200, 0, 0, 4e-200])), 5e-200, { rtol: 4 * EPS });
  });
  it('gives NaN for NaN and ∞ for infinite entries', () => {
    expect(dznrm2(new Float64Array([NaN, 1]))).toBeNaN();
    expect(dznrm2(new Float64Array([1, Infinity, -Infinity, NaN]))).toBeNaN();
    expect(dznrm2(new Float64Array([1, Infinity, -Infinity, 2]))).toBe(Infinity);
  });
  it('rejects odd lengths', () => {
    expect(() => dznrm2(new Float64Array(5))).toThrow(/dznrm2: argument 'x'.*got length 5/);
  });
});
