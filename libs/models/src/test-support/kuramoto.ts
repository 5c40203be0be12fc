// Test support for the Kuramoto models' specs (not exported from the library).
import { channelValue, type Frame } from '@qsync/frames';
import { lastValueFrom, toArray, type Observable } from 'rxjs';

/** All frames of a stream, in order. */
export function collectFrames(stream: Observable<Frame>): Promise<Frame[]> {
  return lastValueFrom(stream.pipe(toArray()));
}

/** The value of a real channel. */
export function realOf(frame: Frame, name: string): number {
  return channelValue(frame, name, 'real').value;
}

/** The data of an array channel. */
export function dataOf(frame: Frame, name: string): Float64Array {
  return channelValue(frame, name, 'array').data;
}

/** n + 1 equally spaced times from 0 to end. */
export function linspace(end: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => (end * k) / n);
}

/** Mean of the real channel `name` over the frames with t ≥ from. */
export function lateMean(frames: readonly Frame[], name: string, from: number): number {
  let s = 0;
  let n = 0;
  for (const f of frames) {
    if (f.t < from) continue;
    s += realOf(f, name);
    n++;
  }
  return s / n;
}

/**
 * The late-time |z| of a run and its standard error from the run itself: each realization's
 * |z| (channel `name`, a complex array over realizations) averaged over the frames with
 * t ≥ from, then the mean over realizations and its standard error, sd/√R. The realizations
 * are independent (their own noise and initial phases), so R time averages are R independent
 * samples, whatever the correlation time within one.
 */
export function lateModulus(frames: readonly Frame[], name: string, from: number): { mean: number; se: number } {
  let perRealization: number[] | null = null;
  let count = 0;
  for (const f of frames) {
    if (f.t < from) continue;
    const z = dataOf(f, name);
    const acc = perRealization ?? (perRealization = new Array<number>(z.length / 2).fill(0));
    for (let r = 0; r < acc.length; r++) acc[r] += Math.hypot(z[2 * r], z[2 * r + 1]);
    count++;
  }
  if (perRealization === null || perRealization.length < 2) throw new Error('lateModulus: needs two realizations and a frame at t ≥ from');
  const m = perRealization.map((x) => x / count);
  const R = m.length;
  const mean = m.reduce((a, b) => a + b, 0) / R;
  const sd = Math.sqrt(m.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
  return { mean, se: sd / Math.sqrt(R) };
}

/** I1(x)/I0(x) from the power series (x ≤ 20: terms fall below 1e-17 of the sum well before k = 60). */
export function besselRatio(x: number): number {
  let i0 = 0;
  let i1 = 0;
  let term = 1; // (x/2)^{2k} / (k!)²
  const q = (x / 2) * (x / 2);
  for (let k = 0; k < 80; k++) {
    i0 += term;
    i1 += (term * (x / 2)) / (k + 1);
    term *= q / ((k + 1) * (k + 1));
  }
  return i1 / i0;
}

/** Least-squares slope and intercept of y against x. */
export function linearFit(x: readonly number[], y: readonly number[]): { slope: number; intercept: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
