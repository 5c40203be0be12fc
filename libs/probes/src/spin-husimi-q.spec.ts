import { csrToDense, denseMatmul, expm } from '@qsync/linalg';
import { scaled, sigmaY, sigmaZ, spinCoherentKet, spinHalfSpace } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { gaussLegendre } from './gauss-legendre';
import { spinHusimiQ } from './spin-husimi-q';
import { linspace, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

/** ⟨θ, φ| by the definition (4.31): e^{−iφσz/2} e^{−iθσy/2} |1⟩ with matrix exponentials of @qsync/linalg. */
function ketByExponentials(theta: number, phi: number): Float64Array {
  const s = spinHalfSpace();
  const ry = expm(csrToDense(scaled(sigmaY(s), { re: 0, im: -theta / 2 }).matrix));
  const rz = expm(csrToDense(scaled(sigmaZ(s), { re: 0, im: -phi / 2 }).matrix));
  const u = denseMatmul(rz, ry);
  // column of |1⟩ (index 1): u[i][1]
  return Float64Array.of(u.data[2], u.data[3], u.data[6], u.data[7]);
}

function qDirect(rho: { matrix: { data: Float64Array } }, psi: Float64Array): number {
  const d = rho.matrix.data;
  let acc = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      // conj(ψ_i) ρ_ij ψ_j, real part
      const pr = psi[2 * i] * d[2 * (2 * i + j)] + psi[2 * i + 1] * d[2 * (2 * i + j) + 1];
      const pi = psi[2 * i] * d[2 * (2 * i + j) + 1] - psi[2 * i + 1] * d[2 * (2 * i + j)];
      acc += pr * psi[2 * j] - pi * psi[2 * j + 1];
    }
  }
  return acc / (2 * Math.PI);
}

describe('spinHusimiQ', () => {
  it('runs the doc example: |1⟩ gives cos²(θ/2)/2π', () => {
    const up = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0) } };
    expectClose(spinHusimiQ(up, { theta: [0, Math.PI / 2, Math.PI], phi: [0] }), [1 / (2 * Math.PI), 1 / (4 * Math.PI), 0], { atol: 1e-17 });
  });

  it('equals (1/2π)⟨θ,φ|ρ|θ,φ⟩ with |θ,φ⟩ built from the exponentials of Eq. (4.31), and spinCoherentKet is that ket', () => {
    const rand = seededUniform(11);
    const rho = randomDensity([2], rand);
    const thetas = linspace(0, Math.PI, 7);
    const phis = periodicAngles(9, -1);
    const q = spinHusimiQ(rho, { theta: thetas, phi: phis });
    thetas.forEach((t, i) =>
      phis.forEach((f, j) => {
        const psi = ketByExponentials(t, f);
        expectClose(spinCoherentKet(spinHalfSpace(), t, f).data, psi, { atol: 1e-15 });
        expectClose(q[i * phis.length + j], qDirect(rho, psi), { atol: 1e-16 });
      }),
    );
  });

  it('is normalised, ∫ sin θ dθ dφ Q = Tr ρ, and peaks at the coherent state itself', () => {
    const rho = pure(spinCoherentKet(spinHalfSpace(), 1.1, -2.3).data, [2]);
    const { nodes, weights } = gaussLegendre(16, 0, Math.PI);
    const phis = periodicAngles(8);
    const q = spinHusimiQ(rho, { theta: nodes, phi: phis });
    let total = 0;
    nodes.forEach((t, i) => phis.forEach((_, j) => (total += weights[i] * Math.sin(t) * q[i * 8 + j] * (2 * Math.PI) / 8)));
    expectClose(total, 1, { rtol: 1e-14 });
    // |⟨θ,φ|θ0,φ0⟩|² = cos²(γ/2) with γ the angle between the two directions: 1 at the state itself
    const [top] = spinHusimiQ(rho, { theta: [1.1], phi: [-2.3] });
    expectClose(top, 1 / (2 * Math.PI), { rtol: 1e-15 });
    const [antipode] = spinHusimiQ(rho, { theta: [Math.PI - 1.1], phi: [-2.3 + Math.PI] });
    expectClose(antipode, 0, { atol: 1e-17 });
  });

  it('lays out rows of θ and columns of φ', () => {
    const rho = randomDensity([2], seededUniform(3));
    const q = spinHusimiQ(rho, { theta: [0.3, 2], phi: [0, 1, 2] });
    expect(q.length).toBe(6);
    expectClose(q[1 * 3 + 2], spinHusimiQ(rho, { theta: [2], phi: [2] })[0], { rtol: 1e-15 });
  });

  it('refuses what is not a spin-1/2 state or a grid', () => {
    const fock3 = { dims: [3], matrix: { rows: 3, cols: 3, data: new Float64Array(18) } };
    expect(() => spinHusimiQ(fock3, { theta: [0], phi: [0] })).toThrow(/spinHusimiQ: argument 'rho' must be the density matrix of a spin-1\/2 \(dims \[2\]\), got dims \[3\]/);
    const rho = randomDensity([2], seededUniform(1));
    expect(() => spinHusimiQ(rho, undefined as never)).toThrow(/argument 'grid' must be an object/);
    expect(() => spinHusimiQ(rho, { theta: [Number.NaN], phi: [0] })).toThrow(/'grid.theta' must hold finite numbers/);
    expect(() => spinHusimiQ(rho, { theta: [0], phi: [] })).toThrow(/'grid.phi' must not be empty/);
  });
});
