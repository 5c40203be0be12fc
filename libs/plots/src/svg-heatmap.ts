import { scaleLinear } from 'd3-scale';
import { createAxis } from './axis';
import type { HeatmapConfig } from './heatmap-config';
import { heatmapLayout } from './heatmap-layout';
import { axes, escapeXml, px, svgOpen, type PlotBox } from './svg-common';

/** Stops of the viridis colour map, low to high, evenly spaced on [0, 1]. */
const VIRIDIS = ['#440154', '#482878', '#3e4a89', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];

/**
 * An SVG heatmap: one `<rect>` per grid point, coloured with the viridis map (a d3-scale colour
 * scale through its stops) from the smallest to the largest value, axes with ticks and labels
 * from d3-scale, a title wrapped or shrunk to fit, and a colour bar. Cell (ix, iy) spans from
 * the midpoints to its neighbours (half a step beyond the ends), so grid points sit at cell
 * centres. Non-finite values are refused.
 *
 * @param config - grid, values, labels and optional size
 * @returns the SVG document as a string
 * @example
 * svgHeatmap({ title: 'Q', xLabel: 'x', yLabel: 'p', valueLabel: 'Q', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] })
 *   .includes('class="cell"'); // → true
 */
export function svgHeatmap(config: HeatmapConfig): string {
  const { width, height, title, xEdges, yEdges, xAxis, yAxis, box } = heatmapLayout(config);
  const nx = config.x.length;
  const ny = config.y.length;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let k = 0; k < config.values.length; k++) {
    vMin = Math.min(vMin, config.values[k]);
    vMax = Math.max(vMax, config.values[k]);
  }
  const viridis = viridisScale();
  const span = vMax > vMin ? vMax - vMin : 1;
  const sx = (v: number) => box.x + xAxis.unit(v) * box.width;
  const sy = (v: number) => box.y + box.height - yAxis.unit(v) * box.height;

  const parts: string[] = [svgOpen(width, height, config.title, title)];
  // Edges in rounded pixels, shared by neighbouring cells; each cell but the last in a row or
  // column overlaps its neighbour by half a pixel, so anti-aliasing shows no seams.
  const xs = Array.from(xEdges, (v) => Number(px(sx(v))));
  const ys = Array.from(yEdges, (v) => Number(px(sy(v))));
  parts.push('<g class="cells" shape-rendering="crispEdges">\n');
  for (let iy = 0; iy < ny; iy++) {
    const top = ys[iy + 1];
    const h = ys[iy] - top + (iy > 0 ? 0.5 : 0);
    for (let ix = 0; ix < nx; ix++) {
      const w = xs[ix + 1] - xs[ix] + (ix < nx - 1 ? 0.5 : 0);
      const v = config.values[iy * nx + ix];
      parts.push(
        `<rect class="cell" x="${px(xs[ix])}" y="${px(top)}" width="${px(w)}" height="${px(h)}" fill="${viridis((v - vMin) / span)}"/>\n`,
      );
    }
  }
  parts.push('</g>\n');
  parts.push(axes(box, xAxis, yAxis, config.xLabel, config.yLabel));
  parts.push(colorBar(box, vMin, vMax, config.valueLabel, viridis));
  parts.push('</svg>\n');
  return parts.join('');
}

/** u ∈ [0, 1] → viridis colour as rgb(r, g, b), clamped outside. */
function viridisScale(): (u: number) => string {
  const stops = VIRIDIS.map((_, k) => k / (VIRIDIS.length - 1));
  return scaleLinear<string>().domain(stops).range(VIRIDIS).clamp(true);
}

function colorBar(box: PlotBox, vMin: number, vMax: number, label: string, viridis: (u: number) => string): string {
  const x = box.x + box.width + 22;
  const w = 16;
  const steps = 64;
  const h = box.height / steps;
  // a constant field gets a bar over its value ± a little, every cell at the bottom colour
  const axis = createAxis('svgHeatmap', 'value', 'linear', vMin, vMax, 5, false);
  const parts = ['<g class="color-bar">'];
  for (let k = 0; k < steps; k++) {
    const y = box.y + box.height - (k + 1) * h;
    parts.push(`<rect x="${px(x)}" y="${px(y)}" width="${w}" height="${px(h + 0.5)}" fill="${viridis((k + 0.5) / steps)}"/>`);
  }
  parts.push(`<rect x="${px(x)}" y="${px(box.y)}" width="${w}" height="${px(box.height)}" fill="none" stroke="#000000"/>`);
  axis.ticks.forEach((v, i) => {
    const y = box.y + box.height - axis.unit(v) * box.height;
    parts.push(
      `<line x1="${px(x + w)}" y1="${px(y)}" x2="${px(x + w + 4)}" y2="${px(y)}" stroke="#000000"/>` +
        `<text x="${px(x + w + 7)}" y="${px(y + 4)}">${escapeXml(axis.labels[i])}</text>`,
    );
  });
  const ly = box.y + box.height / 2;
  const lx = x + w + 70;
  parts.push(
    `<text class="value-label" x="${px(lx)}" y="${px(ly)}" text-anchor="middle" transform="rotate(-90 ${px(lx)} ${px(ly)})">${escapeXml(label)}</text>`,
  );
  parts.push('</g>\n');
  return parts.join('');
}
