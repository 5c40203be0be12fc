import { describe, expect, it } from 'vitest';
import { renderedTextBox } from './test-support/rendered-text-box';
import { textWidth } from './text-width';

// Strings of the kind plots carry: figure titles, axis labels, legend entries, tick labels.
const samples = [
  'Fig. 2.4a — (a) maximum of P(φ_AB); noise-free Arnold tongue |δ| < V, boundary |δ| = V',
  'Observables — coupled-quantum-vdp (Eq. 4.8)',
  'Husimi Q of mode a, state at t = 3 — quantum-vdp (Eq. 4.1)',
  'WWWWMMMM mmmm wwww @@@@ %%%%',
  'iiii llll |||| .... ,,,, ::::',
  'Re coherence = Re⟨adagb⟩',
  '−1.5e−7 ≤ x ≤ 2.5e+3',
  'σ²/(2r0²) κ1 κ2 ω δ',
];
const fontSize = 15;
const probe = renderedTextBox('<text x="10" y="50">x</text>', 200, 100);

describe('textWidth', () => {
  it.runIf(probe !== undefined)('bounds the width resvg draws with the fonts of this machine, by at most 25 % for text of 20 or more characters', () => {
    for (const text of samples) {
      const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const box = renderedTextBox(`<text x="10" y="50" font-size="${fontSize}">${esc}</text>`, 3000, 100);
      const drawn = box?.width ?? NaN;
      const estimated = textWidth(text, fontSize);
      // ink extents lie inside the advance widths, so the estimate must not be below them
      expect(estimated, text).toBeGreaterThanOrEqual(drawn);
      expect(estimated, text).toBeLessThanOrEqual(1.25 * drawn);
    }
  });

  it('scales with the font size and adds up over characters', () => {
    expect(textWidth('ab', 20)).toBeCloseTo(2 * textWidth('ab', 10), 12);
    expect(textWidth('ab', 10)).toBeCloseTo(textWidth('a', 10) + textWidth('b', 10), 12);
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('W', 10)).toBeGreaterThan(textWidth('i', 10) * 3);
  });

  it('runs its doc example', () => {
    expect(textWidth('Q(φ)', 10)).toBeCloseTo(22.3, 10);
  });
});
