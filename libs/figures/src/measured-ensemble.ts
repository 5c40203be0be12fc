import { tapProgress } from '@qsync/frames';
import { trajectoryEnsemble } from '@qsync/unravelers';
import type { FigureContext } from './figure-stream';
import { measuredOscillatorTask, measuredOscillatorTrajectory, type MeasuredOscillatorConfig } from './measured-oscillator-task';

/** How one ensemble column compares with the master equation at the output times. */
export interface EnsembleAgreement {
  readonly mean: Float64Array;
  readonly standardError: Float64Array;
  /** largest |mean − ME|/SE over the times with SE > 0, and where it occurs */
  readonly worstZ: number;
  readonly worstIndex: number;
  /** fraction of those times with |mean − ME| ≤ 2 SE (≈ 0.95 for a right mean) */
  readonly within2: number;
}

/**
 * Runs `trajectories` measured trajectories (`trajectoryEnsemble`, trajectory k seeded by
 * (noiseSeed, k); `workers` threads, 0 = this thread), keeps the first `shown` of them whole (they
 * are recomputed from the same seeds, so they are members of the average), and compares the
 * ensemble mean of every column with `master` (the same column from the master equation at the same
 * times) in units of the run's own standard error.
 *
 * @example
 * ```ts fragment
 * // inside figureStream(async (ctx) => …), as figure-4-2.ts uses it: x, p against mesolve's Re⟨a⟩, Im⟨a⟩
 * const { shown, agreement } = await measuredEnsemble(ctx, 'trajectories', task, { trajectories: 400, shown: 10, noiseSeed: 1, workers: 2, master: { x, p } });
 * agreement.x.worstZ; // < 3 for a right mean
 * ```
 */
export async function measuredEnsemble(
  ctx: FigureContext,
  stage: string,
  config: MeasuredOscillatorConfig,
  options: { trajectories: number; shown: number; noiseSeed: number; workers: number; master: Readonly<Record<string, Float64Array>> },
): Promise<{ shown: Record<string, Float64Array>[]; agreement: Record<string, EnsembleAgreement> }> {
  const task = { module: measuredOscillatorTask, name: 'measuredOscillatorTrajectory', config };
  const frames = await ctx.collect(stage, (progress) =>
    trajectoryEnsemble(task, { trajectories: options.trajectories, noiseSeed: options.noiseSeed, workers: options.workers, emitEvery: options.trajectories })
      .withProgress()
      .pipe(tapProgress(progress)),
  );
  const last = frames[frames.length - 1];
  const agreement: Record<string, EnsembleAgreement> = {};
  for (const [name, master] of Object.entries(options.master)) {
    const ch = last.channels[name];
    let worstZ = 0;
    let worstIndex = 0;
    let counted = 0;
    let inside = 0;
    for (let i = 0; i < master.length; i++) {
      const se = ch.standardError[i];
      if (!(se > 0)) continue; // t = 0: every trajectory starts in the same state
      const z = Math.abs(ch.mean[i] - master[i]) / se;
      counted++;
      if (z <= 2) inside++;
      if (z > worstZ) {
        worstZ = z;
        worstIndex = i;
      }
    }
    agreement[name] = { mean: ch.mean, standardError: ch.standardError, worstZ, worstIndex, within2: inside / counted };
  }
  const shown = Array.from({ length: options.shown }, (_, k) => {
    const columns = measuredOscillatorTrajectory(config, k, options.noiseSeed);
    return Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.data]));
  });
  return { shown, agreement };
}
