/** A value a sweep parameter takes: a JSON scalar. */
export type ParameterValue = number | string | boolean;

/**
 * One axis of a sweep: `count` evenly spaced numbers from `from` to `to` (both included; count 1
 * gives `from`), or an explicit list of values.
 */
export type SweepAxis = { readonly from: number; readonly to: number; readonly count: number } | readonly ParameterValue[];

/** One point of a grid: a value for every axis. */
export type ParameterPoint = Record<string, ParameterValue>;

/**
 * The points of a parameter grid: the Cartesian product of its axes, in row-major order (the
 * first axis varies slowest, the last fastest). A range's last value is `to` exactly; the others
 * are from + k·(to − from)/(count − 1)
 * rounded to 15 significant digits, so that they equal the decimals a user would list.
 *
 * @param axes - the axes by parameter name, in the order they vary (first slowest)
 * @returns ∏ count points
 * @throws Error naming the axis for an empty grid, a bad range (non-finite ends, count not an
 *   integer ≥ 1, count 1 with from ≠ to) or a list that is empty or holds a non-scalar / non-finite value
 * @example
 * parameterGrid({ g: [1, 2], x: { from: 0, to: 1, count: 3 } }).map((p) => `${p.g}:${p.x}`);
 * // → ['1:0', '1:0.5', '1:1', '2:0', '2:0.5', '2:1']
 */
export function parameterGrid(axes: Readonly<Record<string, SweepAxis>>): ParameterPoint[] {
  if (axes === null || typeof axes !== 'object' || Array.isArray(axes)) {
    throw new Error(`parameterGrid: argument 'axes' must be an object of axes by parameter name`);
  }
  const names = Object.keys(axes);
  if (names.length === 0) throw new Error(`parameterGrid: argument 'axes' names no parameter (at least one axis is needed)`);
  const values = names.map((name) => axisValues(name, axes[name]));
  const points: ParameterPoint[] = [];
  const index = new Array<number>(names.length).fill(0);
  const total = values.reduce((n, v) => n * v.length, 1);
  for (let p = 0; p < total; p++) {
    const point: ParameterPoint = {};
    for (let a = 0; a < names.length; a++) point[names[a]] = values[a][index[a]];
    points.push(point);
    // odometer: advance the last axis, carry into the ones before it
    for (let a = names.length - 1; a >= 0; a--) {
      if (++index[a] < values[a].length) break;
      index[a] = 0;
    }
  }
  return points;
}

function axisValues(name: string, axis: SweepAxis): ParameterValue[] {
  if (Array.isArray(axis)) {
    if (axis.length === 0) throw new Error(`parameterGrid: axis '${name}' is an empty list of values`);
    return axis.map((v: unknown, i) => {
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
      throw new Error(`parameterGrid: value ${i} of axis '${name}' must be a finite number, a string or a boolean, got ${String(v)}`);
    });
  }
  const range = axis as { from?: unknown; to?: unknown; count?: unknown } | null;
  if (range === null || typeof range !== 'object') {
    throw new Error(`parameterGrid: axis '${name}' must be { from, to, count } or a list of values, got ${String(axis)}`);
  }
  const { from, to, count } = range;
  if (typeof from !== 'number' || !Number.isFinite(from) || typeof to !== 'number' || !Number.isFinite(to)) {
    throw new Error(`parameterGrid: axis '${name}' needs finite 'from' and 'to', got from ${String(from)}, to ${String(to)}`);
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    throw new Error(`parameterGrid: axis '${name}' needs 'count' an integer ≥ 1, got ${String(count)}`);
  }
  if (count === 1) {
    if (from !== to) throw new Error(`parameterGrid: axis '${name}' has count 1 but from ${from} ≠ to ${to} (which one is meant?)`);
    return [from];
  }
  // rounded to 15 significant digits (a relative change below 5e-15): 0:0.3:4 then gives the 0.1
  // and 0.2 a user would type in a list, not 0.09999999999999999 — a job's id sees every bit
  const step = (to - from) / (count - 1);
  const out: number[] = [];
  for (let k = 0; k < count - 1; k++) out.push(Number((from + k * step).toPrecision(15)));
  out.push(to);
  return out;
}
