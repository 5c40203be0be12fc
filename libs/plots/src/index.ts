// @qsync/plots — SVG line plots and heatmaps (ticks and scales from d3-scale), PNG beside SVG.
export { svgLinePlot, linePlotBox } from './svg-line-plot';
export type { LinePlotConfig, LineSeries, VerticalMarker } from './svg-line-plot';
export { svgHeatmap, heatmapPlotBox } from './svg-heatmap';
export type { HeatmapConfig } from './svg-heatmap';
export { niceTicks } from './nice-ticks';
export type { Ticks } from './nice-ticks';
