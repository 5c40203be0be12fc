import { Observable } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleRecord } from '@qsync/frames';
import type { DiffusiveSmeModel } from './compile-diffusive-sme';
import type { SmeStats } from './create-diffusive-trajectories';
import { createFilterEngine } from './filter-engine';
import type { QuantumFilterConfig } from './filter-engine';

/**
 * {@link quantumFilter} on a live stream: an operator from a sample stream holding the currents
 * (a `streamSchema`, then blocks) to a sample stream of the conditional ⟨O⟩ (its own schema,
 * then one block per input block, same t0, dt and length). The filter's state lives per
 * subscription; each block is filtered as it arrives, so the estimate follows the detector
 * while it runs. `onStats` receives the filter's stats after every block.
 *
 * @param model the monitored model (the channels name the current columns)
 * @param config `{ rho0, expect, method = 'milstein', … }` as for `quantumFilter`, plus `onStats?`
 * @throws Error naming the field when `expect` is empty or the config is bad; on the stream, when
 *   the schema lacks a current column or a block does not follow the previous one
 * @example
 * // the record of the quantumFilter example, streamed in two blocks
 * const s = spinHalfSpace();
 * const block = (t0: number) => sampleBlock({ t0, dt: 1e-4, columns: { I0: { kind: 'real', data: new Float64Array(2500).fill(2) } } });
 * const schema = streamSchema({ channels: { I0: { kind: 'real' } }, rate: 1e4 });
 * const rho0 = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * const out = await lastValueFrom(
 *   of(schema, block(0), block(0.25)).pipe(
 *     quantumFilterOf(
 *       { hamiltonian: scaled(sigmaZ(s), 0), monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'homodyne' }] },
 *       { rho0, expect: { z: sigmaZ(s) } },
 *     ),
 *     toArray(),
 *   ),
 * );
 * out.length; // → 3
 * out[2].columns.z.data[2 * 2499]; // ≈ 0.964 (tanh(2Y), Y = 2·0.4999)
 */
export function quantumFilterOf(
  model: DiffusiveSmeModel,
  config: QuantumFilterConfig & { readonly onStats?: (stats: SmeStats) => void },
): OperatorFunction<SampleRecord, SampleRecord> {
  const fn = 'quantumFilterOf';
  const check = createFilterEngine(fn, model, config); // validates now, at pipe time
  if (check.expectNames.length === 0) {
    throw new Error(`${fn}: 'expect' must name at least one operator (the stream carries the conditional ⟨O⟩)`);
  }
  return (source) =>
    new Observable<SampleRecord>((subscriber) => {
      const engine = createFilterEngine(fn, model, config);
      let seenSchema = false;
      let nextT: number | null = null;
      return source.subscribe({
        next(record) {
          try {
            if (record.kind === 'schema') {
              if (seenSchema) throw new Error(`${fn}: a second schema arrived`);
              seenSchema = true;
              for (const c of engine.sme.channels) {
                const ch = record.channels[c.name];
                const kind = c.unraveling === 'heterodyne' ? 'complex' : 'real';
                if (ch === undefined || ch.kind !== kind) {
                  throw new Error(`${fn}: the stream needs a ${kind} channel '${c.name}' (the ${c.unraveling} current of that channel)`);
                }
              }
              const channels: Record<string, { kind: 'complex'; description: string }> = {};
              for (const name of engine.expectNames) channels[name] = { kind: 'complex', description: `filtered ⟨${name}⟩` };
              subscriber.next(streamSchema(record.rate === undefined ? { channels } : { channels, rate: record.rate }));
              return;
            }
            if (!seenSchema) throw new Error(`${fn}: the stream must start with its schema`);
            if (nextT !== null && Math.abs(record.t0 - nextT) > 1e-6 * record.dt) {
              throw new Error(`${fn}: block at t0 = ${record.t0} does not follow the previous one (expected t0 = ${nextT})`);
            }
            nextT = record.t0 + record.length * record.dt;
            const out = engine.process(record);
            const columns: Record<string, { kind: 'complex'; data: Float64Array }> = {};
            for (const name of engine.expectNames) columns[name] = { kind: 'complex', data: out[name] };
            subscriber.next(sampleBlock({ t0: record.t0, dt: record.dt, length: record.length, columns }));
            config.onStats?.(engine.stats);
          } catch (e) {
            subscriber.error(e);
          }
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    });
}
