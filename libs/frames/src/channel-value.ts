import type { Channel, ChannelKind, Frame } from './frame';

/**
 * Reads the channel `name` of a frame, optionally checking its kind.
 *
 * @param frame - the frame to read
 * @param name - channel name, as documented by the frame's producer
 * @param kind - when given, the channel must be of this kind (`'real' | 'complex' | 'array'`)
 *   and the return type narrows to it
 * @returns the tagged channel value (not a copy)
 * @throws Error naming the unknown channel and listing the known ones, or naming the
 *   channel whose kind differs from `kind`
 * @example
 * const frame = { t: 0, channels: { n: realChannel(2.5) } };
 * channelValue(frame, 'n', 'real').value;
 * // → 2.5
 */
export function channelValue(frame: Frame, name: string): Channel;
export function channelValue<K extends ChannelKind>(
  frame: Frame,
  name: string,
  kind: K,
): Extract<Channel, { kind: K }>;
export function channelValue(frame: Frame, name: string, kind?: ChannelKind): Channel {
  if (!Object.hasOwn(frame.channels, name)) {
    const known = Object.keys(frame.channels);
    const list = known.length === 0 ? '(none)' : known.map((k) => `'${k}'`).join(', ');
    throw new Error(
      `channelValue: unknown channel '${name}' in frame at t = ${frame.t}; known channels: ${list}`,
    );
  }
  const channel = frame.channels[name];
  if (kind !== undefined && channel.kind !== kind) {
    throw new Error(
      `channelValue: channel '${name}' is of kind '${channel.kind}', expected '${kind}'`,
    );
  }
  return channel;
}
