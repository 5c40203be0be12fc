// Advance widths of DejaVu Sans in em, printable ASCII from ' ' (32) to '~' (126), rounded up
// to 0.01. DejaVu Sans is the widest of the common sans-serif faces (Helvetica, Arial and
// Liberation Sans are narrower), so widths estimated from it bound what a viewer draws.
const ASCII = [
  0.32, 0.41, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.5, 0.84, 0.32, 0.37, 0.32, 0.34, // ' ' … '/'
  0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.54, // '0' … '?'
  1.0, 0.71, 0.69, 0.7, 0.77, 0.64, 0.58, 0.78, 0.76, 0.3, 0.3, 0.66, 0.56, 0.87, 0.75, 0.79, // '@' … 'O'
  0.61, 0.79, 0.7, 0.64, 0.6, 0.74, 0.69, 0.99, 0.69, 0.62, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5, // 'P' … '_'
  0.5, 0.62, 0.64, 0.55, 0.64, 0.62, 0.35, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64, 0.62, // '`' … 'o'
  0.64, 0.64, 0.4, 0.53, 0.4, 0.64, 0.6, 0.82, 0.6, 0.6, 0.53, 0.64, 0.34, 0.64, 0.84, // 'p' … '~'
];

/**
 * The width of a line of text in pixels at `fontSize`, estimated from the advance widths of
 * DejaVu Sans (an upper bound for Helvetica and Arial, which are narrower): ASCII from a table,
 * Greek letters 0.66 em (ω 0.84, capitals 0.79), dashes, math operators and other symbols up
 * to 1 em, CJK 1 em. Used to fit titles, labels and legends inside the plot.
 *
 * @param text - one line of text
 * @param fontSize - font size in pixels
 * @returns the estimated width in pixels
 * @example
 * textWidth('Q(φ)', 10); // → 22.3 (Q 0.79 + ( 0.39 + φ 0.66 + ) 0.39, in em)
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch.codePointAt(0) ?? 0);
  return em * fontSize;
}

function charWidth(c: number): number {
  if (c >= 32 && c <= 126) return ASCII[c - 32];
  if (c === 0x3c9) return 0.84; // ω
  if (c >= 0x3b1 && c <= 0x3c9) return 0.66; // Greek small letters
  if (c >= 0x391 && c <= 0x3a9) return 0.79; // Greek capitals
  if (c === 0x2014 || c === 0x2026) return 1.0; // em dash, ellipsis
  if (c === 0x2013) return 0.5; // en dash
  if (c === 0x2032 || c === 0x2033 || c === 0xb7 || c === 0x2c9) return 0.4; // primes, middle dot
  if (c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x209f)) return 0.41; // super/subscripts
  if (c >= 0x2e80) return 1.0; // CJK and other wide scripts
  return 0.84; // ± × − ≈ ≤ ∞ and the rest: as wide as the widest operators
}
