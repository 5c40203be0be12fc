import type { FigureData, FigurePanel } from '@qsync/figures';
import { svgHeatmap } from '@qsync/plots';
import { svgLinePlot } from '@qsync/plots';
import { toJson } from '../run/write-results';

/**
 * The files of a finished figure, by name: `figure-<id>.json` (parameters, checks and every
 * panel's data), and per panel `figure-<id><panel>.csv` and `figure-<id><panel>.svg`. Line
 * panels are written in long form (series,x,y: the series of a panel may have different x);
 * heatmaps as x,y,value rows.
 *
 * @param data - the figure's data, as its recipe emitted it
 * @example
 * Object.keys(figureFiles(data)); // ['figure-2.6.json', 'figure-2.6a.csv', 'figure-2.6a.svg', …]
 */
export function figureFiles(data: FigureData): Record<string, string> {
  const files: Record<string, string> = { [`figure-${data.id}.json`]: toJson(plain(data)) };
  for (const panel of data.panels) {
    const stem = `figure-${data.id}${panel.name}`;
    files[`${stem}.csv`] = panelCsv(panel);
    files[`${stem}.svg`] = panelSvg(data, panel);
  }
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
  const rows: string[] = [];
  if (panel.kind === 'heatmap') {
    rows.push(`x,y,${csvField(panel.valueLabel)}`);
    for (let iy = 0; iy < panel.y.length; iy++) {
      for (let ix = 0; ix < panel.x.length; ix++) rows.push(`${panel.x[ix]},${panel.y[iy]},${panel.values[iy * panel.x.length + ix]}`);
    }
  } else {
    rows.push(`series,${csvField(panel.xLabel)},${csvField(panel.yLabel)}`);
    for (const s of panel.series) {
      const name = csvField(s.name);
      for (let k = 0; k < s.x.length; k++) rows.push(`${name},${s.x[k]},${s.y[k]}`);
    }
  }
  return rows.join('\n') + '\n';
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The figure with typed arrays turned into plain arrays, for JSON. */
function plain(data: FigureData): unknown {
  return JSON.parse(JSON.stringify(data, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v)));
}
