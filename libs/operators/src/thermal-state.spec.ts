import { describe, expect, it } from 'vitest';
import { denseTrace } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { expect as expectValue } from './expect';
import { num } from './fock-operators';
import { fockSpace, spinHalfSpace } from './space';
import { thermalState } from './thermal-state';

describe('thermalState', () => {
  it('has Bose–Einstein populations renormalised after truncation', () => {
    const rho = thermalState(fockSpace(3), 1); // x = 1/2: weights 1, 1/2, 1/4 over 7/4
    const d = rho.matrix.data;
    expectClose([d[0], d[8], d[16]], [4 / 7, 2 / 7, 1 / 7], { rtol: 1e-15 }); // one division each
    expectClose(denseTrace(rho.matrix).re, 1, { rtol: 1e-15 });
  });

  it('has mean occupation n̄ when the cutoff is large', () => {
    // n̄ = 0.5, N = 80: truncated weight (1/3)^80 ≈ 7e-39, negligible
    const f = fockSpace(80);
    expectClose(expectValue(num(f), thermalState(f, 0.5)).re, 0.5, { rtol: 1e-13 }); // sum of 80 terms
  });

  it('is the vacuum for n̄ = 0', () => {
    expect(thermalState(fockSpace(3), 0).matrix.data[0]).toBe(1);
  });

  it('rejects a negative or non-finite n̄ and a non-Fock space', () => {
    expect(() => thermalState(fockSpace(3), -0.1)).toThrow("thermalState: argument 'nbar' must be a finite mean occupation ≥ 0, got -0.1");
    expect(() => thermalState(fockSpace(3), Infinity)).toThrow("thermalState: argument 'nbar'");
    expect(() => thermalState(spinHalfSpace(), 1)).toThrow("thermalState: argument 'space' must be a 'fock' space");
  });
});
