import { Resvg } from '@resvg/resvg-js';

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Pixels per SVG pixel (default 2: sharp on high-density screens and in print), in (0, 8]. */
  readonly scale?: number;
}

/**
 * Renders an SVG document (from `svgLinePlot` or `svgHeatmap`, or any other) to a PNG image
 * with resvg (@resvg/resvg-js, a Rust renderer whose binaries ship in the npm package: no
 * browser, no system libraries). Text is set with the system's fonts (DejaVu Sans where the
 * plot's Helvetica and Arial are missing); a machine without any font draws no text. The
 * image is `scale` times the SVG's width and height, on a white background.
 *
 * @param svg - the SVG document
 * @param options - `scale` (default 2)
 * @returns the PNG file's bytes
 * @example
 * const png = renderPng(svgLinePlot({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [0, 1], y: [0, 1] }] }));
 * png.subarray(1, 4).toString(); // → 'PNG' (the signature; 1440 × 880 pixels)
 */
export function renderPng(svg: string, options: RenderPngOptions = {}): Buffer {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 8)) {
    throw new Error(`renderPng: option 'scale' must be a number in (0, 8], got ${scale}`);
  }
  if (typeof svg !== 'string' || !svg.includes('<svg')) {
    throw new Error(`renderPng: argument 'svg' must be an SVG document, got ${typeof svg === 'string' ? `'${svg.slice(0, 30)}…'` : typeof svg}`);
  }
  let resvg: Resvg;
  try {
    resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      logLevel: 'off',
    });
  } catch (e) {
    throw new Error(`renderPng: the SVG cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  return resvg.render().asPng();
}
