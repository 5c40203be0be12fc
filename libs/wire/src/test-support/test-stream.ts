import { sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleRecord } from '@qsync/frames';
import { wireHeader } from '../wire-header';

/** The schema of testStream: a complex current J (√κ) and two real realizations n. */
export const testSchema = streamSchema({
  channels: { J: { kind: 'complex', unit: '√κ', description: 'heterodyne current' }, n: { kind: 'real', shape: [2] } },
  rate: 1000,
});

/** A fixed header for testStream. */
export const testHeader = wireHeader({
  name: 'test currents',
  sourceId: 'wire-spec',
  sessionId: 'session-0',
  createdAt: '2026-12-06T00:00:00Z',
  model: 'none',
  parameters: { kappa: 1 },
  seed: 42,
  schema: testSchema,
});

/**
 * A sample stream (schema, then `blocks` blocks of 64 samples at dt = 1e-3) whose values use
 * every bit of a double: J(k) = sin(√2·k)·e^{k/1000} + i·cos(√3·k)/7, n(k) = (k/3, −1/(k+1)).
 */
export function testStream(blocks: number, length = 64): SampleRecord[] {
  const out: SampleRecord[] = [testSchema];
  for (let b = 0; b < blocks; b++) {
    const J = new Float64Array(2 * length);
    const n = new Float64Array(2 * length);
    for (let i = 0; i < length; i++) {
      const k = b * length + i;
      J[2 * i] = Math.sin(Math.SQRT2 * k) * Math.exp(k / 1000);
      J[2 * i + 1] = Math.cos(Math.sqrt(3) * k) / 7;
      n[2 * i] = k / 3;
      n[2 * i + 1] = -1 / (k + 1);
    }
    out.push(
      sampleBlock({
        t0: b * length * 1e-3,
        dt: 1e-3,
        columns: { J: { kind: 'complex', data: J, unit: '√κ' }, n: { kind: 'real', data: n, shape: [2] } },
      }),
    );
  }
  return out;
}
