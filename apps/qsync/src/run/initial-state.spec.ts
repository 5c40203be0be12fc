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
    const rho = initialDensity({ type: 'fock', n: { a: 2, b: 1 } }, m, 'coupled-quantum-vdp');
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
    const rho = initialDensity({ type: 'coherent', alpha: { a: [0.5, 0], b: [0, -0.3] } }, m, 'coupled-quantum-vdp');
    expectClose(trace(rho), 1, { rtol: 1e-14 });
    const a = expectValue(m.operators.a, rho);
    const b = expectValue(m.operators.b, rho);
    expectClose([a.re, a.im, b.re, b.im], [0.5, 0, 0, -0.3], { atol: 1e-14 });
    expectClose(expectValue(m.operators.na, rho).re, 0.25, { rtol: 1e-13 });
  });

  it('renormalises a coherent state that the cutoff truncates', () => {
    // α = 1 at cutoff 4 loses e^{−1}Σ_{n≥4} 1/n! ≈ 0.019 of its norm; the state is rescaled to Tr ρ = 1.
    const m = single(4);
    const rho = initialDensity({ type: 'coherent', alpha: { a: [1, 0] } }, m, 'quantum-vdp');
    expectClose(trace(rho), 1, { rtol: 1e-14 });
    // ⟨n⟩ of the renormalised truncated Poisson(1): Σ_{n<4} n/n! / Σ_{n<4} 1/n! = (1 + 1 + 1/2)/(1 + 1 + 1/2 + 1/6).
    expectClose(expectValue(m.operators.n, rho).re, 2.5 / (8 / 3), { rtol: 1e-14 });
  });

  it('puts a spin in a basis state exactly and in |θ, φ⟩ with ⟨σ+⟩ = e^{iφ} sin θ / 2, ⟨σz⟩ = cos θ (Eq. 4.31)', () => {
    const one = buildQuantumModel('spin', { gammaPlus: 1, gammaMinus: 1 });
    expect(expectValue(one.operators.sigmaZ, initialDensity({ type: 'spin', spins: { all: { basis: 'down' } } }, one, 'spin'))).toEqual({ re: -1, im: 0 });
    // θ = 1, φ = 0.7: the Bloch vector (sin θ cos φ, sin θ sin φ, cos θ), and σ+ = (σx + iσy)/2
    const rho = initialDensity({ type: 'spin', spins: { A: { theta: 1, phi: 0.7 } } }, one, 'spin');
    const sp = expectValue(one.operators.sigmaPlus, rho);
    expectClose([sp.re, sp.im, expectValue(one.operators.sigmaZ, rho).re], [(Math.sin(1) * Math.cos(0.7)) / 2, (Math.sin(1) * Math.sin(0.7)) / 2, Math.cos(1)], { atol: 1e-15 });
  });

  it('gives each named spin its own state and every spin of an ensemble the same, after the cavity mode', () => {
    const pairOfSpins = buildQuantumModel('coupled-spins', { V: 1, gammaPlus: 1, gammaMinus: 1 });
    const rho = initialDensity({ type: 'spin', spins: { A: { basis: 'up' }, B: { theta: Math.PI / 2, phi: 0 } } }, pairOfSpins, 'coupled-spins');
    expectClose(
      [expectValue(pairOfSpins.operators.sigmaZA, rho).re, expectValue(pairOfSpins.operators.sigmaZB, rho).re, expectValue(pairOfSpins.operators.sigmaPlusB, rho).re],
      [1, 0, 0.5],
      { atol: 1e-15 },
    );
    // laser: cavity |1⟩ ⊗ three spins at θ = π/3: ⟨n⟩ = 1, ⟨σz⟩ = cos(π/3) = 1/2 per spin, ⟨S+S−⟩ = Σ_i p_i + Σ_{i≠j} |s+|² = 3·3/4 + 6·(sin(π/3)/2)²
    const laser = buildQuantumModel('superradiant-laser', { N: 3, cutoff: 3, Omega: 1, kappa: 10, gammaPlus: 1, gammaMinus: 0 });
    const r = initialDensity({ type: 'fock', n: { a: 1 }, spins: { all: { theta: Math.PI / 3, phi: 0 } } }, laser, 'superradiant-laser');
    expect(r.dims).toEqual([3, 2, 2, 2]);
    expectClose(
      [expectValue(laser.operators.n, r).re, expectValue(laser.operators.sigmaZ, r).re, expectValue(laser.operators.SplusSminus, r).re],
      [1, 0.5, 3 * 0.75 + 6 * (Math.sin(Math.PI / 3) / 2) ** 2],
      { rtol: 1e-14 },
    );
  });
});
