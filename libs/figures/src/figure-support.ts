// Small pieces shared by the figure recipes (not exported from the library).
import { channelValue, type Frame } from '@qsync/frames';

/** n equally spaced points from lo to hi (both included; n = 1 gives [lo]). */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (n === 1) return Float64Array.of(lo);
  return Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
}

/** The data of an array channel of a frame (not a copy). */
export function arrayData(frame: Frame, name: string): Float64Array {
  return channelValue(frame, name, 'array').data;
}

/** Largest |a_k − b_k| over two arrays of one length. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
  return worst;
}

/**
 * Weighted least-squares line y ≈ a + b·t through the points with weight w_k (all w_k ≥ 0, at least
 * two distinct t with w > 0); returns the slope b.
 */
export function weightedSlope(t: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let st = 0;
  let sy = 0;
  for (let k = 0; k < t.length; k++) {
    sw += w[k];
    st += w[k] * t[k];
    sy += w[k] * y[k];
  }
  const tm = st / sw;
  const ym = sy / sw;
  let stt = 0;
  let sty = 0;
  for (let k = 0; k < t.length; k++) {
    stt += w[k] * (t[k] - tm) ** 2;
    sty += w[k] * (t[k] - tm) * (y[k] - ym);
  }
  return sty / stt;
}
