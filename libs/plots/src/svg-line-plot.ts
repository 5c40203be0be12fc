import { niceTicks, type Ticks } from './nice-ticks';
import { assertFinite, axes, escapeXml, palette, px, svgOpen, type PlotBox } from './svg-common';

/** One line of a {@link svgLinePlot}. */
export interface LineSeries {
  /** Legend entry. */
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** CSS colour (default: the next colour of a ten-colour palette). */
  readonly color?: string;
  /** Draw dashed (default false). */
  readonly dashed?: boolean;
  /** Draw the points as dots, not joined by a line (default false). */
  readonly points?: boolean;
}

/** A labelled vertical line, e.g. at the position of a maximum. */
export interface VerticalMarker {
  readonly x: number;
  readonly label: string;
}

/** Everything {@link svgLinePlot} draws. */
export interface LinePlotConfig {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** At least one series; each with x and y of equal, non-zero length and finite values. */
  readonly series: readonly LineSeries[];
  /** x range of the axis (default: the data's x range). */
  readonly xDomain?: readonly [number, number];
  /** y range of the axis (default: the data's y range widened to whole tick steps). */
  readonly yDomain?: readonly [number, number];
  readonly markers?: readonly VerticalMarker[];
  /** Size in SVG pixels (defaults 720 × 440). */
  readonly width?: number;
  readonly height?: number;
}

/** Margins around the plot box: room for the title, the tick labels and the axis labels. */
const MARGIN = { left: 78, right: 24, top: 38, bottom: 56 };

/**
 * The plot box of a line plot of the given size (where data is drawn), in SVG pixels.
 *
 * @example
 * linePlotBox(720, 440); // { x: 78, y: 38, width: 618, height: 346 }
 */
export function linePlotBox(width: number, height: number): PlotBox {
  return {
    x: MARGIN.left,
    y: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
}

/**
 * A dependency-free SVG line plot: frame with tick marks and labels on both axes, title, axis
 * labels, one path per series (clipped to the plot box), optional vertical markers, and a
 * legend in the corner of the plot box that covers the fewest data points (upper right when
 * several tie). The data point (x, y) lands at
 * `box.x + (x − x0)/(x1 − x0)·box.width`, `box.y + box.height − (y − y0)/(y1 − y0)·box.height`
 * with [x0, x1], [y0, y1] the axis ranges and `box = linePlotBox(width, height)`.
 * Non-finite data (NaN, ±∞) is refused: a plot never hides a numerical blow-up.
 *
 * @param config - title, labels, series and optional ranges and size
 * @returns the SVG document as a string
 * @example
 * svgLinePlot({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] })
 *   .startsWith('<?xml'); // true
 */
export function svgLinePlot(config: LinePlotConfig): string {
  const fn = 'svgLinePlot';
  const width = config.width ?? 720;
  const height = config.height ?? 440;
  if (!(Number.isFinite(width) && width >= 200 && Number.isFinite(height) && height >= 150)) {
    throw new Error(`${fn}: 'width' and 'height' must be at least 200 × 150 pixels, got ${width} × ${height}`);
  }
  if (!Array.isArray(config.series) || config.series.length === 0) {
    throw new Error(`${fn}: 'series' must hold at least one series`);
  }
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  config.series.forEach((s, i) => {
    const what = `series[${i}] '${s.name}'`;
    if (s.x.length !== s.y.length || s.x.length === 0) {
      throw new Error(`${fn}: ${what} must have x and y of equal non-zero length, got ${s.x.length} and ${s.y.length}`);
    }
    assertFinite(fn, `${what} x`, s.x);
    assertFinite(fn, `${what} y`, s.y);
    for (let k = 0; k < s.x.length; k++) {
      xMin = Math.min(xMin, s.x[k]);
      xMax = Math.max(xMax, s.x[k]);
      yMin = Math.min(yMin, s.y[k]);
      yMax = Math.max(yMax, s.y[k]);
    }
  });
  const xTicks = domainTicks(fn, 'xDomain', config.xDomain, xMin, xMax, 8, false);
  const yTicks = domainTicks(fn, 'yDomain', config.yDomain, yMin, yMax, 6, true);
  for (const m of config.markers ?? []) assertFinite(fn, `marker '${m.label}' x`, [m.x]);

  const box = linePlotBox(width, height);
  const sx = (v: number) => box.x + ((v - xTicks.lo) / (xTicks.hi - xTicks.lo)) * box.width;
  const sy = (v: number) => box.y + box.height - ((v - yTicks.lo) / (yTicks.hi - yTicks.lo)) * box.height;

  const parts: string[] = [svgOpen(width, height, config.title)];
  parts.push(
    `<defs><clipPath id="plot-clip"><rect x="${px(box.x)}" y="${px(box.y)}" width="${px(box.width)}" height="${px(box.height)}"/></clipPath></defs>\n`,
  );
  if (yTicks.lo < 0 && yTicks.hi > 0) {
    parts.push(
      `<line class="zero-line" x1="${px(box.x)}" y1="${px(sy(0))}" x2="${px(box.x + box.width)}" y2="${px(sy(0))}" stroke="#bbbbbb"/>\n`,
    );
  }
  parts.push(axes(box, xTicks, yTicks, config.xLabel, config.yLabel));
  config.series.forEach((s, i) => {
    const color = s.color ?? palette[i % palette.length];
    if (s.points === true) {
      const dots: string[] = [];
      for (let k = 0; k < s.x.length; k++) dots.push(`<circle cx="${px(sx(s.x[k]))}" cy="${px(sy(s.y[k]))}" r="3"/>`);
      parts.push(
        `<g class="series" data-name="${escapeXml(s.name)}" clip-path="url(#plot-clip)" fill="${escapeXml(color)}">${dots.join('')}</g>\n`,
      );
      return;
    }
    const d: string[] = [];
    for (let k = 0; k < s.x.length; k++) d.push(`${k === 0 ? 'M' : 'L'}${px(sx(s.x[k]))} ${px(sy(s.y[k]))}`);
    if (s.x.length === 1) d.push(`h0.01`); // a single point still shows as a dot with round caps
    parts.push(
      `<g class="series" data-name="${escapeXml(s.name)}" clip-path="url(#plot-clip)">` +
        `<path d="${d.join(' ')}" fill="none" stroke="${escapeXml(color)}" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"` +
        `${s.dashed === true ? ' stroke-dasharray="6 4"' : ''}/></g>\n`,
    );
  });
  for (const m of config.markers ?? []) {
    if (m.x < xTicks.lo || m.x > xTicks.hi) continue;
    const x = sx(m.x);
    // Label near the bottom (the legend sits top right), on the side with more room.
    const right = x < box.x + 0.6 * box.width;
    parts.push(
      `<g class="marker"><line x1="${px(x)}" y1="${px(box.y)}" x2="${px(x)}" y2="${px(box.y + box.height)}" stroke="#555555" stroke-dasharray="3 3"/>` +
        `<text x="${px(right ? x + 4 : x - 4)}" y="${px(box.y + box.height - 8)}" text-anchor="${right ? 'start' : 'end'}" fill="#555555">` +
        `${escapeXml(m.label)}</text></g>\n`,
    );
  }
  parts.push(legend(config.series, box, sx, sy));
  parts.push('</svg>\n');
  return parts.join('');
}

function domainTicks(
  fn: string,
  name: string,
  domain: readonly [number, number] | undefined,
  dataMin: number,
  dataMax: number,
  target: number,
  extend: boolean,
): Ticks {
  if (domain === undefined) return niceTicks(dataMin, dataMax, target, extend);
  const [lo, hi] = domain;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new Error(`${fn}: '${name}' must be [lo, hi] with finite lo < hi, got [${lo}, ${hi}]`);
  }
  return niceTicks(lo, hi, target, false);
}

function legend(
  series: readonly LineSeries[],
  box: PlotBox,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const lineHeight = 17;
  const longest = Math.max(...series.map((s) => s.name.length));
  const w = 40 + 7 * longest;
  const h = 8 + lineHeight * series.length;
  // corners in order of preference: upper right, upper left, lower right, lower left
  const corners = [
    [box.x + box.width - w - 8, box.y + 8],
    [box.x + 8, box.y + 8],
    [box.x + box.width - w - 8, box.y + box.height - h - 8],
    [box.x + 8, box.y + box.height - h - 8],
  ];
  const covered = corners.map(([cx, cy]) => {
    let n = 0;
    for (const s of series) {
      for (let k = 0; k < s.x.length; k++) {
        const x = sx(s.x[k]);
        const y = sy(s.y[k]);
        if (x >= cx && x <= cx + w && y >= cy && y <= cy + h) n++;
      }
    }
    return n;
  });
  const best = covered.indexOf(Math.min(...covered));
  const [x0, y0] = corners[best];
  const parts = [
    `<g class="legend"><rect x="${px(x0)}" y="${px(y0)}" width="${px(w)}" height="${px(h)}" fill="#ffffff" fill-opacity="0.85" stroke="#999999"/>`,
  ];
  series.forEach((s, i) => {
    const color = s.color ?? palette[i % palette.length];
    const ly = y0 + 4 + lineHeight * i + lineHeight / 2;
    const key =
      s.points === true
        ? `<circle cx="${px(x0 + 17)}" cy="${px(ly)}" r="3" fill="${escapeXml(color)}"/>`
        : `<line x1="${px(x0 + 6)}" y1="${px(ly)}" x2="${px(x0 + 28)}" y2="${px(ly)}" stroke="${escapeXml(color)}" stroke-width="2"` +
          `${s.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`;
    parts.push(
      key +
        `<text class="legend-entry" x="${px(x0 + 34)}" y="${px(ly + 4)}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</g>\n');
  return parts.join('');
}
