import { textWidth } from './text-width';

/** How a title is set: its lines and their size. */
export interface TitleLayout {
  /** the title broken into lines (at spaces; a word longer than a line is broken inside) */
  readonly lines: readonly string[];
  /** font size in pixels */
  readonly fontSize: number;
  /** baseline-to-baseline distance in pixels */
  readonly lineHeight: number;
  /** height of the block of lines in pixels (lines × lineHeight) */
  readonly height: number;
}

/** Options of {@link fitTitle}. */
export interface FitTitleOptions {
  /** preferred font size in pixels (default 15) */
  readonly fontSize?: number;
  /** smallest font size in pixels (default 11) */
  readonly minFontSize?: number;
  /** lines allowed before the font shrinks (default 2) */
  readonly maxLines?: number;
}

/**
 * Sets a title inside `maxWidth` pixels: one line at `fontSize` if it fits, else wrapped at
 * spaces into up to `maxLines` lines, shrinking the font one pixel at a time down to
 * `minFontSize`; at the smallest size it wraps into as many lines as it needs. Every line's
 * {@link textWidth} is at most `maxWidth`, and the lines hold the title's words in order.
 *
 * @param title - the title text
 * @param maxWidth - the width available, in pixels (≥ 50)
 * @param options - preferred and smallest size, lines before shrinking
 * @returns the lines, font size and height of the title block
 * @example
 * fitTitle('Fig. 2.4a — (a) maximum of P(φ_AB); noise-free Arnold tongue |δ| < V, boundary |δ| = V', 600).lines.length; // → 2
 */
export function fitTitle(title: string, maxWidth: number, options: FitTitleOptions = {}): TitleLayout {
  const { fontSize = 15, minFontSize = 11, maxLines = 2 } = options;
  if (!(Number.isFinite(maxWidth) && maxWidth >= 50)) {
    throw new Error(`fitTitle: 'maxWidth' must be a number ≥ 50 pixels, got ${maxWidth}`);
  }
  if (!(Number.isFinite(minFontSize) && minFontSize > 0 && fontSize >= minFontSize)) {
    throw new Error(`fitTitle: font sizes must satisfy 0 < minFontSize ≤ fontSize, got ${minFontSize} and ${fontSize}`);
  }
  if (!(Number.isInteger(maxLines) && maxLines >= 1)) {
    throw new Error(`fitTitle: 'maxLines' must be an integer ≥ 1, got ${maxLines}`);
  }
  const words = title.split(/\s+/).filter((w) => w.length > 0);
  for (let size = fontSize; size >= minFontSize; size--) {
    const lines = wrap(words, maxWidth, size);
    if (lines.length <= maxLines || size - 1 < minFontSize) return layout(lines, size);
  }
  return layout(wrap(words, maxWidth, minFontSize), minFontSize);
}

function layout(lines: string[], fontSize: number): TitleLayout {
  const lineHeight = Math.round(fontSize * 1.25);
  return { lines: lines.length > 0 ? lines : [''], fontSize, lineHeight, height: Math.max(1, lines.length) * lineHeight };
}

/** Greedy wrap at spaces; a word wider than a line is broken between characters. */
function wrap(words: readonly string[], maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (textWidth(joined, size) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const ch of word) {
      if (line !== '' && textWidth(line + ch, size) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
