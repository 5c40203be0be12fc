import { describe, expect, it } from 'vitest';
import { streamSchema } from './stream-schema';

describe('streamSchema', () => {
  it('runs the doc example', () => {
    const s = streamSchema({ channels: { J: { kind: 'complex', unit: '√κ' } }, rate: 100 });
    expect([s.kind, s.channels.J.shape, s.rate]).toEqual(['schema', [], 100]);
    expect(s.channels.J).toEqual({ kind: 'complex', shape: [], unit: '√κ' });
  });

  it('keeps shapes and descriptions; rate may be absent', () => {
    const s = streamSchema({ channels: { Q: { kind: 'real', shape: [40, 40], description: 'Husimi Q on a grid' } } });
    expect(s).toEqual({ kind: 'schema', channels: { Q: { kind: 'real', shape: [40, 40], description: 'Husimi Q on a grid' } } });
    expect('rate' in s).toBe(false);
  });

  it('rejects unknown kinds, bad shapes, bad rates and empty channel lists, naming them', () => {
    expect(() => streamSchema({ channels: { x: { kind: 'array' as never } } })).toThrow(
      "streamSchema: channel 'x' has unknown kind 'array'; expected 'real' or 'complex'",
    );
    expect(() => streamSchema({ channels: { x: { kind: 'real', shape: [-1] } } })).toThrow(
      "streamSchema: channel 'x' must have a shape of non-negative integers, got [-1]",
    );
    expect(() => streamSchema({ channels: { x: { kind: 'real' } }, rate: 0 })).toThrow(
      "streamSchema: field 'rate' must be a finite number of samples per time unit > 0, got 0",
    );
    expect(() => streamSchema({ channels: { x: { kind: 'real' } }, rate: NaN })).toThrow(/got NaN/);
    expect(() => streamSchema({ channels: {} })).toThrow("streamSchema: field 'channels' must name at least one channel, got none");
    expect(() => streamSchema(undefined as never)).toThrow(/argument 'init' must be an object/);
  });
});
