import { arrayChannel, realChannel } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { arrayData, linspace } from './figure-support';

describe('figure support', () => {
  it('linspace includes both ends', () => {
    expectClose(linspace(-1, 1, 5), [-1, -0.5, 0, 0.5, 1], { atol: 1e-15 });
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
  });

  it('arrayData is the data of an array channel, not a copy, and refuses another kind', () => {
    const data = Float64Array.of(1, 2);
    const frame = { t: 0, channels: { a: arrayChannel(data, [2]), r: realChannel(1) } };
    expect(arrayData(frame, 'a')).toBe(data);
    expect(() => arrayData(frame, 'r')).toThrow(/r/);
  });
});
