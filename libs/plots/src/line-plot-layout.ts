// Where everything of a line plot goes (internal): checked config, axes, title and plot box.
import { createAxis, type Axis, type AxisType } from './axis';
import type { TitleLayout } from './fit-title';
import type { LinePlotConfig } from './line-plot-config';
import { assertFinite, assertSize, titleAndBox, type PlotBox } from './svg-common';

/** The laid-out line plot. */
export interface LinePlotLayout {
  readonly width: number;
  readonly height: number;
  readonly title: TitleLayout;
  readonly xAxis: Axis;
  readonly yAxis: Axis;
  readonly box: PlotBox;
}

const FN = 'svgLinePlot';
/** Margins right (room for the last x tick label) and bottom (tick labels and the axis label). */
const RIGHT = 24;
const BOTTOM = 56;

/** Checks a line-plot config and lays it out; errors name the offending field. */
export function linePlotLayout(config: LinePlotConfig): LinePlotLayout {
  const width = config.width ?? 720;
  const height = config.height ?? 440;
  assertSize(FN, width, height, 200, 150);
  if (!Array.isArray(config.series) || config.series.length === 0) {
    throw new Error(`${FN}: 'series' must hold at least one series`);
  }
  const xType = scaleType('xScale', config.xScale);
  const yType = scaleType('yScale', config.yScale);
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  config.series.forEach((s, i) => {
    const what = `series[${i}] '${s.name}'`;
    if (s.x.length !== s.y.length || s.x.length === 0) {
      throw new Error(`${FN}: ${what} must have x and y of equal non-zero length, got ${s.x.length} and ${s.y.length}`);
    }
    assertFinite(FN, `${what} x`, s.x);
    assertFinite(FN, `${what} y`, s.y);
    for (let k = 0; k < s.x.length; k++) {
      if (xType === 'log' && !(s.x[k] > 0)) throw new Error(`${FN}: ${what} x must be > 0 on a log axis, got ${s.x[k]} at index ${k}`);
      if (yType === 'log' && !(s.y[k] > 0)) throw new Error(`${FN}: ${what} y must be > 0 on a log axis, got ${s.y[k]} at index ${k}`);
      xMin = Math.min(xMin, s.x[k]);
      xMax = Math.max(xMax, s.x[k]);
      yMin = Math.min(yMin, s.y[k]);
      yMax = Math.max(yMax, s.y[k]);
    }
  });
  for (const m of config.markers ?? []) assertFinite(FN, `marker '${m.label}' x`, [m.x]);
  const xAxis = domainAxis('xDomain', xType, config.xDomain, xMin, xMax, 8, false);
  const yAxis = domainAxis('yDomain', yType, config.yDomain, yMin, yMax, 6, true);
  const { title, box } = titleAndBox(FN, config.title, width, height, yAxis, { right: RIGHT, bottom: BOTTOM });
  return { width, height, title, xAxis, yAxis, box };
}

function scaleType(name: string, value: unknown): AxisType {
  if (value === undefined || value === 'linear') return 'linear';
  if (value === 'log') return 'log';
  throw new Error(`${FN}: '${name}' must be 'linear' or 'log', got ${JSON.stringify(value)}`);
}

function domainAxis(
  name: string,
  type: AxisType,
  domain: readonly [number, number] | undefined,
  dataMin: number,
  dataMax: number,
  count: number,
  nice: boolean,
): Axis {
  if (domain === undefined) return createAxis(FN, name === 'xDomain' ? 'x' : 'y', type, dataMin, dataMax, count, nice);
  const [lo, hi] = domain;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && (type === 'linear' || lo > 0))) {
    throw new Error(`${FN}: '${name}' must be [lo, hi] with finite lo < hi${type === 'log' ? ' and lo > 0 (log axis)' : ''}, got [${lo}, ${hi}]`);
  }
  return createAxis(FN, name === 'xDomain' ? 'x' : 'y', type, lo, hi, count, false);
}
