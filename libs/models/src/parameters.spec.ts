import { describe, expect, it } from 'vitest';
import { resolveParameters, type ParameterTable } from './parameters';

const table: ParameterTable = {
  cutoff: { description: 'Fock cutoff', min: 2, integer: true },
  kappa: { description: 'loss κ', min: 0, default: 0 },
  eta: { description: 'efficiency η', min: 0, exclusiveMin: true, max: 1, default: 1 },
};

describe('resolveParameters', () => {
  it('fills defaults and keeps given values', () => {
    expect(resolveParameters('m', table, { cutoff: 4, kappa: 0.5 })).toEqual({ cutoff: 4, kappa: 0.5, eta: 1 });
  });
  it('refuses an unknown parameter, listing the known ones', () => {
    expect(() => resolveParameters('m', table, { cutoff: 4, kapa: 1 })).toThrow(
      "m: unknown parameter 'kapa' (known: cutoff, kappa, eta)",
    );
  });
  it('refuses a missing required parameter', () => {
    expect(() => resolveParameters('m', table, {})).toThrow("m: parameter 'cutoff' (Fock cutoff) is required");
  });
  it('refuses non-numbers, non-integers and values out of range', () => {
    expect(() => resolveParameters('m', table, { cutoff: '4' })).toThrow(/'cutoff' must be a finite number, got "4"/);
    expect(() => resolveParameters('m', table, { cutoff: NaN })).toThrow("m: parameter 'cutoff' must be a finite number, got NaN");
    expect(() => resolveParameters('m', table, { cutoff: 3, kappa: -Infinity })).toThrow(
      "m: parameter 'kappa' must be a finite number, got -Infinity",
    );
    expect(() => resolveParameters('m', table, { cutoff: [3] })).toThrow("m: parameter 'cutoff' must be a finite number, got [3]");
    expect(() => resolveParameters('m', table, { cutoff: 2.5 })).toThrow(/'cutoff' must be an integer, got 2.5/);
    expect(() => resolveParameters('m', table, { cutoff: 1 })).toThrow(/'cutoff' \(Fock cutoff\) must be ≥ 2, got 1/);
    expect(() => resolveParameters('m', table, { cutoff: 3, kappa: -1 })).toThrow(/'kappa' \(loss κ\) must be ≥ 0, got -1/);
    expect(() => resolveParameters('m', table, { cutoff: 3, eta: 0 })).toThrow(/'eta' \(efficiency η\) must be > 0, got 0/);
    expect(() => resolveParameters('m', table, { cutoff: 3, eta: 1.5 })).toThrow(/'eta' \(efficiency η\) must be ≤ 1/);
  });
  it('refuses a parameter object that is not an object', () => {
    expect(() => resolveParameters('m', table, [] as never)).toThrow(/must be an object/);
  });
});
