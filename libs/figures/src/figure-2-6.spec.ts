import { adler } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure26 } from './figure-2-6';
import { check, linePanel, runFigure } from './test-support/run-figure';

/** Indices of the strict local minima of a sampled curve (interior points). */
function localMinima(y: Float64Array): number[] {
  const out: number[] = [];
  for (let k = 1; k + 1 < y.length; k++) if (y[k] < y[k - 1] && y[k] < y[k + 1]) out.push(k);
  return out;
}

describe('figure 2.6', () => {
  it('draws U(φ_AB) whose slope is the Adler drift, with no minimum for |δ| > V and locked minima at arcsin(δ/V) + 2πk', async () => {
    const { data, stages } = await runFigure(figure26, {});
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'b']);
    expect(stages).toEqual(new Set(['Adler, panel (b)']));
    for (const [name, delta, V] of [
      ['a', 1, 0.5],
      ['b', 0.5, 1],
    ] as const) {
      const u = linePanel(data, name).series[0];
      // overdamped motion (Eq. 2.26): −dU/dφ of the drawn curve is the drift of the `adler` model's own
      // equations (Eq. 2.21); central differences on the drawn grid (step 0.0157) err by h²V/6 ≈ 4e-5
      const model = adler({ delta, V, phi0: 0 });
      const drift = new Float64Array(1);
      for (let k = 1; k + 1 < u.x.length; k += 37) {
        model.system.drift(drift, Float64Array.of(u.x[k]), 0);
        const slope = (u.y[k + 1] - u.y[k - 1]) / (u.x[k + 1] - u.x[k - 1]);
        expectClose(-slope, drift[0], { atol: 1e-4 });
      }
      const minima = localMinima(u.y).map((k) => u.x[k]);
      if (name === 'a') {
        // |δ| > V: U falls monotonically, the phase slips forever
        expect(minima).toEqual([]);
      } else {
        // three wells on [−3π, 3π], at arcsin(δ/V) + 2πk to the drawn grid's step
        expectClose(minima, [-1, 0, 1].map((k) => Math.asin(0.5) + 2 * Math.PI * k), { atol: (6 * Math.PI) / 1200 });
      }
    }
    // the golden-section minimum of U and the settled noise-free Adler run against arcsin(δ/V) (Eq. 2.22):
    // a minimum found by comparing values is located to ~√ε ≈ 1.5e-8 (U is flat there); a Runge–Kutta
    // scheme's fixed points are the equation's, and the start has decayed by e^{−0.87·40} ≈ 1e-15
    const minimum = check(data, 'local minimum of U');
    expectClose(minimum.value, Math.asin(0.5), { atol: 1e-7 });
    const settled = check(data, 'noise-free Adler');
    expect(settled.expected).toBe(minimum.expected);
    expectClose(settled.value, Math.asin(0.5), { atol: 1e-9 });
  });

  it('refuses a bad scale', () => {
    expect(() => figure26.run({ scale: -1 })).toThrow(/'scale'/);
  });
});
