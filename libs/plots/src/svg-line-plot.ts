import type { LinePlotConfig, LineSeries } from './line-plot-config';
import { linePlotLayout } from './line-plot-layout';
import { axes, escapeXml, palette, px, svgOpen, type PlotBox } from './svg-common';
import { textWidth } from './text-width';

/**
 * An SVG line plot: frame with tick marks and labels on both axes (ticks, ranges and labels
 * from d3-scale; linear or log), a title that is wrapped or shrunk to fit the width, axis
 * labels, one path per series (clipped to the plot box), optional vertical markers, and a
 * legend (of the series not marked `legend: false`) in the corner of the plot box that covers
 * the fewest data points (upper right when several tie). The data point (x, y) lands at `box.x + u_x(x)·box.width`,
 * `box.y + box.height − u_y(y)·box.height`, with u the position along the axis range, 0 to 1
 * (linear: (x − x0)/(x1 − x0); log: in log x), and `box = linePlotBox(config)`.
 * Non-finite data (NaN, ±∞) is refused: a plot never hides a numerical blow-up.
 *
 * @param config - title, labels, series and optional ranges, axis types and size
 * @returns the SVG document as a string
 * @example
 * svgLinePlot({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] })
 *   .startsWith('<?xml'); // → true
 */
export function svgLinePlot(config: LinePlotConfig): string {
  const { width, height, title, xAxis, yAxis, box } = linePlotLayout(config);
  const sx = (v: number) => box.x + xAxis.unit(v) * box.width;
  const sy = (v: number) => box.y + box.height - yAxis.unit(v) * box.height;

  const parts: string[] = [svgOpen(width, height, config.title, title)];
  parts.push(
    `<defs><clipPath id="plot-clip"><rect x="${px(box.x)}" y="${px(box.y)}" width="${px(box.width)}" height="${px(box.height)}"/></clipPath></defs>\n`,
  );
  if (yAxis.type === 'linear' && yAxis.lo < 0 && yAxis.hi > 0) {
    parts.push(
      `<line class="zero-line" x1="${px(box.x)}" y1="${px(sy(0))}" x2="${px(box.x + box.width)}" y2="${px(sy(0))}" stroke="#bbbbbb"/>\n`,
    );
  }
  parts.push(axes(box, xAxis, yAxis, config.xLabel, config.yLabel));
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
    if (m.x < xAxis.lo || m.x > xAxis.hi) continue;
    const x = sx(m.x);
    // Label near the bottom (the legend prefers the top), on the side with more room.
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

function legend(all: readonly LineSeries[], box: PlotBox, sx: (v: number) => number, sy: (v: number) => number): string {
  const listed = all.map((s, i) => ({ s, color: s.color ?? palette[i % palette.length] })).filter(({ s }) => s.legend !== false);
  if (listed.length === 0) return '';
  const series = listed.map(({ s }) => s);
  const lineHeight = 17;
  const w = 34 + 8 + Math.max(...series.map((s) => textWidth(s.name, 12)));
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
    for (const s of all) {
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
  listed.forEach(({ s, color }, i) => {
    const ly = y0 + 4 + lineHeight * i + lineHeight / 2;
    const key =
      s.points === true
        ? `<circle cx="${px(x0 + 17)}" cy="${px(ly)}" r="3" fill="${escapeXml(color)}"/>`
        : `<line x1="${px(x0 + 6)}" y1="${px(ly)}" x2="${px(x0 + 28)}" y2="${px(ly)}" stroke="${escapeXml(color)}" stroke-width="2"` +
          `${s.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`;
    parts.push(key + `<text class="legend-entry" x="${px(x0 + 34)}" y="${px(ly + 4)}">${escapeXml(s.name)}</text>`);
  });
  parts.push('</g>\n');
  return parts.join('');
}
