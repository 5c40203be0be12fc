import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { chunkedObservable, sampleBlock, streamSchema } from '@qsync/frames';
import type { ChunkedObservable, SampleRecord, StreamSchema } from '@qsync/frames';
import { canonicalJson } from '@qsync/runner';
import { qsyncVersion, wireHeader } from '@qsync/wire';
import type { WireHeader } from '@qsync/wire';
import type { SchedulerLike } from 'rxjs';
import { ScenarioError, UsageError } from '../common/errors';
import { readScenarioFile } from '../scenario/read-scenario-file';
import type { TrajectoriesScenario } from '../scenario/scenario-types';
import { validateScenario } from '../scenario/validate-scenario';
import { unravelingConfig } from '../run/unraveling-config';
import { currentColumn, unravelingTrajectories, type UnravelingConfig } from '../run/unraveling-trajectory';

/** How a scenario's currents are streamed. */
export interface ScenarioCurrentsOptions {
  /** trajectory k of the scenario's ensemble (its noise: (noiseSeed, k)); default 0 */
  readonly trajectory?: number;
  /** output samples per block; default 100 */
  readonly blockLength?: number;
}

/** A scenario's detector currents as a live sample stream, with the header that describes them. */
export interface ScenarioCurrents {
  /** the wire header: schema of the currents and provenance (scenario, model, parameters, seed, qsync version) */
  readonly header: WireHeader;
  /** the schema, then blocks of the currents `I0`, `I1`, … computed as they are read; `scheduler` runs its chunks (a hub's, to be paused) */
  readonly records: (scheduler?: SchedulerLike) => ChunkedObservable<SampleRecord>;
  /** output samples in the stream */
  readonly samples: number;
  /** the unraveling config of the trajectory (for computing the same currents in-process) */
  readonly config: UnravelingConfig;
  readonly scenario: TrajectoriesScenario;
  readonly trajectory: number;
}

/**
 * The detector currents of one trajectory of a `trajectories` scenario with homodyne or
 * heterodyne detection (stochastic master equation, Eqs. 3.11–3.15, 6.24): channel I<j> is the
 * current of monitored dissipator j (complex for heterodyne, real for homodyne), one sample per
 * output time. The stream is bit for bit the `currents` of `qsync run` for that trajectory. Its
 * session id is a hash of the scenario, trajectory, block length and qsync version: a producer
 * restarted on the same input continues the same session (it recomputes the same records), and
 * any change starts a new one.
 *
 * @param file - the scenario file
 * @throws ScenarioError when the scenario is invalid, is not method 'trajectories', or counts photons (no currents of a diffusive detector)
 * @throws UsageError naming `--trajectory` or `--block` when they are not integers in range
 * @example
 * const c = scenarioCurrents(defaultScenario.replace('default.json', 'vdp-pair-heterodyne-stream.json'));
 * [Object.keys(c.header.schema.channels), c.header.provenance.model, c.header.provenance.seed, c.samples]; // → [['I0', 'I1'], 'coupled-quantum-vdp', 11, 2001]
 * scenarioCurrents(defaultScenario); // throws "scenario.method: 'steady-state' produces no detector currents"
 */
export function scenarioCurrents(file: string, options: ScenarioCurrentsOptions = {}): ScenarioCurrents {
  const raw = readScenarioFile(file);
  const validated = validateScenario(raw);
  if (validated.method !== 'trajectories') {
    throw new ScenarioError('scenario.method', `'${validated.method}' produces no detector currents; emit needs method 'trajectories' with unraveling 'heterodyne' or 'homodyne'`);
  }
  const scenario = validated;
  if (scenario.unraveling === 'photon-counting') {
    throw new ScenarioError('scenario.unraveling', "'photon-counting' produces clicks, not the currents of a diffusive detector; emit needs 'heterodyne' or 'homodyne'");
  }
  if (scenario.monitored.length === 0) throw new ScenarioError('scenario.monitored', 'lists no dissipator: there are no currents to emit');
  const trajectory = options.trajectory ?? 0;
  if (!(Number.isSafeInteger(trajectory) && trajectory >= 0)) throw new UsageError('--trajectory', `must be an integer ≥ 0, got ${String(options.trajectory)}`);
  const blockLength = options.blockLength ?? 100;
  if (!(Number.isSafeInteger(blockLength) && blockLength >= 1)) throw new UsageError('--block', `must be an integer ≥ 1, got ${String(options.blockLength)}`);

  const config = unravelingConfig(scenario, { observables: {}, withCurrents: true });
  const runs = unravelingTrajectories(config, scenario.noiseSeed);
  const currents = scenario.monitored.map((_, j) => currentColumn(j));
  const schema: StreamSchema = streamSchema({
    channels: Object.fromEntries(currents.map((name) => [name, { kind: runs.schema.channels[name].kind, description: `current of dissipator ${scenario.monitored[currents.indexOf(name)]}` }])),
    ...(runs.schema.rate !== undefined ? { rate: runs.schema.rate } : {}),
  });
  const version = qsyncVersion();
  const sessionId = createHash('sha256').update(canonicalJson({ scenario: raw, trajectory, blockLength, version })).digest('hex').slice(0, 32);
  const dissipators = scenario.monitored;
  const header = wireHeader({
    name: `${basename(file).replace(/\.json$/, '')} currents`,
    sourceId: `qsync emit ${basename(file)} #${trajectory}`,
    schema,
    sessionId,
    model: scenario.model,
    parameters: { ...scenario.parameters },
    scenario: raw,
    seed: scenario.noiseSeed,
    metadata: { trajectory, blockLength, unraveling: scenario.unraveling, efficiency: scenario.efficiency, monitored: dissipators.map((d, j) => ({ dissipator: d, current: currentColumn(j) })) },
  });

  const records = (scheduler?: SchedulerLike): ChunkedObservable<SampleRecord> =>
    chunkedObservable<SampleRecord>(
      function* (ctx) {
        const cursor = runs.start(trajectory);
        ctx.emit(schema);
        const names = Object.keys(runs.schema.channels);
        while (cursor.done < runs.samples) {
          const length = Math.min(blockLength, runs.samples - cursor.done);
          const t0 = cursor.t;
          // a block's arrays are handed on in the block: new ones each time
          const columns: Record<string, Float64Array> = {};
          for (const name of names) columns[name] = new Float64Array((runs.schema.channels[name].kind === 'complex' ? 2 : 1) * length);
          cursor.advanceInto(columns, 0, length);
          const out: Record<string, { kind: 'real' | 'complex'; data: Float64Array }> = {};
          for (const name of currents) out[name] = { kind: runs.schema.channels[name].kind, data: columns[name] };
          ctx.emit(sampleBlock({ t0, dt: runs.sampleStep, length, columns: out }));
          yield { done: cursor.done, total: runs.samples };
          if (ctx.closed) return;
        }
      },
      scheduler !== undefined ? { scheduler, yieldEvery: 0 } : {},
    );
  return { header, records, samples: runs.samples, config, scenario, trajectory };
}
