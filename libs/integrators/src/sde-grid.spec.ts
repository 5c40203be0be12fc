import { describe, expect, it } from 'vitest';
import { createSdeStepper } from './create-sde-stepper';
import { isLastStep, stepsBetween } from './sde-grid';
import type { SdeSystem } from './sde-types';

const still: SdeSystem = { dim: 1, drift: (out) => void (out[0] = 0), noise: { kind: 'additive', amplitude: 0 } };

describe('stepsBetween', () => {
  it('runs the doc example and counts the obvious cases', () => {
    expect(stepsBetween(0, 0.35, 0.1)).toBe(4);
    expect(stepsBetween(0, 0.3, 0.1)).toBe(3); // 0.3 is 3·0.1 up to rounding: no sliver step
    expect(stepsBetween(0, 0.1 + 0.2, 0.1)).toBe(3);
    expect(stepsBetween(1, 1, 0.1)).toBe(0);
    expect(stepsBetween(1, 0.5, 0.1)).toBe(0);
    expect(stepsBetween(0, 1e-12, 0.1)).toBe(1);
    expect(stepsBetween(0, 0.1 * (1 + 5e-11), 0.1)).toBe(1); // a remainder within 1e-10·dt is one step
    expect(stepsBetween(0, 0.1 * (1 + 2e-10), 0.1)).toBe(2);
  });

  it('equals the number of steps the stepper takes, also for awkward floats and large t', () => {
    const cases: [number, number, number][] = [
      [0, 1, 0.1],
      [0.3, 0.7, 0.1],
      [1e6, 1e6 + 1, 1e-3],
      [-2.5, 3.3, 0.07],
      [0, 1, 1 / 3],
      [12.34, 56.78, 0.0123],
    ];
    for (const [a, b, dt] of cases) {
      const s = createSdeStepper(still, new Float64Array(1), a, { dt, noiseSeed: 1 });
      s.advanceTo(b);
      expect(s.stats.steps).toBe(stepsBetween(a, b, dt));
      expect(s.t).toBe(b);
      expect(isLastStep(a, stepsBetween(a, b, dt), dt, b)).toBe(true);
    }
  });
});
