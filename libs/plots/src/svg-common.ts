// Pieces shared by the SVG plots (internal to the library; the plots are its public API).
import type { Axis } from './axis';
import { fitTitle, type TitleLayout } from './fit-title';
import { textWidth } from './text-width';

/** The rectangle of the plot area inside the SVG, in SVG pixels. */
export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Distinct line colours (the matplotlib "tab10" set). */
export const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** Font stack of every text: DejaVu Sans (whose widths `textWidth` uses) is the widest of them. */
export const FONT_FAMILY = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
/** Sizes in pixels. */
export const TICK_FONT = 12;
export const LABEL_FONT = 13;
/** Side margin of the title. */
const TITLE_SIDE = 12;

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

/** Checks that every entry is a finite number; names the plot, the array and the index. */
export function assertFinite(fn: string, what: string, values: ArrayLike<number>): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: ${what} must hold finite numbers, got ${String(v)} at index ${k}`);
    }
  }
}

/** Checks the size of a plot. */
export function assertSize(fn: string, width: number, height: number, minWidth: number, minHeight: number): void {
  if (!(Number.isFinite(width) && width >= minWidth && Number.isFinite(height) && height >= minHeight)) {
    throw new Error(`${fn}: 'width' and 'height' must be at least ${minWidth} × ${minHeight} pixels, got ${width} × ${height}`);
  }
}

/** The title of a plot of this width, wrapped or shrunk to fit between the side margins. */
export function titleLayout(title: string, width: number): TitleLayout {
  return fitTitle(title, width - 2 * TITLE_SIDE);
}

/** Where the plot box starts below a title block. */
export function topMargin(title: TitleLayout): number {
  return 8 + title.height + 12;
}

/** Left margin: room for the rotated axis label and the widest y tick label. */
export function leftMargin(axis: Axis): number {
  const widest = Math.max(0, ...axis.labels.map((l) => textWidth(l, TICK_FONT)));
  return Math.ceil(Math.max(60, 8 + LABEL_FONT + 12 + widest + 8));
}

/**
 * The title block and the plot box of a plot `width` × `height` pixels: the box starts below the
 * title and right of the y axis's labels, and keeps `right` and `bottom` pixels free; errors
 * (naming the plot `fn`) when title and labels leave it smaller than 50 × 40.
 */
export function titleAndBox(
  fn: string,
  title: string,
  width: number,
  height: number,
  yAxis: Axis,
  margins: { right: number; bottom: number },
): { title: TitleLayout; box: PlotBox } {
  const layout = titleLayout(title, width);
  const left = leftMargin(yAxis);
  const top = topMargin(layout);
  const box = { x: left, y: top, width: width - left - margins.right, height: height - top - margins.bottom };
  if (box.width < 50 || box.height < 40) {
    throw new Error(`${fn}: the plot box is ${box.width} × ${box.height} pixels after title and labels: make 'width' or 'height' larger`);
  }
  return { title: layout, box };
}

/** The font size (≤ `size`, ≥ 8) at which one line of text fits `width` pixels. */
export function fittingFont(text: string, width: number, size: number): number {
  const w = textWidth(text, size);
  return w <= width ? size : Math.max(8, Math.floor((size * width) / w));
}

/** The opening of an SVG document with a white background and the title block. */
export function svgOpen(width: number, height: number, title: string, layout: TitleLayout): string {
  const lines = layout.lines
    .map((line, i) => `<tspan x="${px(width / 2)}" y="${px(8 + layout.fontSize + i * layout.lineHeight)}">${escapeXml(line)}</tspan>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(FONT_FAMILY)}" font-size="${TICK_FONT}">\n` +
    `<title>${escapeXml(title)}</title>\n` +
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `<text class="plot-title" text-anchor="middle" font-size="${layout.fontSize}">${lines}</text>\n`
  );
}

/** Frame, tick marks, tick labels and axis labels around a plot box. */
export function axes(box: PlotBox, xAxis: Axis, yAxis: Axis, xLabel: string, yLabel: string): string {
  const { x, y, width, height } = box;
  const bottom = y + height;
  const sx = (v: number) => x + xAxis.unit(v) * width;
  const sy = (v: number) => bottom - yAxis.unit(v) * height;
  const parts: string[] = ['<g class="axes" stroke="#000000" fill="none">'];
  parts.push(`<rect class="plot-box" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}"/>`);
  xAxis.ticks.forEach((v, i) => {
    const tx = px(sx(v));
    const len = xAxis.labels[i] === '' ? 3 : 5;
    parts.push(`<line class="x-tick" x1="${tx}" y1="${px(bottom)}" x2="${tx}" y2="${px(bottom + len)}"/>`);
  });
  yAxis.ticks.forEach((v, i) => {
    const ty = px(sy(v));
    const len = yAxis.labels[i] === '' ? 3 : 5;
    parts.push(`<line class="y-tick" x1="${px(x - len)}" y1="${ty}" x2="${px(x)}" y2="${ty}"/>`);
  });
  parts.push('</g>');
  parts.push('<g class="tick-labels" fill="#000000">');
  xAxis.ticks.forEach((v, i) => {
    if (xAxis.labels[i] === '') return;
    parts.push(`<text class="x-tick-label" x="${px(sx(v))}" y="${px(bottom + 18)}" text-anchor="middle">${escapeXml(xAxis.labels[i])}</text>`);
  });
  yAxis.ticks.forEach((v, i) => {
    if (yAxis.labels[i] === '') return;
    parts.push(`<text class="y-tick-label" x="${px(x - 8)}" y="${px(sy(v) + 4)}" text-anchor="end">${escapeXml(yAxis.labels[i])}</text>`);
  });
  parts.push('</g>');
  const xFont = fittingFont(xLabel, width, LABEL_FONT);
  parts.push(
    `<text class="x-label" x="${px(x + width / 2)}" y="${px(bottom + 40)}" text-anchor="middle" font-size="${xFont}">${escapeXml(xLabel)}</text>`,
  );
  const ly = y + height / 2;
  const yFont = fittingFont(yLabel, height, LABEL_FONT);
  parts.push(
    `<text class="y-label" x="18" y="${px(ly)}" text-anchor="middle" font-size="${yFont}" transform="rotate(-90 18 ${px(ly)})">${escapeXml(yLabel)}</text>`,
  );
  return parts.join('\n') + '\n';
}
