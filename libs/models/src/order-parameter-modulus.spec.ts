import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { orderParameterModulus } from './order-parameter-modulus';

describe('orderParameterModulus (closed form of ṙ = a r − b r³)', () => {
  it('solves the ODE: finite differences of r(t) give a r − b r³', () => {
    for (const [a, b, r0] of [
      [0.25, 0.75, 0.01],
      [-0.3, 0.5, 0.9],
      [0, 1, 0.4],
      [0.5, 0, 0.2],
    ]) {
      for (const t of [0.3, 2, 7]) {
        const h = 1e-4;
        const dr = (orderParameterModulus(t + h, a, b, r0) - orderParameterModulus(t - h, a, b, r0)) / (2 * h);
        const r = orderParameterModulus(t, a, b, r0);
        // central difference: error h²·r'''/6 ≲ 1e-9 for these rates; rounding 1e-16/h = 1e-12
        expectClose(dr, a * r - b * r ** 3, { atol: 1e-8 });
      }
      expect(orderParameterModulus(0, a, b, r0)).toBe(r0);
    }
  });

  it('tends to √(a/b) above threshold and to 0 below, also from far away', () => {
    expectClose(orderParameterModulus(1e3, 0.25, 0.75, 0.01), Math.sqrt(1 / 3), { rtol: 1e-15 });
    expectClose(orderParameterModulus(1e3, 0.25, 0.75, 1), Math.sqrt(1 / 3), { rtol: 1e-15 });
    expect(orderParameterModulus(1e4, -0.25, 0.75, 0.5)).toBe(0);
    expect(orderParameterModulus(5, 0.1, 0.2, 0)).toBe(0);
  });

  it('is continuous at a = 0 (r = r0/√(1 + 2b r0² t)) and exponential at b = 0', () => {
    const at0 = 0.4 / Math.sqrt(1 + 2 * 1 * 0.16 * 3);
    expect(orderParameterModulus(3, 0, 1, 0.4)).toBeCloseTo(at0, 15);
    // a = ±1e-9: the expm1 form keeps full accuracy where (1 − e^{−2at})/a would cancel
    expectClose(orderParameterModulus(3, 1e-9, 1, 0.4), at0, { rtol: 1e-8 });
    expectClose(orderParameterModulus(3, -1e-9, 1, 0.4), at0, { rtol: 1e-8 });
    expectClose(orderParameterModulus(2, -0.3, 0, 0.5), 0.5 * Math.exp(-0.6), { rtol: 1e-15 });
  });

  it('refuses bad arguments by name', () => {
    expect(() => orderParameterModulus(-1, 1, 1, 0.1)).toThrow("orderParameterModulus: argument 't' must be a finite time ≥ 0, got -1");
    expect(() => orderParameterModulus(1, Number.NaN, 1, 0.1)).toThrow("orderParameterModulus: argument 'gain' must be finite, got NaN");
    expect(() => orderParameterModulus(1, 1, -1, 0.1)).toThrow("orderParameterModulus: argument 'saturation' must be finite and ≥ 0, got -1");
    expect(() => orderParameterModulus(1, 1, 1, -0.1)).toThrow("orderParameterModulus: argument 'r0' must be finite and ≥ 0, got -0.1");
  });
});
