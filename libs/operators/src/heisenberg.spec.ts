import { describe, expect, it } from 'vitest';
import { csrAdjoint, csrMatvecInto, csrToDense, denseZeros } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { dagger, power, scaled, times } from './algebra';
import { adjointLiouvillianMatrix } from './adjoint-liouvillian-matrix';
import { applyLindbladianInto } from './apply-lindbladian-into';
import { coherentKet } from './coherent-ket';
import { expect as expectValue } from './expect';
import { create, destroy, number } from './fock-operators';
import { heisenberg } from './heisenberg';
import { identity } from './identity';
import { lindbladian } from './lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import { pureState } from './pure-state';
import { fockSpace, spinHalfSpace } from './space';
import { createRng, dense, randomDensity, randomLindbladian, randomOperator } from './spec-helpers';
import { sigmaMinus, sigmaPlus, sigmaZ } from './spin-half-operators';

describe('heisenberg / adjointLiouvillianMatrix (thesis Eq. 3.9)', () => {
  const rng = createRng(13);
  const dims = [3, 2];
  const l = randomLindbladian(rng, dims);

  it('satisfies Tr[(L†o) ρ] = Tr[o L(ρ)] for random o and ρ', () => {
    const o = randomOperator(rng, dims);
    const rho = randomDensity(rng, dims);
    const lhs = expectValue(heisenberg(l, o), rho);
    const lrho = { dims, matrix: applyLindbladianInto(denseZeros(6, 6), l, rho.matrix) };
    const rhs = expectValue(o, lrho);
    // values ~10 from sums of ~10³ products in different orders: 1e-12 absolute
    expectClose([lhs.re, lhs.im], [rhs.re, rhs.im], { atol: 1e-12 });
  });

  it('spin-1/2 with gain and loss: L†σz = (γ+ − γ−) − (γ+ + γ−)σz, L†σ+ = (iω − (γ+ + γ−)/2)σ+ (Eqs. 4.27, 4.28)', () => {
    const s = spinHalfSpace();
    const [omega, gp, gm] = [1.1, 0.3, 0.7];
    const sl = lindbladian(scaled(sigmaZ(s), omega / 2), [
      { rate: gp, jump: sigmaPlus(s) },
      { rate: gm, jump: sigmaMinus(s) },
    ]);
    const z = dense(heisenberg(sl, sigmaZ(s))).data;
    // diag((γ+ − γ−) + (γ+ + γ−), (γ+ − γ−) − (γ+ + γ−)) = diag(2γ+, −2γ−); a few roundings
    expectClose(z, [2 * gp, 0, 0, 0, 0, 0, -2 * gm, 0], { rtol: 1e-15, atol: 1e-16 });
    const p = dense(heisenberg(sl, sigmaPlus(s))).data;
    expectClose(p, [0, 0, 0, 0, -(gp + gm) / 2, omega, 0, 0], { rtol: 1e-15, atol: 1e-16 });
  });

  it('quantum vdP (Eq. 4.1): d⟨a⟩/dt = −iω⟨a⟩ + (κ1−κ)/2⟨a⟩ − κ2⟨a†a²⟩ (Eq. 4.2)', () => {
    const f = fockSpace(25);
    const a = destroy(f);
    const [omega, k1, k2, k] = [1.3, 0.9, 0.25, 0.4];
    const vdp = lindbladian(scaled(number(f), omega), [
      { rate: k1, jump: create(f) },
      { rate: k2, jump: power(a, 2) },
      { rate: k, jump: a },
    ]);
    // coherent state with |α|² = 0.5: weight on the top level n = 24 is 0.5^24/24! e^{−0.5} ≈ 2e-32
    const rho = pureState(coherentKet(f, { re: 0.6, im: -0.38 }));
    const got = expectValue(heisenberg(vdp, a), rho);
    const ea = expectValue(a, rho);
    const e3 = expectValue(times(dagger(a), power(a, 2)), rho);
    const c = (k1 - k) / 2;
    const expected = {
      re: omega * ea.im + c * ea.re - k2 * e3.re,
      im: -omega * ea.re + c * ea.im - k2 * e3.im,
    };
    // O(1) values from sums over 25 levels: 1e-14 absolute
    expectClose([got.re, got.im], [expected.re, expected.im], { atol: 1e-14 });
  });

  it('adjointLiouvillianMatrix·vec(o) = vec(L†o), and it is the conjugate transpose of liouvillianMatrix', () => {
    const o = randomOperator(rng, dims);
    const viaMatrix = csrMatvecInto(new Float64Array(72), adjointLiouvillianMatrix(l), dense(o).data);
    // entries ~10 from ~100-term sums: 1e-13 absolute
    expectClose(viaMatrix, dense(heisenberg(l, o)).data, { atol: 1e-13 });
    const a = csrToDense(adjointLiouvillianMatrix(l)).data;
    const b = csrToDense(csrAdjoint(liouvillianMatrix(l))).data;
    expectClose(a, b, { atol: 1e-13 });
  });

  it('maps the identity to 0 (trace preservation in the Heisenberg picture)', () => {
    const id = identity({ dims, size: 6, kind: 'tensor', factors: [] });
    expectClose(dense(heisenberg(l, id)).data, new Float64Array(72), { atol: 1e-13 }); // cancellation of ~10-sized terms
  });

  it('rejects an operator with other dims', () => {
    expect(() => heisenberg(l, destroy(fockSpace(6)))).toThrow(
      "heisenberg: 'l' has dims [3, 2] but 'o' has dims [6]; they must be equal",
    );
  });
});
