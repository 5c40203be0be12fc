import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import {
  dickeLindbladian,
  dickeSpace,
  dickeSpin,
  dickeSpinMoments,
  dickeToTensor,
  lindbladian,
  times,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaX,
  sigmaZ,
  spinHalfSpace,
  expect as expectValue,
} from '@qsync/operators';
import { steadyState } from './steady-state';
import { ensembleDicke, ensembleTensor } from './test-support/spin-ensemble';
import { vdpPair } from './test-support/vdp-pair';

describe('steadyState', () => {
  it('gives the closed-form populations of a pumped, decaying two-level system', () => {
    // γ+ D[σ+] + γ− D[σ−] (a rate equation): p1 = γ+/(γ+ + γ−), p0 = γ−/(γ+ + γ−), no coherence.
    const s = spinHalfSpace();
    const l = lindbladian(scaled(sigmaZ(s), 0.3), [
      { rate: 0.4, jump: sigmaPlus(s) },
      { rate: 1.1, jump: sigmaMinus(s) },
    ]);
    const { rho, residual, method } = steadyState(l);
    expect(method).toBe('direct');
    expectClose(rho.matrix.data[2 * 3], 0.4 / 1.5, { rtol: 1e-14 });
    expectClose(rho.matrix.data[0], 1.1 / 1.5, { rtol: 1e-14 });
    expect(residual).toBeLessThan(1e-14);
  });

  it('matches the driven, damped two-level closed form (optical Bloch equations)', () => {
    // H = (Ω/2)σx, D[σ−] at rate γ, on resonance: ρ11 = (Ω²/4)/(γ²/4 + Ω²/2)  (|1> is the upper level).
    const s = spinHalfSpace();
    const O = 0.9;
    const g = 0.6;
    const { rho } = steadyState(lindbladian(scaled(sigmaX(s), O / 2), [{ rate: g, jump: sigmaMinus(s) }]));
    expectClose(rho.matrix.data[2 * 3], O * O / 4 / (g * g / 4 + O * O / 2), { rtol: 1e-13 });
  });

  it('agrees between the direct and the iterative method on the coupled vdP pair', () => {
    const { l, a, b } = vdpPair(6);
    const direct = steadyState(l, { method: 'direct' });
    const iterative = steadyState(l, { method: 'iterative', tol: 1e-13 });
    expect(iterative.method).toBe('iterative');
    // The population block of two modes with cutoff 6 has Σ_s c(s)² = 146 unknowns (s = n_A + n_B).
    expect(direct.blockSize).toBe(146);
    expectClose(direct.rho.matrix.data, iterative.rho.matrix.data, { atol: 1e-11 });
    const c = expectValue(plus(a, b), direct.rho);
    expectClose([c.re, c.im], [0, 0], { atol: 1e-14 }); // U(1) symmetry: <a> = <b> = 0
    expect(direct.residual).toBeLessThan(1e-12);
  });

  it("picks GMRES on its own for a large block and agrees with the direct solve to rounding", () => {
    // Cutoff 16: the band LU of the 2736-unknown population block would cost ~4e8 operations.
    const { l } = vdpPair(16);
    const auto = steadyState(l);
    expect(auto.method).toBe('iterative');
    const direct = steadyState(l, { method: 'direct' });
    // Default GMRES tolerance 1e-14 relative: ‖Lρ‖ lands at the level of the direct solve.
    expect(auto.residual).toBeLessThan(1e-13);
    expectClose(auto.rho.matrix.data, direct.rho.matrix.data, { atol: 1e-12 });
    // When GMRES fails, 'auto' falls back to the direct solve; 'iterative' reports the failure.
    expect(steadyState(l, { maxIterations: 1 }).method).toBe('direct');
    expect(() => steadyState(l, { method: 'iterative', maxIterations: 1 })).toThrow(/GMRES did not converge in 1 iterations/);
  });

  it('refuses a Liouvillian whose steady state is not unique', () => {
    const s = spinHalfSpace();
    expect(() => steadyState(lindbladian(scaled(sigmaZ(s), 1), [{ rate: 1, jump: sigmaZ(s) }]))).toThrow(
      /not unique: the populations fall into 2 blocks/,
    );
  });

  it('refuses a Liouvillian with two steady states in one connected block (null space of dimension 2)', () => {
    // H = σx with D[σx]: every entry of ρ is connected to every other, yet I and σx both commute
    // with H and the jump, so L has the two-dimensional null space span{I, σx}.
    const s = spinHalfSpace();
    const l = lindbladian(sigmaX(s), [{ rate: 1, jump: sigmaX(s) }]);
    expect(() => steadyState(l)).toThrow(/^steadyState: the steady state is not unique: the populations' block of L has 2 zero pivots/);
    // the same with a decay that breaks the symmetry is unique (control)
    const unique = lindbladian(sigmaX(s), [{ rate: 1, jump: sigmaX(s) }, { rate: 0.1, jump: sigmaMinus(s) }]);
    expect(steadyState(unique).residual).toBeLessThan(1e-14);
  });

  it('refuses bad options by name', () => {
    const { l } = vdpPair(2);
    expect(() => steadyState(l, { method: 'lu' as never })).toThrow(/'method' must be 'auto', 'direct' or 'iterative', got 'lu'/);
    expect(() => steadyState(l, { tol: 0 })).toThrow(/'tol' must be > 0/);
    expect(() => steadyState(l, { maxIterations: 1.5 })).toThrow(/'maxIterations' must be a positive integer/);
  });
});

describe('steadyState of a permutation-invariant generator (thesis Eq. 4.52 with local dephasing)', () => {
  // The whole ρ: the permutation-invariant blocks, expanded to 2^N × 2^N with dickeToTensor, against
  // the tensor-product steady state of the same master equation (16 × 16 at N = 4). Both solves end
  // at ‖Lρ‖ ~ 1e-15 and L's smallest nonzero eigenvalue is O(0.1) here, so each ρ is good to
  // ~1e-13; 1e-10 (the issue's bound) leaves margin, and a wrong rate shifts ρ by ≥ 1e-3.
  const points = [
    { n: 4, V: 3, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.15 },
    { n: 4, V: 2, gammaPlus: 0.3, gammaMinus: 1, gammaZ: 0 },
    { n: 4, V: 1.5, gammaPlus: 0.7, gammaMinus: 0.4, gammaZ: 0.3, omega: 0.8 },
  ];
  for (const p of points) {
    it(`equals the tensor-product steady state at N = 4, whole ρ and observables to 1e-10 (${JSON.stringify(p)})`, () => {
      const pi = steadyState(ensembleDicke(p));
      const t = ensembleTensor(p);
      const full = steadyState(t.l);
      expect(pi.blockSize).toBe(5 + 3 + 1); // the populations ρ_j(m, m)
      expect(pi.residual).toBeLessThan(1e-14);
      expectClose(dickeToTensor(pi.rho).matrix.data, full.rho.matrix.data, { atol: 1e-10 });
      const m = dickeSpinMoments(pi.rho);
      expectClose(m.Sz, expectValue(t.Sz, full.rho).re, { atol: 1e-10 });
      expectClose(m.SpSm, expectValue(times(t.Sp, t.Sm), full.rho).re, { atol: 1e-10 });
      expectClose(m.SzSz, expectValue(times(t.Sz, t.Sz), full.rho).re, { atol: 1e-10 });
    });
  }

  it('solves the whole generator when a drive Ω Sx breaks the U(1) symmetry (N = 3, against the tensor product)', () => {
    const p = { n: 3, V: 2, gammaPlus: 0.6, gammaMinus: 0.5, gammaZ: 0.1, drive: 0.7 };
    const pi = steadyState(ensembleDicke(p));
    expect(pi.blockSize).toBe(16 + 4); // Σ_j (2j+1)²: j = 3/2, 1/2
    const full = steadyState(ensembleTensor(p).l);
    expectClose(dickeToTensor(pi.rho).matrix.data, full.rho.matrix.data, { atol: 1e-10 });
  });

  it('gives s_z = (γ+ − γ−)/(γ+ + γ−) without coupling (Eq. 4.29, each spin on its own) at N = 200', () => {
    // 10 201 unknowns; the pair values depend on how the populations spread over the j blocks
    // (the degeneracies d_j of 201 blocks), not only on the single-spin rate balance.
    const r = steadyState(ensembleDicke({ n: 200, V: 0, gammaPlus: 1.3, gammaMinus: 0.4, gammaZ: 0.2 }), { method: 'direct' });
    expect(r.blockSize).toBe(101 * 101);
    const m = dickeSpinMoments(r.rho);
    expectClose(m.sz, 0.9 / 1.7, { rtol: 1e-12 });
    // independent spins: ⟨σ+_iσ−_j⟩ = ⟨σ+⟩⟨σ−⟩ = 0, ⟨σz_iσz_j⟩ = s_z²
    expectClose(m.sigmaPlusMinus as number, 0, { atol: 1e-12 });
    expectClose(m.sigmaZZ as number, (0.9 / 1.7) ** 2, { rtol: 1e-11 });
  });

  it('solves N = 60 (961 unknowns) with ‖Lρ‖ near rounding; direct and iterative agree', () => {
    const l = ensembleDicke({ n: 60, V: 5, gammaPlus: 1, gammaMinus: 0.1, gammaZ: 0.05 });
    const direct = steadyState(l, { method: 'direct' });
    expect(direct.blockSize).toBe(31 * 31);
    expect(direct.residual).toBeLessThan(1e-13);
    const m = dickeSpinMoments(direct.rho);
    expectClose(m.trace, 1, { rtol: 1e-14 });
    // above the mean-field threshold Vc = (γ+ + γ−)/s_z0 (≈ 1.4 with dephasing counted in) the spins correlate
    expect(m.sigmaPlusMinus as number).toBeGreaterThan(0.01);
    const iterative = steadyState(l, { method: 'iterative' });
    expectClose(dickeSpinMoments(iterative.rho).sz, m.sz, { rtol: 1e-10 });
  });

  it('solves the ensemble (4.52) at N = 200 above threshold; exact moment balances d⟨Sz⟩/dt = d⟨Sz²⟩/dt = 0 hold', () => {
    // From the master equation (not from the code): (V/N)D[S−] gives d⟨Sz⟩ = −(V/N)⟨S+S−⟩ and
    // d⟨Sz²⟩ = (V/N)⟨S+S−(1 − 2Sz)⟩; γ+ D[σ+_i] gives d⟨σz_i⟩ = γ+(1 − σz_i), γ− D[σ−_i] gives
    // −γ−(1 + σz_i), dephasing neither. Summed over spins and pairs (Σ_{i≠k} σz_iσz_k = 4Sz² − N):
    //   0 = −(V/N)⟨S+S−⟩ + γ+(N/2 − ⟨Sz⟩) − γ−(N/2 + ⟨Sz⟩)
    //   0 = (V/N)⟨S+S−(1 − 2Sz)⟩ + γ+((N − 1)⟨Sz⟩ − 2⟨Sz²⟩ + N/2) − γ−((N − 1)⟨Sz⟩ + 2⟨Sz²⟩ − N/2)
    // A wrong local coefficient, degeneracy or collective rate breaks them by O(1) of their terms.
    const p = { n: 200, V: 4, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 };
    const r = steadyState(ensembleDicke(p));
    // 'auto' takes the band LU here (ops/m² ≈ 2: narrow band; GMRES measured 2× slower, README)
    expect(r.method).toBe('direct');
    expect(r.residual).toBeLessThan(1e-13);
    const { space, data } = r.rho;
    let sz = 0;
    let szsz = 0;
    let spsm = 0;
    let spsmsz = 0;
    for (let b = 0; b < space.blocks; b++) {
      const j = space.j[b];
      const d = 2 * j + 1;
      for (let k = 0; k < d; k++) {
        const m = k - j;
        const pop = data[2 * (space.vecOffset[b] + k * d + k)];
        const c = (j + m) * (j - m + 1); // ⟨j m|S+S−|j m⟩
        sz += m * pop;
        szsz += m * m * pop;
        spsm += c * pop;
        spsmsz += c * m * pop;
      }
    }
    const { n: N, V, gammaPlus: gp, gammaMinus: gm } = p;
    const first = [-(V / N) * spsm, gp * (N / 2 - sz), -gm * (N / 2 + sz)];
    const second = [(V / N) * (spsm - 2 * spsmsz), gp * ((N - 1) * sz - 2 * szsz + N / 2), -gm * ((N - 1) * sz + 2 * szsz - N / 2)];
    for (const terms of [first, second]) {
      const scale = Math.max(...terms.map(Math.abs));
      // each term is a sum of 10 201 populations times weights ≤ N³: rounding ~1e-13 of the largest
      expect(Math.abs(terms[0] + terms[1] + terms[2])).toBeLessThan(1e-10 * scale);
    }
    // and it is the synchronized phase: ⟨σ+_iσ−_j⟩ well above zero
    expect(dickeSpinMoments(r.rho).sigmaPlusMinus as number).toBeGreaterThan(0.01);
  });

  it('refuses a generator with two steady states in one connected block (N = 1, H = Sx, D[Sx])', () => {
    // One j, so the connectivity check passes; I and Sx are both stationary.
    const s = dickeSpace(1);
    const sx = dickeSpin(s, 'x');
    expect(() => steadyState(dickeLindbladian(s, sx, [{ rate: 1, jump: sx }]))).toThrow(
      /^steadyState: the steady state is not unique: the populations' block of L has 2 zero pivots/,
    );
  });

  it('refuses a generator with collective processes only (j conserved: no unique steady state)', () => {
    const s = dickeSpace(4);
    expect(() => steadyState(dickeLindbladian(s, null, [{ rate: 1, jump: dickeSpin(s, '-') }]))).toThrow(
      /not unique: the populations fall into 3 blocks.*add a local process/,
    );
  });
});
