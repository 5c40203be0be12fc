// @qsync/plots — SVG line plots and heatmaps (ticks and scales from d3-scale, titles that fit),
// and PNG from SVG (resvg). No physics: every app and tool can draw with it.
export { svgLinePlot } from './svg-line-plot';
export { linePlotBox } from './line-plot-box';
export type { LinePlotConfig, LineSeries, VerticalMarker } from './line-plot-config';
export { svgHeatmap } from './svg-heatmap';
export { heatmapPlotBox } from './heatmap-plot-box';
export type { HeatmapConfig } from './heatmap-config';
export type { PlotBox } from './svg-common';
export type { AxisType } from './axis';
export { renderPng } from './render-png';
export type { RenderPngOptions } from './render-png';
export { fitTitle } from './fit-title';
export type { FitTitleOptions, TitleLayout } from './fit-title';
export { textWidth } from './text-width';
export { svgElements } from './svg-elements';
export type { XmlElement } from './svg-elements';
