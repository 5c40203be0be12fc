import { chunkedObservable, sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleBlock, SampleRecord } from '@qsync/frames';
import { sameBits } from '@qsync/testing';
import { ReplaySubject, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createWireHub } from './create-wire-hub';
import { fromTcp } from './from-tcp';
import { fromWire } from './from-wire';
import { channelValue } from './test-support/channel-stream';
import { transportChecks } from './test-support/transport-checks';
import { toTcp } from './to-tcp';
import { toWire } from './to-wire';
import { wireHeader } from './wire-header';

transportChecks('toTcp / fromTcp', 'tcp', toTcp, fromTcp);

describe('toTcp / fromTcp: a sample stream from producer to detector, as qsync emit → qsync detect', () => {
  /** a pausable sample stream: the schema, then 50 blocks of 40 samples of two complex channels */
  const currents = (scheduler?: ReturnType<typeof createWireHub>['scheduler']) =>
    chunkedObservable<SampleRecord>(
      function* (ctx) {
        ctx.emit(streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 1000 }));
        for (let k = 0; k < 50; k++) {
          const columns: Record<string, { kind: 'complex'; data: Float64Array }> = {};
          for (const [c, name] of ['A', 'B'].entries()) {
            const data = new Float64Array(80);
            for (let s = 0; s < 40; s++) {
              data[2 * s] = channelValue(40 * k + s, c, 0);
              data[2 * s + 1] = channelValue(40 * k + s, c, 1);
            }
            columns[name] = { kind: 'complex', data };
          }
          ctx.emit(sampleBlock({ t0: (40 * k) / 1000, dt: 1e-3, columns }));
          yield;
        }
      },
      { yieldEvery: 0, ...(scheduler !== undefined ? { scheduler } : {}) },
    );

  it('the detector listening receives, through toWire → toTcp → fromTcp → fromWire, the blocks computed in-process, bit for bit', async () => {
    const inProcess = (await lastValueFrom(currents().pipe(toArray()))).filter((r) => r.kind === 'block');
    const listening = new ReplaySubject<{ url: string }>();
    const detected = lastValueFrom(fromTcp({ listen: { port: 0 }, onListening: (s) => listening.next(s) }).pipe(fromWire(), toArray()));
    const { url } = await firstValueFrom(listening);
    const hub = createWireHub({ buffer: { records: 4, policy: 'pause' } });
    const header = wireHeader({ name: 'heterodyne currents', sourceId: 'test', createdAt: '2026-12-06T14:00:00Z' });
    await lastValueFrom(currents(hub.scheduler).pipe(toWire(header), toTcp({ connect: url, hub })), { defaultValue: null });
    const received = (await detected).filter((r): r is SampleBlock => 'kind' in r && r.kind === 'block');
    expect(received.length).toBe(50);
    for (const [k, block] of received.entries()) {
      const expected = inProcess[k];
      if (expected.kind !== 'block') throw new Error('blocks');
      expect([block.t0, block.dt, block.length]).toEqual([expected.t0, expected.dt, expected.length]);
      expect(sameBits(block.columns.A.data, expected.columns.A.data) && sameBits(block.columns.B.data, expected.columns.B.data)).toBe(true);
    }
  });
});
