import type { LinePlotConfig } from './line-plot-config';
import { linePlotLayout } from './line-plot-layout';
import type { PlotBox } from './svg-common';

/**
 * The plot box of a line plot (where data is drawn), in SVG pixels: below the title block
 * (one line or more, see `fitTitle`), right of the widest y tick label.
 *
 * @param config - the plot, as given to `svgLinePlot`
 * @returns the box `{ x, y, width, height }`
 * @example
 * linePlotBox({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] });
 * // → { x: 61, y: 39, width: 635, height: 345 }
 */
export function linePlotBox(config: LinePlotConfig): PlotBox {
  return linePlotLayout(config).box;
}
