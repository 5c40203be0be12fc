import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { dormandPrince, steadyState } from '@qsync/integrators';
import { expect as expectValue, heisenberg, tensorState, type DensityMatrix } from '@qsync/operators';
import { spinEnsemble } from './spin-ensemble';
import { spinEnsembleCumulants } from './spin-ensemble-cumulants';
import { spinEnsembleMeanField } from './spin-ensemble-mean-field';

/** One spin with s_z = z and ⟨σ+⟩ = r e^{iφ}: ρ_00 = (1 − z)/2, ρ_11 = (1 + z)/2, ρ_01 = r e^{iφ}. */
function spinState(z: number, r: number, phi: number): DensityMatrix {
  const data = Float64Array.from([(1 - z) / 2, 0, r * Math.cos(phi), r * Math.sin(phi), r * Math.cos(phi), -r * Math.sin(phi), (1 + z) / 2, 0]);
  return { dims: [2], matrix: { rows: 2, cols: 2, data } };
}

/**
 * A mixture over s_z ∈ zs (weights ws) of U(1)-averaged product states ∫dφ/2π ⊗_i ρ1(z, r, φ):
 * permutation and U(1) invariant, ⟨σ±⟩ = ⟨σ±σz⟩ = 0, and every third moment of distinct spins
 * ⟨σ+_iσz_kσ−_j⟩ = Σ w z r² = s_z⟨σ+σ−⟩ exactly because r is the same in each component: the
 * states on which the closure (4.57) is exact, while ⟨σzσz⟩ = Σ w z² ≠ s_z². The phase average
 * over M = N + 1 equally spaced phases is exact (the coherences have orders up to N).
 */
function closureExactState(n: number, zs: number[], ws: number[], r: number): DensityMatrix {
  const dim = 2 ** n;
  const data = new Float64Array(2 * dim * dim);
  const m = n + 1;
  zs.forEach((z, c) => {
    for (let k = 0; k < m; k++) {
      const one = spinState(z, r, (2 * Math.PI * k) / m + 0.3);
      const prod = tensorState(...Array.from({ length: n }, () => one));
      const w = ws[c] / m;
      for (let q = 0; q < data.length; q++) data[q] += w * prod.matrix.data[q];
    }
  });
  return { dims: Array.from({ length: n }, () => 2), matrix: { rows: dim, cols: dim, data } };
}

const params = { V: 5, gammaPlus: 1.5, gammaMinus: 0.4 };

describe('spinEnsembleCumulants (Eq. 4.58)', () => {
  it.each([3, 4])(
    'its right-hand side equals Tr[O Lρ] of the exact Liouvillian (4.52) on states where (4.57) is exact, N = %d (1e-12)',
    (n) => {
      const ens = spinEnsemble({ N: n, ...params });
      const cum = spinEnsembleCumulants({ N: n, ...params });
      const ops = ens.operators;
      for (const [zs, ws, r] of [
        [[0.3], [1], 0.4],
        [[-0.5, 0.6], [0.3, 0.7], 0.35],
        [[0.9, -0.2, 0.1], [0.2, 0.5, 0.3], 0.2],
      ] as const) {
        const rho = closureExactState(n, [...zs], [...ws], r);
        const y = Float64Array.from([ops.sigmaZ, ops.sigmaPlusSigmaMinus, ops.sigmaZSigmaZ].map((o) => expectValue(o, rho).re));
        const exact = [ops.sigmaZ, ops.sigmaPlusSigmaMinus, ops.sigmaZSigmaZ].map((o) => expectValue(heisenberg(ens.lindbladian, o), rho).re);
        const out = new Float64Array(3);
        cum.rhs(out, y, 0);
        expectClose(Array.from(out), exact, { atol: 1e-12 });
      }
    },
  );

  it('is exact for N = 2 (no third moments): its steady state is the exact one to 1e-10', () => {
    const ens = spinEnsemble({ N: 2, ...params });
    const { rho } = steadyState(ens.lindbladian);
    const ss = spinEnsembleCumulants({ N: 2, ...params }).steadyState();
    expectClose(
      [ss.sz, ss.sigmaPlusSigmaMinus, ss.sigmaZSigmaZ],
      [ens.operators.sigmaZ, ens.operators.sigmaPlusSigmaMinus, ens.operators.sigmaZSigmaZ].map((o) => expectValue(o, rho).re),
      { atol: 1e-10 },
    );
  });

  it.each([
    [10, 5],
    [10, 30],
    [1000, 5],
    [1000, 30],
    [100, 1],
  ])('steadyState() (roots of the reduced quadratic) is where the integration of (4.58) ends, N = %d, V = %d (1e-9)', (n, V) => {
    const cum = spinEnsembleCumulants({ N: n, V, gammaPlus: 10, gammaMinus: 1 });
    const sol = dormandPrince(cum.rhs, cum.initialState(), [0, 60], { rtol: 1e-12, atol: 1e-14 });
    const ss = cum.steadyState();
    expectClose(Array.from(sol.y[1]), [ss.sz, ss.sigmaPlusSigmaMinus, ss.sigmaZSigmaZ], { atol: 1e-9 });
  });

  it.each([20, 40])('approaches the mean field (4.54) as N grows: within 1e-3 at N = 10^4, V = %d, the gap shrinking like 1/N', (V) => {
    // Above Vc: s_z → (γ+ + γ−)/V and ⟨σ+σ−⟩ → |s+|² (4.56); the cumulant equations differ from (4.54)
    // by terms of relative size 1/N (the V/N terms and the (N − 1)/N, (N − 2)/N factors).
    const mf = spinEnsembleMeanField({ V, gammaPlus: 10, gammaMinus: 1 }).steadyState;
    const gap = (n: number) => {
      const ss = spinEnsembleCumulants({ N: n, V, gammaPlus: 10, gammaMinus: 1 }).steadyState();
      return Math.max(Math.abs(ss.sz - mf.sz), Math.abs(ss.sigmaPlusSigmaMinus - mf.sPlusModulus ** 2), Math.abs(ss.sigmaZSigmaZ - mf.sz ** 2));
    };
    const g3 = gap(1e3);
    const g4 = gap(1e4);
    expect(g4).toBeLessThan(1e-3);
    expect(g3 / g4).toBeGreaterThan(8);
    expect(g3 / g4).toBeLessThan(12);
  });

  it('below Vc the correlations are O(1/N): N⟨σ+σ−⟩ → V s_z0(1 + s_z0)/(2(γ+ + γ− − V s_z0)), the gap shrinking like 1/N', () => {
    // The N → ∞ limit of the second line of (4.58) at s_z = s_z0, ⟨σzσz⟩ = s_z0² (the fluctuations
    // about the incoherent state); it diverges at Vc, where γ+ + γ− = V s_z0.
    const V = 8;
    const s0 = 9 / 11;
    const limit = (V * s0 * (1 + s0)) / (2 * (11 - V * s0));
    const at = (n: number) => spinEnsembleCumulants({ N: n, V, gammaPlus: 10, gammaMinus: 1 }).steadyState();
    expectClose(at(1e4).sz, s0, { atol: 1e-3 });
    const err = (n: number) => Math.abs(n * at(n).sigmaPlusSigmaMinus - limit) / limit;
    expect(err(1e4)).toBeLessThan(3e-3);
    expect(err(1e3) / err(1e4)).toBeGreaterThan(8);
    expect(err(1e3) / err(1e4)).toBeLessThan(12);
  });

  it('at γ+ − γ− = V/N (no source term) the stationary point is s_z = ⟨σ+σ−⟩ = ⟨σzσz⟩ = 0, a root of the quadratic at 0', () => {
    // g = γ+ − γ− − V/N = 0 removes every source term of (4.58); the exact N = 4 state has the same zeros
    const ss = spinEnsembleCumulants({ N: 4, V: 4, gammaPlus: 2, gammaMinus: 1 }).steadyState();
    expectClose([ss.sz, ss.sigmaPlusSigmaMinus, ss.sigmaZSigmaZ], [0, 0, 0], { atol: 1e-15 });
  });

  it('finds the stable point through the transition at large N, where the two roots nearly merge (N = 10^6, V = Vc(1 ± 1e-3))', () => {
    // γ+ = 1.4γ−: Vc = 2.4²/0.4 = 14.4 (4.55); the incoherent and the locked roots lie O(1/√N) apart here
    const vc = 14.4;
    let previous = -Infinity;
    for (let k = -10; k <= 10; k++) {
      const ss = spinEnsembleCumulants({ N: 1e6, V: vc * (1 + 1e-4 * k), gammaPlus: 1.4, gammaMinus: 1 }).steadyState();
      expect(ss.sigmaPlusSigmaMinus).toBeGreaterThan(previous); // the order grows with V through the crossover
      previous = ss.sigmaPlusSigmaMinus;
    }
  });

  it('refuses bad parameters by name', () => {
    expect(() => spinEnsembleCumulants({ N: 1, ...params })).toThrow(/'N'.*≥ 2, got 1/);
    expect(() => spinEnsembleCumulants({ N: 2.5, ...params })).toThrow(/'N' must be an integer/);
    expect(() => spinEnsembleCumulants({ N: 4, ...params, szInitial: -2 })).toThrow(/'szInitial'.*≥ -1, got -2/);
  });
});
