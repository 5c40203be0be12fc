import type { HeatmapConfig } from './heatmap-config';
import { heatmapLayout } from './heatmap-layout';
import type { PlotBox } from './svg-common';

/**
 * The plot box of a heatmap (where the cells are drawn), in SVG pixels: below the title
 * block, right of the widest y tick label, left of the colour bar.
 *
 * @param config - the heatmap, as given to `svgHeatmap`
 * @returns the box `{ x, y, width, height }`
 * @example
 * heatmapPlotBox({ title: 'Q', xLabel: 'x', yLabel: 'p', valueLabel: 'Q', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] });
 * // → { x: 71, y: 39, width: 459, height: 465 }
 */
export function heatmapPlotBox(config: HeatmapConfig): PlotBox {
  return heatmapLayout(config).box;
}
