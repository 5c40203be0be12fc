import { buildQuantumModel } from '../test-support/build-quantum-model';
import { expect as expectValue } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { initialDensity } from './initial-state';

const pair = (cutoff: number) => buildQuantumModel('coupled-quantum-vdp', { cutoff, kappa1: 1, kappa2: 1, V: 1 });
const single = (cutoff: number) => buildQuantumModel('quantum-vdp', { cutoff, kappa1: 1, kappa2: 1 });

function trace(rho: { matrix: { rows: number; data: Float64Array } }): number {
  let t = 0;
  for (let i = 0; i < rho.matrix.rows; i++) t += rho.matrix.data[2 * (i * rho.matrix.rows + i)];
  return t;
}

describe('initialDensity', () => {
  it('builds the product Fock state |nA, nB⟩⟨nA, nB| in the tensor order of the modes', () => {
    const m = pair(3);
    const rho = initialDensity({ type: 'fock', n: { a: 2, b: 1 } }, m);
    const k = 2 * 3 + 1; // basis index of |2, 1⟩
    expect(rho.dims).toEqual([3, 3]);
    expect(rho.matrix.data[2 * (k * 9 + k)]).toBe(1);
    expect(trace(rho)).toBe(1);
    expect(expectValue(m.operators.na, rho)).toEqual({ re: 2, im: 0 });
    expect(expectValue(m.operators.nb, rho)).toEqual({ re: 1, im: 0 });
  });

  it('builds coherent states with ⟨a⟩ = α, ⟨b⟩ = β and unit trace', () => {
    // Cutoff 12 for |α|² ≤ 0.25: the Poisson tail beyond the cutoff is ~1e-16, so ⟨a⟩ = α to rounding.
    const m = pair(12);
    const rho = initialDensity({ type: 'coherent', alpha: { a: [0.5, 0], b: [0, -0.3] } }, m);
    expectClose(trace(rho), 1, { rtol: 1e-14 });
    const a = expectValue(m.operators.a, rho);
    const b = expectValue(m.operators.b, rho);
    expectClose([a.re, a.im, b.re, b.im], [0.5, 0, 0, -0.3], { atol: 1e-14 });
    expectClose(expectValue(m.operators.na, rho).re, 0.25, { rtol: 1e-13 });
  });

  it('renormalises a coherent state that the cutoff truncates', () => {
    // α = 1 at cutoff 4 loses e^{−1}Σ_{n≥4} 1/n! ≈ 0.019 of its norm; the state is rescaled to Tr ρ = 1.
    const m = single(4);
    const rho = initialDensity({ type: 'coherent', alpha: { a: [1, 0] } }, m);
    expectClose(trace(rho), 1, { rtol: 1e-14 });
    // ⟨n⟩ of the renormalised truncated Poisson(1): Σ_{n<4} n/n! / Σ_{n<4} 1/n! = (1 + 1 + 1/2)/(1 + 1 + 1/2 + 1/6).
    expectClose(expectValue(m.operators.n, rho).re, 2.5 / (8 / 3), { rtol: 1e-14 });
  });
});
