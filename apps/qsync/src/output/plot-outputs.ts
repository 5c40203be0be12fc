import { renderPng } from '@qsync/plots';

/**
 * The files of a set of plots: `<stem>.svg` when `svg` is asked, and `<stem>.png` (rendered by
 * `renderPng` of @qsync/plots, twice the SVG's pixel size) when `png` is. Runs and figures write
 * their plots through it.
 *
 * @param plots - SVG documents by file stem
 * @param formats - which of the two to write
 * @returns file name → content
 * @example
 * const svg = svgLinePlot({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] });
 * Object.keys(plotOutputs({ 'relative-phase': svg }, { svg: true, png: true })); // → ['relative-phase.svg', 'relative-phase.png']
 */
export function plotOutputs(
  plots: Readonly<Record<string, string>>,
  formats: { readonly svg: boolean; readonly png: boolean },
): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (const [stem, svg] of Object.entries(plots)) {
    if (formats.svg) files[`${stem}.svg`] = svg;
    if (formats.png) files[`${stem}.png`] = renderPng(svg);
  }
  return files;
}
