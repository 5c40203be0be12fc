import { describe, expect, it } from 'vitest';
import { denseIdentity } from './dense-identity';

describe('denseIdentity', () => {
  it('has ones on the diagonal only', () => {
    expect(Array.from(denseIdentity(2).data)).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
    const i3 = denseIdentity(3);
    expect(i3.rows).toBe(3);
    expect(i3.cols).toBe(3);
    expect(i3.data.reduce((s, v) => s + v, 0)).toBe(3);
  });
  it('rejects n < 1', () => {
    expect(() => denseIdentity(0)).toThrow(/denseIdentity: argument 'n' must be an integer ≥ 1, got 0/);
  });
});
