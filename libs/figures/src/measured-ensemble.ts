import { tapProgress } from '@qsync/frames';
import { trajectoryEnsemble } from '@qsync/unravelers';
import type { FigureContext } from './figure-stream';
import { measuredOscillatorTask, measuredOscillatorTrajectory, type MeasuredOscillatorConfig } from './measured-oscillator-task';

/** Clicks the whole ensemble must have seen before a photon-counting mean is compared (a Poisson count of 10: its SE is then good to ~30 %). */
const MIN_CLICKS = 10;

/** How one ensemble column compares with the master equation at the output times. */
export interface EnsembleAgreement {
  readonly mean: Float64Array;
  readonly standardError: Float64Array;
  /** largest |mean − ME|/SE over the compared times (SE > 0; with a `clicks` column, ≥ 10 clicks in the ensemble so far), and where it occurs */
  readonly worstZ: number;
  readonly worstIndex: number;
  /** fraction of those times with |mean − ME| ≤ 2 SE (≈ 0.95 for a right mean) */
  readonly within2: number;
  /** number of times compared (those with SE > 0) */
  readonly compared: number;
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
 * // inside figureStream(async (ctx) => …), as measuredUnravelings uses it: x, p against mesolve's Re⟨a⟩, Im⟨a⟩
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
  // photon counting: while the ensemble has seen only a few clicks, the trajectories are copies of
  // the no-click evolution plus a few rare jumps, and the spread of the sample underestimates the
  // standard error (one clicked trajectory of 50 gave |z| = 7.4 at t = 0.02 on the vdP oscillator,
  // where 2000 give 0.02); such times are not compared
  const clicks = last.channels.clicks?.mean;
  const compared = (i: number): boolean => clicks === undefined || clicks[i] * last.trajectories >= MIN_CLICKS;
  const agreement: Record<string, EnsembleAgreement> = {};
  for (const [name, master] of Object.entries(options.master)) {
    const ch = last.channels[name];
    let worstZ = 0;
    let worstIndex = 0;
    let counted = 0;
    let inside = 0;
    for (let i = 0; i < master.length; i++) {
      const se = ch.standardError[i];
      if (!(se > 0) || !compared(i)) continue; // t = 0: every trajectory starts in the same state
      const z = Math.abs(ch.mean[i] - master[i]) / se;
      counted++;
      if (z <= 2) inside++;
      if (z > worstZ) {
        worstZ = z;
        worstIndex = i;
      }
    }
    agreement[name] = { mean: ch.mean, standardError: ch.standardError, worstZ, worstIndex, within2: inside / counted, compared: counted };
  }
  const shown: Record<string, Float64Array>[] = [];
  for (let k = 0; k < options.shown; k++) {
    const columns = await measuredOscillatorTrajectory(config, k, options.noiseSeed);
    shown.push(Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.data])));
  }
  return { shown, agreement };
}
