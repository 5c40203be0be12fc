import { describe, expect, it } from 'vitest';
import { csrAdjoint, csrMatvecInto, csrToDense, denseZeros } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { dagger, minus, power, scaled, times } from './algebra';
import { adjointLiouvillianMatrix } from './adjoint-liouvillian-matrix';
import { applyLindbladianInto } from './apply-lindbladian-into';
import { coherentKet } from './coherent-ket';
import { embed } from './embed';
import { expect as expectValue } from './expect';
import { create, destroy, num } from './fock-operators';
import { heisenberg } from './heisenberg';
import { identity } from './identity';
import { lindbladian } from './lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import { pureState } from './pure-state';
import { fockSpace, spinHalfSpace, tensorSpace } from './space';
import { createRng, dense, randomDensity, randomLindbladian, randomOperator } from './test-support/random-operators';
import { sigmaMinus, sigmaPlus, sigmaZ } from './spin-half-operators';
import { tensorKet } from './tensor-ket';

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
    const vdp = lindbladian(scaled(num(f), omega), [
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

  it('two coupled vdP (Eq. 4.8): d⟨a⟩/dt = −i(δ/2)⟨a⟩ + (κ1 − κ)/2⟨a⟩ − κ2⟨a†a²⟩ + (V/2)(⟨b⟩ − ⟨a⟩) (Eqs. 4.2, 2.17)', () => {
    // the Lindbladian of the README; the coupling term follows from D̃[a − b]a = −(a − b)/2
    const [kappa1, kappa, kappa2, delta, V] = [3, 1, 1, 0.5, 2];
    const f = fockSpace(8);
    const s = tensorSpace(f, f);
    const a = embed(destroy(f), s, 0);
    const b = embed(destroy(f), s, 1);
    const ad = embed(create(f), s, 0);
    const l = lindbladian(scaled(minus(embed(num(f), s, 0), embed(num(f), s, 1)), delta / 2), [
      { rate: kappa1, jump: ad },
      { rate: kappa1, jump: embed(create(f), s, 1) },
      { rate: kappa, jump: a },
      { rate: kappa, jump: b },
      { rate: kappa2, jump: power(a, 2) },
      { rate: kappa2, jump: power(b, 2) },
      { rate: V, jump: minus(a, b) },
    ]);
    // Truncation at N = 8: the truncated [a, a†] = 1 − 8|7⟩⟨7| makes κ1·D̃[a†]a wrong by
    // −4κ1·a|7⟩⟨7|, whose expectation is ≈ 4κ1·√7·|c_6 c_7| ≈ 32·|α|^13/√(6!7!). For |α| = 0.15
    // that is ≈ 3e-13, so atol 1e-12 (rounding is ~1e-16).
    const rho = pureState(tensorKet(coherentKet(f, { re: 0.15, im: 0 }), coherentKet(f, { re: 0, im: 0.1 })));
    const got = expectValue(heisenberg(l, a), rho);
    const ea = expectValue(a, rho);
    const eb = expectValue(b, rho);
    const e3 = expectValue(times(ad, power(a, 2)), rho);
    const c = (kappa1 - kappa) / 2 - V / 2;
    const re = (delta / 2) * ea.im + c * ea.re - kappa2 * e3.re + (V / 2) * eb.re;
    const im = -(delta / 2) * ea.re + c * ea.im - kappa2 * e3.im + (V / 2) * eb.im;
    expectClose([got.re, got.im], [re, im], { atol: 1e-12 });
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
