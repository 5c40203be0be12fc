import { createRng } from '@qsync/linalg';
import type { Rng } from '@qsync/linalg';

/**
 * The measurement-noise generator of trajectory k of an ensemble seeded by `noiseSeed`: stream k
 * split off the generator of `noiseSeed`. It depends only on (noiseSeed, k), never on how many
 * other trajectories ran before or on which worker, so trajectory k can be re-run on its own and
 * gives the same current bit for bit.
 *
 * @param noiseSeed integer seed of the measurement noise (the ensemble's master seed)
 * @param trajectory trajectory index k, an integer ≥ 0
 * @throws Error naming the argument when a seed or index is not an integer (or k < 0)
 * @example
 * const a = trajectoryRng(7, 3).gaussian();
 * const b = trajectoryRng(7, 3).gaussian();
 * const c = trajectoryRng(7, 4).gaussian();
 * [a === b, a === c]; // → [true, false]
 */
export function trajectoryRng(noiseSeed: number, trajectory: number): Rng {
  if (typeof noiseSeed !== 'number' || !Number.isSafeInteger(noiseSeed)) {
    throw new Error(`trajectoryRng: argument 'noiseSeed' must be a safe integer, got ${String(noiseSeed)}`);
  }
  if (typeof trajectory !== 'number' || !Number.isSafeInteger(trajectory) || trajectory < 0) {
    throw new Error(`trajectoryRng: argument 'trajectory' must be an integer ≥ 0, got ${String(trajectory)}`);
  }
  return createRng(noiseSeed).split(trajectory);
}
