/** Tick marks of an axis: the values and the step between them. */
export interface Ticks {
  /** Tick values, increasing, all within [lo, hi] of the request (or of the extended range). */
  readonly values: readonly number[];
  /** Spacing: 1, 2 or 5 times a power of ten. */
  readonly step: number;
  /** The axis range: the requested one, or extended outwards to whole steps when `extend` is set. */
  readonly lo: number;
  readonly hi: number;
}

/**
 * "Nice" tick marks for an axis from lo to hi: about `target` ticks spaced by 1, 2 or 5 × 10^k.
 * A range of zero width (or narrower than 1e−10 of its magnitude, i.e. rounding noise) is
 * widened about its middle (by ±1, or by ±10 % of |middle|) so that it can be drawn.
 *
 * @param lo - lower end of the data or axis range (finite)
 * @param hi - upper end (finite, ≥ lo)
 * @param target - wanted number of intervals (default 5)
 * @param extend - widen [lo, hi] to the enclosing multiples of the step (default false)
 * @example
 * niceTicks(0, 1).values; // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(lo: number, hi: number, target = 5, extend = false): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
    throw new Error(`niceTicks: arguments 'lo' and 'hi' must be finite with lo ≤ hi, got lo = ${lo}, hi = ${hi}`);
  }
  if (!(Number.isInteger(target) && target >= 1)) {
    throw new Error(`niceTicks: argument 'target' must be an integer ≥ 1, got ${target}`);
  }
  // A range narrower than ~1e-10 of its magnitude is drawn as constant: finer steps would
  // be rounding noise (and tick indices lo/step beyond 2^53 could not be counted).
  if (hi - lo <= 1e-10 * Math.max(Math.abs(lo), Math.abs(hi))) {
    const mid = (lo + hi) / 2;
    const pad = mid === 0 ? 1 : Math.abs(mid) * 0.1;
    lo = mid - pad;
    hi = mid + pad;
  }
  const rough = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const norm = rough / mag;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  // Tolerance for "on the boundary": rounding in lo/step must not drop an end tick.
  const eps = step * 1e-9;
  if (extend) {
    lo = Math.floor((lo + eps) / step) * step;
    hi = Math.ceil((hi - eps) / step) * step;
  }
  const first = Math.ceil((lo - eps) / step);
  const last = Math.floor((hi + eps) / step);
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(clean(k * step));
  return { values, step, lo: extend ? clean(lo) : lo, hi: extend ? clean(hi) : hi };
}

/** Removes binary noise such as 0.30000000000000004 and −0. */
function clean(v: number): number {
  const r = Number(v.toPrecision(12));
  return r === 0 ? 0 : r;
}
