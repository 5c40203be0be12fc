import { defer, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { SampleStreamReader, sampleBlock, streamSchema } from '@qsync/frames';
import type { Frame, SampleBlock, SampleRecord, StreamRecord, StreamSchema } from '@qsync/frames';
import { PhaseTracker, assertTau } from './phase-tracker';
import { assertChannelName } from './series-support';

/** Options of {@link currentPhaseOf}. */
export interface CurrentPhaseOfConfig {
  /** complex scalar column of the current in the sample stream */
  channel: string;
  /** time constant τ ≥ 0 of the one-pole low-pass (time units of the stream); 0: none */
  tau: number;
}

/**
 * Live phase tracking of one heterodyne current: the operator form of {@link currentPhase}
 * (same filter, same sign φ = −arg, same estimate and caveats), block for block. It maps a
 * sample stream carrying the current as a complex scalar column to a sample stream: the schema to
 * a schema with the real scalar columns `phase` (rad) and `amplitude` (|y|, the current's units),
 * each block to a block of the same times holding them. The filter state and the unwrapping carry
 * over between blocks, so the output equals `currentPhase` of the whole current, bit for bit,
 * however it was cut.
 *
 * @param config - `{ channel, tau }`
 * @returns an operator SampleRecord → SampleRecord; the stream errors (naming the channel) on a
 *   frame (a sample stream is expected), a channel missing or not a complex scalar, a value that
 *   is not finite, or a block that breaks the schema
 * @throws Error naming `config`, `channel` or `tau` when an option is invalid
 * @example
 * const schema = streamSchema({ channels: { I: { kind: 'complex' } }, rate: 1 });
 * const blocks = [Float64Array.of(1, 0, 0, -1), Float64Array.of(-1, 0, 0, 1)].map((data, b) => sampleBlock({ t0: 2 * b, dt: 1, columns: { I: { kind: 'complex', data } } }));
 * const out = await lastValueFrom(of(schema, ...blocks).pipe(currentPhaseOf({ channel: 'I', tau: 0 }), toArray()));
 * out[0].kind; // 'schema'
 * const second = out[2];
 * second.kind === 'block' ? second.columns.phase.data : null; // Float64Array [Math.PI, 3 * Math.PI / 2]
 */
export function currentPhaseOf(config: CurrentPhaseOfConfig): OperatorFunction<StreamRecord, SampleRecord> {
  const fn = 'currentPhaseOf';
  if (config == null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { channel, tau }, got ${String(config)}`);
  assertChannelName(fn, config.channel);
  assertTau(fn, config.tau);
  const { channel, tau } = config;
  return (source) =>
    defer(() => {
      const reader = new SampleStreamReader({ caller: fn, channel, kind: 'complex', scalar: true });
      let tracker: PhaseTracker | null = null;
      return source.pipe(
        map((record): SampleRecord => {
          const what = reader.read(record);
          if (what === 'frame') {
            throw new Error(`${fn}: expects a sample stream (schema, then blocks) carrying '${channel}', got a frame at t = ${(record as Frame).t}`);
          }
          if (what === 'schema') {
            return streamSchema({
              channels: {
                phase: { kind: 'real', unit: 'rad', description: `tracked phase of '${channel}' (φ = −arg of the low-passed current, τ = ${tau})` },
                amplitude: { kind: 'real', description: `modulus of the low-passed '${channel}'` },
              },
              ...((record as StreamSchema).rate === undefined ? {} : { rate: (record as StreamSchema).rate }),
            });
          }
          const block = record as SampleBlock;
          const data = reader.data;
          for (let j = 0; j < data.length; j++) if (!Number.isFinite(data[j])) throw reader.notFinite(j >> 1, 0, data[j]);
          tracker ??= new PhaseTracker(block.dt, tau);
          const phase = new Float64Array(block.length);
          const amplitude = new Float64Array(block.length);
          tracker.run(data, 0, block.length, phase, amplitude);
          return sampleBlock({
            t0: block.t0,
            dt: block.dt,
            columns: { phase: { kind: 'real', unit: 'rad', data: phase }, amplitude: { kind: 'real', data: amplitude } },
          });
        }),
      );
    });
}
