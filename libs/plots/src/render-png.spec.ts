import { describe, expect, it } from 'vitest';
import type { LinePlotConfig } from './line-plot-config';
import { linePlotBox } from './line-plot-box';
import { renderPng } from './render-png';
import { svgHeatmap } from './svg-heatmap';
import { svgLinePlot } from './svg-line-plot';
import { decodePng } from './test-support/decode-png';
import { PNG_SIGNATURE, pngSize } from './test-support/png-size';
import { renderedTextBox } from './test-support/rendered-text-box';

// A red horizontal line at y = 0.5 across the box, in a plot of 500 × 300 pixels.
const config: LinePlotConfig = {
  title: 'PNG check',
  xLabel: 'x',
  yLabel: 'y',
  series: [{ name: 'half', x: [0, 1], y: [0.5, 0.5], color: '#ff0000' }],
  xDomain: [0, 1],
  yDomain: [0, 1],
  width: 500,
  height: 300,
};
const fonts = renderedTextBox('<text x="10" y="50">x</text>', 200, 100) !== undefined;

function pixel(img: { width: number; rgba: Uint8Array }, x: number, y: number): number[] {
  const k = 4 * (Math.round(y) * img.width + Math.round(x));
  return Array.from(img.rgba.subarray(k, k + 4));
}

describe('renderPng', () => {
  it('writes a PNG (signature, IHDR) of the SVG size times the scale', () => {
    const svg = svgLinePlot(config);
    const png1 = renderPng(svg, { scale: 1 });
    expect(Array.from(png1.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    expect(pngSize(png1)).toEqual({ width: 500, height: 300 });
    expect(pngSize(renderPng(svg))).toEqual({ width: 1000, height: 600 });
    expect(pngSize(renderPng(svgHeatmap({ title: 'Q', xLabel: 'x', yLabel: 'p', valueLabel: 'Q', x: [0, 1], y: [0, 1], values: [0, 1, 2, 3] }), { scale: 0.5 }))).toEqual({
      width: 320,
      height: 280,
    });
  });

  it('draws what the SVG says: the red line where the box mapping puts y = 0.5, white background elsewhere', () => {
    const scale = 2;
    const img = decodePng(renderPng(svgLinePlot(config), { scale }));
    const box = linePlotBox(config);
    const lineY = (box.y + box.height / 2) * scale;
    const x = (box.x + 0.3 * box.width) * scale;
    const [r, g, b, a] = pixel(img, x, lineY);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    expect(a).toBe(255);
    expect(pixel(img, x, lineY - 20 * scale)).toEqual([255, 255, 255, 255]); // inside the box, above the line
    expect(pixel(img, 1, 1)).toEqual([255, 255, 255, 255]); // the background is opaque white
  });

  it.runIf(fonts)('draws the text: dark pixels in the title band', () => {
    const img = decodePng(renderPng(svgLinePlot(config), { scale: 1 }));
    let dark = 0;
    for (let y = 8; y < 28; y++) for (let x = 0; x < img.width; x++) if (pixel(img, x, y)[0] < 100) dark++;
    expect(dark).toBeGreaterThan(30);
  });

  it('refuses a bad scale and a string that is not SVG', () => {
    expect(() => renderPng(svgLinePlot(config), { scale: 0 })).toThrow("renderPng: option 'scale' must be a number in (0, 8], got 0");
    expect(() => renderPng('hello')).toThrow("renderPng: argument 'svg' must be an SVG document, got 'hello…'");
    expect(() => renderPng('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow('renderPng: the SVG cannot be read');
  });

  it('runs its doc example', () => {
    const png = renderPng(svgLinePlot({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [0, 1], y: [0, 1] }] }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1440, height: 880 });
  });
});
