import { groupCumulantEquations } from '@qsync/cumulants';
import { undrivenAtomLaserGroupSystem } from '@qsync/models';
import { nonreciprocalSpecies } from './cumulants-nonreciprocal-species';

/** The grouped models the cumulants bench derives: (6.1) two spin species, (7.1) the laser with undriven atoms (@qsync/models' build, detuning included). */
export type CumulantGroupModel = 'nonreciprocal' | 'laser';

/** One derivation of {@link benchGroupDerivation}. */
export interface CumulantGroupRun {
  readonly model: CumulantGroupModel;
  readonly order: number;
  /** moment classes (one of each conjugate pair) */
  readonly classes: number;
  /** real slots of y */
  readonly size: number;
  readonly wallSeconds: number;
  /** user + system CPU time of this process over the derivation */
  readonly cpuSeconds: number;
  /** the process's peak resident set (MB) when the derivation ended: its own peak when run in a fresh process */
  readonly peakRssMB: number;
}

/**
 * Derives the U(1)-filtered order-k cumulant equations of a model with two groups of identical
 * spins of symbolic size (`groupCumulantEquations`), timed by the wall clock and in CPU time.
 *
 * @param config - `{ model: 'nonreciprocal' | 'laser', order }`
 * @example
 * const run = benchGroupDerivation({ model: 'nonreciprocal', order: 2 });
 * run.classes; // 8
 * run.size; // 9
 */
export function benchGroupDerivation(config: { model: CumulantGroupModel; order: number }): CumulantGroupRun {
  const { model, order } = config;
  if (model !== 'nonreciprocal' && model !== 'laser') throw new Error(`benchGroupDerivation: config.model must be 'nonreciprocal' or 'laser', got ${String(model)}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const eqs =
    model === 'nonreciprocal'
      ? groupCumulantEquations(nonreciprocalSpecies, { order, u1: true, sizes: ['NA', 'NB'] })
      : groupCumulantEquations(undrivenAtomLaserGroupSystem, { order, u1: true, sizes: ['Nd', 'Nud'] });
  const wallSeconds = (performance.now() - t0) / 1e3;
  const cpu = process.cpuUsage(cpu0);
  return {
    model,
    order,
    classes: eqs.moments.length,
    size: eqs.size,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}
