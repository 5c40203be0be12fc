import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { windowFunction } from './window-function';
import type { WindowName } from './window-function';

// Window values are sums of at most three cosines of O(1): a few ulps of 1.
const TOL = { rtol: 0, atol: 4e-16 };

describe('windowFunction', () => {
  it('hann of length 4 is [0, ½, 1, ½] (doc example)', () => {
    expectClose(windowFunction('hann', 4), [0, 0.5, 1, 0.5], TOL);
  });

  it('matches hand-computed values of every window, periodic and symmetric', () => {
    expectClose(windowFunction('rectangular', 3), [1, 1, 1], TOL);
    expectClose(windowFunction('hann', 5, { periodic: false }), [0, 0.5, 1, 0.5, 0], TOL);
    expectClose(windowFunction('hamming', 3, { periodic: false }), [0.08, 1, 0.08], TOL);
    expectClose(windowFunction('hamming', 4), [0.08, 0.54, 1, 0.54], TOL);
    expectClose(windowFunction('blackman', 3, { periodic: false }), [0, 1, 0], TOL);
    // θ = π/2: 0.42 − 0.5·0 + 0.08·cos π = 0.34
    expectClose(windowFunction('blackman', 4), [0, 0.34, 1, 0.34], TOL);
  });

  it('symmetric windows are mirror images; periodic ones are symmetric ones of n + 1 without the last sample', () => {
    for (const name of ['hann', 'hamming', 'blackman'] as WindowName[]) {
      const s = windowFunction(name, 9, { periodic: false });
      expectClose(Array.from(s).reverse(), s, TOL);
      expectClose(
        windowFunction(name, 8),
        windowFunction(name, 9, { periodic: false }).subarray(0, 8),
        TOL,
      );
    }
  });

  it('a window of length 1 is [1]', () => {
    for (const name of ['rectangular', 'hann', 'hamming', 'blackman'] as WindowName[]) {
      expect(Array.from(windowFunction(name, 1))).toEqual([1]);
      expect(Array.from(windowFunction(name, 1, { periodic: false }))).toEqual([1]);
    }
  });

  it('rejects an unknown name, naming name', () => {
    expect(() => windowFunction('kaiser' as WindowName, 4)).toThrow(
      "windowFunction: argument 'name' must be one of 'rectangular', 'hann', 'hamming', 'blackman', got kaiser",
    );
  });

  it('rejects n that is not an integer ≥ 1, naming n', () => {
    expect(() => windowFunction('hann', 0)).toThrow(
      "windowFunction: argument 'n' must be an integer ≥ 1, got 0",
    );
    expect(() => windowFunction('hann', 2.5)).toThrow(/'n'.*got 2.5/);
    expect(() => windowFunction('hann', NaN)).toThrow(/'n'.*got NaN/);
  });

  it('rejects a periodic flag that is not boolean, naming periodic', () => {
    expect(() => windowFunction('hann', 4, { periodic: 1 as unknown as boolean })).toThrow(
      "windowFunction: option 'periodic' must be true or false, got 1",
    );
  });
});
