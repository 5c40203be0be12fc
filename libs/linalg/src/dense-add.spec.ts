import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { denseAdd } from './dense-add';
import { denseFromArrays } from './dense-from-arrays';
import { denseZeros } from './dense-zeros';
import { createRng } from './rng';
import { at, randomDense } from './test-support/kernel-fixtures';

describe('denseAdd', () => {
  it('adds with default factors 1', () => {
    const a = denseFromArrays([[1, 2]], [[3, 4]]);
    const b = denseFromArrays([[10, 20]], [[30, 40]]);
    expect(Array.from(denseAdd(a, b).data)).toEqual([11, 33, 22, 44]);
  });
  it('forms α·a + β·b entry by entry with complex α, β', () => {
    const rng = createRng(41);
    const a = randomDense(rng, 2, 3);
    const b = randomDense(rng, 2, 3);
    const alpha = { re: 0.5, im: -2 };
    const beta = { re: -1, im: 0.25 };
    const c = denseAdd(a, b, alpha, beta);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        const [ar, ai] = at(a, i, j);
        const [br, bi] = at(b, i, j);
        const re = alpha.re * ar - alpha.im * ai + beta.re * br - beta.im * bi;
        const im = alpha.re * ai + alpha.im * ar + beta.re * bi + beta.im * br;
        // same four products, possibly summed in another order: a few ulps of O(10) values
        expectClose(at(c, i, j), [re, im], { atol: 1e-14 });
      }
    }
  });
  it('rejects different shapes, naming both', () => {
    expect(() => denseAdd(denseZeros(2, 3), denseZeros(3, 2))).toThrow(
      /denseAdd: arguments 'a' \(2×3\) and 'b' \(3×2\) must have the same shape/,
    );
  });
  it('rejects non-finite or malformed factors', () => {
    const a = denseZeros(1, 1);
    expect(() => denseAdd(a, a, { re: NaN, im: 0 })).toThrow(/denseAdd: argument 'alpha' must be a finite number or Complex/);
    expect(() => denseAdd(a, a, undefined, { re: 1 } as never)).toThrow(/argument 'beta'.*im: undefined/);
  });
});
