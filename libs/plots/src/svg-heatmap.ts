import { niceTicks, type Ticks } from './nice-ticks';
import { assertFinite, axes, escapeXml, px, svgOpen, type PlotBox } from './svg-common';

/** Everything {@link svgHeatmap} draws. */
export interface HeatmapConfig {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Label of the colour bar (the quantity shown). */
  readonly valueLabel: string;
  /** Grid x values (columns), strictly increasing, at least 2. */
  readonly x: ArrayLike<number>;
  /** Grid y values (rows), strictly increasing, at least 2; row 0 is drawn at the bottom. */
  readonly y: ArrayLike<number>;
  /** Row-major values, `values[iy·nx + ix]` at (x[ix], y[iy]); finite. */
  readonly values: ArrayLike<number>;
  /** Size in SVG pixels (defaults 640 × 560). */
  readonly width?: number;
  readonly height?: number;
}

/** Margins: title on top, axis labels left and bottom, the colour bar on the right. */
const MARGIN = { left: 72, right: 110, top: 38, bottom: 56 };

/** Stops of the viridis colour map, low to high. */
const VIRIDIS = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37],
];

/**
 * The plot box of a heatmap of the given size (where the cells are drawn), in SVG pixels.
 *
 * @example
 * heatmapPlotBox(640, 560); // { x: 72, y: 38, width: 458, height: 466 }
 */
export function heatmapPlotBox(width: number, height: number): PlotBox {
  return {
    x: MARGIN.left,
    y: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
}

/**
 * A dependency-free SVG heatmap: one `<rect>` per grid point, coloured with the viridis map from
 * the smallest to the largest value, axes with ticks and labels, title and a colour bar.
 * Cell (ix, iy) spans from the midpoints to its neighbours (half a step beyond the ends), so
 * grid points sit at cell centres. Non-finite values are refused.
 *
 * @param config - grid, values, labels and optional size
 * @returns the SVG document as a string
 * @example
 * svgHeatmap({ title: 'Q', xLabel: 'x', yLabel: 'p', valueLabel: 'Q', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] })
 *   .includes('class="cell"'); // true
 */
export function svgHeatmap(config: HeatmapConfig): string {
  const fn = 'svgHeatmap';
  const width = config.width ?? 640;
  const height = config.height ?? 560;
  if (!(Number.isFinite(width) && width >= 250 && Number.isFinite(height) && height >= 150)) {
    throw new Error(`${fn}: 'width' and 'height' must be at least 250 × 150 pixels, got ${width} × ${height}`);
  }
  const nx = config.x.length;
  const ny = config.y.length;
  increasing(fn, 'x', config.x);
  increasing(fn, 'y', config.y);
  if (config.values.length !== nx * ny) {
    throw new Error(`${fn}: 'values' must have x.length · y.length = ${nx * ny} entries, got ${config.values.length}`);
  }
  assertFinite(fn, `'values'`, config.values);

  const xe = edges(config.x);
  const ye = edges(config.y);
  const xTicks = niceTicks(xe[0], xe[nx], 8);
  const yTicks = niceTicks(ye[0], ye[ny], 8);
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let k = 0; k < config.values.length; k++) {
    vMin = Math.min(vMin, config.values[k]);
    vMax = Math.max(vMax, config.values[k]);
  }
  const span = vMax > vMin ? vMax - vMin : 1;

  const box = heatmapPlotBox(width, height);
  const sx = (v: number) => box.x + ((v - xTicks.lo) / (xTicks.hi - xTicks.lo)) * box.width;
  const sy = (v: number) => box.y + box.height - ((v - yTicks.lo) / (yTicks.hi - yTicks.lo)) * box.height;

  const parts: string[] = [svgOpen(width, height, config.title)];
  // Edges in rounded pixels, shared by neighbouring cells; each cell but the last in a row or
  // column overlaps its neighbour by half a pixel, so anti-aliasing shows no seams.
  const xs = Array.from(xe, (v) => Number(px(sx(v))));
  const ys = Array.from(ye, (v) => Number(px(sy(v))));
  parts.push('<g class="cells" shape-rendering="crispEdges">\n');
  for (let iy = 0; iy < ny; iy++) {
    const top = ys[iy + 1];
    const h = ys[iy] - top + (iy > 0 ? 0.5 : 0);
    for (let ix = 0; ix < nx; ix++) {
      const w = xs[ix + 1] - xs[ix] + (ix < nx - 1 ? 0.5 : 0);
      const v = config.values[iy * nx + ix];
      parts.push(
        `<rect class="cell" x="${px(xs[ix])}" y="${px(top)}" width="${px(w)}" height="${px(h)}" fill="${color((v - vMin) / span)}"/>\n`,
      );
    }
  }
  parts.push('</g>\n');
  parts.push(axes(box, xTicks, yTicks, config.xLabel, config.yLabel));
  parts.push(colorBar(box, vMin, vMax, config.valueLabel));
  parts.push('</svg>\n');
  return parts.join('');
}

/** The viridis colour of u ∈ [0, 1] as #rrggbb. */
function color(u: number): string {
  const t = Math.min(1, Math.max(0, u)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - k;
  let hex = '#';
  for (let c = 0; c < 3; c++) {
    const v = Math.round(VIRIDIS[k][c] + f * (VIRIDIS[k + 1][c] - VIRIDIS[k][c]));
    hex += v.toString(16).padStart(2, '0');
  }
  return hex;
}

function colorBar(box: PlotBox, vMin: number, vMax: number, label: string): string {
  const x = box.x + box.width + 22;
  const w = 16;
  const steps = 64;
  const h = box.height / steps;
  const ticks: Ticks = niceTicks(vMin, vMax, 5);
  const lo = vMax > vMin ? vMin : ticks.lo;
  const hi = vMax > vMin ? vMax : ticks.hi;
  const parts = ['<g class="color-bar">'];
  for (let k = 0; k < steps; k++) {
    const y = box.y + box.height - (k + 1) * h;
    parts.push(`<rect x="${px(x)}" y="${px(y)}" width="${w}" height="${px(h + 0.5)}" fill="${color((k + 0.5) / steps)}"/>`);
  }
  parts.push(`<rect x="${px(x)}" y="${px(box.y)}" width="${w}" height="${px(box.height)}" fill="none" stroke="#000000"/>`);
  for (const v of ticks.values) {
    if (v < lo || v > hi) continue;
    const y = box.y + box.height - ((v - lo) / (hi - lo)) * box.height;
    parts.push(
      `<line x1="${px(x + w)}" y1="${px(y)}" x2="${px(x + w + 4)}" y2="${px(y)}" stroke="#000000"/>` +
        `<text x="${px(x + w + 7)}" y="${px(y + 4)}">${escapeXml(formatValue(v, ticks.step))}</text>`,
    );
  }
  const ly = box.y + box.height / 2;
  const lx = x + w + 70;
  parts.push(
    `<text class="value-label" x="${px(lx)}" y="${px(ly)}" text-anchor="middle" transform="rotate(-90 ${px(lx)} ${px(ly)})">${escapeXml(label)}</text>`,
  );
  parts.push('</g>\n');
  return parts.join('');
}

function formatValue(v: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return decimals > 4 ? v.toExponential(2) : v.toFixed(decimals);
}

function increasing(fn: string, name: string, v: ArrayLike<number>): void {
  if (v.length < 2) throw new Error(`${fn}: '${name}' must hold at least 2 grid values, got ${v.length}`);
  assertFinite(fn, `'${name}'`, v);
  for (let k = 1; k < v.length; k++) {
    if (!(v[k] > v[k - 1])) throw new Error(`${fn}: '${name}' must be strictly increasing, got ${v[k - 1]} then ${v[k]} at index ${k}`);
  }
}

/** Cell edges: midpoints between neighbours, half a step beyond each end. */
function edges(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const e = new Float64Array(n + 1);
  e[0] = v[0] - (v[1] - v[0]) / 2;
  for (let k = 1; k < n; k++) e[k] = (v[k - 1] + v[k]) / 2;
  e[n] = v[n - 1] + (v[n - 1] - v[n - 2]) / 2;
  return e;
}
