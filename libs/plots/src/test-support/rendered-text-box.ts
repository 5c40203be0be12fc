import { Resvg } from '@resvg/resvg-js';

/**
 * The box that resvg's text rendering covers (ink extents, in SVG pixels) for an SVG fragment
 * of text elements placed in an empty `width × height` SVG with the plots' font stack, the
 * fonts as `renderPng` loads them. Undefined when nothing is drawn (no font on the machine).
 */
export function renderedTextBox(fragment: string, width: number, height: number) {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `font-family="Helvetica, Arial, 'DejaVu Sans', sans-serif" font-size="12">${fragment}</svg>`;
  const r = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }, logLevel: 'off' });
  const b = r.getBBox();
  return b === undefined ? undefined : { x: b.x, y: b.y, width: b.width, height: b.height };
}
