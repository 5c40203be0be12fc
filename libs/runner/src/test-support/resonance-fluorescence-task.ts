// A sweep task for the runner's tests and examples: resonance fluorescence, the steady state of
// a driven, damped two-level atom, H = Δσ+σ− + (Ω/2)(σ+ + σ−), L = √γ σ− (σ− = |0⟩⟨1|), whose
// excited population has the closed form ρ_ee = Ω²/(γ² + 4Δ² + 2Ω²) (the optical Bloch
// equations' steady state). The task computes it the long way — Liouvillian, steadyState,
// ⟨σ+σ−⟩ — so a sweep's results can be checked against the formula.
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { expect, lindbladian, plus, scaled, sigmaMinus, sigmaPlus, spinHalfSpace, times } from '@qsync/operators';
import { steadyState } from '@qsync/integrators';

/** The module's URL (a sweep's `task.module`). */
export const resonanceFluorescenceTask = new URL(import.meta.url).href;

export interface ResonanceFluorescenceParams {
  /** Δ, the drive's detuning from the atom */
  detuning: number;
  /** Ω, the Rabi frequency */
  rabi: number;
  /** γ, the decay rate (> 0) */
  gamma: number;
}

/** ρ_ee of the steady state, computed by steadyState of the master equation. */
export function excitedPopulation(params: ResonanceFluorescenceParams): { excited: number } {
  const { detuning, rabi, gamma } = params;
  const s = spinHalfSpace();
  const up = sigmaPlus(s);
  const down = sigmaMinus(s);
  const n = times(up, down);
  const h = plus(scaled(n, detuning), scaled(plus(up, down), rabi / 2));
  const { rho } = steadyState(lindbladian(h, [{ rate: gamma, jump: down }]));
  return { excited: expect(n, rho).re };
}

/** The closed form Ω²/(γ² + 4Δ² + 2Ω²). */
export function excitedPopulationExact({ detuning, rabi, gamma }: ResonanceFluorescenceParams): number {
  return (rabi * rabi) / (gamma * gamma + 4 * detuning * detuning + 2 * rabi * rabi);
}

/**
 * excitedPopulation, watched: when QSYNC_RUNNER_LOG names a file, appends a JSON line
 * { run, event: 'start' | 'end', params, pid, thread } before and after the computation (run:
 * QSYNC_RUNNER_RUN), and sleeps QSYNC_RUNNER_DELAY_MS ms in between (without using the CPU),
 * so that tests can count executions and kill a worker mid-job.
 */
export function watchedExcitedPopulation(params: ResonanceFluorescenceParams): { excited: number } {
  const log = process.env.QSYNC_RUNNER_LOG;
  const note = (event: string): void => {
    if (log) appendFileSync(log, `${JSON.stringify({ run: process.env.QSYNC_RUNNER_RUN ?? '', event, params, pid: process.pid, thread: threadId })}\n`);
  };
  note('start');
  const delay = Number(process.env.QSYNC_RUNNER_DELAY_MS ?? 0);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  const result = excitedPopulation(params);
  note('end');
  return result;
}
