/**
 * Ratio of qsync's time to QuTiP's for the same task (below 1: qsync is faster); the target
 * of the benchmark is a ratio ≤ 0.5. Null when either time is missing.
 *
 * @param qsync - qsync's time (any unit, > 0)
 * @param qutip - QuTiP's time in the same unit (> 0)
 * @example
 * timeRatio(30, 120); // 0.25
 * timeRatio(30, null); // null
 */
export function timeRatio(qsync: number | null | undefined, qutip: number | null | undefined): number | null {
  if (qsync == null || qutip == null) return null;
  if (!(qsync > 0) || !Number.isFinite(qsync)) throw new Error(`timeRatio: argument 'qsync' must be a finite time > 0, got ${qsync}`);
  if (!(qutip > 0) || !Number.isFinite(qutip)) throw new Error(`timeRatio: argument 'qutip' must be a finite time > 0, got ${qutip}`);
  return qsync / qutip;
}

/** The benchmark's target: qsync at or below half of QuTiP's time. */
export const TARGET_RATIO = 0.5;

/**
 * Whether a ratio from {@link timeRatio} meets the target (≤ {@link TARGET_RATIO}); null stays null.
 *
 * @param ratio - qsync time / QuTiP time
 * @example
 * meetsTarget(0.5); // true
 * meetsTarget(0.51); // false
 */
export function meetsTarget(ratio: number | null): boolean | null {
  return ratio === null ? null : ratio <= TARGET_RATIO;
}
