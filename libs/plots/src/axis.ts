// The axes of the plots: ranges, tick positions and tick labels from d3-scale (internal).
import { scaleLinear, scaleLog } from 'd3-scale';

/** Linear or logarithmic axis. */
export type AxisType = 'linear' | 'log';

/** An axis range with its ticks; `unit(v)` maps v to [0, 1] along the range. */
export interface Axis {
  readonly type: AxisType;
  readonly lo: number;
  readonly hi: number;
  /** tick values inside [lo, hi], increasing */
  readonly ticks: readonly number[];
  /** one label per tick ('' for the unlabelled minor ticks of a log axis) */
  readonly labels: readonly string[];
  unit(v: number): number;
}

/**
 * An axis from lo to hi with about `count` ticks (d3-scale's 1, 2, 5 × 10^k steps). `nice`
 * widens the range to whole steps (d3's `.nice`). A range narrower than 1e−10 of its magnitude
 * (rounding noise, or a constant) is widened about its middle by ±1 or ±10 %, so that it can be
 * drawn. A log axis needs 0 < lo and uses decades.
 */
export function createAxis(fn: string, name: string, type: AxisType, lo: number, hi: number, count: number, nice: boolean): Axis {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo)) {
    throw new Error(`${fn}: the ${name} range must be finite with lo ≤ hi, got [${lo}, ${hi}]`);
  }
  if (type === 'log') {
    if (!(lo > 0)) throw new Error(`${fn}: a log ${name} axis needs positive values, got ${lo}`);
    if (hi <= lo * (1 + 1e-10)) {
      lo /= 2;
      hi *= 2;
    }
    const s = scaleLog().domain([lo, hi]).range([0, 1]);
    if (nice) s.nice();
    const [a, b] = s.domain();
    const ticks = s.ticks(count);
    const format = s.tickFormat(count, '~g');
    return { type, lo: a, hi: b, ticks, labels: ticks.map((v) => minus(format(v))), unit: (v) => s(v) };
  }
  if (hi - lo <= 1e-10 * Math.max(Math.abs(lo), Math.abs(hi))) {
    const mid = (lo + hi) / 2;
    const pad = mid === 0 ? 1 : Math.abs(mid) * 0.1;
    lo = mid - pad;
    hi = mid + pad;
  }
  const s = scaleLinear().domain([lo, hi]).range([0, 1]);
  if (nice) s.nice(count);
  const [a, b] = s.domain();
  const ticks = s.ticks(count);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : b - a;
  const big = Math.max(Math.abs(a), Math.abs(b));
  // fixed decimals for moderate numbers, exponent form where fixed would be long
  const format = s.tickFormat(count, big >= 1e5 || step < 1e-3 ? '~e' : 'f');
  return { type, lo: a, hi: b, ticks, labels: ticks.map((v) => minus(v === 0 ? '0' : format(v))), unit: (v) => s(v) };
}

/** d3-format writes U+2212 for a negative mantissa but '-' in an exponent: use U+2212 throughout. */
function minus(label: string): string {
  return label.replace(/-/g, '−');
}
