import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close';

describe('expectClose', () => {
  it('accepts values within atol + rtol·|expected|', () => {
    expect(() => expectClose(1 + 1e-10, 1, { rtol: 1e-9 })).not.toThrow();
    expect(() => expectClose([0, 2], [1e-13, 2], { atol: 1e-12 })).not.toThrow();
  });
  it('rejects values outside the tolerance, naming the index', () => {
    expect(() => expectClose([1, 2], [1, 2.1], { rtol: 1e-3 })).toThrow(/index 1/);
  });
  it('never accepts NaN', () => {
    expect(() => expectClose(NaN, NaN, { atol: 1 })).toThrow(/NaN/);
  });
  it('rejects arrays of different length', () => {
    expect(() => expectClose([1], [1, 2])).toThrow(/length/);
  });
});
