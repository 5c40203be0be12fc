import type { FigureData, FigurePanel } from '@qsync/figures';
import { svgHeatmap, svgLinePlot } from '@qsync/plots';
import { csvTable, type CsvField } from '../output/csv-table';
import { plotOutputs } from '../output/plot-outputs';
import { toJson } from '../output/to-json';

/** Options of {@link figureFiles}. */
export interface FigureFilesOptions {
  /** Write each panel's plot as PNG too (default false: SVG only). */
  readonly png?: boolean;
}

/**
 * The files of a finished figure, by name: `figure-<id>.json` (parameters, checks and every
 * panel's data), per panel `figure-<id><panel>.csv` and `figure-<id><panel>.svg` (and `.png` with
 * `png`), and `figure-<id>-checks.csv` (name, equation, value, expected, standardError: empty for a
 * deterministic check). Line panels are written in long form (series,x,y: the series of a panel
 * may have different x); heatmaps as x,y,value rows; all through the one CSV writer.
 *
 * @param data - the figure's data, as its recipe emitted it
 * @param options - `png`: PNG images beside the SVG ones
 * @example
 * // data: Fig. 2.6's FigureData, as figureCatalog['2.6'].run(…) ends with it
 * Object.keys(figureFiles(data)); // ['figure-2.6.json', 'figure-2.6a.csv', 'figure-2.6a.svg', …]
 */
export function figureFiles(data: FigureData, options: FigureFilesOptions = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { [`figure-${data.id}.json`]: toJson(data) };
  for (const panel of data.panels) {
    const stem = `figure-${data.id}${panel.name}`;
    files[`${stem}.csv`] = panelCsv(panel);
    Object.assign(files, plotOutputs({ [stem]: panelSvg(data, panel) }, { svg: true, png: options.png === true }));
  }
  files[`figure-${data.id}-checks.csv`] = csvTable(
    ['name', 'equation', 'value', 'expected', 'standardError'],
    data.checks.map((c) => [c.name, c.equation, c.value, c.expected, c.standardError ?? '']),
  );
  return files;
}

function panelSvg(data: FigureData, panel: FigurePanel): string {
  const title = `Fig. ${data.id}${panel.name} — ${panel.title}`;
  if (panel.kind === 'heatmap') {
    return svgHeatmap({ title, xLabel: panel.xLabel, yLabel: panel.yLabel, valueLabel: panel.valueLabel, x: panel.x, y: panel.y, values: panel.values });
  }
  return svgLinePlot({
    title,
    xLabel: panel.xLabel,
    yLabel: panel.yLabel,
    series: panel.series.map((s) => ({
      name: s.name,
      x: s.x,
      y: s.y,
      dashed: s.dashed ?? false,
      points: s.points ?? false,
      ...(s.color !== undefined ? { color: s.color } : {}),
    })),
    ...(panel.xDomain !== undefined ? { xDomain: panel.xDomain } : {}),
    ...(panel.yDomain !== undefined ? { yDomain: panel.yDomain } : {}),
  });
}

function panelCsv(panel: FigurePanel): string {
  if (panel.kind === 'heatmap') {
    const rows: CsvField[][] = [];
    for (let iy = 0; iy < panel.y.length; iy++) {
      for (let ix = 0; ix < panel.x.length; ix++) rows.push([panel.x[ix], panel.y[iy], panel.values[iy * panel.x.length + ix]]);
    }
    return csvTable(['x', 'y', panel.valueLabel], rows);
  }
  const rows: CsvField[][] = [];
  for (const s of panel.series) for (let k = 0; k < s.x.length; k++) rows.push([s.name, s.x[k], s.y[k]]);
  return csvTable(['series', panel.xLabel, panel.yLabel], rows);
}
