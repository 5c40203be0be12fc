import { chunkedObservable, sampleBlock } from '@qsync/frames';
import type { ChunkedObservable, SampleRecord } from '@qsync/frames';
import type { SchedulerLike } from 'rxjs';
import type { DiffusiveSmeModel } from './compile-diffusive-sme';
import { createDiffusiveTrajectories } from './create-diffusive-trajectories';
import type { DiffusiveTrajectoryConfig, SmeStats } from './create-diffusive-trajectories';

/** Options of {@link smesolve}: the trajectory's configuration and how it is streamed. */
export interface SmesolveConfig extends DiffusiveTrajectoryConfig {
  /** trajectory index k (default 0): its noise is `trajectoryRng(noiseSeed, k)` */
  readonly trajectory?: number;
  /** samples per block (default 1024; the last block may be shorter) */
  readonly blockLength?: number;
  /** called after every block with the trajectory's stats so far (steps, positivity checks and violations) */
  readonly onStats?: (stats: SmeStats) => void;
  /** wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16) */
  readonly yieldEvery?: number;
  /**
   * runs each slice of work (default: rxjs's asyncScheduler); a gating scheduler — e.g. the
   * `scheduler` of @qsync/wire's `createWireHub` — pauses the trajectory while a consumer is full
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * One quantum trajectory of a stochastic master equation with homodyne/heterodyne detection
 * (Eqs. 3.11, 3.13, 6.24) as a sample stream: a cold Observable of a `streamSchema` and then
 * `sampleBlock`s of the detector currents (I_hom real, I_het complex) and the conditional
 * ⟨O⟩, computed in chunks that yield to the event loop, cancellable by unsubscribing, with
 * progress in samples via `withProgress()`. See `createDiffusiveTrajectories` for the columns,
 * the current's normalization and the seeding; each subscription runs the trajectory afresh
 * (same seed and index: the same blocks, bit for bit).
 *
 * @param model `{ hamiltonian, dissipators?, monitored }`
 * @param config trajectory configuration plus `{ trajectory = 0, blockLength = 1024, onStats?, yieldEvery?, scheduler? }`
 * @example
 * // heterodyne detection of a decaying cavity from |α = 1⟩: the conditional ⟨a⟩ = e^{−κt/2}
 * // exactly (a coherent state stays coherent under heterodyne detection of a)
 * const space = fockSpace(8);
 * const a = destroy(space);
 * const records = await lastValueFrom(
 *   smesolve(
 *     { hamiltonian: scaled(num(space), 0), monitored: [{ name: 'J', rate: 1, jump: a, unraveling: 'heterodyne' }] },
 *     { rho0: pureState(coherentKet(space, { re: 1, im: 0 })), dt: 1e-3, tEnd: 2, outputEvery: 100, noiseSeed: 3, expect: { a } },
 *   ).pipe(toArray()),
 * );
 * const block = records[1];
 * [records[0].kind, block.kind, block.length, block.columns.a.data[2 * 10]]; // ≈ ['schema', 'block', 20, 0.6065] (e^{−1/2}, to the Euler error of the drift, O(dt))
 */
export function smesolve(model: DiffusiveSmeModel, config: SmesolveConfig): ChunkedObservable<SampleRecord> {
  const fn = 'smesolve';
  const runs = createDiffusiveTrajectories(model, config);
  const trajectory = config.trajectory ?? 0;
  const blockLength = config.blockLength ?? 1024;
  if (!(Number.isInteger(blockLength) && blockLength >= 1)) {
    throw new Error(`${fn}: 'blockLength' must be an integer ≥ 1, got ${String(blockLength)}`);
  }
  const names = Object.keys(runs.schema.channels);
  const complex = names.map((name) => runs.schema.channels[name].kind === 'complex');
  // a chunk: samples worth about 5e5 entry-updates of ρ (n²·(noises + 4) per step, a few ms)
  const n = runs.sme.n;
  const perChunk = Math.max(1, Math.floor(5e5 / (n * n * (config.outputEvery ?? 1) * (runs.sme.noises + 4))));
  return chunkedObservable<SampleRecord>(
    function* (ctx) {
      const cursor = runs.start(trajectory);
      ctx.emit(runs.schema);
      while (cursor.done < runs.samples) {
        const length = Math.min(blockLength, runs.samples - cursor.done);
        const t0 = cursor.t;
        const columns: Record<string, Float64Array> = {};
        names.forEach((name, k) => (columns[name] = new Float64Array((complex[k] ? 2 : 1) * length)));
        for (let at = 0; at < length; at += perChunk) {
          cursor.advanceInto(columns, at, Math.min(perChunk, length - at));
          if (at + perChunk < length) yield { done: cursor.done, total: runs.samples };
          if (ctx.closed) return;
        }
        const init: Record<string, { kind: 'real' | 'complex'; data: Float64Array }> = {};
        names.forEach((name, k) => (init[name] = { kind: complex[k] ? 'complex' : 'real', data: columns[name] }));
        ctx.emit(sampleBlock({ t0, dt: runs.sampleStep, length, columns: init }));
        config.onStats?.(cursor.stats);
        yield { done: cursor.done, total: runs.samples };
      }
    },
    {
      ...(config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {}),
      ...(config.scheduler !== undefined ? { scheduler: config.scheduler } : {}),
    },
  );
}
