import { sampleBlock, streamSchema } from '@qsync/frames';
import type { WireData, WireHeader } from '../wire-record';

/** A header of `channels` complex channels c0, c1, … at `rate` samples per unit time. */
export function channelHeader(channels: number, rate = 1000, sessionId = 'session-1'): WireHeader {
  const init: Record<string, { kind: 'complex' }> = {};
  for (let c = 0; c < channels; c++) init[`c${c}`] = { kind: 'complex' };
  return {
    kind: 'header',
    version: 1,
    name: 'test currents',
    schema: streamSchema({ channels: init, rate }),
    provenance: { sourceId: 'test', sessionId, createdAt: '2026-12-06T14:00:00.000Z', qsyncVersion: '0.1.0', seed: 7 },
  };
}

/**
 * Sample `s` (from the stream's start) of channel `c`, re or im: a value no two (s, c, part)
 * share, so any lost, repeated or reordered sample shows.
 */
export function channelValue(s: number, c: number, part: 0 | 1): number {
  return Math.sin(0.001 * s + c) + s * 1e-6 + part * 0.5 + c * 1e3;
}

/** The block of `length` samples starting at sample `first` of a stream of `channels` complex channels. */
export function channelBlock(seq: number, first: number, length: number, channels: number, rate = 1000): WireData {
  const columns: Record<string, { kind: 'complex'; data: Float64Array }> = {};
  for (let c = 0; c < channels; c++) {
    const data = new Float64Array(2 * length);
    for (let k = 0; k < length; k++) {
      data[2 * k] = channelValue(first + k, c, 0);
      data[2 * k + 1] = channelValue(first + k, c, 1);
    }
    columns[`c${c}`] = { kind: 'complex', data };
  }
  return { kind: 'block', seq, block: sampleBlock({ t0: first / rate, dt: 1 / rate, length, columns }) };
}
