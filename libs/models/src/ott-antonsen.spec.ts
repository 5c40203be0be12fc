import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { channelValue, tapProgress, type Frame } from '@qsync/frames';
import { take } from 'rxjs';
import { collectFrames, linspace, realOf } from './test-support/kuramoto';
import { ottAntonsen, ottAntonsenParameters } from './ott-antonsen';

describe('ottAntonsen (Eq. 2.43)', () => {
  it('has the rates of Eq. (2.43): gain V/2 − G, saturation V/2, rotation omegaMean', () => {
    const oa = ottAntonsen({ V: 3, G: 0.5, omegaMean: 0.7 });
    expect([oa.gain, oa.saturation, oa.frequency]).toEqual([1, 1.5, 0.7]);
    expect(oa.equation).toBe('2.43');
    expect(oa.parameters).toEqual({ V: 3, G: 0.5, omegaMean: 0.7, r0: 0.01, psi0: 0 });
    const out = new Float64Array(2);
    oa.rhs(out, new Float64Array([0.3, -0.4]), 0);
    // ż = (1 + 0.7i) z − 1.5·0.25·z at z = 0.3 − 0.4i
    const g = 1 - 1.5 * 0.25;
    expectClose(Array.from(out), [g * 0.3 + 0.7 * 0.4, g * -0.4 + 0.7 * 0.3], { rtol: 1e-15 });
  });

  it('Dormand–Prince follows the closed form to 1e-8, modulus and phase, for V above and below 2G', async () => {
    for (const [V, G, omegaMean] of [
      [1.5, 0.5, 0.3],
      [2, 0.5, 0],
      [0.8, 0.5, -1],
    ]) {
      const oa = ottAntonsen({ V, G, omegaMean, r0: 0.05, psi0: 0.4 });
      const times = linspace(40, 40);
      const frames = await collectFrames(oa.simulate(times));
      for (const f of frames) {
        const z = channelValue(f, 'z', 'complex');
        const exact = oa.exact(f.t);
        // DP5 at rtol 1e-10, atol 1e-12 over 40 time units: global error ~1e-9 relative
        expectClose([z.re, z.im], [exact.re, exact.im], { atol: 1e-8 });
        expectClose(realOf(f, 'r'), Math.hypot(exact.re, exact.im), { atol: 1e-8 });
      }
    }
  });

  it('settles at √(1 − 2G/V) above V = 2G (Eqs. 2.37, 2.44) and at 0 below', async () => {
    const above = await collectFrames(ottAntonsen({ V: 1.5, G: 0.5 }).simulate([0, 200]));
    expectClose(realOf(above[1], 'r'), Math.sqrt(1 - 1 / 1.5), { rtol: 1e-9 });
    expect(ottAntonsen({ V: 1.5, G: 0.5 }).steadyModulus).toBe(Math.sqrt(0.25 / 0.75));
    // V = G: gain −G/2, |z| ≤ 0.5 e^{−25} = 7e-12 at t = 100
    const below = await collectFrames(ottAntonsen({ V: 0.5, G: 0.5, r0: 0.5 }).simulate([0, 100]));
    expect(realOf(below[1], 'r')).toBeLessThan(1e-11);
    expect(ottAntonsen({ V: 0.9, G: 0.5 }).steadyModulus).toBe(0);
  });

  it('starts from z0 when given and stays at z = 0', async () => {
    const oa = ottAntonsen({ V: 3, G: 0.5 });
    const frames = await collectFrames(oa.simulate([1, 1, 2], { z0: { re: 0, im: 0.2 } }));
    expect(frames.map((f) => f.t)).toEqual([1, 1, 2]);
    expect(channelValue(frames[0], 'z', 'complex')).toEqual({ kind: 'complex', re: 0, im: 0.2 });
    expectClose(realOf(frames[2], 'r'), oa.exact(1, { re: 0, im: 0.2 }).im, { rtol: 1e-9 });
    const zero = await collectFrames(oa.simulate([0, 10], { z0: { re: 0, im: 0 } }));
    expect(realOf(zero[1], 'r')).toBe(0);
    expect(Array.from(oa.initialState())).toEqual([0.01, 0]);
  });

  it('stops when unsubscribed', async () => {
    const oa = ottAntonsen({ V: 3, G: 0.5 });
    const got: Frame[] = [];
    const progress: number[] = [];
    await new Promise<void>((resolve) => {
      oa.simulate(linspace(1000, 100000), { yieldEvery: 0 })
        .withProgress()
        .pipe(
          tapProgress((p) => progress.push(p.done)),
          take(2),
        )
        .subscribe({ next: (f) => got.push(f), complete: resolve });
    });
    const after = progress.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(got.length).toBe(2);
    expect(progress.length).toBe(after);
    expect(Math.max(0, ...progress)).toBeLessThan(10);
  });

  it('refuses bad parameters and options by name', () => {
    expect(() => ottAntonsen({ V: 1 } as never)).toThrow("ottAntonsen: parameter 'G' (Lorentzian width G of the natural frequencies) is required");
    expect(() => ottAntonsen({ V: -1, G: 0 })).toThrow(/ottAntonsen: parameter 'V' .* must be ≥ 0, got -1/);
    expect(() => ottAntonsen({ V: 1, G: 0, r0: 1.5 })).toThrow("ottAntonsen: parameter 'r0' (initial |z|) must be ≤ 1, got 1.5");
    expect(() => ottAntonsen({ V: 1, G: 0, sigma: 1 } as never)).toThrow(/ottAntonsen: unknown parameter 'sigma'/);
    const oa = ottAntonsen({ V: 1, G: 0 });
    expect(() => oa.simulate([0, 1], { z0: { re: Number.NaN, im: 0 } })).toThrow(
      "ottAntonsen: option 'z0' must be a complex number { re, im } with finite parts",
    );
    expect(() => oa.simulate([])).toThrow("ottAntonsen: simulate: 'times' must hold at least one time");
    expect(() => oa.simulate([1, 0])).toThrow("ottAntonsen: simulate: 'times' must be finite and non-decreasing, got times[1] = 0");
    expect(() => oa.simulate([0, 1], { rtol: -1 })).toThrow(/rtol/);
    expect(Object.keys(ottAntonsenParameters)).toEqual(['V', 'G', 'omegaMean', 'r0', 'psi0']);
  });
});
