// Pieces shared by the SVG plots (internal to the app; the plots are the public API).
import type { Ticks } from './nice-ticks';

/** The rectangle of the plot area inside the SVG, in SVG pixels. */
export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Distinct line colours (the matplotlib "tab10" set). */
export const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate with two decimals (a hundredth of a pixel), without trailing zeros. */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A tick label: as many decimals as the step needs, exponent form for very large or small values. */
export function tickLabel(v: number, step: number): string {
  if (v === 0) return '0';
  const mag = Math.max(Math.abs(v), step);
  if (mag >= 1e5 || step < 1e-4) return v.toExponential(Math.max(0, Math.round(Math.log10(mag / step))));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(decimals).replace('-', '−');
}

/** Checks that every entry is a finite number; names the plot, the array and the index. */
export function assertFinite(fn: string, what: string, values: ArrayLike<number>): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: ${what} must hold finite numbers, got ${String(v)} at index ${k}`);
    }
  }
}

/** The opening of an SVG document with a white background and a title. */
export function svgOpen(width: number, height: number, title: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="Helvetica, Arial, sans-serif" font-size="12">\n` +
    `<title>${escapeXml(title)}</title>\n` +
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `<text class="plot-title" x="${px(width / 2)}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>\n`
  );
}

/** Frame, tick marks, tick labels and axis labels around a plot box. */
export function axes(
  box: PlotBox,
  xTicks: Ticks,
  yTicks: Ticks,
  xLabel: string,
  yLabel: string,
): string {
  const { x, y, width, height } = box;
  const bottom = y + height;
  const sx = (v: number) => x + ((v - xTicks.lo) / (xTicks.hi - xTicks.lo)) * width;
  const sy = (v: number) => bottom - ((v - yTicks.lo) / (yTicks.hi - yTicks.lo)) * height;
  const parts: string[] = ['<g class="axes" stroke="#000000" fill="none">'];
  parts.push(`<rect class="plot-box" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}"/>`);
  for (const v of xTicks.values) {
    const tx = px(sx(v));
    parts.push(`<line class="x-tick" x1="${tx}" y1="${px(bottom)}" x2="${tx}" y2="${px(bottom + 5)}"/>`);
  }
  for (const v of yTicks.values) {
    const ty = px(sy(v));
    parts.push(`<line class="y-tick" x1="${px(x - 5)}" y1="${ty}" x2="${px(x)}" y2="${ty}"/>`);
  }
  parts.push('</g>');
  parts.push('<g class="tick-labels" fill="#000000">');
  for (const v of xTicks.values) {
    parts.push(
      `<text class="x-tick-label" x="${px(sx(v))}" y="${px(bottom + 18)}" text-anchor="middle">${escapeXml(tickLabel(v, xTicks.step))}</text>`,
    );
  }
  for (const v of yTicks.values) {
    parts.push(
      `<text class="y-tick-label" x="${px(x - 8)}" y="${px(sy(v) + 4)}" text-anchor="end">${escapeXml(tickLabel(v, yTicks.step))}</text>`,
    );
  }
  parts.push('</g>');
  parts.push(
    `<text class="x-label" x="${px(x + width / 2)}" y="${px(bottom + 40)}" text-anchor="middle" font-size="13">${escapeXml(xLabel)}</text>`,
  );
  const ly = y + height / 2;
  parts.push(
    `<text class="y-label" x="18" y="${px(ly)}" text-anchor="middle" font-size="13" transform="rotate(-90 18 ${px(ly)})">${escapeXml(yLabel)}</text>`,
  );
  return parts.join('\n') + '\n';
}
