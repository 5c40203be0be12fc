import { describe, expect, it } from 'vitest';
import { channelValue } from './channel-value';
import { complexChannel, realChannel } from './frame';
import type { Frame } from './frame';

describe('channelValue', () => {
  const frame: Frame = { t: 1.5, channels: { n: realChannel(2.5), a: complexChannel(1, 2) } };

  it('returns the channel (doc example)', () => {
    expect(channelValue({ t: 0, channels: { n: realChannel(2.5) } }, 'n', 'real').value).toBe(2.5);
    expect(channelValue(frame, 'a')).toBe(frame.channels.a);
  });
  it('narrows by kind', () => {
    const a = channelValue(frame, 'a', 'complex');
    expect(a.re + a.im).toBe(3);
  });
  it('names an unknown channel and lists the known ones', () => {
    expect(() => channelValue(frame, 'x')).toThrow(
      "channelValue: unknown channel 'x' in frame at t = 1.5; known channels: 'n', 'a'",
    );
    expect(() => channelValue({ t: 0, channels: {} }, 'x')).toThrow(/known channels: \(none\)/);
  });
  it('does not mistake inherited properties for channels', () => {
    expect(() => channelValue(frame, 'toString')).toThrow(/unknown channel 'toString'/);
  });
  it('names a channel of the wrong kind', () => {
    expect(() => channelValue(frame, 'a', 'real')).toThrow(
      "channelValue: channel 'a' is of kind 'complex', expected 'real'",
    );
  });
});
