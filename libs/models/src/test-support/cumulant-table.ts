import { steadyState } from '@qsync/integrators';
import { dagger, dickeExpect, dickeSpin, identity, levelSpace, minus, plus, scaled, times, type DickeState } from '@qsync/operators';
import { spinEnsembleCumulants } from '../spin-ensemble-cumulants';
import { spinEnsembleMeanField } from '../spin-ensemble-mean-field';
import { spinEnsemblePermutationInvariant } from '../spin-ensemble-permutation-invariant';

/** One row of the models README's table: the exact (permutation-invariant) steady state and the gaps to it. */
export interface CumulantTableRow {
  readonly N: number;
  /** exact s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ */
  readonly exact: readonly number[];
  /** cumulant equations (4.58) − exact, same order */
  readonly cumulantGap: readonly number[];
  /** largest |mean field (4.56) − exact| of the three (⟨σ+σ−⟩ ↔ |s+|², ⟨σzσz⟩ ↔ s_z²) */
  readonly meanFieldGap: number;
  /** the third cumulant κ3 = ⟨σ+_1σz_2σ−_3⟩ − s_z⟨σ+σ−⟩ of the exact state that (4.57) sets to 0 (N ≥ 3; `tripleMoment`) */
  readonly kappa3: number;
  /** the cumulant right-hand side (4.58) on the exact moments */
  readonly rhsOnExact: readonly number[];
}

/** The rows of the README's comparison of Eq. (4.58) with the exact solution, N = 2 … 10. */
export function cumulantTable(r: { V: number; gammaPlus: number; gammaMinus: number }): CumulantTableRow[] {
  const mf = spinEnsembleMeanField(r).steadyState;
  const meanField = [mf.sz, mf.sPlusModulus ** 2, mf.sz ** 2];
  const rows: CumulantTableRow[] = [];
  for (let n = 2; n <= 10; n++) {
    const pi = spinEnsemblePermutationInvariant({ N: n, ...r });
    const { rho } = steadyState(pi.lindbladian);
    const o = pi.operators;
    const exact = [o.sigmaZ, o.sigmaPlusSigmaMinus, o.sigmaZSigmaZ].map((op) => dickeExpect(op, rho).re);
    const model = spinEnsembleCumulants({ N: n, ...r });
    const c = model.steadyState();
    const cumulantGap = [c.sz, c.sigmaPlusSigmaMinus, c.sigmaZSigmaZ].map((v, k) => v - exact[k]);
    const rhsOnExact = new Float64Array(3);
    model.rhs(rhsOnExact, Float64Array.from(exact), 0);
    rows.push({
      N: n,
      exact,
      cumulantGap,
      meanFieldGap: Math.max(...meanField.map((v, k) => Math.abs(v - exact[k]))),
      kappa3: n >= 3 ? tripleMoment(rho) - exact[0] * exact[1] : 0,
      rhsOnExact: Array.from(rhsOnExact),
    });
  }
  return rows;
}

/**
 * ⟨σ+_iσz_kσ−_j⟩ (i, j, k distinct) of a permutation-invariant state from collective operators:
 * with Z = Σσz = 2Sz and X = Σ_{i≠j} σ+_iσ−_j = S+S− − (N + Z)/2, the sum over distinct triples is
 * D = S+ Z S− − Σ_i σ+_i Z σ−_i + 2X (σ+σz = −σ+, σzσ− = −σ−), and
 * Σ_i σ+_i Z σ−_i = −(N + Z)/2 + ((N − 1)Z + Z² − N)/2; T = ⟨D⟩/(N(N − 1)(N − 2)).
 * (The spec checks it against the full tensor state at N = 5.)
 */
export function tripleMoment(rho: DickeState): number {
  const n = rho.space.n;
  const sm = dickeSpin(rho.space, '-');
  const sp = dagger(sm);
  const z = scaled(dickeSpin(rho.space, 'z'), 2);
  const one = identity(levelSpace(rho.space.dimension));
  const nPlusZ = plus(scaled(one, n), z);
  const x = minus(times(sp, sm), scaled(nPlusZ, 0.5));
  const diagonal = plus(scaled(nPlusZ, -0.5), scaled(plus(scaled(z, n - 1), minus(times(z, z), scaled(one, n))), 0.5));
  const d = plus(minus(times(times(sp, z), sm), diagonal), scaled(x, 2));
  return dickeExpect(d, rho).re / (n * (n - 1) * (n - 2));
}

/** A README line of the table: N | s_z (Δ) | ⟨σ+σ−⟩ (Δ) | ⟨σzσz⟩ (Δ) | κ3 | mean-field gap, 3 significant digits. */
export function cumulantTableLine(row: CumulantTableRow): string {
  const f = (x: number) => (Math.abs(x) < 1e-12 ? '0' : x.toPrecision(3));
  const cells = row.exact.map((v, k) => `${f(v)} (${f(row.cumulantGap[k])})`);
  return `| ${row.N} | ${cells.join(' | ')} | ${f(row.kappa3)} | ${f(row.meanFieldGap)} |`;
}
