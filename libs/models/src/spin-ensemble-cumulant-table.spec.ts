import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { dickeToTensor, embed, expect as expectValue, sigmaMinus, sigmaPlus, sigmaZ, spinHalfSpace, tensorSpace, times } from '@qsync/operators';
import { spinEnsemblePermutationInvariant } from './spin-ensemble-permutation-invariant';
import { cumulantTable, cumulantTableLine, tripleMoment } from './test-support/cumulant-table';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The README's rows after the marker `<!-- cumulant-table V=… -->`. */
function readmeRows(V: number): string[] {
  const start = readme.indexOf(`<!-- cumulant-table V=${V} -->`);
  expect(start).toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n').slice(3);
  return lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
}

describe('the three-spin moment ⟨σ+_iσz_kσ−_j⟩ from collective operators', () => {
  it('equals ⟨σ+_1σz_2σ−_3⟩ (and ⟨σ+_4σz_1σ−_2⟩) of the full tensor state at N = 5', () => {
    const pi = spinEnsemblePermutationInvariant({ N: 5, V: 20, gammaPlus: 10, gammaMinus: 1 });
    const { rho } = steadyState(pi.lindbladian);
    const full = dickeToTensor(rho);
    const spin = spinHalfSpace();
    const space = tensorSpace(spin, spin, spin, spin, spin);
    const triple = (i: number, k: number, j: number) =>
      expectValue(times(times(embed(sigmaPlus(spin), space, i), embed(sigmaZ(spin), space, k)), embed(sigmaMinus(spin), space, j)), full).re;
    expectClose(tripleMoment(rho), triple(0, 1, 2), { atol: 1e-12 });
    expectClose(tripleMoment(rho), triple(3, 0, 1), { atol: 1e-12 });
    expect(Math.abs(triple(0, 1, 2))).toBeGreaterThan(1e-3);
  });
});

describe.each([4, 20])('cumulant equations (4.58) against the exact permutation-invariant solution, N = 2 … 10, γ+ = 10γ−, V = %dγ−', (V) => {
  const rows = cumulantTable({ V, gammaPlus: 10, gammaMinus: 1 });

  it('the README table holds these numbers', () => {
    expect(readmeRows(V)).toEqual(rows.map(cumulantTableLine));
  });

  it('what the cumulant equations drop is the third cumulant κ3 and nothing else: on the exact state their RHS is (0, −V(N−2)κ3/N, +4V(N−2)κ3/N)', () => {
    // The exact Heisenberg equations hold the three-spin moment where (4.57) puts s_z⟨σ+σ−⟩; in the
    // exact steady state they vanish, so the closed equations are off by exactly the dropped term.
    for (const row of rows) {
      const dropped = (V * (row.N - 2) * row.kappa3) / row.N;
      expectClose(row.rhsOnExact, [0, -dropped, 4 * dropped], { atol: 1e-12 });
    }
  });

  it('is exact at N = 2 (no triples, κ3 absent) and second order beyond: its gap is one order below the mean field\'s', () => {
    expect(Math.max(...rows[0].cumulantGap.map(Math.abs))).toBeLessThan(1e-12);
    for (const row of rows.slice(1)) {
      const gap = Math.max(...row.cumulantGap.map(Math.abs));
      // the gap follows κ3 (nonzero from N = 3 on) ...
      expect(Math.abs(row.kappa3)).toBeGreaterThan(1e-6);
      expect(gap).toBeGreaterThan(1e-5);
      // ... and stays an order below the mean field's, which drops the pair correlations themselves
      expect(gap).toBeLessThan(0.2 * row.meanFieldGap);
    }
  });
});
