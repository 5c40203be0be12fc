import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import type { HeatmapConfig } from './heatmap-config';
import { heatmapPlotBox } from './heatmap-plot-box';
import { svgHeatmap } from './svg-heatmap';
import { svgElements } from './svg-elements';

// 3 columns × 2 rows; the largest value at (x = 2, y = 1), the smallest at (x = 0, y = 0).
const base: HeatmapConfig = {
  title: 'Husimi Q',
  xLabel: 'x = Re α',
  yLabel: 'p = Im α',
  valueLabel: 'Q(α)',
  x: [0, 1, 2],
  y: [0, 1],
  values: [0, 1, 2, 3, 4, 5],
};

function cells(svg: string): { x: number; y: number; w: number; h: number; fill: string }[] {
  return svgElements(svg)
    .filter((e) => e.attributes.class === 'cell')
    .map((e) => ({ x: Number(e.attributes.x), y: Number(e.attributes.y), w: Number(e.attributes.width), h: Number(e.attributes.height), fill: e.attributes.fill }));
}

describe('svgHeatmap', () => {
  it('is well-formed XML with one cell per grid point, axes and a colour bar', () => {
    const svg = svgHeatmap(base);
    const els = svgElements(svg);
    expect(els[0].name).toBe('svg');
    expect(cells(svg)).toHaveLength(6);
    expect(els.filter((e) => e.attributes.class === 'plot-box')).toHaveLength(1);
    expect(els.filter((e) => e.attributes.class === 'color-bar')).toHaveLength(1);
    expect(els.find((e) => e.attributes.class === 'value-label')?.text).toBe('Q(α)');
  });

  it('fills the plot box, row 0 at the bottom, colours from dark (min) to yellow (max)', () => {
    const config = { ...base, width: 700, height: 500 };
    const c = cells(svgHeatmap(config));
    const box = heatmapPlotBox(config);
    // Cell edges are rounded to 0.01 px; inner cells overlap their neighbour by 0.5 px.
    expectClose([c[0].x, c[0].y + c[0].h], [box.x, box.y + box.height], { atol: 0.01 });
    expectClose([c[5].x + c[5].w, c[5].y], [box.x + box.width, box.y], { atol: 0.01 });
    expectClose(c[2].w, box.width / 3, { atol: 0.01 });
    expect(c[0].y).toBeGreaterThan(c[3].y); // row 0 (y = 0) lies below row 1
    expect(c[0].fill).toBe('rgb(68, 1, 84)'); // viridis at 0, #440154
    expect(c[5].fill).toBe('rgb(253, 231, 37)'); // viridis at 1, #fde725
    // value 2 of 0 … 5 is u = 0.4, between the stops 3/9 (#31688e) and 4/9 (#26828e), 60 % of the way
    const mid = (a: number, b: number) => Math.round(a + 0.6 * (b - a));
    expect(c[2].fill).toBe(`rgb(${mid(0x31, 0x26)}, ${mid(0x68, 0x82)}, ${mid(0x8e, 0x8e)})`);
  });

  it('refuses non-finite values and bad grids', () => {
    expect(() => svgHeatmap({ ...base, values: [0, 1, NaN, 3, 4, 5] })).toThrow("svgHeatmap: 'values' must hold finite numbers, got NaN at index 2");
    expect(() => svgHeatmap({ ...base, values: [0, 1] })).toThrow("svgHeatmap: 'values' must have x.length · y.length = 6 entries, got 2");
    expect(() => svgHeatmap({ ...base, x: [0, 2, 1] })).toThrow("svgHeatmap: 'x' must be strictly increasing, got 2 then 1 at index 2");
    expect(() => svgHeatmap({ ...base, y: [0], values: [1, 2, 3] })).toThrow("svgHeatmap: 'y' must hold at least 2 grid values, got 1");
    expect(() => svgHeatmap({ ...base, x: [0, Infinity, 3] })).toThrow("'x' must hold finite numbers");
    expect(() => svgHeatmap({ ...base, height: 10 })).toThrow("svgHeatmap: 'width' and 'height' must be at least 250 × 150 pixels");
  });

  it('draws a constant field without dividing by zero', () => {
    const svg = svgHeatmap({ ...base, values: [2, 2, 2, 2, 2, 2] });
    expect(() => svgElements(svg)).not.toThrow();
    expect(svg).not.toContain('NaN');
  });

  it('runs its doc examples', () => {
    const config: HeatmapConfig = { title: 'Q', xLabel: 'x', yLabel: 'p', valueLabel: 'Q', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] };
    expect(svgHeatmap(config).includes('class="cell"')).toBe(true);
    expect(heatmapPlotBox(config)).toEqual({ x: 71, y: 39, width: 459, height: 465 });
  });
});
