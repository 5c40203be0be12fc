import { assertFiniteArray } from './assert';

/** Result of {@link maxRelativePhase}. */
export interface PhasePeak {
  /** Peak height: vertex of the fitted parabola (≥ the largest sample), in the units of q. */
  readonly max: number;
  /** Peak position in radians, from the same parabola. */
  readonly argmax: number;
  /** Index of the largest sample (first one on ties). */
  readonly index: number;
}

/** Tolerance (rad) for recognising a grid that repeats its first angle at +2π. */
const PERIOD_TOL = 1e-9;

/**
 * Height and position of the maximum of a sampled phase distribution, e.g. the thesis's
 * phase-locking measure max Q(φ_AB) (Section 4.1.2) from {@link relativePhaseDistribution}.
 *
 * Takes the largest sample and fits a parabola through it and its two neighbours (uneven spacing
 * allowed); `argmax` and `max` are the parabola's vertex. For grid step h the vertex position is
 * off by O(h²·Q'''/Q''), and by O(h³) for a peak that is locally symmetric (a cosine peak sampled
 * with h = 2π/64 is located to 1.5e−5), far below h itself. The angles are treated as points on the
 * circle when they close it: the gap across the wrap, phis[0] + 2π − phis[last], is positive and
 * at most 1.5 times the largest step inside the array (a uniform grid on [0, 2π) qualifies), or
 * it is 0 within 1e−9 rad (a grid that repeats its first angle at +2π; the repeat is skipped).
 * Then a maximum at an end of the array takes its missing neighbour from the other end, and
 * argmax is reduced into [phis[0], phis[0] + 2π). With fewer than three samples, a flat top
 * (no concave parabola) or a maximum at an end of a grid that does not close the circle, the
 * largest sample is returned unchanged.
 *
 * @param q - sampled distribution, same length as phis
 * @param phis - strictly increasing angles in radians, non-empty
 * @example
 * maxRelativePhase([0, 1, 0.5], [0, 1, 2]); // { max: 1.0208333333333335, argmax: 1.1666666666666667, index: 1 }
 */
export function maxRelativePhase(q: ArrayLike<number>, phis: ArrayLike<number>): PhasePeak {
  const fn = 'maxRelativePhase';
  assertFiniteArray(fn, 'q', q);
  assertFiniteArray(fn, 'phis', phis);
  const n = phis.length;
  if (q.length !== n) {
    throw new Error(`${fn}: argument 'q' must have the length of 'phis' (${n}), got ${q.length}`);
  }
  for (let i = 1; i < n; i++) {
    if (!(phis[i] > phis[i - 1])) {
      throw new Error(
        `${fn}: argument 'phis' must be strictly increasing, got ${phis[i - 1]} then ${phis[i]} at index ${i}`,
      );
    }
  }
  let index = 0;
  for (let i = 1; i < n; i++) if (q[i] > q[index]) index = i;
  const sample: PhasePeak = { max: q[index], argmax: phis[index], index };
  if (n < 3) return sample;

  const twoPi = 2 * Math.PI;
  let maxStep = 0;
  for (let i = 1; i < n; i++) maxStep = Math.max(maxStep, phis[i] - phis[i - 1]);
  const wrapGap = phis[0] + twoPi - phis[n - 1];
  // A closed grid (last angle = first + 2π) holds the same point twice; skip the repeat.
  const repeats = Math.abs(wrapGap) <= PERIOD_TOL;
  const circular = repeats || (wrapGap > 0 && wrapGap <= 1.5 * maxStep);
  const last = repeats ? n - 2 : n - 1;
  let x0: number;
  let y0: number;
  let x2: number;
  let y2: number;
  const i1 = repeats && index === n - 1 ? 0 : index;
  const x1 = phis[i1];
  const y1 = q[i1];
  if (i1 > 0) {
    x0 = phis[i1 - 1];
    y0 = q[i1 - 1];
  } else if (circular) {
    x0 = phis[last] - twoPi;
    y0 = q[last];
  } else {
    return sample;
  }
  if (i1 < last) {
    x2 = phis[i1 + 1];
    y2 = q[i1 + 1];
  } else if (circular) {
    x2 = phis[0] + twoPi;
    y2 = q[0];
  } else {
    return sample;
  }
  // y = y1 + b t + a t², t = x − x1, through (h0, y0), (0, y1), (h2, y2).
  const h0 = x0 - x1;
  const h2 = x2 - x1;
  const d0 = (y0 - y1) / h0;
  const d2 = (y2 - y1) / h2;
  const a = (d2 - d0) / (h2 - h0);
  if (!(a < 0)) return sample;
  const b = d2 - a * h2;
  const tv = Math.min(Math.max(-b / (2 * a), h0), h2);
  let argmax = x1 + tv;
  if (circular) {
    // Rounding can put a peak that sits on phis[0] a few ulps below it; keep it at phis[0].
    if (argmax < phis[0]) argmax = phis[0] - argmax <= 1e-12 ? phis[0] : argmax + twoPi;
    else if (argmax >= phis[0] + twoPi) argmax -= twoPi;
  }
  return { max: y1 + b * tv + a * tv * tv, argmax, index };
}
