import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { streamSchema } from '@qsync/frames';
import { qsyncVersion } from './qsync-version';
import { wireHeader } from './wire-header';

const rootVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('wireHeader', () => {
  it('fills the provenance: given fields kept, createdAt normalised to ISO UTC, the root package.json version', () => {
    const schema = streamSchema({ channels: { J: { kind: 'complex', unit: '√κ' } }, rate: 50 });
    const h = wireHeader({
      name: 'currents',
      sourceId: 'vdp',
      schema,
      sessionId: 'run-3',
      createdAt: new Date(Date.UTC(2026, 11, 6, 14, 0, 0)),
      model: 'coupledVanDerPol',
      parameters: { kappa: 10 },
      scenario: { model: 'coupledVanDerPol' },
      seed: 7,
      metadata: { lab: 'none' },
    });
    expect(h).toEqual({
      kind: 'header',
      version: 1,
      name: 'currents',
      schema,
      provenance: {
        sourceId: 'vdp',
        sessionId: 'run-3',
        createdAt: '2026-12-06T14:00:00.000Z',
        qsyncVersion: rootVersion,
        model: 'coupledVanDerPol',
        parameters: { kappa: 10 },
        scenario: { model: 'coupledVanDerPol' },
        seed: 7,
        metadata: { lab: 'none' },
      },
    });
    expect(qsyncVersion()).toBe(rootVersion);
  });

  it('defaults: a fresh session id per header, createdAt now, no schema (toWire takes it from the stream)', () => {
    const before = Date.now();
    const a = wireHeader({ name: 'x', sourceId: 's' });
    const b = wireHeader({ name: 'x', sourceId: 's' });
    expect(a.provenance.sessionId).not.toBe(b.provenance.sessionId);
    expect(a.provenance.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const t = Date.parse(a.provenance.createdAt);
    expect(t).toBeGreaterThanOrEqual(before - 1);
    expect(t).toBeLessThanOrEqual(Date.now());
    expect('schema' in a).toBe(false);
    expect(Object.keys(a.provenance).sort()).toEqual(['createdAt', 'qsyncVersion', 'sessionId', 'sourceId']);
  });

  it('names the field that is wrong', () => {
    expect(() => wireHeader({ name: '', sourceId: 's' })).toThrow(`wireHeader: field 'name' must be a non-empty string, got `);
    expect(() => wireHeader({ name: 'x', sourceId: 3 as never })).toThrow(`field 'sourceId' must be a non-empty string, got 3`);
    expect(() => wireHeader({ name: 'x', sourceId: 's', seed: 1.5 })).toThrow(`field 'seed' must be an integer, got 1.5`);
    expect(() => wireHeader({ name: 'x', sourceId: 's', createdAt: 'yesterday' })).toThrow(`field 'createdAt' must be a date or an ISO 8601 string, got yesterday`);
    expect(() => wireHeader({ name: 'x', sourceId: 's', parameters: [1] as never })).toThrow(`field 'parameters' must be an object, got an array`);
    expect(() => wireHeader({ name: 'x', sourceId: 's', schema: { kind: 'schema', channels: {} } })).toThrow(`streamSchema: field 'channels' must name at least one channel`);
  });
});
