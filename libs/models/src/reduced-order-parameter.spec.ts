import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { channelValue } from '@qsync/frames';
import { collectFrames, linspace, realOf } from './test-support/kuramoto';
import { reducedOrderParameter } from './reduced-order-parameter';

describe('reducedOrderParameter (Eq. 2.51)', () => {
  it('has the rates of Eq. (2.51): gain (V − σ²)/2, saturation V²/4σ²', () => {
    const m = reducedOrderParameter({ V: 2.5, sigma: 1.2, omegaMean: 0.4 });
    expectClose([m.gain, m.saturation, m.frequency], [(2.5 - 1.44) / 2, 6.25 / (4 * 1.44), 0.4], { rtol: 1e-15 });
    expect(m.equation).toBe('2.51');
  });

  it('settles at |z| = √(2σ²(V − σ²)/V²) (Eq. 2.52) above V = σ² (2.50), at 0 below', async () => {
    for (const [V, sigma] of [
      [1.1, 1],
      [2.5, 1],
      [3, 1.5],
    ]) {
      const m = reducedOrderParameter({ V, sigma, r0: 0.02 });
      const expected = Math.sqrt((2 * sigma ** 2 * (V - sigma ** 2)) / V ** 2);
      expectClose(m.steadyModulus, expected, { rtol: 1e-15 });
      // relaxation e^{−(V − σ²)t}: at V = 1.1, t = 600 leaves 1e-26
      const frames = await collectFrames(m.simulate([0, 600]));
      expectClose(realOf(frames[1], 'r'), expected, { rtol: 1e-9 });
    }
    const below = await collectFrames(reducedOrderParameter({ V: 0.8, sigma: 1, r0: 0.3 }).simulate([0, 400]));
    expect(realOf(below[1], 'r')).toBeLessThan(1e-12);
  });

  it('Dormand–Prince follows the closed form to 1e-8', async () => {
    const m = reducedOrderParameter({ V: 2.5, sigma: 1, omegaMean: 0.5, r0: 0.01, psi0: -1 });
    for (const f of await collectFrames(m.simulate(linspace(20, 20)))) {
      const z = channelValue(f, 'z', 'complex');
      const exact = m.exact(f.t);
      expectClose([z.re, z.im], [exact.re, exact.im], { atol: 1e-8 });
    }
  });

  it('refuses σ = 0 (the cubic rate V²/4σ² diverges) and other bad values by name', () => {
    expect(() => reducedOrderParameter({ V: 1, sigma: 0 })).toThrow(
      "reducedOrderParameter: parameter 'sigma' (noise amplitude σ on each phase of the Kuramoto model (strength σ²)) must be > 0, got 0",
    );
    expect(() => reducedOrderParameter({ V: -1, sigma: 1 })).toThrow(/parameter 'V' .* must be ≥ 0, got -1/);
    expect(() => reducedOrderParameter({ V: 1, sigma: 1, G: 1 } as never)).toThrow(/unknown parameter 'G'/);
  });
});
