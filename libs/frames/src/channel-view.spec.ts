import { describe, expect, it } from 'vitest';
import { channelView } from './channel-view';
import { arrayChannel, realChannel } from './frame';
import type { Frame } from './frame';

describe('channelView', () => {
  it('runs the doc example: Im ρ_10 of a complex 2×2 channel', () => {
    const frame = {
      t: 0,
      channels: { rho: arrayChannel(Float64Array.of(0.5, 0, 0, 0.5, 0, -0.5, 0.5, 0), [2, 2], { complex: true }) },
    };
    expect(channelView(frame, 'rho').get(1, 0, 1)).toBe(-0.5);
  });

  it('indexes a real grid by its shape, row-major', () => {
    // Q on a 2×3 grid, Q[i][j] = 10i + j
    const frame: Frame = { t: 0, channels: { Q: arrayChannel(Float64Array.of(0, 1, 2, 10, 11, 12), [2, 3]) } };
    const q = channelView(frame, 'Q');
    expect(q.shape).toEqual([2, 3]);
    expect([q.get(1, 2), q.get(0, 1)]).toEqual([12, 1]);
  });

  it('refuses a scalar channel and names an unknown one', () => {
    const frame: Frame = { t: 2, channels: { n: realChannel(1) } };
    expect(() => channelView(frame, 'n')).toThrow("channelView: channel 'n' is of kind 'real', expected 'array' (t = 2)");
    expect(() => channelView(frame, 'm')).toThrow(/unknown channel 'm'/);
  });
});
