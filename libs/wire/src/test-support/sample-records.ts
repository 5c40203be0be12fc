import { arrayChannel, complexChannel, realChannel, sampleBlock, streamSchema } from '@qsync/frames';
import type { WireHeader, WireRecord } from '../wire-record';

/** A header with every provenance field filled. */
export function sampleHeader(): WireHeader {
  return {
    kind: 'header',
    version: 1,
    name: 'heterodyne currents',
    schema: streamSchema({
      channels: {
        J: { kind: 'complex', unit: '√κ', description: 'heterodyne current' },
        n: { kind: 'real', shape: [2] },
      },
      rate: 100,
    }),
    provenance: {
      sourceId: 'test-source',
      sessionId: 'session-1',
      createdAt: '2026-12-06T14:00:00.000Z',
      model: 'coupledVanDerPol',
      parameters: { gamma1: 1, gamma2: 0.1, omega: [1, 1.05] },
      seed: 7,
      qsyncVersion: '0.1.0',
      metadata: { note: 'ünïcode ok' },
    },
  };
}

/** A block matching sampleHeader's schema whose data hold −0, ±∞ and a NaN with a payload. */
export function sampleBlockRecord(seq: number, t0: number, length = 3): WireRecord {
  const J = new Float64Array(2 * length);
  const n = new Float64Array(2 * length);
  for (let k = 0; k < J.length; k++) J[k] = Math.sin(k + seq) * 1e-3 + k;
  for (let k = 0; k < n.length; k++) n[k] = 1 / (k + 1);
  J[0] = -0;
  n[0] = Infinity;
  if (n.length > 1) n[1] = -Infinity;
  // J[1]: a NaN with a payload of our own (low word 0x00001234, high word 0x7ffabcde)
  new DataView(J.buffer).setUint32(8, 0x1234, true);
  new DataView(J.buffer).setUint32(12, 0x7ff00000 | 0xabcde, true);
  return {
    kind: 'block',
    seq,
    block: sampleBlock({
      t0,
      dt: 0.01,
      columns: { J: { kind: 'complex', data: J, unit: '√κ' }, n: { kind: 'real', data: n, shape: [2] } },
    }),
  };
}

/** A frame with a real, a complex and a complex array channel. */
export function sampleFrameRecord(seq: number): WireRecord {
  return {
    kind: 'frame',
    seq,
    frame: {
      t: 0.25 * seq + 0.1,
      channels: {
        x: realChannel(Math.PI, '1/κ'),
        a: complexChannel(0.5, -1e-300),
        rho: arrayChannel(Float64Array.of(0.75, 0, 0.1, -0.2, 0.1, 0.2, 0.25, 0), [2, 2], { complex: true }),
      },
    },
  };
}
