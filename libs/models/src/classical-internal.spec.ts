import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { defaultStep, resolveWithOptional, uniformPhase, wrapPhase } from './classical-internal';

describe('classical-internal', () => {
  it('wrapPhase maps to (−π, π]: π stays π, −π becomes π', () => {
    expect(wrapPhase(Math.PI)).toBe(Math.PI);
    expect(wrapPhase(-Math.PI)).toBe(Math.PI);
    expect(wrapPhase(0)).toBe(0);
    expectClose(wrapPhase(3 * Math.PI + 0.5), -Math.PI + 0.5, { rtol: 1e-14 });
    expectClose(wrapPhase(-7.5), -7.5 + 2 * Math.PI, { rtol: 1e-14 });
  });

  it('uniformPhase lies in (−π, π]', () => {
    const rng = createRng(1);
    for (let k = 0; k < 1000; k++) {
      const x = uniformPhase(rng);
      expect(x > -Math.PI && x <= Math.PI).toBe(true);
    }
  });

  it('resolveWithOptional leaves omitted optional names out and checks given ones', () => {
    const table = { a: { description: 'a', min: 0 }, phi0: { description: 'start' } };
    expect(resolveWithOptional('m', table, { a: 1 }, ['phi0'])).toEqual({ a: 1 });
    expect(resolveWithOptional('m', table, { a: 1, phi0: 2 }, ['phi0'])).toEqual({ a: 1, phi0: 2 });
    expect(() => resolveWithOptional('m', table, { a: 1, phi0: 'x' }, ['phi0'])).toThrow(/m: parameter 'phi0' must be a finite number/);
    expect(() => resolveWithOptional('m', table, { a: 1 })).toThrow(/m: parameter 'phi0' \(start\) is required/);
    expect(() => resolveWithOptional('m', table, null, ['phi0'])).toThrow(/m: parameters must be an object/);
    expect(() => resolveWithOptional('m', table, { b: 1 }, ['phi0'])).toThrow(/m: unknown parameter 'b' \(known: a, phi0\)/);
  });

  it('defaultStep takes 0.05 (SRA) or 0.02 (Euler–Maruyama) of the fastest positive rate', () => {
    expect(defaultStep('sra', 2, -5, 0.5)).toBe(0.025);
    expect(defaultStep('euler-maruyama', 2, -5, 0.5)).toBe(0.01);
    expect(defaultStep('sra', 0, 0)).toBe(0.05);
  });
});
