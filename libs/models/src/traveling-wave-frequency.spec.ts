import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { travelingWaveFrequency } from './traveling-wave-frequency';

// The long-time frequency of (7.5) is checked against this in undriven-atom-laser-bad-cavity.spec.ts.
describe('travelingWaveFrequency (7.7)', () => {
  it('equals the printed form, and for few undriven atoms ω ≈ V p_ud √(γ+/(2v))', () => {
    const printed = (V: number, gp: number, pd: number) => {
      const v = 2 * V - gp;
      const pu = 1 - pd;
      return Math.sqrt((gp / 4) * (v - 2 * V * pu - Math.sqrt(v * (v - 4 * V * pu))));
    };
    for (const [V, gp, pd] of [[1, 1, 0.8], [3, 0.4, 0.6], [0.7, 0.2, 0.95]]) expectClose(travelingWaveFrequency({ V, gammaPlus: gp, pd }), printed(V, gp, pd), { rtol: 1e-12 });
    // expansion in p_ud: v − 2Vp_ud − √(v² − 4Vp_ud v) = 2V²p_ud²/v + O(p_ud³); relative error O(p_ud)
    for (const pu of [1e-3, 1e-5]) {
      const w = travelingWaveFrequency({ V: 1, gammaPlus: 0.5, pd: 1 - pu });
      expectClose(w, pu * Math.sqrt(0.5 / (2 * 1.5)), { rtol: 3 * pu });
    }
    expect(travelingWaveFrequency({ V: 1, gammaPlus: 0.5, pd: 1 })).toBe(0);
  });

  it('is 0 below the transition (7.8); at it, the frequency of the Hopf pair of (7.5), √(γ+Vp_ud/2) (the waves are born turning)', () => {
    expect(travelingWaveFrequency({ V: 1, gammaPlus: 1, pd: 0.74 })).toBe(0);
    // the linearization of (7.5) about s+ = 0 (s^z_d = 1, s^z_ud = −1) has trace V(p_d − p_ud) − γ+/2 and determinant γ+Vp_ud/2
    expectClose(travelingWaveFrequency({ V: 1, gammaPlus: 1, pd: 0.75 + 1e-12 }), Math.sqrt(0.25 / 2), { rtol: 1e-5 });
    expectClose(travelingWaveFrequency({ V: 2, gammaPlus: 0.6, pd: 0.575 + 1e-12 }), Math.sqrt((0.6 * 2 * 0.425) / 2), { rtol: 1e-5 });
    expect(travelingWaveFrequency({ V: 1, gammaPlus: 3, pd: 1 })).toBe(0); // γ+ > 2V: v < 0, no lasing at all
  });

  it('scales as V at fixed γ+/V: V = 1e300 and 1e-300 give 1e±300 × the V = 1 value (was NaN: V² overflowed)', () => {
    const w1 = travelingWaveFrequency({ V: 1, gammaPlus: 0.4, pd: 0.9 });
    expect(w1).toBeGreaterThan(0);
    expectClose(travelingWaveFrequency({ V: 1e300, gammaPlus: 0.4e300, pd: 0.9 }), 1e300 * w1, { rtol: 1e-14 });
    expectClose(travelingWaveFrequency({ V: 1e-300, gammaPlus: 0.4e-300, pd: 0.9 }), 1e-300 * w1, { rtol: 1e-14 });
    expectClose(travelingWaveFrequency({ V: 1e300, gammaPlus: 1, pd: 0.9 }) / 1e300, travelingWaveFrequency({ V: 1, gammaPlus: 1e-300, pd: 0.9 }), { rtol: 1e-14 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => travelingWaveFrequency({ V: 0, gammaPlus: 1, pd: 0.8 })).toThrow(/'V'.*> 0/);
    expect(() => travelingWaveFrequency({ V: 1, gammaPlus: 1, pd: 2 })).toThrow(/'pd'/);
  });
});
