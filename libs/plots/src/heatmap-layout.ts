// Where everything of a heatmap goes (internal): checked config, cell edges, axes, plot box.
import { createAxis, type Axis } from './axis';
import type { TitleLayout } from './fit-title';
import type { HeatmapConfig } from './heatmap-config';
import { assertFinite, assertSize, titleAndBox, type PlotBox } from './svg-common';

/** The laid-out heatmap. */
export interface HeatmapLayout {
  readonly width: number;
  readonly height: number;
  readonly title: TitleLayout;
  /** cell edges: midpoints between grid values, half a step beyond each end */
  readonly xEdges: Float64Array;
  readonly yEdges: Float64Array;
  readonly xAxis: Axis;
  readonly yAxis: Axis;
  readonly box: PlotBox;
}

const FN = 'svgHeatmap';
/** Right margin: the colour bar, its tick labels and its label. */
const RIGHT = 110;
const BOTTOM = 56;

/** Checks a heatmap config and lays it out; errors name the offending field. */
export function heatmapLayout(config: HeatmapConfig): HeatmapLayout {
  const width = config.width ?? 640;
  const height = config.height ?? 560;
  assertSize(FN, width, height, 250, 150);
  const nx = config.x.length;
  const ny = config.y.length;
  increasing('x', config.x);
  increasing('y', config.y);
  if (config.values.length !== nx * ny) {
    throw new Error(`${FN}: 'values' must have x.length · y.length = ${nx * ny} entries, got ${config.values.length}`);
  }
  assertFinite(FN, `'values'`, config.values);
  const xEdges = edges(config.x);
  const yEdges = edges(config.y);
  const xAxis = createAxis(FN, 'x', 'linear', xEdges[0], xEdges[nx], 8, false);
  const yAxis = createAxis(FN, 'y', 'linear', yEdges[0], yEdges[ny], 8, false);
  const { title, box } = titleAndBox(FN, config.title, width, height, yAxis, { right: RIGHT, bottom: BOTTOM });
  return { width, height, title, xEdges, yEdges, xAxis, yAxis, box };
}

function increasing(name: string, v: ArrayLike<number>): void {
  if (v.length < 2) throw new Error(`${FN}: '${name}' must hold at least 2 grid values, got ${v.length}`);
  assertFinite(FN, `'${name}'`, v);
  for (let k = 1; k < v.length; k++) {
    if (!(v[k] > v[k - 1])) throw new Error(`${FN}: '${name}' must be strictly increasing, got ${v[k - 1]} then ${v[k]} at index ${k}`);
  }
}

function edges(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const e = new Float64Array(n + 1);
  e[0] = v[0] - (v[1] - v[0]) / 2;
  for (let k = 1; k < n; k++) e[k] = (v[k - 1] + v[k]) / 2;
  e[n] = v[n - 1] + (v[n - 1] - v[n - 2]) / 2;
  return e;
}
