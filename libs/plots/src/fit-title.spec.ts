import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTitle } from './fit-title';
import { heatmapPlotBox } from './heatmap-plot-box';
import { svgHeatmap } from './svg-heatmap';
import { svgLinePlot } from './svg-line-plot';
import { renderedTextBox } from './test-support/rendered-text-box';
import { svgElements } from './svg-elements';
import { textWidth } from './text-width';

// Fig. 2.4a's title, which ran off both edges of its 640-pixel heatmap at 15 px on one line.
const fig24a = 'Fig. 2.4a — (a) maximum of P(φ_AB); noise-free Arnold tongue |δ| < V, boundary |δ| = V';
const heatmap = { xLabel: 'δ', yLabel: 'V', valueLabel: 'max P', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] };
const fonts = renderedTextBox('<text x="10" y="50">x</text>', 200, 100) !== undefined;

/** The rendered extents of a plot's title block alone, in SVG pixels. */
function titleBox(svg: string, width: number) {
  const title = /<text class="plot-title"[\s\S]*?<\/text>/.exec(svg)?.[0] ?? '';
  return renderedTextBox(title, width, 200);
}

describe('fitTitle', () => {
  it('keeps a short title on one line at the preferred size', () => {
    expect(fitTitle('Q(φ_AB), steady state', 600)).toEqual({ lines: ['Q(φ_AB), steady state'], fontSize: 15, lineHeight: 19, height: 19 });
  });

  it("wraps Fig. 2.4a's title onto two lines that each fit the heatmap's width", () => {
    const width = 640 - 24; // the title's room in a 640-pixel heatmap
    expect(textWidth(fig24a, 15)).toBeGreaterThan(width); // one line would not fit
    const t = fitTitle(fig24a, width);
    expect(t.lines).toHaveLength(2);
    expect(t.fontSize).toBe(15);
    expect(t.lines.join(' ')).toBe(fig24a);
    for (const line of t.lines) expect(textWidth(line, t.fontSize)).toBeLessThanOrEqual(width);
  });

  it('shrinks the font before it takes a third line, and wraps on at the smallest size', () => {
    const long = `${fig24a} ${fig24a}`;
    const t = fitTitle(long, 500);
    expect(t.fontSize).toBeLessThan(15);
    expect(t.fontSize).toBeGreaterThanOrEqual(11);
    const tiny = fitTitle(`${long} ${long}`, 200);
    expect(tiny.fontSize).toBe(11);
    expect(tiny.lines.length).toBeGreaterThan(2);
    for (const line of tiny.lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(200);
  });

  it('breaks a word longer than a line between characters', () => {
    const t = fitTitle('x'.repeat(200), 100);
    expect(t.lines.join('')).toBe('x'.repeat(200));
    for (const line of t.lines) expect(textWidth(line, t.fontSize)).toBeLessThanOrEqual(100);
  });

  it('for any title and width: every line fits, the words stay in order, the size stays in range', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aWmi.,|()φδσ—−≤ABC0123⟨⟩²'.split('')), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 60, max: 1200 }), (words, width) => {
        const t = fitTitle(words.join(' '), width);
        for (const line of t.lines) expect(textWidth(line, t.fontSize)).toBeLessThanOrEqual(width);
        expect(t.lines.join('').replace(/ /g, '')).toBe(words.join('')); // spaces only between words
        expect(t.fontSize).toBeGreaterThanOrEqual(11);
        expect(t.fontSize).toBeLessThanOrEqual(15);
        if (t.lines.length > 2) expect(t.fontSize).toBe(11);
        expect(t.height).toBe(t.lines.length * t.lineHeight);
      }),
    );
  });

  it('refuses a bad width, font sizes and line count', () => {
    expect(() => fitTitle('t', 10)).toThrow("fitTitle: 'maxWidth' must be a number ≥ 50 pixels, got 10");
    expect(() => fitTitle('t', 100, { fontSize: 10, minFontSize: 12 })).toThrow('fitTitle: font sizes must satisfy 0 < minFontSize ≤ fontSize, got 12 and 10');
    expect(() => fitTitle('t', 100, { maxLines: 0 })).toThrow("fitTitle: 'maxLines' must be an integer ≥ 1, got 0");
  });

  it('runs its doc example', () => {
    expect(fitTitle(fig24a, 600).lines.length).toBe(2);
  });
});

describe('plot titles inside the image', () => {
  it('sets the lines as tspans below each other, and moves the plot box down by the extra line', () => {
    const svg = svgHeatmap({ ...heatmap, title: fig24a });
    const spans = svgElements(svg).filter((e) => e.name === 'tspan' && e.ancestors.at(-1) === 'text');
    expect(spans.map((s) => s.text).join(' ')).toBe(fig24a);
    expect(Number(spans[1].attributes.y) - Number(spans[0].attributes.y)).toBe(19);
    expect(heatmapPlotBox({ ...heatmap, title: fig24a }).y - heatmapPlotBox({ ...heatmap, title: 'short' }).y).toBe(19);
  });

  it.runIf(fonts)("renders Fig. 2.4a's title (heatmap, 640 px) and a long line-plot title inside the image's edges", () => {
    for (const [svg, width] of [
      [svgHeatmap({ ...heatmap, title: fig24a }), 640],
      [svgLinePlot({ title: `${fig24a} ${fig24a}`, xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [0, 1], y: [0, 1] }], width: 400 }), 400],
    ] as const) {
      const box = titleBox(svg, width);
      expect(box).toBeDefined();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
    }
  });

  it.runIf(fonts)('the same measurement sees a one-line title at 15 px run off both edges (the check can fail)', () => {
    const oneLine = `<text x="320" y="23" text-anchor="middle" font-size="15">${fig24a.replace(/</g, '&lt;')}</text>`;
    const box = renderedTextBox(oneLine, 640, 200);
    expect(box?.x ?? 0).toBeLessThan(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(640);
  });
});
