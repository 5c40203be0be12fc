import { expectClose } from '@qsync/testing';
import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { figure26 } from './figure-2-6';
import type { FigureEvent } from './figure-types';

describe('figure 2.6', () => {
  it('draws U(φ) = −δφ − V cos φ and finds the locked minimum at arcsin(δ/V) (Eq. 2.22)', async () => {
    const last = (await lastValueFrom(figure26.run())) as Extract<FigureEvent, { kind: 'data' }>;
    const { panels, checks } = last.data;
    expect(panels.map((p) => p.name)).toEqual(['a', 'b']);
    const b = panels[1];
    if (b.kind !== 'lines') throw new Error('panel b must be a line panel');
    const s = b.series[0];
    const k = 700;
    expectClose(s.y[k], -0.5 * s.x[k] - Math.cos(s.x[k]), { rtol: 1e-15, atol: 1e-15 });
    // a minimum found by comparing function values is located to about √ε ≈ 1.5e-8 (U is flat there)
    expectClose(checks[0].value, Math.asin(0.5), { atol: 1e-7 });
    expect(checks[0].expected).toBe(Math.asin(0.5));
  });

  it('refuses a bad scale', () => {
    expect(() => figure26.run({ scale: -1 })).toThrow(/'scale'/);
  });
});
