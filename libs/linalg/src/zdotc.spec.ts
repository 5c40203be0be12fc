import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { zdotc } from './zdotc';
import { createRng } from './rng';
import { randomVector } from './test-support/kernel-fixtures';

describe('zdotc', () => {
  it('conjugates the first argument', () => {
    // conj(1+i)·(2−3i) + conj(−i)·(4) = (1−i)(2−3i) + 4i = (−1−5i) + 4i = −1 − i
    expect(zdotc(new Float64Array([1, 1, 0, -1]), new Float64Array([2, -3, 4, 0]))).toEqual({ re: -1, im: -1 });
  });
  it('is conjugate-symmetric and ⟨x, x⟩ is real and positive', () => {
    const rng = createRng(81);
    const x = randomVector(rng, 7);
    const y = randomVector(rng, 7);
    const xy = zdotc(x, y);
    const yx = zdotc(y, x);
    // same products, same order, opposite signs in the imaginary part: exact
    expect([xy.re, xy.im]).toEqual([yx.re, -yx.im]);
    const xx = zdotc(x, x);
    expect(xx.im).toBe(0);
    let sum = 0;
    for (const v of x) sum += v * v;
    expectClose(xx.re, sum, { rtol: 1e-15 }); // same squares summed pairwise vs serially: a few ulps
  });
  it('rejects vectors of different length', () => {
    expect(() => zdotc(new Float64Array(2), new Float64Array(4))).toThrow(
      /zdotc: argument 'y' must hold 1 complex entries \(length 2\), got length 4/,
    );
  });
});
