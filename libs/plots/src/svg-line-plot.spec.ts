import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import type { LinePlotConfig } from './line-plot-config';
import { linePlotBox } from './line-plot-box';
import { svgLinePlot } from './svg-line-plot';
import { svgElements, type XmlElement } from './svg-elements';

const base: LinePlotConfig = {
  title: 'Q(φ_AB) <steady state> & more',
  xLabel: 'φ_AB (rad)',
  yLabel: 'Q (1/rad)',
  series: [
    { name: 'Q', x: [0, 5, 10], y: [-1, 0, 1] },
    { name: 'ref "flat"', x: [0, 10], y: [0.5, 0.5], dashed: true },
  ],
};

/** The (x, y) points of a path "M x y L x y …". */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const withClass = (els: XmlElement[], c: string): XmlElement[] => els.filter((e) => e.attributes.class === c);

describe('svgLinePlot', () => {
  it('is well-formed XML with an svg root, title, frame, ticks, labels, one path per series and a legend', () => {
    const svg = svgLinePlot(base);
    const els = svgElements(svg);
    expect(els[0].name).toBe('svg');
    expect(els[0].attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg).toContain('<title>Q(φ_AB) &lt;steady state&gt; &amp; more</title>');
    expect(withClass(els, 'plot-box')).toHaveLength(1);
    expect(withClass(els, 'series').map((e) => e.attributes['data-name'])).toEqual(['Q', 'ref "flat"']);
    expect(els.filter((e) => e.name === 'path')).toHaveLength(2);
    expect(withClass(els, 'legend-entry')).toHaveLength(2);
    expect(withClass(els, 'x-label')[0].text).toBe('φ_AB (rad)');
    expect(withClass(els, 'y-label')[0].text).toBe('Q (1/rad)');
    // d3-scale's ticks: steps of 1, 2 or 5 × 10^k; labels with the decimals the step needs
    expect(withClass(els, 'x-tick-label').map((e) => e.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(withClass(els, 'x-tick')).toHaveLength(11);
    expect(withClass(els, 'y-tick-label').map((e) => e.text)).toEqual(['−1.0', '−0.5', '0', '0.5', '1.0']);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('puts the legend in the corner that covers the fewest data points, upper right on a tie', () => {
    const legendAt = (x: number[], y: number[]) => {
      const config: LinePlotConfig = { title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'data', x, y, points: true }], xDomain: [0, 1], yDomain: [0, 1] };
      const m = /<g class="legend"><rect x="([\d.]+)" y="([\d.]+)"/.exec(svgLinePlot(config));
      const box = linePlotBox(config);
      return [Number(m?.[1]) < box.x + box.width / 2 ? 'left' : 'right', Number(m?.[2]) < box.y + box.height / 2 ? 'upper' : 'lower'].join(' ');
    };
    // a dense cloud in one corner region pushes the legend away from it
    const grid = (x0: number, y0: number) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < 20; i++) {
        for (let j = 0; j < 20; j++) {
          x.push(x0 + 0.01 * i);
          y.push(y0 + 0.01 * j);
        }
      }
      return [x, y] as const;
    };
    expect(legendAt(...grid(0.8, 0.8))).toBe('left upper');
    expect(legendAt([0.5], [0.5])).toBe('right upper');
    const [ax, ay] = grid(0.8, 0.8);
    const [bx, by] = grid(0.01, 0.8);
    expect(legendAt([...ax, ...bx], [...ay, ...by])).toBe('right lower');
    // a points series is keyed by a dot
    const svg = svgLinePlot({ ...base, series: [{ name: 'dots', x: [0, 1], y: [0, 1], points: true }] });
    expect(svg).toMatch(/<g class="legend">.*<circle /);
  });

  it('maps data into the plot box: corners of the axis ranges to corners of the box', () => {
    // Coordinates are written with 2 decimals, so they agree to 0.005 px.
    const config: LinePlotConfig = { ...base, xDomain: [0, 10], yDomain: [-1, 1], width: 800, height: 500 };
    const svg = svgLinePlot(config);
    const box = linePlotBox(config);
    const d = /<g class="series" data-name="Q"[^>]*><path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expectClose(points(d).flat(), [box.x, box.y + box.height, box.x + box.width / 2, box.y + box.height / 2, box.x + box.width, box.y], {
      atol: 0.005,
    });
    const rect = withClass(svgElements(svg), 'plot-box')[0].attributes;
    expectClose([rect.x, rect.y, rect.width, rect.height].map(Number), [box.x, box.y, box.width, box.height], { atol: 0.005 });
    // the box lies inside the image, below the title and right of the y tick labels
    expect(box.x + box.width).toBeLessThanOrEqual(800);
    expect(box.y + box.height).toBeLessThanOrEqual(500 - 40);
  });

  it('keeps every point of automatically ranged data inside the plot box', () => {
    const x = Array.from({ length: 50 }, (_, k) => 0.3 + k * 0.07);
    const y = x.map((v) => 3 * Math.sin(4 * v) + 0.2);
    const config: LinePlotConfig = { ...base, series: [{ name: 's', x, y }] };
    const svg = svgLinePlot(config);
    const box = linePlotBox(config);
    const pts = points(/<path d="([^"]*)"/.exec(svg)?.[1] ?? '');
    expect(pts).toHaveLength(50);
    for (const [px, py] of pts) {
      expect(px).toBeGreaterThanOrEqual(box.x - 0.005);
      expect(px).toBeLessThanOrEqual(box.x + box.width + 0.005);
      expect(py).toBeGreaterThanOrEqual(box.y - 0.005);
      expect(py).toBeLessThanOrEqual(box.y + box.height + 0.005);
    }
    // x spans the data range exactly: first and last points on the left and right edges.
    expectClose([pts[0][0], pts[49][0]], [box.x, box.x + box.width], { atol: 0.005 });
  });

  it('draws log axes: decades equally spaced, labelled by d3-scale', () => {
    // y = x² on x from 1 to 100: on log-log axes a straight line of slope 2
    const x = [1, 10, 100];
    const config: LinePlotConfig = { title: 'S(ν)', xLabel: 'ν', yLabel: 'S', series: [{ name: 'x²', x, y: x.map((v) => v * v) }], xScale: 'log', yScale: 'log' };
    const svg = svgLinePlot(config);
    const box = linePlotBox(config);
    const pts = points(/<path d="([^"]*)"/.exec(svg)?.[1] ?? '');
    expectClose(pts.map((p) => p[0]), [box.x, box.x + box.width / 2, box.x + box.width], { atol: 0.005 });
    expectClose(pts.map((p) => p[1]), [box.y + box.height, box.y + box.height / 2, box.y], { atol: 0.005 });
    const els = svgElements(svg);
    // d3 labels 1–4 of each decade when there are few decades
    expect(withClass(els, 'x-tick-label').map((e) => e.text)).toEqual(['1', '2', '3', '4', '10', '20', '30', '40', '100']);
    expect(withClass(els, 'x-tick').length).toBe(19); // 1 … 9, 10 … 90, 100
    expect(() => svgLinePlot({ ...config, series: [{ name: 'bad', x: [0, 1], y: [1, 1] }] })).toThrow(
      "svgLinePlot: series[0] 'bad' x must be > 0 on a log axis, got 0 at index 0",
    );
    expect(() => svgLinePlot({ ...config, xScale: 'ln' as never })).toThrow(`svgLinePlot: 'xScale' must be 'linear' or 'log', got "ln"`);
  });

  it('leaves series marked legend: false out of the legend, and draws no legend when none is listed', () => {
    const band: LinePlotConfig = {
      ...base,
      series: [
        { name: 'mean', x: [0, 1], y: [0, 0] },
        { name: 'mean ± sd', x: [0, 1], y: [1, 1], dashed: true },
        { name: 'lower edge', x: [0, 1], y: [-1, -1], dashed: true, legend: false },
      ],
    };
    const els = svgElements(svgLinePlot(band));
    expect(withClass(els, 'legend-entry').map((e) => e.text)).toEqual(['mean', 'mean ± sd']);
    expect(withClass(els, 'series')).toHaveLength(3);
    const none = svgElements(svgLinePlot({ ...base, series: [{ name: 'x', x: [0, 1], y: [0, 1], legend: false }] }));
    expect(withClass(none, 'legend')).toHaveLength(0);
  });

  it('draws a labelled vertical marker and a zero line when the range crosses zero', () => {
    const svg = svgLinePlot({ ...base, markers: [{ x: 5, label: 'max 1 at 5' }] });
    expect(withClass(svgElements(svg), 'marker')).toHaveLength(1);
    expect(svg).toContain('>max 1 at 5</text>');
    expect(svg).toContain('class="zero-line"');
  });

  it('draws a single point and constant data', () => {
    const svg = svgLinePlot({ ...base, series: [{ name: 'one', x: [2], y: [3] }] });
    expect(() => svgElements(svg)).not.toThrow();
    expect(svg).toContain('h0.01');
    expect(svg).not.toContain('NaN');
  });

  it('refuses NaN and infinite data, naming the series and index', () => {
    expect(() => svgLinePlot({ ...base, series: [{ name: 'Q', x: [0, 1, 2], y: [0, NaN, 1] }] })).toThrow(
      "svgLinePlot: series[0] 'Q' y must hold finite numbers, got NaN at index 1",
    );
    expect(() => svgLinePlot({ ...base, series: [{ name: 'Q', x: [0, Infinity], y: [0, 1] }] })).toThrow(
      "series[0] 'Q' x must hold finite numbers, got Infinity at index 1",
    );
    expect(() => svgLinePlot({ ...base, markers: [{ x: NaN, label: 'm' }] })).toThrow("marker 'm' x must hold finite numbers");
  });

  it('refuses bad shapes, ranges and sizes', () => {
    expect(() => svgLinePlot({ ...base, series: [] })).toThrow("svgLinePlot: 'series' must hold at least one series");
    expect(() => svgLinePlot({ ...base, series: [{ name: 'a', x: [0, 1], y: [0] }] })).toThrow(
      "series[0] 'a' must have x and y of equal non-zero length, got 2 and 1",
    );
    expect(() => svgLinePlot({ ...base, series: [{ name: 'a', x: [], y: [] }] })).toThrow('equal non-zero length');
    expect(() => svgLinePlot({ ...base, xDomain: [1, 1] })).toThrow("svgLinePlot: 'xDomain' must be [lo, hi] with finite lo < hi, got [1, 1]");
    expect(() => svgLinePlot({ ...base, yDomain: [0, NaN] })).toThrow("'yDomain' must be [lo, hi]");
    expect(() => svgLinePlot({ ...base, width: 50 })).toThrow("svgLinePlot: 'width' and 'height' must be at least 200 × 150 pixels, got 50 × 440");
  });

  it('draws a points series as one dot per point at the mapped positions, no path', () => {
    const config: LinePlotConfig = { title: 't', xLabel: 'x', yLabel: 'y', xDomain: [0, 1], yDomain: [0, 1], series: [{ name: 'dots', x: [0, 1], y: [0, 1], points: true }] };
    const svg = svgLinePlot(config);
    const box = linePlotBox(config);
    const series = svg.slice(0, svg.indexOf('<g class="legend">')); // the legend keys the series with a dot too
    const circles = [...series.matchAll(/<circle cx="([^"]*)" cy="([^"]*)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expectClose(circles.flat(), [box.x, box.y + box.height, box.x + box.width, box.y], { atol: 0.005 }); // px() rounds to 1/100 pixel
    expect(svg).not.toMatch(/<path d="M/);
  });

  it('runs its doc examples', () => {
    expect(svgLinePlot({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] }).startsWith('<?xml')).toBe(true);
    expect(linePlotBox({ title: 'Q(φ)', xLabel: 'φ', yLabel: 'Q', series: [{ name: 'Q', x: [0, 1], y: [0, 1] }] })).toEqual({ x: 61, y: 39, width: 635, height: 345 });
  });
});
