import { spinCoherentKet, spinHalfSpace, tensorKet } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinHusimiQ } from './spin-husimi-q';
import { spinPairHusimiQ } from './spin-pair-husimi-q';
import { kronDensity, pure, randomDensity, seededUniform } from './test-support/states';

describe('spinPairHusimiQ', () => {
  it('runs the doc example', () => {
    const d = new Float64Array(32);
    d[2 * (2 * 4 + 2)] = 1;
    const q = spinPairHusimiQ({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, { thetaA: [0, Math.PI], phiA: [0, 0], thetaB: [Math.PI, 0], phiB: [0, 0] });
    expectClose(q, [1 / (4 * Math.PI ** 2), 0], { atol: 1e-17 });
  });

  it('is (1/4π²)|⟨θA,φA; θB,φB|ψ⟩|² with the product of spinCoherentKet kets (Eq. 4.42)', () => {
    const rand = seededUniform(8);
    const rho = randomDensity([2, 2], rand);
    const s = spinHalfSpace();
    const angles = { thetaA: [0.3, 2.9, 1.2], phiA: [1, -2, 0.4], thetaB: [2.2, 0.1, 1.6], phiB: [3, 0.5, -1.1] };
    const q = spinPairHusimiQ(rho, angles);
    for (let k = 0; k < 3; k++) {
      const psi = tensorKet(spinCoherentKet(s, angles.thetaA[k], angles.phiA[k]), spinCoherentKet(s, angles.thetaB[k], angles.phiB[k])).data;
      // Re ψ†ρψ by plain loops
      let acc = 0;
      const d = rho.matrix.data;
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 4; j++) {
          const rr = d[2 * (4 * i + j)];
          const ri = d[2 * (4 * i + j) + 1];
          // conj(ψ_i)·ρ_ij·ψ_j
          const ar = psi[2 * i] * rr + psi[2 * i + 1] * ri;
          const ai = psi[2 * i] * ri - psi[2 * i + 1] * rr;
          acc += ar * psi[2 * j] - ai * psi[2 * j + 1];
        }
      expectClose(q[k], acc / (4 * Math.PI ** 2), { atol: 1e-17 });
    }
  });

  it('factorises for a product state: Q = Q_A(θA, φA)·Q_B(θB, φB)', () => {
    const rand = seededUniform(2);
    const a = randomDensity([2], rand);
    const b = pure(spinCoherentKet(spinHalfSpace(), 0.7, 2).data, [2]);
    const [q] = spinPairHusimiQ(kronDensity(a, b), { thetaA: [1.3], phiA: [-0.6], thetaB: [0.4], phiB: [2.4] });
    const qa = spinHusimiQ(a, { theta: [1.3], phi: [-0.6] })[0];
    const qb = spinHusimiQ(b, { theta: [0.4], phi: [2.4] })[0];
    expectClose(q, qa * qb, { rtol: 1e-14 });
  });

  it('refuses one spin, unequal lengths and missing angles', () => {
    const one = randomDensity([2], seededUniform(1));
    const two = randomDensity([2, 2], seededUniform(1));
    expect(() => spinPairHusimiQ(one, { thetaA: [0], phiA: [0], thetaB: [0], phiB: [0] })).toThrow(/spinPairHusimiQ: argument 'rho' must be a two-mode density matrix/);
    const fock = randomDensity([2, 3], seededUniform(1));
    expect(() => spinPairHusimiQ(fock, { thetaA: [0], phiA: [0], thetaB: [0], phiB: [0] })).toThrow(/two spins-1\/2 \(dims \[2, 2\]\), got dims \[2, 3\]/);
    expect(() => spinPairHusimiQ(two, { thetaA: [0, 1], phiA: [0], thetaB: [0, 1], phiB: [0, 1] })).toThrow(/'angles.phiA' must have the length of 'angles.thetaA' \(2\), got 1/);
    expect(() => spinPairHusimiQ(two, { thetaA: [0], phiA: [0], thetaB: [0] } as never)).toThrow(/'angles.phiB' must be an array of numbers/);
  });
});
